"""A Chinese window shows no English: every widget's text of the main window, its tabs (each figure and fact
selected in turn) and its dialogs, in zh_CN and zh_TW, holds no Latin word but allowed proper names (issue 12).
Screenshots of each tab and dialog are saved to screenshots/ for people to look at."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from jinshan_desktop.data.importing.checker import OPTIONAL, REQUIRED
from jinshan_desktop.data.queries import open_fact_book
from jinshan_desktop.ui.find_dialog import FindDialog
from jinshan_desktop.ui.import_dialogs import BatchesDialog, ImportPreviewDialog
from jinshan_desktop.ui.main_window import MainWindow
from jinshan_desktop.ui.sources_dialog import SourcesDialog
from tests.ui.visible_text import latin_words, plain, visible_texts
from tests.ui.waiting import shown_ids

# Words a Chinese window writes in Latin letters, each a proper name, a format or a code the reader types.
ALLOWED = {
    "AMOLED",  # a display technology, so written in Chinese filings
    "AAAA",  # the national scenic-spot grade
    "SCIC",  # the briefing names this body only so; no Chinese name was found
    "English",  # the language menu names each language in itself
    "CSV",
    "PNG",
    "SVG",
    "PDF",
    "UTF",
    "GB",  # UTF-8, GB18030: the encodings' names
    "BOM",
    "Excel",  # the spreadsheet the UTF-8 with BOM encoding is for
    "UTC",
    "BibTeX",  # citation formats, named as reference managers name them (Edit → Copy citation as)
    "CSL",
    "JSON",
}
# An import file's header is English (the columns of observations.csv), so a refused file's report names them.
IMPORT_COLUMNS = set(REQUIRED + OPTIONAL)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture
def layered_window(qtbot, database: Path, tmp_path: Path):
    """A window with a per-user database, so the import commands run."""
    book = open_fact_book(database, user_store=tmp_path / "user" / "imported.sqlite")
    window = MainWindow(book, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    book.close()


def _save(widget: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


def _walk_tabs(window: MainWindow, qtbot, language: str) -> list[str]:
    texts: list[str] = []
    window.resize(1400, 900)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        texts += visible_texts(window)
        if index == 0:
            _save(window, f"{language}-walk-tab-0")
            continue
        view = window.current_view()
        for observation_id in shown_ids(view):
            assert view.select_observation(observation_id)
            texts += visible_texts(view.detail) + visible_texts(view.chart)
        for row in range(view.facts_list.count()):
            view.facts_list.setCurrentRow(row)
            texts += visible_texts(view.detail)
        view.select_observation(shown_ids(view)[0])
        qtbot.wait(20)
        _save(window, f"{language}-walk-tab-{index}")
    return texts


def _walk_dialogs(window: MainWindow, qtbot, monkeypatch, tmp_path: Path, language: str) -> list[str]:
    texts: list[str] = []
    shown: list[QDialog] = []
    monkeypatch.setattr(SourcesDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.show_sources()
    monkeypatch.setattr(BatchesDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.menus.batches_action.trigger()
    refused = tmp_path / "refused.csv"
    refused.write_text("x\n1\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(refused), ""))
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.menus.import_action.trigger()
    find: FindDialog = window.find_dialog
    find.query.setText("金山")
    find.run_search()
    shown.append(find)
    for dialog in shown:
        dialog.resize(760, 560)
        qtbot.wait(20)
        texts += visible_texts(dialog)
        _save(dialog, f"{language}-dialog-{type(dialog).__name__}")
    about: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: about.extend([title, text]))
    window.show_about()
    texts += [plain(text) for text in about]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "table.csv"), ""))
    window.menus.export_table_action.trigger()
    texts.append(window.statusBar().currentMessage())
    return texts


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"])
def test_a_chinese_window_shows_no_english_word(
    layered_window: MainWindow, qtbot, monkeypatch, tmp_path: Path, language: str
) -> None:
    window = layered_window
    window.set_language(language)
    texts = _walk_tabs(window, qtbot, language) + _walk_dialogs(window, qtbot, monkeypatch, tmp_path, language)
    assert len(texts) > 2000
    assert any("observations.csv" in text for text in texts)  # the refused import's report was read
    # The source's own words are quoted as it wrote them, marked with the source's language.
    quotations = {row.as_written for row in window.book.observations() if row.as_written}
    assert latin_words(texts, ALLOWED | IMPORT_COLUMNS, quotations) == {}
    window.set_language("en")


def test_the_walker_finds_english_where_there_is_some(window: MainWindow, qtbot) -> None:
    """The walk itself works: the English window is full of Latin words."""
    found = latin_words(visible_texts(window), ALLOWED, set())
    assert {"Overview", "Manufacturing", "File"} <= set(found)
