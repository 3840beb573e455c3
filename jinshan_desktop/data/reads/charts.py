"""Charts as pure functions over figures: a line over an indicator's annual figures, or bars comparing
related figures. chart_for only reads the figures they need."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from jinshan_desktop.data import schema
from jinshan_desktop.data.formatting import CHINESE_MAGNITUDES
from jinshan_desktop.data.languages import is_chinese
from jinshan_desktop.data.reads.context import ReadContext
from jinshan_desktop.data.reads.observations import observation_row, observation_select, observations
from jinshan_desktop.data.rows import Chart, ChartPoint, LeftOut, ObservationRow

Scales = dict[str, tuple[str, float]]  # unit id -> (dimension, scale to the dimension's base unit)


def chart_for(context: ReadContext, observation_id: str) -> Chart:
    """A line over the annual points of the figure's indicator when it has two or more;
    otherwise bars comparing it with related figures of the same dimension."""
    found = observations(context, ids=[observation_id])
    if not found:
        raise KeyError(observation_id)
    selected = found[0]
    scales = {str(u.id): (str(u.dimension), float(u.scale)) for (u,) in context.rows(select(schema.Unit))}
    line = line_chart(selected, observations(context, indicator_id=selected.indicator_id))
    if line is not None:
        return in_chinese_units(line, scales[selected.unit_id], context.language)
    group = context.rows(select(schema.Indicator.compare_group).where(schema.Indicator.id == selected.indicator_id))
    members: list[ObservationRow] = []
    if group and group[0][0] is not None:
        statement = observation_select().where(schema.Indicator.compare_group == group[0][0])
        members = [observation_row(context, row, {}) for row in context.rows(statement)]
    chart = comparison_chart(selected, members, scales, context.language)
    return in_chinese_units(chart, scales[selected.unit_id], context.language)


def in_chinese_units(chart: Chart, scale: tuple[str, float], language: str) -> Chart:
    """For a Chinese reader, a chart of 十亿元 or 百万人次 drawn in 亿元 or 万人次, as a Chinese table writes."""
    dimension, size = scale
    names = CHINESE_MAGNITUDES.get(dimension)
    if not is_chinese(language) or names is None or size < 1e6 or not chart.points:
        return chart
    largest = max(abs(point.value) for point in chart.points) * size
    target, name = (1e8, names[2]) if largest >= 1e8 else (1e4, names[1])
    if language == "zh_TW":
        name = name.replace("万", "萬").replace("亿", "億")
    factor = size / target
    points = tuple(replace(point, value=point.value * factor) for point in chart.points)
    return replace(chart, unit=name, points=points)


def line_chart(selected: ObservationRow, series: list[ObservationRow]) -> Chart | None:
    """The indicator's annual figures as a line, or None when it has fewer than two."""
    annual = sorted(
        (row for row in series if row.period_kind in schema.ANNUAL_KINDS and row.period_year is not None),
        key=lambda row: row.period_year or 0,
    )
    if len(annual) < 2:
        return None
    return Chart(
        kind="line",
        title=selected.indicator,
        compared=False,
        unit=selected.unit,
        citations=citations(annual),
        points=tuple(
            ChartPoint(
                row.period_label, float(row.period_year or 0), row.value, row.decimals, row.derived, row.value_text
            )
            for row in annual
        ),
        left_out=tuple(LeftOut(row.period_label, row.value_text, "not_annual") for row in series if row not in annual),
    )


def comparison_chart(
    selected: ObservationRow, members: list[ObservationRow], scales: Scales, language: str = "en"
) -> Chart:
    """Bars of the selected figure and one figure of each other indicator of its comparison group,
    all in the selected figure's unit; figures of another dimension are left out and named."""
    comma = "，" if is_chinese(language) else ", "  # Chinese titles and labels take full-width punctuation
    related = [selected]
    left_out: list[LeftOut] = []
    dimension = scales[selected.unit_id][0]
    seen = {selected.indicator_id}
    for row in members:
        if row.indicator_id in seen:
            continue
        seen.add(row.indicator_id)
        if scales[row.unit_id][0] != dimension:
            left_out.append(LeftOut(short_label(row), row.value_text, "other_unit"))
            continue
        related.append(row)
    points = tuple(
        ChartPoint(
            f"{short_label(row)}{comma}{row.period_label}",
            float(position),
            row.value * scales[row.unit_id][1] / scales[selected.unit_id][1],  # bars share the selected unit
            row.decimals,
            row.derived,
            row.value_text,
        )
        for position, row in enumerate(related)
    )
    compared = len(related) > 1
    title = short_label(selected) if compared else selected.indicator
    return Chart("bar", title, compared, selected.unit, citations(related), points, tuple(left_out))


def short_label(row: ObservationRow) -> str:
    return row.indicator.replace("：", ":").split(":", 1)[0]


def citations(rows: list[ObservationRow]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(row.citation for row in rows))
