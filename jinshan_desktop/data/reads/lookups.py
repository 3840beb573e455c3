"""What the importer reads to check a file: the vocabulary a file may name and the figures it touches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import func, select

from jinshan_desktop.data import schema
from jinshan_desktop.data.reads.context import ReadContext

Model = TypeVar("Model", bound=schema.Base)
IN_CHUNK = 500  # keys per IN (...) clause, well below SQLite's limit on bound parameters


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Every theme, topic, unit, entity, indicator, source and column label, and where new figures go."""

    themes: list[schema.Theme]
    topics: list[schema.Topic]
    units: list[schema.Unit]
    entities: list[schema.Entity]
    indicators: list[schema.Indicator]
    source_locators: dict[str, str]  # source id -> the places it declares ("¶1-¶21", "a|b", "*")
    labels: list[schema.Label]
    next_position: int


def vocabulary(context: ReadContext) -> Vocabulary:
    last = context.rows(select(func.max(schema.Observation.position)))[0][0]
    return Vocabulary(
        themes=_every(context, schema.Theme),
        topics=_every(context, schema.Topic),
        units=_every(context, schema.Unit),
        entities=_every(context, schema.Entity),
        indicators=_every(context, schema.Indicator),
        source_locators={
            str(i): str(places) for i, places in context.rows(select(schema.Source.id, schema.Source.locators))
        },
        labels=_every(context, schema.Label),
        next_position=(last or 0) + 1,
    )


def _every(context: ReadContext, model: type[Model]) -> list[Model]:
    return [item for (item,) in context.rows(select(model))]


def figures_touching(context: ReadContext, indicator_ids: list[str], ids: list[str]) -> list[schema.Observation]:
    """The figures of these indicators and those with one of these ids, read in chunks through indexes."""
    found: list[schema.Observation] = []
    for column, keys in ((schema.Observation.indicator_id, indicator_ids), (schema.Observation.id, ids)):
        for start in range(0, len(keys), IN_CHUNK):
            statement = select(schema.Observation).where(column.in_(keys[start : start + IN_CHUNK]))
            found += [figure for (figure,) in context.rows(statement)]
    return found


def values_of(context: ReadContext, ids: list[str]) -> dict[str, float]:
    """The values of these figures (the inputs of a formula)."""
    values: dict[str, float] = {}
    for start in range(0, len(ids), IN_CHUNK):
        statement = select(schema.Observation.id, schema.Observation.value).where(
            schema.Observation.id.in_(ids[start : start + IN_CHUNK])
        )
        values.update({str(key): float(value) for key, value in context.rows(statement)})
    return values
