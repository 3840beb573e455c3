"""Find: figures, facts and entities whose names or statements contain a text, in any language."""

from __future__ import annotations

import re

from sqlalchemy import or_, select
from sqlalchemy.sql.elements import ColumnElement

from jinshan_desktop.data import tables
from jinshan_desktop.data.dialects import binary_order
from jinshan_desktop.data.languages import pick
from jinshan_desktop.data.reads.catalogue import facts
from jinshan_desktop.data.reads.context import ReadContext
from jinshan_desktop.data.reads.matching import indicators_named, matches, needle_of
from jinshan_desktop.data.reads.observations import observation_row, observation_select
from jinshan_desktop.data.rows import SearchHit


def search(context: ReadContext, text: str, limit: int = 100) -> list[SearchHit]:
    needle = needle_of(text)
    if not needle:
        return []
    return [*_entities(context, needle, limit), *_figures(context, needle, limit), *_facts(context, needle, limit)]


def _entities(context: ReadContext, needle: str, limit: int) -> list[SearchHit]:
    entity = tables.entities
    name = entity.c.name_en, entity.c.name_zh_hans, entity.c.name_zh_hant
    statement = select(entity).where(matches(needle, *name)).order_by(binary_order(entity.c.name_en)).limit(limit)
    return [
        SearchHit(
            "entity",
            row.id,
            row.theme_id,
            context.name(row),
            pick(context.language, row.description_en, row.description_zh_hans, row.description_zh_hant),
        )
        for (row,) in context.records(statement)
    ]


def _figures(context: ReadContext, needle: str, limit: int) -> list[SearchHit]:
    indicator_ids = [str(i) for (i,) in context.rows(indicators_named(needle).limit(limit))]
    conditions: list[ColumnElement[bool]] = []
    if indicator_ids:
        conditions.append(tables.observations.c.indicator_id.in_(indicator_ids))
    if re.fullmatch(r"\d{4}", needle):  # a year is looked up through its own index
        conditions.append(tables.observations.c.period_year == int(needle))
    if not conditions:
        return []
    # Any hundred will do: no ordering, so no sort of every match.
    matching = context.records(observation_select().where(or_(*conditions)).order_by(None).limit(limit))
    rows = (observation_row(context, r, {}) for r in matching)
    return [
        SearchHit(
            "figure", row.id, row.theme_id, row.indicator, f"{row.value_text} · {row.period_label} · {row.citation}"
        )
        for row in rows
    ]


def _facts(context: ReadContext, needle: str, limit: int) -> list[SearchHit]:
    fact = tables.facts.c
    statement = (
        select(fact.id)
        .where(matches(needle, fact.statement_en, fact.statement_zh_hans, fact.statement_zh_hant))
        .limit(limit)
    )
    fact_ids = {str(fact_id) for (fact_id,) in context.rows(statement)}
    return [SearchHit("fact", f.id, f.theme_id, f.statement, f.citation) for f in facts(context) if f.id in fact_ids]
