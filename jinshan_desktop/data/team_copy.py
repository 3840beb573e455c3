"""Moving a fact book between a SQLite file and a team database: publish the bundled figures to a server,
and take a consistent offline copy (a snapshot) of a team database into a SQLite file a reader opens.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Connection, Table, create_engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from jinshan_desktop.data import tables
from jinshan_desktop.data.dialects import begin_streamed_read
from jinshan_desktop.data.server import server_engine, server_reason, shown_url
from jinshan_desktop.data.store import Store, open_store

# Parents before children, so every foreign key finds its row.
TABLE_ORDER = (
    "meta", "labels", "batches", "sources", "source_texts", "themes", "units", "entities", "topics", "indicators",
    "indicator_texts", "facts", "observations", "observation_notes",
)  # fmt: skip
CHUNK = 10_000


class CopyError(RuntimeError):
    """A publish or snapshot that could not be made; the message is a sentence. Nothing was left half-written."""


def _table(name: str) -> Table:
    return tables.metadata.tables[name]


def _columns(name: str) -> list[str]:
    return [column.name for column in _table(name).columns]


def _rows_of(connection: Connection, name: str) -> Iterator[list[tuple[Any, ...]]]:
    """A table's rows in primary-key order, in chunks, through the driver's cursor."""
    from jinshan_desktop.data.dialects import raw_rows

    table = _table(name)
    statement = select(*table.columns).order_by(*table.primary_key.columns)
    yield from raw_rows(connection, statement, CHUNK)


def publish(source: Path, url: str) -> int:
    """Load a fact book file (the bundled one) into an empty team database at the current schema, in one
    transaction; returns the number of figures. A database that already holds figures is refused."""
    reader = open_store(source, full_check=True)
    engine = server_engine(url, read_only=False, timeout_ms=0)
    try:
        with reader.engine.connect() as source_connection, engine.begin() as target:
            _refuse_unless_ready(target, url)
            for name in TABLE_ORDER:
                _copy_into_server(source_connection, target, name)
            target.exec_driver_sql(
                "SELECT setval(pg_get_serial_sequence('batches', 'id'), coalesce(max(id), 0) + 1, false) FROM batches"
            )
            figures = int(target.execute(select(func.count()).select_from(_table("observations"))).scalar_one())
        # Statistics and the visibility map now, not whenever autovacuum comes: the first reads plan well
        # and count through the index alone.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM (ANALYZE)")
        return figures
    except (SQLAlchemyError, psycopg.Error) as error:
        raise CopyError(f"Nothing was published: {server_reason(url, error)}") from error
    finally:
        engine.dispose()
        reader.close()


def _refuse_unless_ready(target: Connection, url: str) -> None:
    from jinshan_desktop.data.dialects import stamped_revision

    revision = stamped_revision(target)
    if revision != tables.SCHEMA_REVISION:
        raise CopyError(
            f"The team database is at schema {revision or 'none'}, not {tables.SCHEMA_REVISION}. "
            f"Run first: jinshan-desktop db upgrade --db {shown_url(url)}"
        )
    figures = target.execute(select(func.count()).select_from(_table("observations"))).scalar_one()
    if figures:
        raise CopyError(f"The team database already holds {figures:,} figures; publish only into an empty one.")


def _copy_into_server(source: Connection, target: Connection, name: str) -> None:
    """COPY ... FROM STDIN: a million figures in seconds, where INSERTs would take minutes."""
    driver = target.connection.driver_connection
    assert driver is not None
    columns = _columns(name)
    with driver.cursor() as cursor, cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:
        for rows in _rows_of(source, name):
            for row in rows:
                copy.write_row(row)


def snapshot(url: str, out: Path, password: str | None = None) -> int:
    """Write a consistent SQLite copy of a team database: every table read in one REPEATABLE READ, READ ONLY
    transaction (one moment of the database, whatever editors do meanwhile), written beside out and moved into
    place only when complete. Returns the number of figures."""
    from jinshan_desktop.data import migrate
    from jinshan_desktop.data.build import finalise_database

    store = open_store(url, password=password)
    temporary = out.with_name(f".{out.name}.writing")
    temporary.unlink(missing_ok=True)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        writer = create_engine(f"sqlite:///{temporary}", poolclass=NullPool)
        with writer.begin() as connection:
            migrate.upgrade(connection)
        writer.dispose()
        figures = _copy_out(store, temporary)
        finalise_database(temporary)
        os.replace(temporary, out)
        return figures
    except (SQLAlchemyError, psycopg.Error) as error:  # psycopg's own, from the driver's cursor
        raise CopyError(f"No snapshot was written: {store.reason(error)}") from error
    except (OSError, sqlite3.Error) as error:
        raise CopyError(f"No snapshot was written: {out} could not be written ({error}).") from error
    finally:
        temporary.unlink(missing_ok=True)
        store.close()


def _copy_out(store: Store, target: Path) -> int:
    figures = 0
    writer = sqlite3.connect(target)
    try:
        with store.engine.connect() as source:
            begin_streamed_read(source)  # REPEATABLE READ, READ ONLY: every table as of one moment
            for name in TABLE_ORDER:
                columns = _columns(name)
                insert = f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
                for rows in _rows_of(source, name):
                    writer.executemany(insert, rows)
                    figures += len(rows) if name == "observations" else 0
        writer.commit()
    finally:
        writer.close()
    return figures
