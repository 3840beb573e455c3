"""The per-user database of imported figures, layered over the bundled one so a newer app keeps them.

It holds sources, indicators and observations in the bundled database's shape, plus the import batches. The
bundled file is never written: readers attach this file read-only and see both through temporary views.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool
from sqlalchemy.schema import CreateIndex, CreateTable

from jinshan_desktop.data import schema

# 1: first layout. 2: observations indexed by (indicator, period, source), which conflict checks look up.
# 3: batches.imported_by (who imported, in a team database; empty here), as schema revision 0002 has it.
USER_SCHEMA_VERSION = 3
USER_TABLES = ("batches", *schema.LAYERED_TABLES)
_CONFLICT_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_observation_identity ON observations (indicator_id, period_label, source_id)"
)


class UserStoreError(RuntimeError):
    """The per-user database cannot be used; the message is a sentence for the reader."""


def create_user_store(path: Path) -> None:
    """An empty per-user database of the current version (written beside, then moved into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".creating")
    temporary.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{temporary}", poolclass=NullPool)
    with engine.begin() as connection:
        for name in USER_TABLES:
            table = schema.Base.metadata.tables[name]
            connection.execute(CreateTable(table))
            for index in sorted(table.indexes, key=lambda index: str(index.name)):
                connection.execute(CreateIndex(index))
        connection.exec_driver_sql(_CONFLICT_INDEX)
        connection.exec_driver_sql(f"PRAGMA user_version = {USER_SCHEMA_VERSION}")
    engine.dispose()
    temporary.replace(path)


def _migrate_1_to_2(connection: sqlite3.Connection) -> None:
    connection.execute(_CONFLICT_INDEX)


def _migrate_2_to_3(connection: sqlite3.Connection) -> None:
    connection.execute("ALTER TABLE batches ADD COLUMN imported_by TEXT")


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migrate_1_to_2, 2: _migrate_2_to_3}


def prepare_user_store(path: Path) -> Path | None:
    """Check the per-user database before use: migrate an older one after a backup copy, refuse a newer one.

    Returns the backup made, if any. A missing file is fine: it is created by the first import.
    """
    if not path.exists():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise UserStoreError(f"Your imported figures in {path} are damaged; restore a backup copy of it.")
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise UserStoreError(f"Your imported figures in {path} cannot be read ({error}).") from error
    if version > USER_SCHEMA_VERSION:
        raise UserStoreError(
            f"Your imported figures in {path} were saved by a newer version of the app (format {version}). "
            "Use that version, or move the file away to start afresh; nothing was changed."
        )
    if version == USER_SCHEMA_VERSION:
        return None
    backup = path.with_name(f"{path.stem}.before-v{USER_SCHEMA_VERSION}-{_stamp()}{path.suffix}")
    shutil.copy2(path, backup)
    connection = sqlite3.connect(path)
    try:
        with connection:
            for step in range(version, USER_SCHEMA_VERSION):
                MIGRATIONS[step](connection)
            connection.execute(f"PRAGMA user_version = {USER_SCHEMA_VERSION}")
    except sqlite3.Error as error:
        raise UserStoreError(f"Your imported figures could not be updated ({error}); {backup} keeps them.") from error
    finally:
        connection.close()
    return backup


def attach_user_store(connection: sqlite3.Connection, path: Path | None) -> None:
    """Let a read-only connection to the bundled database see the imported figures too.

    Temporary views named like the layered tables shadow the bundled tables (SQLite looks in temp first),
    so every query of the read API reads bundled and imported rows alike.
    """
    if path is None or not path.exists():
        return
    connection.execute("ATTACH DATABASE ? AS user", (f"file:{path}?mode=ro",))
    for table in schema.LAYERED_TABLES:
        connection.execute(
            f"CREATE TEMP VIEW {table} AS SELECT * FROM main.{table} UNION ALL SELECT * FROM user.{table}"
        )


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
