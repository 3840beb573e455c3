"""The main window: menus, tabs and status bar. All cross-tab wiring lives here."""

from __future__ import annotations

import logging
from functools import partial
from html import escape

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QWidget

from jinshan_desktop import __version__
from jinshan_desktop.data.formatting import format_count
from jinshan_desktop.data.queries import FactBook, SearchHit, ThemeInfo
from jinshan_desktop.paths import user_log_dir
from jinshan_desktop.ui.background import BackgroundCall
from jinshan_desktop.ui.export_commands import ExportCommands
from jinshan_desktop.ui.figure_commands import FigureCommands
from jinshan_desktop.ui.figure_exports import FigureExports
from jinshan_desktop.ui.find_dialog import FindDialog
from jinshan_desktop.ui.import_commands import ImportCommands
from jinshan_desktop.ui.language import apply_language
from jinshan_desktop.ui.lazy_tab import LazyTab
from jinshan_desktop.ui.menus import Menus
from jinshan_desktop.ui.overview_view import OverviewView
from jinshan_desktop.ui.reader import wait_for_reads
from jinshan_desktop.ui.status_summary import summary_label
from jinshan_desktop.ui.table_model import ROW_ROLE
from jinshan_desktop.ui.theme_view import ThemeView
from jinshan_desktop.ui.translate import Texts

log = logging.getLogger(__name__)
DISTRICT_THEME = "district"


class MainWindow(QMainWindow):
    """The tabs, the menus and the status bar; the commands live in ExportCommands and ImportCommands."""

    tr = Texts()

    def __init__(
        self, book: FactBook, settings: QSettings, language: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.settings = settings
        self.language = language
        self.resize(1280, 820)
        self.exports = ExportCommands(self)
        self.figure_exports = FigureExports(self)  # the selected figure as chart CSV, PDF, printout
        self.imports = ImportCommands(self)
        self.figures = FigureCommands(self)  # copy what has focus, cite, links
        self.menus: Menus | None = None
        book.set_language(language)
        apply_language(language)
        self._starting = True  # the view built now counts at once: a damaged database fails here, not later
        self._build()
        self._restore_state()
        self._starting = False
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
            tab = LazyTab(partial(self._build_theme_view, theme))
            self.tab_of_theme[theme.id] = self.tabs.addTab(tab, theme.name)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.setCentralWidget(self.tabs)  # deletes the previous tabs when rebuilding

        self.find_dialog = FindDialog(self.book, self.theme_names, self)
        self.find_dialog.hit_chosen.connect(self.open_hit)
        if self.menus is not None:
            self.menus.deleteLater()  # with its actions, in the previous language
        self.menus = Menus(self)
        info = self.book.info()
        summary_label(self).setText(
            self.tr("%1 figures · %2 facts · %3 sources · data as of %4").arg(
                self._count(info.observation_count),
                self._count(info.fact_count),
                self._count(info.source_count),
                info.data_vintage,
            )
        )

    def _build_overview(self, tab_themes: list[ThemeInfo], district: ThemeInfo) -> OverviewView:
        self._overview = OverviewView(self.book, tab_themes, district, count_now=self._starting)
        self._overview.figure_chosen.connect(self.open_observation)
        self._views[DISTRICT_THEME] = self._overview.district_view
        return self._overview

    def _build_theme_view(self, theme: ThemeInfo) -> ThemeView:
        self._views[theme.id] = ThemeView(self.book, theme, count_now=self._starting)
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
        view.set_filter(filter_text)

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
        self.figures.copy_what_has_focus()

    # Help

    def show_sources(self) -> None:
        from jinshan_desktop.ui.sources_dialog import SourcesDialog  # imported when asked for, not at start

        SourcesDialog(self.book.sources(), self, self.language).exec()

    def show_about(self) -> None:
        info = self.book.info()
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "<h3>%1 %2</h3><p>The published facts of Jinshan District, Shanghai, with the document and "
                "paragraph of each figure.</p><p>Data as of %3: %4 figures, %5 facts from %6 sources.<br>"
                "Database: %7<br>Log file folder: %8</p>"
            ).arg(
                self.tr("Jinshan Fact Book"),
                __version__,
                info.data_vintage,
                self._count(info.observation_count),
                self._count(info.fact_count),
                self._count(info.source_count),
                escape(str(self.book.path)),
                escape(str(user_log_dir())),
            ),
        )

    # Remembering the reader

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        tab = int(str(self.settings.value("window/tab", 0)))
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
        wait_for_reads()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_background_work()
        self.save_state()
        self.find_dialog.close()
        super().closeEvent(event)
