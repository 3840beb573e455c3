"""Charts as pure functions over figures: a line over an indicator's annual figures, or bars comparing
figures that may stand side by side. chart_for only reads the figures they need.

Two figures are compared only when they share a dimension (money with money), a measure (a stock with a
stock, a flow with a flow), a status (an outcome with an outcome, a plan with a plan) and neither is part
of the other; a figure with nothing to stand beside gets no chart and the reason, not a lone bar.
"""

from __future__ import annotations

from sqlalchemy import select

from jinshan_desktop.data import tables
from jinshan_desktop.data.languages import is_chinese
from jinshan_desktop.data.quantities import DisplayUnit, axis_unit
from jinshan_desktop.data.reads.context import ReadContext
from jinshan_desktop.data.reads.observations import (
    observation_row,
    observation_select,
    observations,
)
from jinshan_desktop.data.rows import Chart, ChartKind, ChartPoint, LeftOut, LeftOutReason, ObservationRow

COUNTED_FROM_ZERO = frozenset(tables.DIMENSIONS) - {"percent"}  # a rate may sit anywhere; amounts start at 0


def chart_for(context: ReadContext, observation_id: str) -> Chart:
    """A line over the annual points of the figure's indicator when it has two or more;
    otherwise bars comparing it with the figures of its comparison group that qualify."""
    found = observations(context, ids=[observation_id])
    if not found:
        raise KeyError(observation_id)
    selected = found[0]
    units = tables.units.c
    scales = {str(unit_id): float(scale) for unit_id, scale in context.rows(select(units.id, units.scale))}
    line = line_chart(selected, observations(context, indicator_id=selected.indicator_id), scales, context.language)
    if line is not None:
        return line
    indicator = tables.indicators.c
    group = context.rows(select(indicator.compare_group).where(indicator.id == selected.indicator_id))
    members: list[ObservationRow] = []
    if group and group[0][0] is not None:
        statement = observation_select().where(indicator.compare_group == group[0][0])
        members = [observation_row(context, row, {}) for row in context.records(statement)]
    return comparison_chart(selected, members, scales, context.language)


def line_chart(
    selected: ObservationRow, series: list[ObservationRow], scales: dict[str, float], language: str
) -> Chart | None:
    """The indicator's annual figures as a line, or None when it has fewer than two."""
    annual = sorted(
        (row for row in series if row.period_kind in tables.ANNUAL_KINDS and row.period_year is not None),
        key=lambda row: row.period_year or 0,
    )
    if len(annual) < 2:
        return None
    unit = _axis(selected, annual, scales, language)
    return Chart(
        kind="line",
        title=selected.indicator,
        compared=False,
        unit=selected.unit,
        citations=citations(annual),
        points=tuple(_point(row, row.period_label, float(row.period_year or 0), unit.factor) for row in annual),
        left_out=tuple(LeftOut(row.period_label, row.value_text, "not_annual") for row in series if row not in annual),
        dimension=selected.dimension,
        axis_unit=unit.name,
        axis_factor=unit.factor,
        from_zero=selected.dimension in COUNTED_FROM_ZERO,
        language=language,
    )


def comparison_chart(
    selected: ObservationRow, members: list[ObservationRow], scales: dict[str, float], language: str
) -> Chart:
    """Bars of the selected figure and one figure of each other indicator of its group that may stand beside it;
    the others are left out and named with the reason. Fewer than two: no bars, and why."""
    related = [selected]
    left_out: list[LeftOut] = []
    seen = {selected.indicator_id}
    for row in members:
        if row.indicator_id in seen:
            continue
        seen.add(row.indicator_id)
        reason = why_not_compared(selected, row) or next(
            (why for why in (why_not_compared(shown, row) for shown in related[1:]) if why == "part_whole"), None
        )
        if reason is None:
            related.append(row)
        else:
            left_out.append(LeftOut(short_label(row), row.value_text, reason))
    unit = _axis(selected, related, scales, language)
    compared = len(related) >= 2
    kind: ChartKind = "bar" if compared else "none"
    return Chart(
        kind,
        short_label(selected) if compared else selected.indicator,
        compared,
        selected.unit,
        citations(related),
        tuple(
            _point(row, f"{short_label(row)}{_comma(language)}{row.period_label}", float(position), unit.factor)
            for position, row in enumerate(related)
        )
        if compared
        else (),
        tuple(left_out),
        dimension=selected.dimension,
        axis_unit=unit.name,
        axis_factor=unit.factor,
        no_comparison=None if compared else "nothing_comparable" if left_out else "alone",
        language=language,
    )


def why_not_compared(selected: ObservationRow, other: ObservationRow) -> LeftOutReason | None:
    """None when two figures may stand side by side, else the LeftOut reason."""
    if other.dimension != selected.dimension:
        return "other_unit"
    if other.measure != selected.measure or other.planned != selected.planned:
        return "other_kind"
    if other.part_of == selected.id or selected.part_of == other.id:
        return "part_whole"
    return None


def _axis(selected: ObservationRow, rows: list[ObservationRow], scales: dict[str, float], language: str) -> DisplayUnit:
    """The unit the formatter shows the largest figure in, so the axis reads like the longest bar's label."""
    largest = max(rows, key=lambda row: abs(row.value_base))
    return axis_unit(abs(largest.value_base), selected.dimension, largest.unit, scales[largest.unit_id], language)


def _point(row: ObservationRow, label: str, x: float, factor: float) -> ChartPoint:
    return ChartPoint(
        label,
        x,
        row.value_base / factor,
        row.decimals,
        row.derived,
        row.value_text,
        row.status,
        row.id,
        period=row.period_label,
        citation=row.citation,
        published_value=row.value,
        unit=row.unit,
    )


def _comma(language: str) -> str:
    return "，" if is_chinese(language) else ", "


def short_label(row: ObservationRow) -> str:
    return row.indicator.replace("：", ":").split(":", 1)[0]


def citations(rows: list[ObservationRow]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(row.citation for row in rows))
