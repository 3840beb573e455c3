"""The per-user database of imported figures, layered over the bundled one so a newer app keeps them.

It holds sources, indicators and observations in the bundled database's shape, plus the import batches. The
bundled file is never written. This file is always opened read-write: a write interrupted by a crash leaves a
journal that only a writer can roll back, and a reader opened read-only would fail on it for ever. It is kept in
WAL mode, so readers (the window) and a writer (an import from the command line) do not block each other.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool
from sqlalchemy.schema import CreateIndex, CreateTable

from jinshan_desktop.data import tables
from jinshan_desktop.data.sqlite_errors import SqliteProblem, sqlite_problem

# 1: first layout. 2: observations indexed by (indicator, period, source), which conflict checks look up.
# 3: the quantity model's columns (bundled revision 0002), so the layered tables still line up.
# 4: batches.imported_by (who imported, in a team database; empty here), as schema revision 0003_team has it.
# 5: no ix_observation_identity where uq_observation_identity indexes the same columns (one index fewer to
#    build on every large import).
# 6: no ix_observations_indicator_id either: the identity index (unique, or in a store whose figures repeat a
#    key the plain one) leads with the same column and serves its lookups (a million keys fewer to sort).
USER_SCHEMA_VERSION = 6
_NOT_IN_USER_STORE = ("ix_observations_indicator_id",)  # indexes of tables.py a user store does without
USER_TABLES = ("batches", *tables.LAYERED_TABLES)
_CONFLICT_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_observation_identity ON observations (indicator_id, period_label, source_id)"
)
_UNIQUE_INDEX = (
    "CREATE UNIQUE INDEX IF NOT EXISTS uq_observation_identity ON observations (indicator_id, period_label, source_id)"
)
_SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's companions of a database file, moved along with it


class UserStoreError(RuntimeError):
    """The per-user database cannot be used; the message is a sentence for the reader."""


@dataclass(frozen=True, slots=True)
class StoreNotice:
    """What opening the per-user database did that the reader should know: a copy kept, a file set aside."""

    message: str
    kept: Path


def user_store_uri(path: Path) -> str:
    return f"file:{quote(str(Path(path).resolve().as_posix()))}?mode=rw"


def create_user_store(path: Path) -> None:
    """An empty per-user database of the current version (written beside, then moved into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".creating")
    temporary.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{temporary}", poolclass=NullPool)
    with engine.begin() as connection:
        for name in USER_TABLES:
            table = tables.metadata.tables[name]
            connection.execute(CreateTable(table))
            for index in sorted(table.indexes, key=lambda index: str(index.name)):
                if index.name not in _NOT_IN_USER_STORE:
                    connection.execute(CreateIndex(index))  # uq_observation_identity serves the conflict checks
        connection.exec_driver_sql(f"PRAGMA user_version = {USER_SCHEMA_VERSION}")
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA journal_mode = WAL")  # persistent: stored in the file
    engine.dispose()
    temporary.replace(path)


def _migrate_1_to_2(connection: sqlite3.Connection, bundled: Path | None) -> None:
    connection.execute(_CONFLICT_INDEX)


def _migrate_2_to_3(connection: sqlite3.Connection, bundled: Path | None) -> None:
    connection.execute("ALTER TABLE indicators ADD COLUMN measure VARCHAR DEFAULT 'stock' NOT NULL")
    for column in (
        "planned BOOLEAN DEFAULT 0 NOT NULL",
        "part_of VARCHAR",
        "precision FLOAT",
        "value_base FLOAT DEFAULT 0 NOT NULL",
        "dimension_rank INTEGER DEFAULT 0 NOT NULL",
    ):
        connection.execute(f"ALTER TABLE observations ADD COLUMN {column}")
    if bundled is None:
        return
    # Units live in the bundled database, and an imported figure's indicator may be bundled or imported.
    connection.execute("ATTACH DATABASE ? AS bundled", (str(bundled),))  # read only: nothing writes to it
    ranks = " ".join(f"WHEN '{name}' THEN {rank}" for rank, name in enumerate(tables.DIMENSIONS))
    unit_of = (
        "(SELECT {column} FROM bundled.units WHERE bundled.units.id = (SELECT unit_id FROM"
        " (SELECT id, unit_id FROM main.indicators UNION ALL SELECT id, unit_id FROM bundled.indicators)"
        " WHERE id = observations.indicator_id LIMIT 1))"
    )
    connection.execute(
        f"UPDATE observations SET value_base = value * coalesce({unit_of.format(column='scale')}, 1),"
        f" dimension_rank = coalesce(CASE {unit_of.format(column='dimension')} {ranks} END, {len(tables.DIMENSIONS)})"
    )


def _migrate_3_to_4(connection: sqlite3.Connection, bundled: Path | None) -> None:
    connection.execute("ALTER TABLE batches ADD COLUMN imported_by TEXT")


def _migrate_4_to_5(connection: sqlite3.Connection, bundled: Path | None) -> None:
    """The unique index replaces the plain one on the same columns. A store made before the unique index
    existed gets it first, unless two of its figures share the key (then the plain index stays)."""
    unique = connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'uq_observation_identity'").fetchone()
    if unique is None:
        repeated = connection.execute(
            "SELECT 1 FROM observations GROUP BY indicator_id, period_label, source_id HAVING count(*) > 1 LIMIT 1"
        ).fetchone()
        if repeated is not None:
            return
        connection.execute(_UNIQUE_INDEX)
    connection.execute("DROP INDEX IF EXISTS ix_observation_identity")


def _migrate_5_to_6(connection: sqlite3.Connection, bundled: Path | None) -> None:
    for name in _NOT_IN_USER_STORE:
        connection.execute(f"DROP INDEX IF EXISTS {name}")


