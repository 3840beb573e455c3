"""The chart as a table: the points the chart draws, from the same Chart, for a reader who wants the numbers.

A Chart / Table switch above the chart chooses which one the pane shows; the choice stays as figures change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
)

from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP
from jinshan_desktop.data.rows import Chart
from jinshan_desktop.ui.translate import Texts

STATUS_WORDS = {
    "published": QT_TRANSLATE_NOOP("ChartTable", "published"),
    "provisional": QT_TRANSLATE_NOOP("ChartTable", "provisional"),
    "planned": QT_TRANSLATE_NOOP("ChartTable", "planned"),
    "derived": QT_TRANSLATE_NOOP("ChartTable", "derived"),
}


class ChartTable(QTableWidget):
    """One row per point: period (or figure and period, for bars), value as the table writes it, status, source."""

    tr = Texts()
    COL_PERIOD, COL_VALUE, COL_STATUS, COL_SOURCE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels([self.tr("Period"), self.tr("Value"), self.tr("Status"), self.tr("Source")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_SOURCE, QHeaderView.ResizeMode.Stretch)
        self.chart: Chart | None = None

    def show_chart(self, chart: Chart) -> None:
        self.chart = chart
        self.setRowCount(len(chart.points))
        first = self.tr("Figure") if chart.kind == "bar" else self.tr("Period")
        self.setHorizontalHeaderItem(self.COL_PERIOD, QTableWidgetItem(first))
        for row, point in enumerate(chart.points):
            cells = (
                point.label if chart.kind == "bar" else point.period,
                point.value_text,
                self.tr(STATUS_WORDS[point.status]),
                point.citation,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == self.COL_VALUE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, item)

    def cell_texts(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and for copying)."""
        columns = range(self.columnCount())
        return [[self._text(row, column) for column in columns] for row in range(self.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""


class ChartSwitch(QWidget):
    """Two buttons, Chart and Table; `toggled(as_table)` when the reader picks the other."""

    tr = Texts()
    toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart_button, self.table_button = QToolButton(), QToolButton()
        self.chart_button.setText(self.tr("Chart"))
        self.table_button.setText(self.tr("Table"))
        self.chart_button.setToolTip(self.tr("Show the figure's chart"))
        self.table_button.setToolTip(self.tr("Show the chart's points as a table"))
        group = QButtonGroup(self)
        group.setExclusive(True)
        for button in (self.chart_button, self.table_button):
            button.setCheckable(True)
            group.addButton(button)
            button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addStretch(1)
        layout.addWidget(self.chart_button)
        layout.addWidget(self.table_button)
        self.chart_button.setChecked(True)
        self.table_button.toggled.connect(self.toggled)

    @property
    def as_table(self) -> bool:
        return self.table_button.isChecked()

    def set_as_table(self, as_table: bool) -> None:
        (self.table_button if as_table else self.chart_button).setChecked(True)
