"""File → Export: the current table, every table, the chart as PNG or SVG; large exports off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from jinshan_desktop.data.encodings import DEFAULT_ENCODING
from jinshan_desktop.data.export_files import ExportError
from jinshan_desktop.data.formatting import format_count
from jinshan_desktop.data.progress import Progress
from jinshan_desktop.data.queries import FactBook
from jinshan_desktop.ui.background import run_with_progress
from jinshan_desktop.ui.table_model import ROW_ROLE
from jinshan_desktop.ui.translate import Texts
from jinshan_desktop.ui.trend_chart import TrendChart

# data.exporting (the tables' writer) is imported when a command runs: the window paints without it.
if TYPE_CHECKING:
    from jinshan_desktop.ui.main_window import MainWindow
    from jinshan_desktop.ui.theme_view import ThemeView

log = logging.getLogger(__name__)
Result = TypeVar("Result")


def chosen_encoding(settings: QSettings) -> str:
    return str(settings.value("csv/encoding", DEFAULT_ENCODING))


def english_exports(settings: QSettings) -> bool:
    return settings.value("csv/english", "false") == "true"


class ExportCommands(QObject):
    """The export menu's commands; the encoding and the English switch are read from the settings the menu
    writes, so the two never disagree."""

    tr = Texts()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    @property
    def settings(self) -> QSettings:
        return self.window.settings

    def export_book(self) -> FactBook:
        """Exports speak the window's language unless the reader asked for English."""
        book = self.window.book
        return book.with_language("en") if english_exports(self.settings) else book

    def in_english_instead(self) -> bool:
        """File → Export in English is on and the window reads Chinese: exports are read again in English."""
        return english_exports(self.settings) and self.window.language != "en"

    def last_folder(self) -> str:
        return str(self.settings.value("export/folder", str(Path.home())))

    def remember_folder(self, folder: Path) -> None:
        self.settings.setValue("export/folder", str(folder))

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message)

    def report_failure(self, error: Exception) -> None:
        log.warning("export failed: %s", error)
        QMessageBox.warning(self.window, self.tr("Export failed"), str(error))

    def _run(self, total: int, work: Callable[[Progress], Result]) -> Result | None:
        """Run an export (off the GUI thread when large); None when it was cancelled or failed, as said."""
        from jinshan_desktop.data.exporting import ExportCancelled

        label = self.tr("Exporting %1 rows…").arg(format_count(total, self.window.language))
        try:
            result: Result = run_with_progress(self.window, label, total, work)
            return result
        except ExportCancelled:
            self._say(self.tr("Export cancelled; no file was written."))
        except (ExportError, OSError) as error:
            self.report_failure(error)
        return None

    def export_current_table(self) -> None:
        view = self.window.current_view()
        view.apply_pending_filter()
        default = Path(self.last_folder()) / f"jinshan-{view.theme.id}.csv"
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export table as CSV"), str(default), self.tr("CSV files (*.csv)")
        )
        if not name:
            return
        from jinshan_desktop.data import exporting

        path = Path(name)
        table = exporting.observations_table(self.export_book(), view.model.query, path.name)
        encoding = chosen_encoding(self.settings)
        total = table.row_count or 0

        def work(progress: Progress) -> bool:
            exporting.export_table(table, path, encoding, progress)
            return True

        if self._run(total, work):
            self.remember_folder(path.parent)
            count = format_count(total, self.window.language)
            self._say(self.tr("Exported %1 rows to %2").arg(count, path))

    def export_all_tables(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Export all tables to folder"), self.last_folder()
        )
        if not folder:
            return
        from jinshan_desktop.data import exporting

        book, encoding = self.export_book(), chosen_encoding(self.settings)
        total = book.info().observation_count
        written = self._run(total, lambda progress: exporting.export_all(book, Path(folder), encoding, progress))
        if written is not None:
            self.remember_folder(Path(folder))
            self._say(self.tr("Exported %n files to %1", None, len(written)).arg(folder))

    def export_chart_png(self) -> None:
        self._export_chart("png", self.tr("PNG images"))

    def export_chart_svg(self) -> None:
        self._export_chart("svg", self.tr("SVG images"))

    def _export_chart(self, suffix: str, label: str) -> None:
        view = self.window.current_view()
        if view.chart.chart is None:
            QMessageBox.information(
                self.window, self.tr("No chart"), self.tr("Select a figure first; its chart is exported.")
            )
            return
        default = Path(self.last_folder()) / f"jinshan-chart.{suffix}"
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export chart"), str(default), f"{label} (*.{suffix})"
        )
        if not name:
            return
        chart = view.chart
        if self.in_english_instead():
            chart = self._english_chart(view)
        try:
            (chart.export_png if suffix == "png" else chart.export_svg)(Path(name))
        except (ExportError, OSError) as error:
            self.report_failure(error)
            return
        finally:
            if chart is not view.chart:
                chart.deleteLater()
        self.remember_folder(Path(name).parent)
        self._say(self.tr("Chart saved to %1").arg(name))

    def _english_chart(self, view: ThemeView) -> TrendChart:
        """The selected figure's chart drawn again in English, off screen, for an English image."""
        chart = TrendChart(english=True)
        chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        chart.resize(view.chart.size())
        chart.show_chart(self.export_book().chart_for(view.table.currentIndex().data(ROW_ROLE).id))
        chart.show()
        QApplication.processEvents()  # lay out the title and source before the image is taken
        return chart
