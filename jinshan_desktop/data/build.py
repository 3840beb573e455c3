"""Build the SQLite fact book from the reviewable CSV files in db/, deterministically and atomically."""

from __future__ import annotations

import csv
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from jinshan_desktop.data import schema, tables
from jinshan_desktop.data.build_cache import CHINESE_FILES, CSV_FILES, source_fingerprint
from jinshan_desktop.data.build_chinese import ChineseBuildError, apply_chinese
from jinshan_desktop.data.build_chinese import chinese as _chinese
from jinshan_desktop.data.build_errors import BuildError as BuildError  # re-exported: callers catch it
from jinshan_desktop.data.build_quantities import check_derived, quantify


def build_database(source_dir: Path, target: Path) -> None:
    """Write target from the CSV files; a failure leaves any existing target untouched."""
    csv_rows = {name: list(_read_rows(source_dir / name)) for name in (*CSV_FILES, *CHINESE_FILES)}
    objects = _validated_objects(csv_rows)
    try:
        objects.append(apply_chinese(csv_rows, objects))
    except ChineseBuildError as error:
        raise BuildError(str(error)) from error
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary_name = tempfile.mkstemp(prefix=".building-", suffix=".sqlite", dir=target.parent)
    os.close(handle)
    temporary = Path(temporary_name)
    try:
        engine = _writable_engine(temporary)
        _create_tables(engine)
        with Session(engine) as session:
            # Flush file by file: the models declare no relationships, so the order is ours to keep.
            for table_objects in objects:
                session.add_all(table_objects)
                session.flush()
            session.add_all(
                [
                    schema.Meta(key="schema_revision", value=tables.SCHEMA_REVISION),
                    *(
                        schema.Meta(key=key, value=value)
                        for key, value in zip(
                            ("data_vintage", "data_vintage_basis"),
                            _data_vintage(csv_rows["sources.csv"], csv_rows["observations.csv"]),
                            strict=True,
                        )
                    ),
                    schema.Meta(key="source_fingerprint", value=source_fingerprint(source_dir)),
                ]
            )
            session.commit()
        engine.dispose()
        finalise_database(temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _writable_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _foreign_keys(connection: sqlite3.Connection, _record: Any) -> None:
        connection.execute("PRAGMA foreign_keys = ON")

    return engine


def _create_tables(engine: Engine) -> None:
    """The schema as the migration history makes it, so a built file and an upgraded one cannot differ."""
    from jinshan_desktop.data import migrate  # only building imports Alembic

    with engine.begin() as connection:
        migrate.upgrade(connection)


def finalise_database(path: Path) -> None:
    # DELETE journal mode: a WAL database in a read-only folder cannot be opened (stack-notes.md).
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("VACUUM")
    finally:
        connection.close()


def _read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                if None in row or None in row.values():
                    raise BuildError(f"db/{path.name} line {reader.line_num}: wrong number of fields")
                yield reader.line_num, {key: value.strip() for key, value in row.items()}
    except FileNotFoundError as error:
        raise BuildError(f"{path.name} is missing from {path.parent}") from error


def _data_vintage(
    sources: list[tuple[int, dict[str, str]]], observations: list[tuple[int, dict[str, str]]]
) -> tuple[str, str]:
    """How recent the data is, and on what that rests: the latest year a figure refers to ("period"), or
    the latest publication date ("published") when no figure refers to a later year. Sources without a
    date still count through their figures' periods."""
    published = max((row["published"] for _, row in sources if row["published"]), default="")
    latest_year = max((int(row["period_year"]) for _, row in observations if row["period_year"]), default=0)
    if latest_year > int(published[:4] or 0):
        return str(latest_year), "period"
    return published, "published"


def _optional(text: str) -> str | None:
    return text or None


def _flag(text: str, where: str) -> bool:
    if text not in ("0", "1"):
        raise BuildError(f"{where}: expected 0 or 1, found {text!r}")
    return text == "1"


def _decimals(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def _validated_objects(tables: dict[str, list[tuple[int, dict[str, str]]]]) -> list[list[schema.Base]]:
    objects: list[list[schema.Base]] = []
    ids: dict[str, set[str]] = {}

    def known(table: str, key: str, value: str, where: str) -> None:
        if value not in ids[table]:
            raise BuildError(f"{where}: {key} {value!r} is not in {table}")

    theme_of_topic = {row["id"]: row["theme_id"] for _, row in tables["topics.csv"]}
    placement = {
        row["id"]: (row["topic_id"], theme_of_topic.get(row["topic_id"], "")) for _, row in tables["indicators.csv"]
    }
    for name in CSV_FILES:
        ids[name] = set()
        objects.append([])
        for line, row in tables[name]:
            where = f"db/{name} line {line}"
            if not row.get("id"):
                raise BuildError(f"{where}: the id is empty")
            if row["id"] in ids[name]:
                raise BuildError(f"{where}: the id {row['id']!r} is used twice")
            ids[name].add(row["id"])
            objects[-1].append(_object_for(name, row, where, known, len(objects[-1]), placement))
    check_derived(tables["observations.csv"])
    quantify(objects)
    return objects


def _object_for(
    name: str,
    row: dict[str, str],
    where: str,
    known: Any,
    position: int,
    placement: dict[str, tuple[str, str]],
) -> schema.Base:
    if name == "observations.csv":
        return _observation(row, where, known, position, placement)
    return _BUILDERS[name](row, where, known, position)


def _source(row: dict[str, str], where: str, known: Any, position: int) -> schema.Base:
    return schema.Source(
        id=row["id"],
        title=row["title"],
        publisher=row["publisher"],
        published=_optional(row["published"]),
        address=_optional(row["address"]),
        grade=row["grade"],
        locators=row["locators"],
        contributed=row["contributed"],
        position=position,
        batch_id=None,
    )


def _theme(row: dict[str, str], where: str, known: Any, position: int) -> schema.Base:
    return schema.Theme(
        id=row["id"],
        position=int(row["position"]),
        name_en=row["name_en"],
        role_en=row["role_en"],
        **_chinese("name", row["name_zh"]),
    )


def _topic(row: dict[str, str], where: str, known: Any, position: int) -> schema.Base:
    known("themes.csv", "theme", row["theme_id"], where)
    return schema.Topic(
        id=row["id"],
        theme_id=row["theme_id"],
        position=int(row["position"]),
        name_en=row["name_en"],
        **_chinese("name", row["name_zh"]),
    )


def _unit(row: dict[str, str], where: str, known: Any, position: int) -> schema.Base:
    return schema.Unit(
        id=row["id"],
        name_en=row["name_en"],
        dimension=row["dimension"],
        scale=float(row["scale"]),
        **_chinese("name", row["name_zh"]),
    )


def _entity(row: dict[str, str], where: str, known: Any, position: int) -> schema.Base:
    known("themes.csv", "theme", row["theme_id"], where)
    return schema.Entity(
        id=row["id"],
        kind=row["kind"],
        name_en=row["name_en"],
        **_chinese("name", row["name_zh"]),
        theme_id=row["theme_id"],
        description_en=row["description_en"],
    )


def _indicator(row: dict[str, str], where: str, known: Any, position: int) -> schema.Base:
    known("topics.csv", "topic", row["topic_id"], where)
    known("units.csv", "unit", row["unit_id"], where)
    if row["entity_id"]:
        known("entities.csv", "entity", row["entity_id"], where)
    return schema.Indicator(
        id=row["id"],
        topic_id=row["topic_id"],
        name_en=row["name_en"],
        unit_id=row["unit_id"],
        compare_group=_optional(row["compare_group"]),
        entity_id=_optional(row["entity_id"]),
        description_en=row["description_en"],
        **_chinese("name", row["name_zh"]),
        batch_id=None,
        measure=_measure(row["measure"], where),
    )


def _measure(text: str, where: str) -> str:
    if text not in tables.MEASURES:
        raise BuildError(f"{where}: measure {text!r} is not one of {tables.MEASURES}")
    return text


def _label(row: dict[str, str], where: str, known: Any, position: int) -> schema.Base:
    return schema.Label(id=row["id"], text_en=row["en"], **_chinese("text", row["zh"]))


def _fact(row: dict[str, str], where: str, known: Any, position: int) -> schema.Base:
    known("topics.csv", "topic", row["topic_id"], where)
    known("sources.csv", "source", row["source_id"], where)
    if row["entity_id"]:
        known("entities.csv", "entity", row["entity_id"], where)
    return schema.Fact(
        id=row["id"],
        topic_id=row["topic_id"],
        kind=row["kind"],
        entity_id=_optional(row["entity_id"]),
        source_id=row["source_id"],
        locator=row["locator"],
        position=position,
        statement_en=row["statement_en"],
        **_chinese("statement", row["statement_zh"]),
    )


_BUILDERS = {
    "sources.csv": _source,
    "themes.csv": _theme,
    "topics.csv": _topic,
    "units.csv": _unit,
    "entities.csv": _entity,
    "indicators.csv": _indicator,
    "labels.csv": _label,
    "facts.csv": _fact,
}


def _observation(
    row: dict[str, str], where: str, known: Any, position: int, placement: dict[str, tuple[str, str]]
) -> schema.Observation:
    known("indicators.csv", "indicator", row["indicator_id"], where)
    known("sources.csv", "source", row["source_id"], where)
    if row["period_kind"] not in tables.PERIOD_KINDS:
        raise BuildError(f"{where}: period kind {row['period_kind']!r} is not one of {sorted(tables.PERIOD_KINDS)}")
    if row["qualifier"] and row["qualifier"] not in tables.QUALIFIERS:
        raise BuildError(f"{where}: qualifier {row['qualifier']!r} is not one of {tables.QUALIFIERS}")
    try:
        value = float(row["value"])
        year = int(row["period_year"]) if row["period_year"] else None
    except ValueError as error:
        raise BuildError(f"{where}: {error}") from error
    if row["period_kind"] in tables.ANNUAL_KINDS and year is None:
        raise BuildError(f"{where}: an annual figure needs its year")
    return schema.Observation(
        id=row["id"],
        indicator_id=row["indicator_id"],
        period_label=row["period_label"],
        **_chinese("period_label", row["period_label_zh"]),
        period_kind=row["period_kind"],
        period_year=year,
        value=value,
        decimals=_decimals(row["value"]),
        as_written=_optional(row["as_written"]),
        qualifier=_optional(row["qualifier"]),
        provisional=_flag(row["provisional"], where),
        derived=bool(row["formula"]),
        formula=_optional(row["formula"]),
        source_id=row["source_id"],
        locator=row["locator"],
        headline=_flag(row["headline"], where),
        note=_optional(row["note"]),
        position=position,
        batch_id=None,
        topic_id=placement[row["indicator_id"]][0],
        theme_id=placement[row["indicator_id"]][1],
        planned=_flag(row["planned"], where),
        part_of=_optional(row["part_of"]),
    )
