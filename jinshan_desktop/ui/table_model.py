"""The table of a theme's figures: a model with column constants and a proxy sorting on real values."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtCore import QCoreApplication as Core

from jinshan_desktop.data.queries import ObservationRow

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the real value to sort on: a number, a year, a name
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

    def __init__(self, rows: list[ObservationRow] | None = None, parent: object = None) -> None:
        super().__init__(parent)
        self._rows: list[ObservationRow] = list(rows or [])

    def set_rows(self, rows: list[ObservationRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ObservationRow:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return Core.translate("ObservationTableModel", self.HEADERS[section])
        return super().headerData(section, orientation, role)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.indicator}\n{row.value_text} · {row.period_label}\n{row.source_title}, {row.locator}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: ObservationRow, column: int) -> str:
        return (
            row.topic,
            row.indicator,
            row.period_label,
            row.value_text,
            status_text(row),
            row.citation,
        )[column]

    def _sort_key(self, row: ObservationRow, column: int) -> object:
        if column == self.COL_VALUE:
            return float(row.value)
        if column == self.COL_PERIOD:
            # Years in order; periods without a year after them, alphabetically.
            return f"{row.period_year or 9999:04d} {row.period_label}"
        return self._display(row, column).casefold()


class ObservationFilterProxy(QSortFilterProxyModel):
    """Filters by topic and by text in any column; sorts on SORT_ROLE."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._topic_id: str | None = None
        self._needle = ""

    def set_topic(self, topic_id: str | None) -> None:
        self.beginFilterChange()
        self._topic_id = topic_id
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ObservationTableModel)
        row = model.row_at(source_row)
        if self._topic_id is not None and row.topic_id != self._topic_id:
            return False
        if not self._needle:
            return True
        haystack = " ".join(
            filter(None, (row.topic, row.indicator, row.entity, row.period_label, row.value_text, row.citation))
        )
        return self._needle in haystack.casefold()
