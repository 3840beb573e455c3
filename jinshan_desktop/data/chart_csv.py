"""A chart's points as CSV: what the chart draws, one row a point, from the same Chart the window draws.

Numbers stay numbers (the value as published in its unit, and the value the chart plots in its axis unit);
the formatted text beside them is what the table and the chart's labels show. Text cells get the CSV
exports' formula guard, and the file is written through a temporary file that replaces it only on success.
"""

from __future__ import annotations

from pathlib import Path

from jinshan_desktop.data.encodings import DEFAULT_ENCODING
from jinshan_desktop.data.export_files import ExportError
from jinshan_desktop.data.exporting import Table, export_table
from jinshan_desktop.data.formatting import plain_number
from jinshan_desktop.data.formula_guard import guard
from jinshan_desktop.data.rows import Chart, ChartPoint

CHART_COLUMNS = (
    "label",  # the point's name on the chart: its period on a line, figure and period on a bar
    "period",
    "value",  # as published, a plain number in `unit`
    "unit",
    "value_text",  # as the table writes it
    "chart_value",  # as drawn, in `chart_unit`
    "chart_unit",
    "status",  # published, provisional, planned or derived
    "citation",
    "id",
)


def chart_value(point: ChartPoint) -> str:
    """The plotted value without the float's last-digit noise (4.0205466, not 4.020546600000001)."""
    return f"{point.value:.12g}"


def chart_rows(chart: Chart) -> list[list[str]]:
    """One row of CHART_COLUMNS per point; text guarded against formulas, numbers left as numbers."""
    return [
        [
            guard(point.label),
            guard(point.period),
            plain_number(point.published_value, point.decimals),
            guard(point.unit),
            guard(point.value_text),
            chart_value(point),
            guard(chart.axis_unit or chart.unit),
            point.status,
            guard(point.citation),
            point.observation_id,
        ]
        for point in chart.points
    ]


def export_chart_csv(chart: Chart, path: Path, encoding: str = DEFAULT_ENCODING) -> None:
    """The chart's points to path, with a header row; nothing is left at path when writing fails."""
    if not chart.points:
        raise ExportError("This figure has no chart, so there are no chart points to export.")
    columns = tuple((name, "") for name in CHART_COLUMNS)
    # One chunk, made as it is written: a failure then is a failed write, and the previous file stays.
    rows = (chart_rows(chart) for _ in range(1))
    points = Table(path.name, "The points of one figure's chart", columns, rows, chunked=True, guarded=True)
    export_table(points, path, encoding)  # the tables' own writer: encoding check, atomic file, CSV quoting
