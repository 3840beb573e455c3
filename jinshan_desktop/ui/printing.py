"""The selected figure on a page — its title, value and period, its chart and its citation — for File → Print…
and File → Export as PDF…, through Qt's print support.

render_page paints onto any QPagedPaintDevice (a QPrinter from the print dialog, or one writing a PDF). The
chart is drawn again off screen in a light palette: paper is white whatever the desktop's theme. Text is
drawn as text in the application's font, so a PDF embeds the font (Noto Sans CJK for Chinese) and a reader
can search and copy it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPalette
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from jinshan_desktop.data.export_files import ExportError, atomic_target
from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP
from jinshan_desktop.data.rows import Chart, ObservationRow
from jinshan_desktop.ui import chart_export
from jinshan_desktop.ui.translate import Texts
from jinshan_desktop.ui.trend_chart import TrendChart

SOURCE = QT_TRANSLATE_NOOP("FigurePage", "Source: %1")
PAPER_CHART_SIZE = (720, 450)  # the chart is laid out at this size in pixels, then scaled to the page's width
PAPER_CHART_SCALE = 4  # drawn at four times that: about 430 dpi across the page's width
PAGE_MARGIN_MM = 18
TITLE_PT, VALUE_PT, TEXT_PT = 16, 22, 10


@dataclass(frozen=True, slots=True)
class PrintedFigure:
    """What a printed figure says: the words are final (in the page's language), the chart is drawn."""

    title: str
    value: str
    period: str
    citation: str  # "Source: briefing-2020-09-10 ¶8"
    reference: str  # the document: title · publisher · date · where in it
    address: str
    chart: Chart | None


def figure_page(row: ObservationRow, chart: Chart | None, *, english: bool = False) -> PrintedFigure:
    texts = Texts("FigurePage", translated=not english)  # English words for an English page from any window
    where = row.locator_text or row.locator
    parts = (row.source_title, row.source_publisher, row.source_published, where)
    reference = " · ".join(part for part in parts if part)
    drawn = chart if chart is not None and chart.points else None
    return PrintedFigure(
        title=row.indicator,
        value=row.value_text,
        period=row.period_label,
        citation=texts.tr(SOURCE).arg(row.citation),
        reference=reference,
        address=row.source_address or "",
        chart=drawn,
    )


def paper_palette() -> QPalette:
    """Dark words on white, whatever the screen's palette."""
    palette = QPalette(QColor("#f0f0f0"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    return palette


def paper_chart(chart: Chart, *, english: bool = False) -> TrendChart:
    """The chart drawn off screen in the paper palette; the caller deletes it (deleteLater) when done."""
    drawn = TrendChart(english=english)
    drawn.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    drawn.setPalette(paper_palette())
    drawn.line_width *= PAPER_CHART_SCALE  # pyqtgraph's lines are cosmetic: as thick in the image as on screen
    drawn.resize(*PAPER_CHART_SIZE)
    drawn.show_chart(chart)
    drawn.show()
    QApplication.processEvents()  # lay out the title, axes and labels before the page is drawn
    return drawn


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())  # the language's font (font_for): Noto Sans CJK in Chinese
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _paragraph(painter: QPainter, top: float, width: float, text: str, font: QFont, colour: QColor) -> float:
    """text wrapped to width from top; returns the top of what follows, a little below it."""
    if not text:
        return top
    painter.setFont(font)
    painter.setPen(colour)
    flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
    used = painter.drawText(QRectF(0, top, width, 1e6), flags, text)
    return used.bottom() + painter.fontMetrics().height() * 0.35


def render_page(device: QPagedPaintDevice, page: PrintedFigure, *, english: bool = False) -> None:
    """The figure on one page of device: title, value and period, chart, citation and the document's address."""
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("The page could not be started: the printer or file refused it.")
    drawn = paper_chart(page.chart, english=english) if page.chart is not None else None
    try:
        area = painter.viewport()  # the printable area, in device pixels
        width, ink, muted = float(area.width()), QColor("#000000"), QColor("#4a5563")
        top = _paragraph(painter, 0, width, page.title, _font(TITLE_PT, bold=True), ink)
        top = _paragraph(painter, top, width, page.value, _font(VALUE_PT, bold=True), ink)
        top = _paragraph(painter, top, width, page.period, _font(TEXT_PT + 2), ink)
        if drawn is not None and drawn.canvas is not None:
            shown = drawn.canvas.viewport().size()
            aspect = shown.width() / max(shown.height(), 1)
            height = min(width / aspect, area.height() * 0.55)  # a wide page: the chart keeps its proportions
            image = chart_export.scene_image(drawn.canvas, shown.width(), PAPER_CHART_SCALE)
            painter.drawImage(QRectF(0, top, height * aspect, height), image)
            top += height + painter.fontMetrics().height()
        top = _paragraph(painter, top, width, page.citation, _font(TEXT_PT, bold=True), ink)
        top = _paragraph(painter, top, width, page.reference, _font(TEXT_PT), ink)
        _paragraph(painter, top, width, page.address, _font(TEXT_PT - 1), muted)
    finally:
        painter.end()
        if drawn is not None:
            drawn.deleteLater()


def page_printer() -> QPrinter:
    """A high-resolution printer with the page's margins; the print dialog may change paper and margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    margins = QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM)
    printer.setPageMargins(margins, QPageLayout.Unit.Millimeter)
    return printer


def pdf_printer(path: Path) -> QPrinter:
    """A printer writing an A4 PDF to path (whatever its suffix: the temporary file's is .part)."""
    printer = page_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    return printer


def export_pdf(page: PrintedFigure, path: Path, *, english: bool = False) -> None:
    """The page as a PDF at path, written beside it first: a failure leaves no half-written file."""
    with atomic_target(path) as temporary:
        render_page(pdf_printer(temporary), page, english=english)
        if temporary.stat().st_size == 0:
            raise ExportError(f"Cannot write {path}: Qt wrote an empty PDF.")
