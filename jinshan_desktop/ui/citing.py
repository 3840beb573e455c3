"""Cite this: the detail pane's Cite button (plain text; its menu BibTeX and CSL-JSON) and the clipboard.

The citation's text is the data layer's (data/citations.py), so the command line writes the same; this module
only asks for it and puts it on the clipboard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QMenu, QToolButton, QVBoxLayout, QWidget

from jinshan_desktop.data.citations import formatted
from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP
from jinshan_desktop.data.queries import FactBook
from jinshan_desktop.ui.translate import Texts

if TYPE_CHECKING:
    from jinshan_desktop.ui.theme_view import ThemeView

# The styles as the menus name them; BibTeX and CSL-JSON are the formats' own names in every language.
CITATION_STYLE_NAMES = {
    "plain": QT_TRANSLATE_NOOP("CiteBar", "Plain text"),
    "bibtex": "BibTeX",
    "csl-json": "CSL-JSON",
}


def copy_citation(book: FactBook, observation_id: str, style: str) -> str:
    """Put the figure's citation in style on the clipboard; the sentence the status bar says."""
    QGuiApplication.clipboard().setText(formatted(book.citation(observation_id), style))
    name = CITATION_STYLE_NAMES[style]
    return CiteBar.tr("Copied the citation (%1)").arg(CiteBar.tr(name) if style == "plain" else name)


def say(widget: QWidget, message: str) -> None:
    """A transient sentence in the status bar of the widget's main window."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, 4000)


class CiteBar(QWidget):
    """The detail pane with a Cite button above it; the button cites the figure the pane shows (none for a
    fact, which the figure's citation would misname)."""

    tr = Texts()

    def __init__(self, view: ThemeView) -> None:
        super().__init__()
        self.book = view.book
        self.figure_id: str | None = None
        self.button = QToolButton()
        self.button.setText(self.tr("Cite"))
        self.button.setToolTip(self.tr("Copy a citation of this figure, with today as the date accessed"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self.button)
        for style, name in CITATION_STYLE_NAMES.items():
            action = menu.addAction(self.tr(name) if style == "plain" else name)
            action.setData(style)
            action.triggered.connect(lambda _checked=False, chosen=style: self.cite(chosen))
        self.button.setMenu(menu)
        self.button.clicked.connect(lambda: self.cite("plain"))
        self.button.setEnabled(False)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addStretch(1)
        bar.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(view.detail, 1)
        view.observation_selected.connect(self.set_figure)
        view.facts_list.currentItemChanged.connect(lambda *_: self.set_figure(None))

    def set_figure(self, observation_id: str | None) -> None:
        self.figure_id = observation_id
        self.button.setEnabled(observation_id is not None)

    def cite(self, style: str) -> None:
        if self.figure_id is not None:
            say(self, copy_citation(self.book, self.figure_id, style))
