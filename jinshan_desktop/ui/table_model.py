"""The table of a theme's figures: rows fetched lazily, read a page at a time in the order and filter SQL gives.

One COUNT tells how many figures match. The view is shown the first page and asks for more through
canFetchMore/fetchMore as the reader scrolls; each fetch doubles the rows shown, so the end of 200,000 rows is
a dozen fetches away, and Ctrl+End or Find reveal up to a row at once. Revealing costs nothing: a row's data
is read, a 100-row page at a time (an LRU of at most 50 pages), only when it is painted or asked for. Sorting
and filtering are queries, never done on display text.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtCore import QCoreApplication as Core

from jinshan_desktop.data.queries import FactBook, ObservationRow, SortKey, TableQuery

ModelIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the ObservationRow behind the table row


def status_text(row: ObservationRow) -> str:
    if row.batch_id is not None:
        return Core.translate("ObservationTableModel", "imported")
    if row.derived:
        return Core.translate("ObservationTableModel", "derived")
    if row.provisional:
        return Core.translate("ObservationTableModel", "provisional")
    return Core.translate("ObservationTableModel", "published")


class ObservationTableModel(QAbstractTableModel):
    COL_TOPIC, COL_INDICATOR, COL_PERIOD, COL_VALUE, COL_STATUS, COL_SOURCE = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("ObservationTableModel", "Topic"),
        QT_TRANSLATE_NOOP("ObservationTableModel", "Indicator"),
        QT_TRANSLATE_NOOP("ObservationTableModel", "Period"),
        QT_TRANSLATE_NOOP("ObservationTableModel", "Value"),
        QT_TRANSLATE_NOOP("ObservationTableModel", "Status"),
        QT_TRANSLATE_NOOP("ObservationTableModel", "Source"),
    )
    SORT_KEYS: ClassVar[dict[int, SortKey]] = {
        COL_INDICATOR: "indicator",
        COL_PERIOD: "period",
        COL_VALUE: "value",
        COL_SOURCE: "source",
    }
    PAGE_SIZE = 100  # about three screens: the first one paints after one small query
    MAX_PAGES = 50  # at most 5,000 rows held; a page read again costs one indexed query

    def __init__(self, book: FactBook, theme_id: str, parent: object = None) -> None:
        super().__init__(parent)
        self.book = book
        self.query = TableQuery(theme_id)
        self.theme_total = book.count_observations(self.query)
        self.match_count = self.theme_total  # rows matching the query; rowCount() is the rows fetched so far
        self._fetched = min(self.match_count, self.PAGE_SIZE)
        self._pages: OrderedDict[int, list[ObservationRow]] = OrderedDict()
        self.pages_read = 0  # how many page queries were made (tests and benchmarks look)
        self.fetches = 0  # how many times the view fetched more rows

    # Queries

    def set_query(self, query: TableQuery) -> None:
        self.beginResetModel()
        self.query = query
        self.match_count = self.book.count_observations(query)
        self._fetched = min(self.match_count, self.PAGE_SIZE)
        self._pages.clear()
        self.endResetModel()

    def set_topic(self, topic_id: str | None) -> None:
        self.set_query(replace(self.query, topic_id=topic_id))

    def set_text(self, text: str) -> None:
        self.set_query(replace(self.query, text=text))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column, "position")
        query = replace(self.query, sort=key, descending=order == Qt.SortOrder.DescendingOrder and column >= 0)
        if query != self.query:  # the view re-sorts when sorting is switched on: nothing to read then
            self.set_query(query)

    def all_ids(self) -> list[str]:
        """Every figure the table shows, in its order (for "Export current table")."""
        return self.book.observation_ids(self.query)

    def row_of(self, observation_id: str) -> int | None:
        return self.book.row_of(self.query, observation_id)

    def row_at(self, row: int) -> ObservationRow:
        number = row // self.PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self.book.observation_page(self.query, number * self.PAGE_SIZE, self.PAGE_SIZE)
            self.pages_read += 1
            self._pages[number] = page
            if len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[row - number * self.PAGE_SIZE]

    def fetch_to(self, row: int) -> None:
        """Make every row up to row (or the last) part of the table: for Find and for Ctrl+End."""
        last = min(row, self.match_count - 1)
        if last < self._fetched:
            return
        self.beginInsertRows(QModelIndex(), self._fetched, last)
        self._fetched = last + 1
        self.endInsertRows()

    # Qt's model interface

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._fetched

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and self._fetched < self.match_count

    def fetchMore(self, parent: ModelIndex) -> None:
        if self.canFetchMore(parent):
            self.fetches += 1
            self.fetch_to(self._fetched + max(self.PAGE_SIZE, self._fetched) - 1)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return Core.translate("ObservationTableModel", self.HEADERS[section])
        return super().headerData(section, orientation, role)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._fetched:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(self.row_at(index.row()), index.column())
        if role == ROW_ROLE:
            return self.row_at(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self.row_at(index.row())
            where = row.citation if row.citation_label else f"{row.source_title}, {row.locator}"
            return f"{row.indicator}\n{row.value_text} · {row.period_label}\n{where}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: ObservationRow, column: int) -> str:
        # Only the asked column: a screen asks for a few hundred cells, and a translated status costs a lookup.
        if column == self.COL_STATUS:
            return status_text(row)
        return (row.topic, row.indicator, row.period_label, row.value_text, "", row.citation)[column]
