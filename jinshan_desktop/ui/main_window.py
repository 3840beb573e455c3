"""The main window: menus, tabs and status bar. All cross-tab wiring lives here."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMainWindow, QMessageBox, QTabWidget, QWidget

from jinshan_desktop import APP_NAME, __version__
from jinshan_desktop.data import exporting, importing
from jinshan_desktop.data.formatting import format_count
from jinshan_desktop.data.importing import team
from jinshan_desktop.data.languages import LANGUAGE_NAMES
from jinshan_desktop.data.progress import Progress
from jinshan_desktop.data.queries import FactBook, SearchHit, ThemeInfo
from jinshan_desktop.paths import user_log_dir
from jinshan_desktop.ui.background import BackgroundCall, run_with_progress
from jinshan_desktop.ui.find_dialog import FindDialog
from jinshan_desktop.ui.import_dialogs import BatchesDialog, ImportPreviewDialog
from jinshan_desktop.ui.language import apply_language
from jinshan_desktop.ui.lazy_tab import LazyTab
from jinshan_desktop.ui.overview_view import OverviewView
from jinshan_desktop.ui.sources_dialog import SourcesDialog
from jinshan_desktop.ui.table_model import ROW_ROLE
from jinshan_desktop.ui.team_dialog import add_team_actions
from jinshan_desktop.ui.theme_view import ThemeView
from jinshan_desktop.ui.trend_chart import TrendChart

log = logging.getLogger(__name__)
DISTRICT_THEME = "district"


class MainWindow(QMainWindow):
    def __init__(
        self, book: FactBook, settings: QSettings, language: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.settings = settings
        self.language = language
        self.resize(1280, 820)
        book.set_language(language)
        apply_language(language)
        self._build()
        self._restore_state()
        self.integrity_check: BackgroundCall | None = None

    def check_integrity_in_background(self) -> None:
        """A large database opened after a header check is read whole now, while the reader browses."""
        if self.book.fully_checked:
            return
        self.integrity_check = BackgroundCall(self.book.integrity_problem, self)
        self.integrity_check.done.connect(self._integrity_checked)
        self.integrity_check.start()

    def _integrity_checked(self, problem: str | None) -> None:
        if problem is None:
            return
        log.error("integrity check failed: %s", problem)
        message = self.tr("The database failed its integrity check: figures shown may be wrong or missing.")
        self.statusBar().showMessage(message)
        QMessageBox.warning(self, self.tr("Damaged database"), f"{message}\n\n{problem}")

    def _build(self) -> None:
        """Everything that shows words: built again, in the new language, when the reader switches."""
        self.setWindowTitle(self.tr("Jinshan Fact Book"))
        themes = self.book.themes()
        district = next(theme for theme in themes if theme.id == DISTRICT_THEME)
        tab_themes = [theme for theme in themes if theme.id != DISTRICT_THEME]
        self.theme_names = {theme.id: theme.name for theme in themes}

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._overview: OverviewView | None = None
        self._views: dict[str, ThemeView] = {}
        self.tab_of_theme: dict[str, int] = {DISTRICT_THEME: 0}
        self.tabs.addTab(LazyTab(lambda: self._build_overview(tab_themes, district)), self.tr("Overview"))
        for theme in tab_themes:
            tab = LazyTab(lambda theme=theme: self._build_theme_view(theme))
            self.tab_of_theme[theme.id] = self.tabs.addTab(tab, theme.name)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.setCentralWidget(self.tabs)  # deletes the previous tabs when rebuilding

        self.find_dialog = FindDialog(self.book, self.theme_names, self)
        self.find_dialog.hit_chosen.connect(self.open_hit)
        self.menuBar().clear()
        self._build_menus()
        info = self.book.info()
        self.statusBar().showMessage(
            self.tr("%1 figures · %2 facts · %3 sources · data as of %4")
            .replace("%1", self._count(info.observation_count))
            .replace("%2", self._count(info.fact_count))
            .replace("%3", self._count(info.source_count))
            .replace("%4", info.data_vintage)
        )

    def _build_overview(self, tab_themes: list[ThemeInfo], district: ThemeInfo) -> OverviewView:
        self._overview = OverviewView(self.book, tab_themes, district)
        self._overview.figure_chosen.connect(self.open_observation)
        self._views[DISTRICT_THEME] = self._overview.district_view
        return self._overview

    def _build_theme_view(self, theme: ThemeInfo) -> ThemeView:
        self._views[theme.id] = ThemeView(self.book, theme)
        return self._views[theme.id]

    def _tab_shown(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if isinstance(tab, LazyTab):
            tab.ensure_built()

    def overview(self) -> OverviewView:
        self._tab_shown(0)
        assert self._overview is not None
        return self._overview

    def theme_view(self, theme_id: str) -> ThemeView:
        """The view of a theme, built now if its tab has not been shown yet."""
        self._tab_shown(self.tab_of_theme[theme_id])
        return self._views[theme_id]

    def _count(self, count: int) -> str:
        return format_count(count, self.language)

    def set_language(self, language: str) -> None:
        """Switch live: translators, data names and numbers change; tab, selection and filter stay."""
        if language == self.language:
            return
        self.language = language
        self.settings.setValue("view/language", language)
        self.book.set_language(language)
        apply_language(language)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild every view from the read API, keeping the tab, the selected figure and the filter."""
        tab = self.tabs.currentIndex()
        view = self.current_view()
        current = view.table.currentIndex()
        selected = current.data(ROW_ROLE).id if current.isValid() else None
        filter_text = view.filter_box.text()
        self.find_dialog.deleteLater()
        self._build()
        self.tabs.setCurrentIndex(tab)
        self._tab_shown(tab)
        view = self.current_view()
        if selected is not None:
            view.select_observation(selected)
        view.filter_box.setText(filter_text)

    # Menus

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        self.export_table_action = self._action(
            self.tr("&Export current table as CSV…"), self.export_current_table, "Ctrl+E"
        )
        self.export_all_action = self._action(
            self.tr("Export &all tables as CSV…"), self.export_all_tables, "Ctrl+Shift+E"
        )
        self.export_png_action = self._action(self.tr("Export chart as &PNG…"), self.export_chart_png)
        self.export_svg_action = self._action(self.tr("Export chart as &SVG…"), self.export_chart_svg)
        self.import_action = self._action(self.tr("&Import figures from CSV…"), self.import_figures, "Ctrl+I")
        self.batches_action = self._action(self.tr("Imported &batches…"), self.show_batches)
        file_menu.addActions([self.import_action, self.batches_action])
        add_team_actions(self, file_menu)  # Open team database…, the database named in the status bar
        file_menu.addSeparator()
        file_menu.addActions([self.export_table_action, self.export_all_action])
        encoding_menu = file_menu.addMenu(self.tr("CSV e&ncoding"))
        self.encoding_group = QActionGroup(self)
        chosen = str(self.settings.value("csv/encoding", exporting.DEFAULT_ENCODING))
        for encoding, label in exporting.ENCODINGS.items():
            action = QAction(label, self, checkable=True)
            action.setData(encoding)
            action.setChecked(encoding == chosen)
            self.encoding_group.addAction(action)
            encoding_menu.addAction(action)
        self.encoding_group.triggered.connect(lambda a: self.settings.setValue("csv/encoding", a.data()))
        self.english_export_action = QAction(self.tr("Export in &English"), self, checkable=True)
        self.english_export_action.setChecked(self.settings.value("csv/english", "false") == "true")
        self.english_export_action.toggled.connect(
            lambda on: self.settings.setValue("csv/english", "true" if on else "false")
        )
        file_menu.addAction(self.english_export_action)
        file_menu.addSeparator()
        file_menu.addActions([self.export_png_action, self.export_svg_action])
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))

        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        self.copy_action = self._action(self.tr("&Copy"), self.copy_selection, QKeySequence.StandardKey.Copy)
        self.find_action = self._action(self.tr("&Find…"), self.show_find, QKeySequence.StandardKey.Find)
        edit_menu.addActions([self.copy_action, self.find_action])

        view_menu = menu_bar.addMenu(self.tr("&View"))
        self.view_actions = []
        for index in range(self.tabs.count()):
            action = self._action(
                self.tabs.tabText(index), lambda _=False, i=index: self.tabs.setCurrentIndex(i), f"Ctrl+{index + 1}"
            )
            self.view_actions.append(action)
            view_menu.addAction(action)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Language"))
        self.language_group = QActionGroup(self)
        for language, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)  # each language named in itself
            action.setData(language)
            action.setChecked(language == self.language)
            self.language_group.addAction(action)
            language_menu.addAction(action)
        self.language_group.triggered.connect(lambda action: self.set_language(action.data()))

        help_menu = menu_bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Sources"), self.show_sources))
        help_menu.addAction(self._action(self.tr("&About"), self.show_about))

    # Navigation

    def current_view(self) -> ThemeView:
        index = self.tabs.currentIndex()
        return self.theme_view(next(theme for theme, tab in self.tab_of_theme.items() if tab == index))

    def open_observation(self, observation_id: str) -> None:
        theme_id = self.book.observation(observation_id).theme_id
        self.tabs.setCurrentIndex(self.tab_of_theme[theme_id])
        self.theme_view(theme_id).select_observation(observation_id)

    def open_hit(self, hit: SearchHit) -> None:
        self.tabs.setCurrentIndex(self.tab_of_theme[hit.theme_id])
        view = self.theme_view(hit.theme_id)
        if hit.kind == "figure":
            view.select_observation(hit.target_id)
        elif hit.kind == "fact":
            view.select_fact(hit.target_id)
        else:
            view.show_entity(hit.target_id)

    def show_find(self) -> None:
        self.find_dialog.show()
        self.find_dialog.raise_()
        self.find_dialog.query.setFocus()
        self.find_dialog.query.selectAll()

    def copy_selection(self) -> None:
        text = self.current_view().selection_as_tsv()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.statusBar().showMessage(self.tr("Copied %1 rows").replace("%1", str(text.count("\n") - 1)), 4000)

    # Exports

    def csv_encoding(self) -> str:
        action = self.encoding_group.checkedAction()
        return action.data() if action is not None else exporting.DEFAULT_ENCODING

    def export_book(self) -> FactBook:
        """Exports speak the window's language unless the reader asked for English."""
        return self.book.with_language("en") if self.english_export_action.isChecked() else self.book

    def _last_folder(self) -> str:
        return str(self.settings.value("export/folder", str(Path.home())))

    def _remember_folder(self, folder: Path) -> None:
        self.settings.setValue("export/folder", str(folder))

    def _report_failure(self, error: Exception) -> None:
        log.warning("export failed: %s", error)
        QMessageBox.warning(self, self.tr("Export failed"), str(error))

    def _run_export(self, total: int, work: Callable[[Progress], object]) -> object | None:
        """Run an export (off the GUI thread when large); None when it was cancelled or failed, as said."""
        label = self.tr("Exporting %1 rows…").replace("%1", self._count(total))
        try:
            return run_with_progress(self, label, total, work) or True
        except exporting.ExportCancelled:
            self.statusBar().showMessage(self.tr("Export cancelled; no file was written."))
        except (exporting.ExportError, OSError) as error:
            self._report_failure(error)
        return None

    def export_current_table(self) -> None:
        view = self.current_view()
        default = Path(self._last_folder()) / f"jinshan-{view.theme.id}.csv"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export table as CSV"), str(default), self.tr("CSV files (*.csv)")
        )
        if not name:
            return
        path = Path(name)
        table = exporting.observations_table(self.export_book(), view.model.query, path.name)
        encoding = self.csv_encoding()
        total = table.row_count or 0
        done = self._run_export(total, lambda progress: exporting.export_table(table, path, encoding, progress))
        if done is None:
            return
        self._remember_folder(path.parent)
        self.statusBar().showMessage(
            self.tr("Exported %1 rows to %2").replace("%1", self._count(total)).replace("%2", str(path))
        )

    def export_all_tables(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export all tables to folder"), self._last_folder())
        if not folder:
            return
        book, encoding = self.export_book(), self.csv_encoding()
        total = book.info().observation_count
        written = self._run_export(total, lambda progress: exporting.export_all(book, Path(folder), encoding, progress))
        if written is None:
            return
        self._remember_folder(Path(folder))
        self.statusBar().showMessage(
            self.tr("Exported %1 files to %2").replace("%1", str(len(written))).replace("%2", folder)
        )

    def _export_chart(self, suffix: str, label: str) -> None:
        view = self.current_view()
        if view.chart.chart is None:
            QMessageBox.information(self, self.tr("No chart"), self.tr("Select a figure first; its chart is exported."))
            return
        default = Path(self._last_folder()) / f"jinshan-chart.{suffix}"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export chart"), str(default), f"{label} (*.{suffix})")
        if not name:
            return
        chart = view.chart
        if self.english_export_action.isChecked() and self.language != "en":
            chart = self._english_chart(view)
        try:
            (chart.export_png if suffix == "png" else chart.export_svg)(Path(name))
        except (exporting.ExportError, OSError) as error:
            self._report_failure(error)
            return
        finally:
            if chart is not view.chart:
                chart.deleteLater()
        self._remember_folder(Path(name).parent)
        self.statusBar().showMessage(self.tr("Chart saved to %1").replace("%1", name))

    def _english_chart(self, view: ThemeView) -> TrendChart:
        """The selected figure's chart drawn again in English, off screen, for an English image."""
        chart = TrendChart(english=True)
        chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        chart.resize(view.chart.size())
        chart.show_chart(self.export_book().chart_for(view.table.currentIndex().data(ROW_ROLE).id))
        chart.show()
        QApplication.processEvents()  # lay out the title and source before the image is taken
        return chart

    def export_chart_png(self) -> None:
        self._export_chart("png", self.tr("PNG images"))

    def export_chart_svg(self) -> None:
        self._export_chart("svg", self.tr("SVG images"))

    # Imports

    def import_figures(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import figures from CSV"), self._last_folder(), self.tr("CSV files (*.csv)")
        )
        if not name:
            return
        path = Path(name)
        try:  # a cancel while checking or while writing leaves nothing imported
            checking = self.tr("Checking %1…").replace("%1", path.name)
            plan = run_with_progress(
                self, checking, importing.lines_in_file(path), lambda p: importing.plan_import(self.book, path, p)
            )
            if ImportPreviewDialog(plan, self).exec() != QDialog.DialogCode.Accepted:
                return
            writing = self.tr("Importing %1 figures…").replace("%1", self._count(len(plan.figures)))
            batch = run_with_progress(self, writing, len(plan.figures), lambda p: team.import_into(self.book, plan, p))
        except importing.ImportCancelled:
            self.statusBar().showMessage(self.tr("Import cancelled; nothing was imported."))
            return
        except importing.StoreWriteError as error:
            log.warning("import failed: %s", error)
            QMessageBox.warning(self, self.tr("Import failed"), str(error))
            return
        self.refresh()
        self.statusBar().showMessage(
            self.tr("Imported %1 figures as batch %2")
            .replace("%1", self._count(len(plan.figures)))
            .replace("%2", str(batch))
        )

    def show_batches(self) -> None:
        dialog = BatchesDialog(team.batches_of(self.book), self)
        dialog.remove_button.clicked.connect(lambda: self._remove_batch(dialog))
        dialog.exec()

    def _remove_batch(self, dialog: BatchesDialog) -> None:
        batch = dialog.selected_batch()
        if batch is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove batch"),
            self.tr("Remove import batch %1 and every figure it added?").replace("%1", str(batch)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            removed = team.remove_from(self.book, batch)
        except importing.StoreWriteError as error:
            QMessageBox.warning(self, self.tr("Remove failed"), str(error))
            return
        dialog.accept()
        self.refresh()
        self.statusBar().showMessage(
            self.tr("Removed batch %1 (%2 figures)").replace("%1", str(batch)).replace("%2", str(removed))
        )

    # Help

    def show_sources(self) -> None:
        SourcesDialog(self.book.sources(), self).exec()

    def show_about(self) -> None:
        info = self.book.info()
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "<h3>%1 %2</h3><p>The published facts of Jinshan District, Shanghai, with the document and "
                "paragraph of each figure.</p><p>Data as of %3: %4 figures, %5 facts from %6 sources.<br>"
                "Database: %7<br>Log file folder: %8</p>"
            )
            .replace("%1", APP_NAME)
            .replace("%2", __version__)
            .replace("%3", info.data_vintage)
            .replace("%4", self._count(info.observation_count))
            .replace("%5", self._count(info.fact_count))
            .replace("%6", self._count(info.source_count))
            .replace("%7", str(self.book.path))
            .replace("%8", str(user_log_dir())),
        )

    # Remembering the reader

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        tab = int(self.settings.value("window/tab", 0))
        if 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)
        self._tab_shown(self.tabs.currentIndex())  # the one view start-up builds

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()

    def stop_background_work(self) -> None:
        if self.integrity_check is not None:
            self.integrity_check.wait()  # a thread must not outlive its window

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_background_work()
        self.save_state()
        self.find_dialog.close()
        super().closeEvent(event)
