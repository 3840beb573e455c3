"""A theme's table in SQL: its filter, its order, its count and its pages, through the paging indexes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from jinshan_desktop.data import tables
from jinshan_desktop.data.dialects import binary_order
from jinshan_desktop.data.reads.context import ReadContext
from jinshan_desktop.data.reads.matching import indicators_named, matches, needle_of
from jinshan_desktop.data.rows import TableQuery

_figure = tables.observations.c


def count(context: ReadContext, query: TableQuery) -> int:
    statement = select(func.count()).select_from(tables.observations).where(*filters(query))
    return int(context.rows(statement)[0][0])


def ids(context: ReadContext, query: TableQuery, offset: int = 0, limit: int | None = None) -> list[str]:
    """Ids in the table's order; the indexes on (theme or topic, value or position) keep a page cheap."""
    statement = select(_figure.id).where(*filters(query)).order_by(*order(context, query)).offset(offset).limit(limit)
    if query.sort in ("indicator", "source"):
        statement = statement.join(tables.indicators, _figure.indicator_id == tables.indicators.c.id)
    return [str(observation_id) for (observation_id,) in context.rows(statement)]


def row_of(context: ReadContext, query: TableQuery, observation_id: str) -> int | None:
    """Where a figure stands in the table (for Find), without reading the rows before it."""
    o = _figure
    target = context.rows(select(o.dimension_rank, o.value_base, o.position).where(o.id == observation_id))
    if not target:
        return None
    rank, value, position = target[0]
    if query.sort == "value":
        before = or_(
            o.dimension_rank < rank,
            (o.dimension_rank == rank) & (o.value_base < value),
            (o.dimension_rank == rank) & (o.value_base == value) & (o.position < position),
        )
    elif query.sort == "position":
        before = _figure.position < position
    else:
        every = ids(context, query)
        return every.index(observation_id) if observation_id in every else None
    if query.descending:
        before = ~before & (_figure.id != observation_id)
    statement = select(func.count()).select_from(tables.observations).where(*filters(query), before)
    return int(context.rows(statement)[0][0])


def filters(query: TableQuery) -> list[ColumnElement[bool]]:
    """The table's theme or topic, and the filter box's text over names, periods and sources."""
    conditions: list[ColumnElement[bool]] = [
        _figure.topic_id == query.topic_id if query.topic_id is not None else _figure.theme_id == query.theme_id
    ]
    needle = needle_of(query.text)
    if needle:
        conditions.append(
            or_(
                _figure.indicator_id.in_(indicators_named(needle)),
                matches(
                    needle,
                    _figure.period_label,
                    _figure.period_label_zh_hans,
                    _figure.period_label_zh_hant,
                    _figure.source_id,
                ),
            )
        )
    return conditions


def order(context: ReadContext, query: TableQuery) -> list[ColumnElement[Any]]:
    indicator = tables.indicators.c
    name = context.localised(indicator.name_en, indicator.name_zh_hans, indicator.name_zh_hant)
    keys: dict[str, list[Any]] = {
        "position": [],
        # Within a dimension by the base-unit value; dimensions apart, money first (tables.DIMENSIONS).
        "value": [_figure.dimension_rank, _figure.value_base],
        "period": [func.coalesce(_figure.period_year, 9999), binary_order(_figure.period_label)],
        "indicator": [binary_order(func.lower(name))],
        "source": [binary_order(_figure.source_id), binary_order(_figure.locator)],
    }
    columns = [*keys[query.sort], _figure.position]
    return [column.desc() if query.descending else column.asc() for column in columns]
