"""What the importer reads to check a file: the vocabulary a file may name and the figures it touches."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import func, select, tuple_
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

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
    """Every row of a table as the writers' ORM objects: the importer checks against these and adds to them."""
    try:
        with Session(context.store.engine) as session:
            return list(session.scalars(select(model)))
    except DBAPIError as error:
        raise context.store.error(error) from error


def values_of(context: ReadContext, ids: list[str]) -> dict[str, float]:
    """The values of these figures (the inputs of a formula)."""
    values: dict[str, float] = {}
    for start in range(0, len(ids), IN_CHUNK):
        statement = select(schema.Observation.id, schema.Observation.value).where(
            schema.Observation.id.in_(ids[start : start + IN_CHUNK])
        )
        values.update({str(key): float(value) for key, value in context.rows(statement)})
    return values


_SAME_FIGURE = {
    "identity": (
        "e.indicator_id = {s}.indicator_id AND e.period_label = {s}.period_label AND e.source_id = {s}.source_id"
    ),
    "id": "e.id = {s}.id",
}


def place_staged(context: ReadContext, staging: Path) -> None:
    """Mark each row of an import's staging file with the fact book's figure it is (existing_id, _value,
    _indicator): the figure of the same indicator, period and source, else of the same id; bundled figures
    first, then imported ones. Each lookup goes through an index, in SQL, from the smaller side (_matched)."""
    if context.store.engine.dialect.name != "sqlite":
        _place_staged_by_queries(context, staging)  # a server cannot attach the staging file
        return
    raw = context.store.engine.raw_connection()
    try:
        connection = raw.driver_connection
        assert isinstance(connection, sqlite3.Connection)
        attached = {row[1] for row in connection.execute("PRAGMA database_list")}
        connection.execute("ATTACH DATABASE ? AS staging", (str(staging),))
        connection.execute("PRAGMA staging.synchronous = OFF")  # scratch: its commit need not wait for the disk
        # A database without figures (a fresh user database) cannot hold any: no pass over the file for it.
        databases = [
            name
            for name in ("main", "user")
            if name in attached and connection.execute(f"SELECT 1 FROM {name}.observations LIMIT 1").fetchone()
        ]
        staged = connection.execute("SELECT max(line) FROM staging.staged").fetchone()[0] or 0  # a bound: fast
        for key in ("identity", "id"):
            for database in databases:
                match = f"FROM {database}.observations e WHERE {_SAME_FIGURE[key].format(s='s')}"
                connection.execute(
                    "UPDATE staging.staged AS s SET (existing_id, existing_value, existing_indicator) = "
                    f"(SELECT e.id, e.value, e.indicator_id {match} LIMIT 1) "
                    f"WHERE s.existing_id IS NULL AND {_matched(connection, database, key, staged)}"
                )
        connection.commit()
        connection.execute("DETACH DATABASE staging")
    finally:
        raw.close()


def _matched(connection: sqlite3.Connection, database: str, key: str, staged: int) -> str:
    """The condition that a staged row s has a figure in the database: looked up from the smaller side.

    A million new rows beside the bundled few hundred figures are found by looking each bundled figure up in
    the staging file's index (a CROSS JOIN keeps that order), not each staged row in the database's."""
    present = connection.execute(f"SELECT count(*) FROM {database}.observations").fetchone()[0]
    if present >= staged:
        return f"EXISTS (SELECT 1 FROM {database}.observations e WHERE {_SAME_FIGURE[key].format(s='s')})"
    same = _SAME_FIGURE[key].format(s="t")
    return f"s.line IN (SELECT t.line FROM {database}.observations e CROSS JOIN staging.staged t ON {same})"


def _place_staged_by_queries(context: ReadContext, staging: Path) -> None:
    """place_staged for a team database: the staged figures looked up IN_CHUNK at a time through its indexes."""
    o = schema.Observation
    staged = sqlite3.connect(staging)
    try:
        rows = staged.execute("SELECT line, id, indicator_id, period_label, source_id FROM staged").fetchall()
        for start in range(0, len(rows), IN_CHUNK):
            chunk = rows[start : start + IN_CHUNK]
            identities = [(indicator, period, source) for _, _, indicator, period, source in chunk]
            found = select(o.id, o.value, o.indicator_id, o.period_label, o.source_id)
            by_identity = {
                (str(r[2]), str(r[3]), str(r[4])): r[:3]
                for r in context.rows(found.where(tuple_(o.indicator_id, o.period_label, o.source_id).in_(identities)))
            }
            by_id = {str(r[0]): r[:3] for r in context.rows(found.where(o.id.in_([row[1] for row in chunk])))}
            for line, figure_id, indicator, period, source in chunk:
                existing = by_identity.get((indicator, period, source)) or by_id.get(figure_id)
                if existing is not None:
                    staged.execute(
                        "UPDATE staged SET existing_id = ?, existing_value = ?, existing_indicator = ? WHERE line = ?",
                        (str(existing[0]), float(existing[1]), str(existing[2]), line),
                    )
        staged.commit()
    finally:
        staged.close()
