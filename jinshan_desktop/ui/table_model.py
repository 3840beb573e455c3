"""The table of a theme's figures: rows fetched lazily, read a page at a time in the order and filter SQL gives.

One COUNT tells how many figures match; given a Reader it runs off the GUI thread and the table stays empty
until it arrives (selecting a figure or Ctrl+End, which need it, count at once). The view is shown the first
page and asks for more through canFetchMore/fetchMore as the reader scrolls; each fetch doubles the rows
shown, so the end of 200,000 rows is a dozen fetches away, and Ctrl+End or Find reveal up to a row at once.
Revealing costs nothing: a row's data is read, a 100-row page at a time (an LRU of at most 50 pages), only
when it is painted or asked for. Sorting and filtering are queries, never done on display text.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP
from jinshan_desktop.data.queries import FactBook, ObservationRow, SortKey, TableQuery
from jinshan_desktop.ui.reader import Reader
from jinshan_desktop.ui.translate import Texts

ModelIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the ObservationRow behind the table row


def status_text(row: ObservationRow) -> str:
    if row.batch_id is not None:
        return ObservationTableModel.tr("imported")
    if row.derived:
        return ObservationTableModel.tr("derived")
    if row.provisional:
        return ObservationTableModel.tr("provisional")
    return ObservationTableModel.tr("published")


class ObservationTableModel(QAbstractTableModel):
    tr = Texts()
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

    counted = Signal()  # match_count (and theme_total) now hold the current query's count

    def __init__(
        self,
        book: FactBook,
        theme_id: str,
        parent: QObject | None = None,
        reader: Reader | None = None,
        *,
        count_now: bool = False,
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.reader = reader  # None: count on the calling thread (scripts, benchmarks, model tests)
        self.query = TableQuery(theme_id)
        self.theme_total: int | None = None  # every figure of the theme: the first count, of no filter
        self.count_known = False
        self.match_count = 0  # rows matching the query once counted; rowCount() is the rows fetched so far
        self._fetched = 0
        self._pages: OrderedDict[int, list[ObservationRow]] = OrderedDict()
        self.pages_read = 0  # how many page queries were made (tests and benchmarks look)
        self.fetches = 0  # how many times the view fetched more rows
        self._count_theme(count_now)

    def _count_theme(self, now: bool) -> None:
        """The first count, of the whole theme, is the table's and the theme's total: kept for the latter
        even when the reader has filtered before it arrives."""
        book, query = self.book, self.query
        if self.reader is None or now:
            self._theme_counted(query, book.count_observations(query))
        else:
            self.reader.submit("total", lambda: book.count_observations(query), lambda n: self._theme_counted(query, n))

    def _theme_counted(self, query: TableQuery, count: int) -> None:
        self.theme_total = count
        if self.count_known:
            self.counted.emit()  # the count of the current query came first; the total completes it
        self._counted(query, count)

    # Queries

    def set_query(self, query: TableQuery) -> None:
        """Show what query matches. Counted here (no reader), a query that cannot run raises before anything
        changed, so the table stays as it was; on the reader, a failure arrives as the reader's error."""
        same_rows = (query.topic_id, query.text) == (self.query.topic_id, self.query.text)
        counted_now = (
            None if self.reader is not None or (same_rows and self.count_known) else self.book.count_observations(query)
        )
        self.beginResetModel()
        self.query = query
        self._pages.clear()
        if same_rows and self.count_known:  # sorted again: as many rows as before, and no count to wait for
            self._fetched = min(self.match_count, self.PAGE_SIZE)
            self.endResetModel()
            return
        self.count_known = False
        self.match_count = self._fetched = 0
        self.endResetModel()
        if counted_now is not None:
            self._counted(query, counted_now)
        else:
            self._count()

    def _count(self) -> None:
        book, query = self.book, self.query
        if self.reader is None:
            self._counted(query, book.count_observations(query))
        else:
            self.reader.submit("count", lambda: book.count_observations(query), lambda n: self._counted(query, n))

    def ensure_counted(self) -> None:
        """Count now, on this thread, when the answer cannot wait (Ctrl+End, selecting a figure by id)."""
        if not self.count_known:
            if self.reader is not None:
                self.reader.cancel("count")
            self._counted(self.query, self.book.count_observations(self.query))

    def _counted(self, query: TableQuery, count: int) -> None:
        if query != self.query or self.count_known:
            return
        self.count_known = True
        self.match_count = count
        if count:
            self.beginInsertRows(QModelIndex(), 0, min(count, self.PAGE_SIZE) - 1)
            self._fetched = min(count, self.PAGE_SIZE)
            self.endInsertRows()
        self.counted.emit()

    def set_topic(self, topic_id: str | None) -> None:
        self.set_query(replace(self.query, topic_id=topic_id))

    def set_text(self, text: str) -> None:
        self.set_query(replace(self.query, text=text))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column, "position")
        query = replace(self.query, sort=key, descending=order == Qt.SortOrder.DescendingOrder and column >= 0)
        if query != self.query:  # the view re-sorts when sorting is switched on: nothing to read then
            self.set_query(query)

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
        self.ensure_counted()
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

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return super().headerData(section, orientation, role)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
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
