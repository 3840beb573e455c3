"""File → Print… and Export as PDF…: a real PDF page with the chart drawn and the figure's words as text
(read back with poppler's pdftotext), in English and Chinese (fonts embedded), never half-written."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6 import QtPrintSupport
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from jinshan_desktop.data.queries import FactBook
from jinshan_desktop.ui import printing
from jinshan_desktop.ui.chart_colours import ACCENT
from jinshan_desktop.ui.language import apply_language
from jinshan_desktop.ui.trend_chart import load_pyqtgraph
from tests.ui.test_chart_reading import _dark_palette
from tests.ui.waiting import chart_drawn


def _poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        message = f"{tool} is missing: apt-get install poppler-utils (.ci/run installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def _text(pdf: Path) -> str:
    """The PDF's text as a reader's copy would give it. NFKC: a CJK font may map 入 to the look-alike Kangxi
    radical ⼊ in its ToUnicode table, which copying gives back; NFKC folds it into the ideograph."""
    out = subprocess.run([_poppler("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKC", " ".join(out.stdout.split()))


def _page_image(pdf: Path, name: str) -> QImage:
    stem = pdf.with_name(name)
    subprocess.run([_poppler("pdftoppm"), "-png", "-r", "120", "-singlefile", str(pdf), str(stem)], check=True)
    shutil.copyfile(f"{stem}.png", f"/tmp/{name}.png")  # to look at
    return QImage(f"{stem}.png")


def _accent_pixels(image: QImage, colour: QColor) -> int:
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if abs(image.pixelColor(x, y).red() - colour.red())
        + abs(image.pixelColor(x, y).green() - colour.green())
        + abs(image.pixelColor(x, y).blue() - colour.blue())
        < 60
    )


def _fonts(pdf: Path) -> str:
    return subprocess.run([_poppler("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_pdf_page_has_the_chart_drawn_and_the_value_period_title_and_citation_as_text(
    qtbot, book: FactBook, tmp_path: Path, language: str
) -> None:
    load_pyqtgraph()
    apply_language(language)  # the application's font: Noto Sans CJK in Chinese
    try:
        reader = book.with_language(language)
        row = reader.observation("edo-revenue-2021")
        page = printing.figure_page(row, reader.chart_for(row.id))
        printing.export_pdf(page, tmp_path / "figure.pdf")
    finally:
        apply_language("en")
    pdf = tmp_path / "figure.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = _text(pdf)
    for words in (row.indicator, row.value_text, row.period_label, row.citation, row.source_title):
        assert unicodedata.normalize("NFKC", words) in text, (words, text)
    if language == "zh_CN":
        assert "40.2亿元" in text and "和辉光电" in text
        assert "NotoSansCJK" in _fonts(pdf) and " yes " in _fonts(pdf)  # the CJK font embedded
    assert list(tmp_path.glob("*.part")) == []  # no temporary file left
    image = _page_image(pdf, f"figure-page-{language}")
    assert image.width() < image.height()  # A4 portrait
    assert _accent_pixels(image, ACCENT) > 40, "no chart line drawn on the page"


def test_the_page_is_printed_in_light_colours_under_a_dark_palette(qtbot, book: FactBook, tmp_path: Path) -> None:
    app = QApplication.instance()
    light = app.palette()
    row = book.observation("rural-income-2019")
    try:
        app.setPalette(_dark_palette())
        printing.export_pdf(printing.figure_page(row, book.chart_for(row.id)), tmp_path / "dark.pdf")
    finally:
        app.setPalette(light)
    image = _page_image(tmp_path / "dark.pdf", "figure-page-dark-desktop")
    assert _accent_pixels(image, ACCENT) > 40  # the light palette's blue: drawn for paper
    dark = sum(1 for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
               if image.pixelColor(x, y).lightness() < 60)
    assert dark < 0.05 * (image.width() // 4) * (image.height() // 4)  # no dark plot background on paper


def _choose_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))


def _select(qtbot, window, theme_id: str, observation_id: str) -> None:
    window.tabs.setCurrentIndex(window.tab_of_theme[theme_id])
    view = window.theme_view(theme_id)
    with chart_drawn(qtbot, view):
        assert view.select_observation(observation_id)


def test_file_export_as_pdf_writes_the_selected_figure(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    _select(qtbot, window, "public_services", "livelihood-spending-2016")
    _choose_file(monkeypatch, tmp_path / "spending.pdf")
    window.menus.export_pdf_action.trigger()
    text = _text(tmp_path / "spending.pdf")
    row = window.book.observation("livelihood-spending-2016")
    assert row.value_text in text and row.citation in text
    assert "Saved to" in window.statusBar().currentMessage()


def test_an_unwritable_folder_is_said_and_leaves_no_pdf(qtbot, window, tmp_path: Path, monkeypatch, no_dialogs) -> None:
    _select(qtbot, window, "public_services", "livelihood-spending-2016")
    _choose_file(monkeypatch, tmp_path / "spending.pdf")

    def refuse(*args, **kwargs):  # root writes through chmod 0500: refuse where the system would
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("jinshan_desktop.data.export_files.tempfile.mkstemp", refuse)
    window.menus.export_pdf_action.trigger()
    assert no_dialogs and no_dialogs[0][0] == "warning"
    assert "Cannot write in" in no_dialogs[0][1] and "Permission denied" in no_dialogs[0][1]
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob("*.part")) == []


class _PrintDialog:
    """Stands in for QPrintDialog (modal): the reader picks a printer that writes a PDF file, or cancels."""

    accept = True
    target: Path

    def __init__(self, printer, parent=None) -> None:
        self.printer = printer

    def exec(self) -> int:
        if not self.accept:
            return QDialog.DialogCode.Rejected
        self.printer.setOutputFormat(self.printer.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(self.target))
        return QDialog.DialogCode.Accepted


def test_file_print_renders_the_figure_onto_the_chosen_printer(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    _select(qtbot, window, "manufacturing", "edo-planned-output")
    _PrintDialog.target, _PrintDialog.accept = tmp_path / "printed.pdf", True
    monkeypatch.setattr(QtPrintSupport, "QPrintDialog", _PrintDialog)  # looked up when Print runs
    window.menus.print_action.trigger()
    text = _text(tmp_path / "printed.pdf")
    row = window.book.observation("edo-planned-output")
    assert row.value_text in text and row.citation in text and row.indicator in text
    assert _accent_pixels(_page_image(tmp_path / "printed.pdf", "figure-printed-bars"), ACCENT) > 40
    _PrintDialog.target, _PrintDialog.accept = tmp_path / "cancelled.pdf", False
    window.menus.print_action.trigger()
    assert not (tmp_path / "cancelled.pdf").exists()


def test_print_without_a_selected_figure_says_so(qtbot, window, monkeypatch, no_dialogs) -> None:
    window.tabs.setCurrentIndex(window.tab_of_theme["manufacturing"])
    monkeypatch.setattr(QtPrintSupport, "QPrintDialog", _PrintDialog)  # looked up when Print runs
    window.menus.print_action.trigger()
    assert no_dialogs == [("information", "Select a figure in the table first.")]
