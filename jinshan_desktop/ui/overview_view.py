"""The Overview tab: headline figures of every theme, then the district profile in the theme view."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from jinshan_desktop.data.queries import FactBook, ThemeInfo
from jinshan_desktop.ui.headline_cards import HeadlineCards
from jinshan_desktop.ui.theme_view import ThemeView
from jinshan_desktop.ui.translate import Texts


class OverviewView(QWidget):
    """Cards of headline figures; a click on a figure asks the window to open it in its tab."""

    figure_chosen = Signal(str)
    tr = Texts()

    def __init__(
        self,
        book: FactBook,
        themes: list[ThemeInfo],
        district: ThemeInfo,
        parent: QWidget | None = None,
        *,
        count_now: bool = False,
    ) -> None:
        super().__init__(parent)
        self.cards = HeadlineCards([district, *themes], book.headlines(), " · " + self.tr("derived"))
        self.cards.figure_chosen.connect(self.figure_chosen.emit)
        heading = QLabel(
            self.tr("<b>Jinshan District at a glance</b> — headline figures of each theme; click a figure to open it.")
        )
        self.district_view = ThemeView(book, district, count_now=count_now)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)  # the cards wrap into rows at the viewport's width; then it scrolls
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.cards)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(scroll)
        splitter.addWidget(self.district_view)
        splitter.setSizes([300, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
