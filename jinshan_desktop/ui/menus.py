"""The menu bar: File, Edit, View, Help, each action bound to a command of the window; built in its language."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from jinshan_desktop.data.encodings import ENCODINGS
from jinshan_desktop.data.languages import LANGUAGE_NAMES
from jinshan_desktop.ui.export_commands import chosen_encoding, english_exports
from jinshan_desktop.ui.figure_menu import add_figure_actions
from jinshan_desktop.ui.team_dialog import add_team_actions
from jinshan_desktop.ui.theme_menu import add_theme_menu
from jinshan_desktop.ui.translate import Texts

if TYPE_CHECKING:
    from jinshan_desktop.ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class Menus(QObject):
    """Holds the actions (tests trigger them); a checked choice writes its setting. The actions are children of
    this object, so deleting it when the window is rebuilt in another language deletes them too."""

    tr = Texts()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.menuBar().clear()
        self._file_menu()
        self._edit_menu()
        self._view_menu()
        help_menu = window.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Sources"), window.show_sources))
        help_menu.addAction(self._action(self.tr("&About"), window.show_about))

    def _action(self, text: str, slot: Callable[[], object], shortcut: Shortcut = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _choice(self, text: str, value: str, checked: bool, group: QActionGroup) -> QAction:
        action = QAction(text, self, checkable=True)
        action.setData(value)
        action.setChecked(checked)
        group.addAction(action)
        return action

    def _file_menu(self) -> None:
        window, exports, imports = self.window, self.window.exports, self.window.imports
        settings = window.settings
        menu = window.menuBar().addMenu(self.tr("&File"))
        self.import_action = self._action(self.tr("&Import figures from CSV…"), imports.import_figures, "Ctrl+I")
        self.batches_action = self._action(self.tr("Imported &batches…"), imports.show_batches)
        menu.addActions([self.import_action, self.batches_action])
        add_team_actions(window, menu)  # Open team database…, the database named in the status bar
        menu.addSeparator()
        self.export_table_action = self._action(
            self.tr("&Export current table as CSV…"), exports.export_current_table, "Ctrl+E"
        )
        self.export_all_action = self._action(
            self.tr("Export &all tables as CSV…"), exports.export_all_tables, "Ctrl+Shift+E"
        )
        menu.addActions([self.export_table_action, self.export_all_action])
        encoding_menu = menu.addMenu(self.tr("CSV e&ncoding"))
        self.encoding_group = QActionGroup(self)
        chosen = chosen_encoding(settings)
        for encoding, label in ENCODINGS.items():
            encoding_menu.addAction(self._choice(self.tr(label), encoding, encoding == chosen, self.encoding_group))
        self.encoding_group.triggered.connect(lambda action: settings.setValue("csv/encoding", action.data()))
        self.english_export_action = QAction(self.tr("Export in &English"), self, checkable=True)
        self.english_export_action.setChecked(english_exports(settings))
        self.english_export_action.toggled.connect(
            lambda on: settings.setValue("csv/english", "true" if on else "false")
        )
        menu.addAction(self.english_export_action)
        menu.addSeparator()
        self.export_png_action = self._action(self.tr("Export chart as &PNG…"), exports.export_chart_png)
        self.export_svg_action = self._action(self.tr("Export chart as &SVG…"), exports.export_chart_svg)
        figures = window.figure_exports  # the selected figure taken away: its chart's points, a PDF page, a printout
        self.export_chart_csv_action = self._action(self.tr("Export chart &data as CSV…"), figures.export_chart_csv)
        menu.addActions([self.export_png_action, self.export_svg_action, self.export_chart_csv_action])
        menu.addSeparator()
        self.export_pdf_action = self._action(self.tr("Export as PD&F…"), figures.export_pdf)
        self.print_action = self._action(self.tr("P&rint…"), figures.print_figure, QKeySequence.StandardKey.Print)
        menu.addActions([self.export_pdf_action, self.print_action])
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit))

    def _edit_menu(self) -> None:
        window = self.window
        menu = window.menuBar().addMenu(self.tr("&Edit"))
        self.copy_action = self._action(self.tr("&Copy"), window.copy_selection, QKeySequence.StandardKey.Copy)
        self.find_action = self._action(self.tr("&Find…"), window.show_find, QKeySequence.StandardKey.Find)
        menu.addAction(self.copy_action)
        self.figure_actions = add_figure_actions(self, window, menu)  # Copy citation, Copy citation as ▸, Copy link
        menu.addAction(self.find_action)

    def _view_menu(self) -> None:
        window, tabs = self.window, self.window.tabs
        menu = window.menuBar().addMenu(self.tr("&View"))
        self.view_actions = []
        for index in range(tabs.count()):
            action = self._action(tabs.tabText(index), partial(tabs.setCurrentIndex, index), f"Ctrl+{index + 1}")
            self.view_actions.append(action)
            menu.addAction(action)
        menu.addSeparator()
        language_menu = menu.addMenu(self.tr("&Language"))
        self.language_group = QActionGroup(self)
        for language, name in LANGUAGE_NAMES.items():  # each language named in itself
            language_menu.addAction(self._choice(name, language, language == window.language, self.language_group))
        self.language_group.triggered.connect(lambda action: window.set_language(action.data()))
        self.theme_group = add_theme_menu(window, menu)
