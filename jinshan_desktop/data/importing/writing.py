"""Writing an accepted plan into the per-user database as one batch, and listing and removing batches.

Figures go in by INSERT … SELECT from the plan's staging file in chunks of lines, in one transaction with
synchronous=FULL: a crash or a kill leaves either the whole batch or nothing (the next open rolls an unfinished
one back). Indicators
and sources are shared: a later batch may use what an earlier one added, so removing a batch takes away only
what no remaining figure uses, and hands the rest to the earliest batch still using it. The same functions
write a team database (importing/team.py) inside its own transaction, on PostgreSQL, where the staged rows are
read here and inserted in chunks (a server cannot ATTACH the staging file).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, exists, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from jinshan_desktop.data import tables
from jinshan_desktop.data.importing.checker import PROGRESS_ROWS
from jinshan_desktop.data.importing.report import ImportPlan, StoreWriteError, cancelled
from jinshan_desktop.data.importing.staging import FIGURE_COLUMNS
from jinshan_desktop.data.progress import Progress, never_cancelled
from jinshan_desktop.data.rows import BatchInfo
from jinshan_desktop.data.user_store import (
    UserStoreError,
    create_user_store,
    now_iso,
    prepare_user_store,
    store_reason,
    user_store_uri,
)

INSERT_CHUNK = 10_000  # lines of the file per INSERT … SELECT: quick, and often enough to report progress
SORT_RUN_KIB, SORT_THREADS = 8192, 4  # 2 cores, a million figures' 10 indexes: 11.6-13.4 s -> 10.5-10.7 s
LARGE_BATCH = 50_000  # from this many figures, indexes are rebuilt after the batch rather than kept up to date
# Indexes whose key is the same for every figure of a batch (its batch id; headline, never set by an import):
# each row only extends them at one end, so keeping them costs the copy 0.1 s where rebuilding took 2 s.
KEPT_WHILE_COPYING = ("ix_observations_batch_id", "ix_observations_headline")
BUSY_SECONDS = 5.0  # how long a write waits for another writer (the window removing a batch, another import)
_TABLES = tables.metadata.tables
_OBSERVATIONS = _TABLES["observations"]
_INDICATORS = _TABLES["indicators"]
_SOURCES = _TABLES["sources"]
_BATCHES = _TABLES["batches"]


def writer(store: Path) -> Engine:
    """An engine writing the per-user database durably (synchronous=FULL: a commit survives a power cut)."""

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(user_store_uri(store), uri=True, timeout=BUSY_SECONDS, isolation_level=None)
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA cache_size = -65536")  # 64 MB: a large batch's index pages stay in memory
        connection.execute("PRAGMA journal_mode = WAL")
        return connection

    return create_engine("sqlite://", poolclass=NullPool, creator=connect)


def apply_import(plan: ImportPlan, store: Path, progress: Progress = never_cancelled) -> int:
    """Write an accepted plan as one batch in one transaction; returns the batch id.

    progress is told the figures written; when it returns False the transaction is rolled back and
    ImportCancelled raised, so a cancelled import leaves the user database as it was."""
    if not plan.accepted:
        raise ValueError("a refused plan cannot be applied")
    try:
        prepare_user_store(store)
        if not store.exists():
            create_user_store(store)
        engine = writer(store)
        try:
            with engine.begin() as connection:
                if plan.staging is not None:  # outside the transaction, where SQLite allows it
                    connection.exec_driver_sql("ATTACH DATABASE ? AS staging", (str(plan.staging.path),))
                connection.exec_driver_sql("BEGIN IMMEDIATE")  # take the write lock now, not half-way through
                return write_batch(connection, plan, progress)
        finally:
            engine.dispose()
    except UserStoreError as error:
        raise StoreWriteError(f"Nothing was imported: {error}") from error
    except (OSError, SQLAlchemyError, sqlite3.Error) as error:
        raise StoreWriteError(f"Nothing was imported. {store_reason(store, error)}") from error


def _values(item: object, table: Any, batch_id: int) -> dict[str, Any]:
    row = {column.key: getattr(item, column.key) for column in table.columns}
    row["batch_id"] = batch_id
    return row


def write_batch(
    connection: Connection,
    plan: ImportPlan,
    progress: Progress,
    imported_by: str | None = None,
    first_position: int | None = None,
) -> int:
    """Add the plan as one batch in the connection's transaction (the user store's, with the staging file
    attached, or a team database's); figures are placed from first_position (default: the plan's)."""
    batch = insert(_BATCHES).values(
        file_name=plan.file_name,
        imported_at=now_iso(),
        encoding=plan.encoding,
        row_count=len(plan.figures),
        imported_by=imported_by,
    )
    batch_id = int(connection.execute(batch.returning(_BATCHES.c.id)).scalar_one())
    if plan.new_sources:
        connection.execute(insert(_SOURCES), [_values(s, _SOURCES, batch_id) for s in plan.new_sources])
    if plan.new_indicators:
        connection.execute(insert(_INDICATORS), [_values(i, _INDICATORS, batch_id) for i in plan.new_indicators])
    position = plan.next_position if first_position is None else first_position
    if plan.staging is not None and connection.dialect.name == "sqlite":
        _copy_staged(connection, plan, batch_id, position, progress)
    elif plan.staging is not None:
        _insert_staged(connection, plan, batch_id, position, progress)
    return batch_id


def _copy_staged(connection: Connection, plan: ImportPlan, batch_id: int, position: int, progress: Progress) -> None:
    """The new figures, INSERT … SELECT from the staging file in line order, INSERT_CHUNK rows at a time."""
    assert plan.staging is not None
    columns = ", ".join(FIGURE_COLUMNS)
    # Positions follow the file's lines (gaps are harmless: they only order the figures); chunks are line ranges.
    copy = (
        f"INSERT INTO observations ({columns}, period_label_zh_hans, period_label_zh_hant, headline, position, "
        f"batch_id) SELECT {columns}, NULL, NULL, 0, ? + line, ? FROM staging.staged "
        "WHERE existing_id IS NULL AND line >= ? AND line < ?"
    )
    rebuilt = _drop_indexes_for_a_large_batch(connection, len(plan.figures))
    last_line = connection.exec_driver_sql("SELECT max(line) FROM staging.staged").scalar_one() or 0
    written = 0
    for first in range(0, last_line + 1, INSERT_CHUNK):
        copied = connection.exec_driver_sql(copy, (position, batch_id, first, first + INSERT_CHUNK)).rowcount
        # Every multiple of PROGRESS_ROWS passed is reported, however the line ranges fall.
        for done in range((written // PROGRESS_ROWS + 1) * PROGRESS_ROWS, written + copied + 1, PROGRESS_ROWS):
            if not progress(done):
                raise cancelled("writing")  # leaving engine.begin() by an exception rolls back
        written += copied
    if rebuilt:
        # SQLite sorts an index's keys in runs of the cache's size, each run on a helper thread, then merges
        # them: small runs on several threads sort a million keys quicker than one run in 64 MB.
        connection.exec_driver_sql(f"PRAGMA cache_size = -{SORT_RUN_KIB}")
        connection.exec_driver_sql(f"PRAGMA threads = {SORT_THREADS}")
    for create in rebuilt:  # sorting every key once is quicker than a million inserts into each index
        connection.exec_driver_sql(create)


def _insert_staged(connection: Connection, plan: ImportPlan, batch_id: int, position: int, progress: Progress) -> None:
    """The new figures read from the staging file and inserted in chunks (a server cannot attach the file)."""
    assert plan.staging is not None
    rows = plan.staging.connection.execute(
        f"SELECT line, {', '.join(FIGURE_COLUMNS)} FROM staged WHERE existing_id IS NULL ORDER BY line"
    )
    written = 0
    while chunk := rows.fetchmany(INSERT_CHUNK):
        values = [
            dict(zip(FIGURE_COLUMNS, row[1:], strict=True))
            | {"position": position + row[0], "batch_id": batch_id, "headline": False}
            for row in chunk
        ]
        for value in values:  # SQLite keeps flags as 0/1; the server's columns are booleans
            value["provisional"], value["derived"] = bool(value["provisional"]), bool(value["derived"])
        connection.execute(insert(_OBSERVATIONS), values)
        for done in range(written + PROGRESS_ROWS, written + len(chunk) + 1, PROGRESS_ROWS):
            if not progress(done):
                raise cancelled("writing")  # leaving the transaction by an exception rolls back
        written += len(chunk)


def _drop_indexes_for_a_large_batch(connection: Connection, adding: int) -> list[str]:
    """Drop the observations indexes when a batch at least doubles the table; returns their CREATE statements.

    Within the batch's transaction: a crash or a cancel rolls the drop back with everything else."""
    present = connection.exec_driver_sql("SELECT count(*) FROM observations").scalar_one()
    if connection.dialect.name != "sqlite" or adding < max(present, LARGE_BATCH):
        return []
    indexes = [
        (name, sql)
        for name, sql in connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL"
        )
        if name not in KEPT_WHILE_COPYING
    ]
    for name, _ in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    return [str(sql) for _, sql in indexes]


