"""Edit menu's actions on the selected figure: Copy citation (Ctrl+Shift+C), Copy citation as ▸, Copy link."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from jinshan_desktop.ui.citing import CITATION_STYLE_NAMES, CiteBar
from jinshan_desktop.ui.translate import Texts

if TYPE_CHECKING:
    from jinshan_desktop.ui.main_window import MainWindow

FigureMenu = Texts("FigureMenu")


@dataclass(frozen=True)
class FigureActions:
    copy_citation: QAction
    citation_styles: dict[str, QAction]  # style → its action in Copy citation as ▸
    copy_link: QAction


def add_figure_actions(parent: QObject, window: MainWindow, menu: QMenu) -> FigureActions:
    """The actions, children of parent (the window's Menus, deleted with it when the language changes)."""
    commands = window.figures
    copy_citation = QAction(FigureMenu.tr("Copy c&itation"), parent)
    copy_citation.setShortcut(QKeySequence("Ctrl+Shift+C"))
    copy_citation.triggered.connect(lambda: commands.copy_citation("plain"))
    styles_menu = QMenu(FigureMenu.tr("Copy citation &as"), menu)
    styles: dict[str, QAction] = {}
    for style, name in CITATION_STYLE_NAMES.items():
        action = QAction(CiteBar.tr(name) if style == "plain" else name, parent)
        action.triggered.connect(lambda _checked=False, chosen=style: commands.copy_citation(chosen))
        styles_menu.addAction(action)
        styles[style] = action
    copy_link = QAction(FigureMenu.tr("Copy &link"), parent)
    copy_link.triggered.connect(commands.copy_link)
    menu.addAction(copy_citation)
    menu.addMenu(styles_menu)
    menu.addAction(copy_link)
    return FigureActions(copy_citation, styles, copy_link)
