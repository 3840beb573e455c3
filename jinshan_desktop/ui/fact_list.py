"""The facts without a number as a list: each statement wrapped, its citation a muted line below, a rule between.

Items keep "statement  [citation]" as their text (what copying and accessibility read); the delegate paints the
two parts from their own roles, measured with the font, so the list holds at any width and scale.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from jinshan_desktop.ui.palette import muted

Index = QModelIndex | QPersistentModelIndex
STATEMENT_ROLE = Qt.ItemDataRole.UserRole + 10
CITATION_ROLE = Qt.ItemDataRole.UserRole + 11
WRAP = Qt.TextFlag.TextWordWrap.value | Qt.AlignmentFlag.AlignLeft.value | Qt.AlignmentFlag.AlignTop.value


def fact_item(statement: str, citation: str) -> QListWidgetItem:
    item = QListWidgetItem(f"{statement}  [{citation}]")
    item.setData(STATEMENT_ROLE, statement)
    item.setData(CITATION_ROLE, citation)
    item.setToolTip(f"{statement}\n{citation}")
    return item


class FactDelegate(QStyledItemDelegate):
    def _padding(self, metrics: QFontMetrics) -> int:
        return max(2, metrics.height() // 3)

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else option.rect.width()
        return max(40, width - 2 * self._padding(option.fontMetrics))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics: QFontMetrics = option.fontMetrics
        width = self._text_width(option)
        statement = metrics.boundingRect(QRect(0, 0, width, 100_000), WRAP, str(index.data(STATEMENT_ROLE)))
        padding = self._padding(metrics)
        return QSize(width + 2 * padding, statement.height() + metrics.height() + 2 * padding + 1)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget)
        metrics: QFontMetrics = option.fontMetrics
        padding = self._padding(metrics)
        rect: QRect = option.rect.adjusted(padding, padding, -padding, -padding)
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        drawn = painter.boundingRect(rect, WRAP, str(index.data(STATEMENT_ROLE)))
        painter.drawText(rect, WRAP, str(index.data(STATEMENT_ROLE)))
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText) if selected else muted(palette))
        citation = metrics.elidedText(str(index.data(CITATION_ROLE)), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.left(), drawn.bottom() + 1, rect.width(), metrics.height()), WRAP, citation)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        bottom = option.rect.bottom()
        painter.drawLine(option.rect.left(), bottom, option.rect.right(), bottom)
        painter.restore()


def make_fact_list(parent: QWidget | None = None) -> QListWidget:
    facts = QListWidget(parent)
    facts.setItemDelegate(FactDelegate(facts))
    facts.setWordWrap(True)
    facts.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped heights measured again at a new width
    facts.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    facts.setUniformItemSizes(False)
    return facts