def list_batches(store: Path) -> list[BatchInfo]:
    if not store.exists():
        return []
    engine = writer(store)
    try:
        with engine.connect() as connection:
            return batches_in(connection)
    except (SQLAlchemyError, sqlite3.Error) as error:
        raise StoreWriteError(store_reason(store, error)) from error
    finally:
        engine.dispose()


def batches_in(connection: Connection) -> list[BatchInfo]:
    return [
        BatchInfo(b.id, b.file_name, b.imported_at, b.encoding, b.row_count, b.imported_by)
        for b in connection.execute(select(_BATCHES).order_by(_BATCHES.c.id))
    ]


def remove_batch(store: Path, batch_id: int) -> int:
    """Delete a batch's figures and what only they used, in one transaction; returns the figures removed."""
    engine = writer(store)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return delete_batch(connection, batch_id)
    except (OSError, SQLAlchemyError, sqlite3.Error) as error:
        raise StoreWriteError(f"The batch was not removed. {store_reason(store, error)}") from error
    finally:
        engine.dispose()


def delete_batch(connection: Connection, batch_id: int) -> int:
    """Delete a batch's figures and what only they used, in the connection's transaction; the figures removed.
    An indicator or source another batch's figure still uses is handed to the earliest such batch."""
    removed = connection.execute(delete(_OBSERVATIONS).where(_OBSERVATIONS.c.batch_id == batch_id))
    for table, column in ((_INDICATORS, _OBSERVATIONS.c.indicator_id), (_SOURCES, _OBSERVATIONS.c.source_id)):
        users = select(func.min(_OBSERVATIONS.c.batch_id)).where(column == table.c.id).scalar_subquery()
        used = exists().where(column == table.c.id)
        connection.execute(update(table).where(table.c.batch_id == batch_id, used).values(batch_id=users))
        connection.execute(delete(table).where(table.c.batch_id == batch_id))
    connection.execute(delete(_BATCHES).where(_BATCHES.c.id == batch_id))
    return int(removed.rowcount or 0)
