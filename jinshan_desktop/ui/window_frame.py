"""The window as it first paints, before the data layer is imported: title, menu bar, the Overview tab and its
heading, where the saved geometry puts them, every part disabled so nothing can be asked of an empty view.

It imports nothing from the data layer (SQLAlchemy alone takes longer to import than Qt), so it paints in
about the time of a bare Qt window; the main window replaces it on the same event loop once the book is open.
The words are the main window's own, translated from the same catalogue contexts.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QVBoxLayout, QWidget

from jinshan_desktop.ui.translate import Texts

MENU_TITLES = ("&File", "&Edit", "&View", "&Help")


# The words of the views the frame stands in for, in their contexts, shown before those views are imported.
MainWindow = Texts("MainWindow")
Menus = Texts("Menus")
OverviewView = Texts("OverviewView")


class WindowFrame(QMainWindow):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(MainWindow.tr("Jinshan Fact Book"))
        self.resize(1280, 820)  # as the main window, which restores the same saved geometry
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for title in MENU_TITLES:
            self.menuBar().addMenu(Menus.tr(title)).setEnabled(False)
        overview = QWidget()
        layout = QVBoxLayout(overview)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(
            QLabel(
                OverviewView.tr(
                    "<b>Jinshan District at a glance</b> — headline figures of each theme; click a figure to open it."
                )
            )
        )
        layout.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(overview, MainWindow.tr("Overview"))
        self.tabs.setEnabled(False)
        self.setCentralWidget(self.tabs)
        self.statusBar()

    def menus(self) -> list[QMenu]:
        return [menu for action in self.menuBar().actions() if isinstance(menu := action.menu(), QMenu)]
