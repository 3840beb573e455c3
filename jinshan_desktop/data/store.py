"""Opening a fact book database: the connection, the checks at open, and database errors as sentences."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from textwrap import shorten
from typing import TypeVarTuple
from urllib.parse import quote

from sqlalchemy import Select, create_engine, inspect
from sqlalchemy.engine import Engine, Row
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from jinshan_desktop.data import tables
from jinshan_desktop.data.dialects import stamped_revision
from jinshan_desktop.data.sqlite_errors import SqliteProblem, sqlite_problem
from jinshan_desktop.data.user_store import StoreNotice, UserStoreError, attach_user_store, prepare_user_store

Columns = TypeVarTuple("Columns")

# Up to this size the whole file is checked page by page on open (about 40 ms); a larger file (an imported
# yearbook) is opened after reading its header and schema, and checked whole off the GUI thread.
FULL_CHECK_BYTES = 16 * 1024 * 1024


class FactBookError(RuntimeError):
    """The database cannot be read; the message is a sentence for the reader."""


class PasswordNeeded(FactBookError):
    """The server asks for a password that libpq did not find (~/.pgpass, PGPASSWORD), or refused the one
    given: the window asks for one and opens again."""


class Store:
    """One fact book database, read-only: a SQLite file with the per-user imported figures attached beneath
    it, or a team database on a PostgreSQL server (whose imports go into the database itself)."""

    def __init__(self, engine: Engine, path: Path | str, user_store: Path | None = None) -> None:
        self.engine = engine
        self.path = path  # the file, or the server's URL without its password (what the reader is told)
        self.user_store = user_store
        self.notice: StoreNotice | None = None  # what opening the per-user database did, for the reader
        self.fully_checked = False  # every page read by quick_check, not only the header and schema

    @property
    def on_server(self) -> bool:
        return self.engine.dialect.name != "sqlite"

    def close(self) -> None:
        self.engine.dispose()

    def reconnect(self) -> None:
        """Drop every pooled connection: the next read connects afresh (Retry after a dropped connection)."""
        self.engine.dispose()

    def error(self, error: BaseException) -> FactBookError:
        """A database error as the FactBookError to raise; PasswordNeeded when a password would help."""
        if self.on_server:
            from jinshan_desktop.data.server import is_password_problem

            if is_password_problem(error):
                return PasswordNeeded(self.reason(error))
        return FactBookError(self.reason(error))

    def reason(self, error: BaseException) -> str:
        """A database error of this store as a sentence for the reader."""
        if self.on_server:
            from jinshan_desktop.data.server import server_reason

            return server_reason(str(self.path), error)
        return reason(Path(self.path), error)

    def rows(self, statement: Select[*Columns]) -> list[Row[*Columns]]:
        """Every row of a statement; a database error becomes a FactBookError with a sentence."""
        try:
            with self.engine.connect() as connection:
                return list(connection.execute(statement))
        except DBAPIError as error:
            raise self.error(error) from error

    def check(self, full: bool = True) -> None:
        """Schema version and integrity (every page when full), so that a bad file fails at open, not in a view."""
        if full:
            problem = self.integrity_problem()
            if problem is not None:
                raise FactBookError(problem)
        try:
            with self.engine.connect() as connection:
                revision = stamped_revision(connection)
                present = set(inspect(connection).get_table_names()) if revision is not None else set()
        except DBAPIError as error:
            raise self.error(error) from error
        problem = revision_problem(self.path, revision)
        if problem is not None:
            raise FactBookError(problem)
        missing = sorted(set(tables.metadata.tables) - {"batches"} - present)
        if missing:
            raise FactBookError(
                f"The database {self.path} is not a complete fact book: it has no table {', '.join(missing)}."
            )

    def integrity_problem(self) -> str | None:
        """Read every page (PRAGMA quick_check): None when sound, else a sentence. Safe off the GUI thread.

        A server keeps its own pages sound (checksums, WAL): nothing to read there."""
        if self.on_server:
            self.fully_checked = True
            return None
        try:
            with self.engine.connect() as connection:
                raw = connection.exec_driver_sql("PRAGMA quick_check").scalar()
        except DBAPIError as error:
            return self.reason(error)
        self.fully_checked = raw == "ok"
        if raw == "ok":
            return None
        detail = "; ".join(line for line in str(raw).splitlines() if not line.startswith("***"))
        return f"The file {self.path} is damaged (SQLite reports: {shorten(detail, 200)})."


def open_store(
    target: Path | str, user_store: Path | None = None, full_check: bool | None = None, password: str | None = None
) -> Store:
    """Open a database read-only and check it; FactBookError says in a sentence why it cannot be.

    target: a SQLite file, or a SQLAlchemy URL (postgresql+psycopg://editor@host/factbook, or sqlite:///path).
    full_check: check every page now (True), or only the header and schema (False; then call
    integrity_problem() later); by default the full check runs now for files up to FULL_CHECK_BYTES.
    password: for a server, when libpq's own ways (~/.pgpass, PGPASSWORD) give none; never stored.
    """
    if is_url(target) and not str(target).startswith("sqlite"):
        return _checked(server_engine_store(str(target), password), full=True)
    path = sqlite_path(target)
    if not path.is_file():
        raise FactBookError(f"The fact book database {path} does not exist.")
    if full_check is None:
        full_check = path.stat().st_size <= FULL_CHECK_BYTES
    uri = f"file:{quote(str(path.resolve().as_posix()))}?mode=ro"
    notice = None
    if user_store is not None:
        try:
            notice = prepare_user_store(user_store, path)
        except (UserStoreError, OSError) as error:
            raise FactBookError(str(error)) from error

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        attach_user_store(connection, user_store)
        return connection

    engine = create_engine("sqlite://", poolclass=NullPool, creator=connect)
    store = Store(engine, path, user_store)
    store.notice = notice
    return _checked(store, full_check)


def _checked(store: Store, full: bool) -> Store:
    try:
        store.check(full=full)
    except FactBookError:
        store.close()
        raise
    return store


def is_url(target: Path | str) -> bool:
    return isinstance(target, str) and "://" in target


def sqlite_path(target: Path | str) -> Path:
    """The file of a path or of a sqlite:/// URL."""
    text = str(target)
    if is_url(text):
        return Path(text.split(":///", 1)[1].split("?", 1)[0])
    return Path(target)


def server_engine_store(url: str, password: str | None) -> Store:
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    from jinshan_desktop.data.server import server_engine, shown_url

    try:
        if not url.startswith(("postgresql", "postgres:")):
            raise ValueError("only PostgreSQL servers")
        return Store(server_engine(url, password), shown_url(url))
    except (ArgumentError, NoSuchModuleError, ValueError, ImportError) as error:  # never echoing a password
        raise FactBookError(
            "The database address is not understood; give a file, or postgresql+psycopg://user@host/database "
            f"({error if '://' not in str(error) else 'it cannot be parsed'})."
        ) from error


def revision_problem(path: Path | str, revision: str | None) -> str | None:
    """None when a database is at the schema this app reads, else what to do, as a sentence.

    revision: the database's Alembic revision; "0001?" for a version-4 file from before Alembic; None when
    it has neither (not a fact book database)."""
    upgrade = f"Run: jinshan-desktop db upgrade --db {path}"
    if revision == tables.SCHEMA_REVISION:
        return None
    if revision is None:
        return f"The file {path} is not a fact book database (it has no schema revision)."
    if revision.endswith("?") or revision in tables.REVISIONS:
        return (
            f"The database {path} has an older schema ({revision.rstrip('?')}) than this version of the app reads "
            f"({tables.SCHEMA_REVISION}). {upgrade}"
        )
    return (
        f"The database {path} was written by a newer version of the app (schema {revision}; this version reads "
        f"{tables.SCHEMA_REVISION}). Open it with a newer Jinshan Fact Book."
    )


def reason(path: Path, error: BaseException) -> str:
    """A database error as a sentence for the reader."""
    problem, text = sqlite_problem(error)
    if problem is SqliteProblem.LOCKED:
        return f"The fact book database {path} is locked by another program. Close it and try again."
    if problem is SqliteProblem.DAMAGED:
        return f"The file {path} is damaged or is not a fact book database."
    if problem is SqliteProblem.CANNOT_OPEN:
        return f"The fact book database {path} cannot be opened; check that you may read it."
    return f"The fact book database {path} cannot be read ({text})."
