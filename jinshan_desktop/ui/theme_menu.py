"""View → Theme ▸ System / Light / Dark: the hook menus.py calls; the choice is applied live and remembered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP
from jinshan_desktop.ui.palette import THEME_CHOICES, THEME_SETTING, ThemeChoice, apply_theme, current_theme
from jinshan_desktop.ui.translate import Texts

if TYPE_CHECKING:
    from jinshan_desktop.ui.main_window import MainWindow

ThemeMenu = Texts("ThemeMenu")
CHOICE_NAMES: dict[ThemeChoice, str] = {
    "system": QT_TRANSLATE_NOOP("ThemeMenu", "&System (follow the desktop)"),
    "light": QT_TRANSLATE_NOOP("ThemeMenu", "&Light"),
    "dark": QT_TRANSLATE_NOOP("ThemeMenu", "&Dark"),
}


def add_theme_menu(window: MainWindow, view_menu: QMenu) -> QActionGroup:
    """The submenu, its actions children of the group (deleted with the menus when the window is rebuilt)."""
    menu = view_menu.addMenu(ThemeMenu.tr("&Theme"))
    tip = ThemeMenu.tr("Colours of the window: the desktop's, light or dark")
    menu.menuAction().setStatusTip(tip)
    group = QActionGroup(menu)
    for choice in THEME_CHOICES:
        action = QAction(ThemeMenu.tr(CHOICE_NAMES[choice]), group, checkable=True)
        action.setData(choice)
        action.setChecked(choice == current_theme())
        action.setStatusTip(tip)
        menu.addAction(action)

    def chosen(action: QAction) -> None:
        choice: ThemeChoice = action.data()
        window.settings.setValue(THEME_SETTING, choice)
        apply_theme(choice)

    group.triggered.connect(chosen)
    return group
