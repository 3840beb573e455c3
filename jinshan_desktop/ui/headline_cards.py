"""The Overview's cards of headline figures, laid out in as many columns as fit and wrapped into rows.

A card is never narrower than its widest figure ("nearly 100 billion yuan", "3,866亩（257.7公顷）") on one
line, so a figure is never broken or cut; names and citations wrap inside the card. When the window is too
narrow for every card in one row, the cards wrap into more rows and the Overview's scroll area scrolls them.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from jinshan_desktop.data.queries import ObservationRow, ThemeInfo
from jinshan_desktop.ui.short_citation import short_citation

CARD_MINIMUM_EM = 13  # a card's least width, in line heights (about as many Chinese characters)
FIGURE_SCALE = 1.4  # the figure's type, against the window's


def _wrapped(text: str, muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if muted:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # follows the palette, light or dark
    return label


class HeadlineCard(QFrame):
    figure_chosen = Signal(str)

    def __init__(self, theme: ThemeInfo, rows: list[ObservationRow], derived: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("headline-card")
        layout = self.card_layout = QVBoxLayout(self)
        title = QLabel(theme.name)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.figures: list[QLabel] = []
        for row in rows:
            figure = QLabel(
                f"<a href='{escape(row.id)}' style='text-decoration:none'><b>{escape(row.value_text)}</b></a>"
            )
            figure_font = figure.font()
            figure_font.setPointSizeF(figure_font.pointSizeF() * FIGURE_SCALE)
            figure.setFont(figure_font)
            figure.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
            figure.linkActivated.connect(self.figure_chosen.emit)
            figure.setToolTip(row.source_title)
            self.figures.append(figure)
            citation = short_citation(
                row.citation_label, row.source_publisher, row.source_published, row.locator, row.locator_text
            )
            layout.addWidget(figure)
            layout.addWidget(_wrapped(row.indicator))
            layout.addWidget(_wrapped(f"{row.period_label} · {citation}{derived if row.derived else ''}", True))
            layout.addSpacing(figure.fontMetrics().height() // 3)
        layout.addStretch(1)

    def changeEvent(self, event: QEvent) -> None:
        """Links take the palette's link colour when their text is parsed: parse again in a new palette."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            for figure in self.figures:
                text = figure.text()
                figure.clear()
                figure.setText(text)

    def least_width(self) -> int:
        """The widest figure on one line, within the card's margins; never under CARD_MINIMUM_EM."""
        margins = self.card_layout.contentsMargins()
        widest = max((figure.sizeHint().width() for figure in self.figures), default=0)
        return max(widest + margins.left() + margins.right() + 2 * self.frameWidth(),
                   CARD_MINIMUM_EM * self.fontMetrics().height())


class HeadlineCards(QWidget):
    """The cards in a grid whose number of columns follows the width."""

    figure_chosen = Signal(str)

    def __init__(self, themes: list[ThemeInfo], headlines: list[ObservationRow], derived: str) -> None:
        super().__init__()
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(8)
        self.cards = [
            HeadlineCard(theme, [row for row in headlines if row.theme_id == theme.id], derived) for theme in themes
        ]
        for card in self.cards:
            card.figure_chosen.connect(self.figure_chosen.emit)
        self.card_width = max(card.least_width() for card in self.cards)
        self.setMinimumWidth(self.card_width)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.columns = 0
        self._arrange(len(self.cards))

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for position, card in enumerate(self.cards):
            self.grid.addWidget(card, position // columns, position % columns)
        for column in range(columns):
            self.grid.setColumnStretch(column, 1)

    def columns_for(self, width: int) -> int:
        spacing = self.grid.horizontalSpacing()
        return max(1, min(len(self.cards), (width + spacing) // (self.card_width + spacing)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(self.columns_for(event.size().width()))
        super().resizeEvent(event)
