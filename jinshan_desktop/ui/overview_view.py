"""The Overview tab: headline figures of every theme, then the district profile in the theme view."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from jinshan_desktop.data.queries import FactBook, ThemeInfo
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
        headlines = book.headlines()
        cards = QWidget()
        grid = QGridLayout(cards)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        derived = " · " + self.tr("derived")
        for column, theme in enumerate([district, *themes]):
            card = QFrame()
            card.setFrameShape(QFrame.Shape.StyledPanel)
            card.setObjectName("headline-card")
            card_layout = QVBoxLayout(card)
            title = QLabel(f"<b>{escape(theme.name)}</b>")
            card_layout.addWidget(title)
            for row in (r for r in headlines if r.theme_id == theme.id):
                label = QLabel(
                    f"<a href='{escape(row.id)}' style='text-decoration:none'>"
                    f"<span style='font-size:13pt'><b>{escape(row.value_text)}</b></span></a>"
                    f"<br>{escape(row.indicator)}<br>"
                    f"<span style='color:#5f6b7a'>{escape(row.period_label)} · {escape(row.citation)}"
                    f"{derived if row.derived else ''}</span>"
                )
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
                label.linkActivated.connect(self.figure_chosen.emit)
                label.setToolTip(row.source_title)
                card_layout.addWidget(label)
            card_layout.addStretch(1)
            grid.addWidget(card, 0, column)
            grid.setColumnStretch(column, 1)

        heading = QLabel(
            self.tr("<b>Jinshan District at a glance</b> — headline figures of each theme; click a figure to open it.")
        )
        self.district_view = ThemeView(book, district, count_now=count_now)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)  # cards never clip their figures; a small window scrolls
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(cards)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(scroll)
        splitter.addWidget(self.district_view)
        splitter.setSizes([300, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
