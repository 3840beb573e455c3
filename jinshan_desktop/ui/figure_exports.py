"""File → Export chart data as CSV…, Export as PDF… and Print…: the selected figure taken away.

Each reads the Chart the view already drew (the same read answer as the hover and the table), asking the
read API again only for an English export from a Chinese window or while the chart is still on its way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from jinshan_desktop.data.export_files import ExportError
from jinshan_desktop.data.rows import Chart, ObservationRow
from jinshan_desktop.ui.export_commands import chosen_encoding
from jinshan_desktop.ui.table_model import ROW_ROLE
from jinshan_desktop.ui.translate import Texts

# Qt's print support, the page renderer and the chart CSV writer are imported when a command runs: the window
# paints without them.
if TYPE_CHECKING:
    from jinshan_desktop.ui.main_window import MainWindow



class FigureExports(QObject):
    tr = Texts()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def selected(self) -> tuple[ObservationRow, Chart | None] | None:
        """The selected figure (in the export's language) and its chart; None, and a word why, without one."""
        view = self.window.current_view()
        current = view.table.currentIndex()
        if not current.isValid():
            QMessageBox.information(
                self.window, self.tr("No figure selected"), self.tr("Select a figure in the table first.")
            )
            return None
        row: ObservationRow = current.data(ROW_ROLE)
        if self.window.exports.in_english_instead():
            book = self.window.book.with_language("en")
            return book.observation(row.id), book.chart_for(row.id)
        chart = view.chart.chart
        if chart is None or all(point.observation_id != row.id for point in chart.points):
            chart = self.window.book.chart_for(row.id)  # not drawn yet (or the figure has no chart)
        return row, chart

    def _save_name(self, title: str, default_name: str, label: str, suffix: str) -> Path | None:
        folder = Path(self.window.exports.last_folder())
        name, _ = QFileDialog.getSaveFileName(self.window, title, str(folder / default_name), f"{label} (*.{suffix})")
        return Path(name) if name else None

    def _saved(self, path: Path) -> None:
        self.window.exports.remember_folder(path.parent)
        self.window.statusBar().showMessage(self.tr("Saved to %1").arg(path), 6000)

    def _written(self, write: Callable[[], object]) -> bool:
        """Run a write; a failure is said in the export commands' words, and False."""
        try:
            write()
        except (ExportError, OSError) as error:
            self.window.exports.report_failure(error)
            return False
        return True

    def export_chart_csv(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        row, chart = chosen
        if chart is None or not chart.points:
            QMessageBox.information(self.window, self.tr("No chart"), self.tr("This figure has no chart to export."))
            return
        title, label = self.tr("Export chart data as CSV"), self.tr("CSV files")
        path = self._save_name(title, f"jinshan-{row.id}.csv", label, "csv")
        if path is None:
            return
        from jinshan_desktop.data import chart_csv

        if self._written(lambda: chart_csv.export_chart_csv(chart, path, chosen_encoding(self.window.settings))):
            self._saved(path)

    def export_pdf(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        row, chart = chosen
        path = self._save_name(self.tr("Export as PDF"), f"jinshan-{row.id}.pdf", self.tr("PDF documents"), "pdf")
        if path is None:
            return
        from jinshan_desktop.ui import printing

        english = self.window.exports.in_english_instead()
        page = printing.figure_page(row, chart, english=english)
        if self._written(lambda: printing.export_pdf(page, path, english=english)):
            self._saved(path)

    def print_figure(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog

        from jinshan_desktop.ui import printing

        row, chart = chosen
        printer = printing.page_printer()
        printer.setDocName(row.indicator)
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        english = self.window.exports.in_english_instead()
        page = printing.figure_page(row, chart, english=english)
        if not self._written(lambda: printing.render_page(printer, page, english=english)):
            return
        self.window.statusBar().showMessage(self.tr("Sent %1 to the printer").arg(row.indicator), 6000)