MIGRATIONS: dict[int, Callable[[sqlite3.Connection, Path | None], None]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
    3: _migrate_3_to_4,
    4: _migrate_4_to_5,
    5: _migrate_5_to_6,
}


def prepare_user_store(path: Path, bundled: Path | None = None) -> StoreNotice | None:
    """Check the per-user database before use, read-write (so an interrupted import is rolled back now).

    An older file is migrated after a backup copy. A file that cannot be ours (empty, another program's,
    missing a table, from a newer app, damaged) is moved aside once, with a notice saying where, and a fresh
    store takes its place. A missing file is fine: the first import creates it. A locked or unreadable
    file raises UserStoreError with a sentence and is left alone. `bundled` (the database the figures are
    layered over) lets a migration look up units that only it holds.
    """
    if not path.exists():
        return None
    if not path.is_file():
        raise UserStoreError(f"Your imported figures should be in {path}, but that is not a file.")
    version, problem = _inspect(path)
    if problem is not None:
        return _set_aside(path, problem)
    if version == USER_SCHEMA_VERSION:
        return None
    return _migrate(path, version, bundled)


def _inspect(path: Path) -> tuple[int, str | None]:
    """The file's version and why it cannot be used as it is (None: it can)."""
    try:
        connection = sqlite3.connect(user_store_uri(path), uri=True)
    except sqlite3.Error as error:
        raise UserStoreError(store_reason(path, error)) from error
    try:
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":  # reading rolls back a hot journal
            return 0, "are damaged"
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        columns_of = {
            name: {row[1] for row in connection.execute(f"PRAGMA table_info({name})")}
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    except sqlite3.DatabaseError as error:
        if _is_transient(error):
            raise UserStoreError(store_reason(path, error)) from error
        return 0, "are not a database"
    finally:
        connection.close()
    if version > USER_SCHEMA_VERSION:
        return version, f"were saved by a newer version of the app (format {version})"
    if not columns_of:
        return version, "are an empty file"
    for name in USER_TABLES:
        # An older file lacks the columns its migrations add; it must have the tables.
        wanted = {column.name for column in tables.metadata.tables[name].columns}
        if version != USER_SCHEMA_VERSION:
            wanted = {"id"}
        if not wanted <= columns_of.get(name, set()):
            return version, f"lack the table {name} as this app writes it (another program's file?)"
    if version not in MIGRATIONS and version != USER_SCHEMA_VERSION:
        return version, f"are of an unknown format ({version})"
    return version, None


def _set_aside(path: Path, problem: str) -> StoreNotice:
    kept = path.with_name(f"{path.stem}.set-aside-{_stamp()}{path.suffix}")
    try:
        path.replace(kept)
        for side in _SIDE_FILES:
            companion = path.with_name(path.name + side)
            if companion.exists():
                companion.replace(kept.with_name(kept.name + side))
        create_user_store(path)
    except (OSError, sqlite3.Error) as error:
        problem = f"Your imported figures in {path} {problem}, and could not be moved aside ({error})."
        raise UserStoreError(problem) from error
    return StoreNotice(
        f"Your imported figures in {path} {problem}. The file was kept as {kept} and a new, empty store started.",
        kept,
    )


def _migrate(path: Path, version: int, bundled: Path | None) -> StoreNotice:
    backup = path.with_name(f"{path.stem}.before-v{USER_SCHEMA_VERSION}-{_stamp()}{path.suffix}")
    shutil.copy2(path, backup)
    connection = sqlite3.connect(user_store_uri(path), uri=True)
    try:
        with connection:
            for step in range(version, USER_SCHEMA_VERSION):
                MIGRATIONS[step](connection, bundled)
            connection.execute(f"PRAGMA user_version = {USER_SCHEMA_VERSION}")
        connection.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as error:
        raise UserStoreError(f"Your imported figures could not be updated ({error}); {backup} keeps them.") from error
    finally:
        connection.close()
    return StoreNotice(f"Your imported figures were updated to this version; {backup} keeps the old file.", backup)


def attach_user_store(connection: sqlite3.Connection, path: Path | None) -> None:
    """Let a read-only connection to the bundled database see the imported figures too.

    Temporary views named like the layered tables shadow the bundled tables (SQLite looks in temp first),
    so every query of the read API reads bundled and imported rows alike.
    """
    if path is None or not path.exists():
        return
    connection.execute("ATTACH DATABASE ? AS user", (user_store_uri(path),))
    for table in tables.LAYERED_TABLES:
        connection.execute(
            f"CREATE TEMP VIEW {table} AS SELECT * FROM main.{table} UNION ALL SELECT * FROM user.{table}"
        )


def _is_transient(error: BaseException) -> bool:
    text = str(error).lower()
    return any(word in text for word in ("locked", "busy", "readonly", "read-only", "unable to open", "disk i/o"))


def store_reason(path: Path, error: BaseException) -> str:
    """A database error of the per-user database as a sentence (never SQLAlchemy's text with its SQL)."""
    problem, text = sqlite_problem(error)
    if problem is SqliteProblem.LOCKED:
        return f"Your imported figures in {path} are being written by another program; try again when it is done."
    if problem is SqliteProblem.READ_ONLY:
        return f"Your imported figures in {path} cannot be written: the file or its folder is read-only."
    if problem is SqliteProblem.DISK_FULL:
        return f"Your imported figures in {path} cannot be written: the disk is full."
    if problem is SqliteProblem.CANNOT_OPEN:
        return f"Your imported figures in {path} cannot be opened; check that you may read and write it."
    return f"Your imported figures in {path} cannot be used ({text})."


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
