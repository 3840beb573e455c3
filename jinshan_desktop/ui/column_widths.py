"""Widths of the figure table's columns, from the content and the font, so that they hold at any size and scale.

Every length is in units of the font's line height (`em` here), about the width of one Chinese character, so
that Chinese and English, 96 dpi and devicePixelRatio 2 get the same proportions. Each column has a minimum
below which it is never squeezed (the table then asks its pane for that much room); the width beyond the
minimums goes first to the indicator, the column people read first, then to the period, then to the indicator's
whole content, then to periods and citations up to theirs. Values and statuses always get their whole content.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHeaderView, QTableView

from jinshan_desktop.ui.table_model import ObservationTableModel as Columns

INDICATOR_MINIMUM_EM = 22  # "EverDisplay Optronics project: total investm…"; a whole Chinese indicator name
INDICATOR_COMFORT_EM = 26  # the room the indicator is given before periods and citations grow
PERIOD_COMFORT_EM = 14  # "as of the end of September 2020"; longer periods wait for the indicator's whole name
MEASURED_ROWS = Columns.PAGE_SIZE  # the rows read for the first screen; never the whole theme
ELIDED_MINIMUM_EM = 7  # periods and citations: "as of Sep 2020", "《发布会》¶8"; the tooltip gives them whole


@dataclass(frozen=True)
class ColumnPlan:
    """The content width of each shown column and the least each may be given."""

    content: dict[int, int]
    minimum: dict[int, int]
    em: int

    def widths(self, available: int) -> dict[int, int]:
        widths = dict(self.minimum)
        spare = available - sum(widths.values())
        stages = [
            (Columns.COL_INDICATOR, max(self.minimum[Columns.COL_INDICATOR], INDICATOR_COMFORT_EM * self.em)),
            (Columns.COL_PERIOD, PERIOD_COMFORT_EM * self.em),
            (Columns.COL_INDICATOR, self.content[Columns.COL_INDICATOR]),
            (Columns.COL_PERIOD, self.content.get(Columns.COL_PERIOD, 0)),
            (Columns.COL_SOURCE, self.content.get(Columns.COL_SOURCE, 0)),
        ]
        for column, target in stages:
            if column in widths and spare > 0:
                grow = min(spare, max(0, min(target, self.content[column]) - widths[column]))
                widths[column] += grow
                spare -= grow
        if spare > 0:
            widths[Columns.COL_INDICATOR] += spare  # the indicator takes what is left, as a stretched column
        return widths


def plan_columns(table: QTableView) -> ColumnPlan:
    """Content widths from the first page of rows, minimums from the font."""
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(MEASURED_ROWS)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    em = table.fontMetrics().height()
    shown = [column for column in range(header.count()) if not header.isSectionHidden(column)]
    content = {column: header.sectionSize(column) for column in shown}
    least = {
        Columns.COL_INDICATOR: INDICATOR_MINIMUM_EM * em,
        Columns.COL_PERIOD: ELIDED_MINIMUM_EM * em,
        Columns.COL_SOURCE: ELIDED_MINIMUM_EM * em,
    }
    minimum = {column: min(content[column], least.get(column, content[column])) for column in shown}
    return ColumnPlan(content, minimum, em)


def minimum_table_width(table: QTableView, plan: ColumnPlan) -> int:
    """The width at which every column has its minimum and no horizontal scroll bar is needed."""
    return sum(plan.minimum.values()) + table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth()


def spread_columns(table: QTableView, plan: ColumnPlan) -> None:
    header = table.horizontalHeader()
    for column, width in plan.widths(table.viewport().width()).items():
        if header.sectionSize(column) != width:
            header.resizeSection(column, width)
