"""Where SQLite and PostgreSQL need different SQL, and only here.

The read API builds one statement for both engines; the few expressions whose SQL differs are constructs
compiled per dialect below (SQLAlchemy's @compiles), so a statement knows nothing of the engine it runs on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Boolean, Connection, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import GenericFunction
from sqlalchemy.sql.visitors import InternalTraversal


class decimal_text(GenericFunction[str]):
    """A number as text with exactly `decimals` digits after the point: 12.9 with 2 is '12.90'."""

    type = String()
    inherit_cache = True
    name = "decimal_text"


@compiles(decimal_text, "sqlite")
def _decimal_text_sqlite(element: decimal_text, compiler: SQLCompiler, **kw: Any) -> str:
    value, decimals = list(element.clauses)
    return f"printf('%.*f', {compiler.process(decimals, **kw)}, {compiler.process(value, **kw)})"


@compiles(decimal_text, "postgresql")
def _decimal_text_postgresql(element: decimal_text, compiler: SQLCompiler, **kw: Any) -> str:
    # round(numeric, n) keeps n digits after the point, trailing zeros included, as printf('%.*f') does.
    value, decimals = list(element.clauses)
    return f"round(CAST({compiler.process(value, **kw)} AS numeric), {compiler.process(decimals, **kw)})::text"


class binary_order(GenericFunction[str]):
    """Text sorted by code point on both engines (SQLite's BINARY; PostgreSQL's database collation would
    otherwise sort 'b' before 'C' in one database and after it in another)."""

    type = String()
    inherit_cache = True
    name = "binary_order"


@compiles(binary_order)
def _binary_order_default(element: binary_order, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(next(iter(element.clauses)), **kw)


@compiles(binary_order, "postgresql")
def _binary_order_postgresql(element: binary_order, compiler: SQLCompiler, **kw: Any) -> str:
    return f'({compiler.process(next(iter(element.clauses)), **kw)} COLLATE "C")'


def contains_text(column: Any, needle: str) -> ColumnElement[bool]:
    """column contains needle literally (% and _ are not wildcards), ASCII letters in any case, as SQLite's
    LIKE does; on PostgreSQL that is ILIKE, which the pg_trgm indexes of migration 0004_trigram serve."""
    return _ContainsText(column, needle)


class _ContainsText(ColumnElement[bool]):
    """Both comparisons, built (and their parameters bound) once; each dialect compiles its own. Being
    traversable, a statement holding one is cached like any other."""

    inherit_cache = True
    _is_implicitly_boolean = True  # a comparison already: no "= 1" after it in a WHERE
    _traverse_internals = [  # noqa: RUF012 - SQLAlchemy reads this class attribute
        ("as_like", InternalTraversal.dp_clauseelement),
        ("as_ilike", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, column: Any, needle: str) -> None:
        self.as_like = column.contains(needle, autoescape=True)
        self.as_ilike = column.icontains(needle, autoescape=True)
        self.type = Boolean()


@compiles(_ContainsText)
def _contains_default(element: _ContainsText, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.as_like, **kw)


@compiles(_ContainsText, "postgresql")
def _contains_postgresql(element: _ContainsText, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.as_ilike, **kw)


def stamped_revision(connection: Connection) -> str | None:
    """The database's Alembic revision, without importing Alembic; "0001?" for a SQLite file of schema
    version 4 from before Alembic; None when it has neither."""
    from jinshan_desktop.data import tables

    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()  # parses the whole schema
        stamped = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).scalar()
        if not stamped:
            legacy = connection.exec_driver_sql("PRAGMA user_version").scalar()
            return tables.REVISIONS[0] + "?" if legacy == tables.LEGACY_SCHEMA_VERSION else None
    elif connection.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar() is None:
        return None
    revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return None if revision is None else str(revision)


# A streamed read (an export, a snapshot) is one moment of the database across its statements, reads every
# row (a cursor is planned for its first tenth by default), sorts in memory where it sorts, and may take
# longer than a page read; the reader's Cancel still ends it between chunks.
STREAMED_READ_POSTGRESQL = (
    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY",
    "SET LOCAL cursor_tuple_fraction = 1.0",
    "SET LOCAL work_mem = '64MB'",
    "SET LOCAL statement_timeout = '10min'",
)


def begin_streamed_read(connection: Connection) -> None:
    """Begin the transaction of a read of many statements through raw_rows: all of them see one moment."""
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.rollback()  # whatever the pool's check began; nothing was read yet
    cursor = driver.cursor()  # sqlite3's cursor is no context manager
    try:
        for statement in STREAMED_READ_POSTGRESQL if connection.dialect.name == "postgresql" else ("BEGIN",):
            cursor.execute(statement)
    finally:
        cursor.close()


def raw_rows(connection: Connection, statement: Any, chunk: int) -> Iterator[list[tuple[Any, ...]]]:
    """A statement's rows in chunks straight from the driver's cursor (SQLAlchemy's row objects would double
    a million-row export). On PostgreSQL a named (server-side) cursor, so the rows are not all held in memory."""
    compiled = statement.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    if compiled.positiontup is None:
        parameters: Any = dict(compiled.params)
    else:
        parameters = [compiled.params[name] for name in compiled.positiontup]
    driver = connection.connection.driver_connection
    assert driver is not None
    if connection.dialect.name == "postgresql":
        cursor = driver.cursor(name="jinshan_export")
        cursor.itersize = chunk
    else:
        cursor = driver.cursor()
    try:
        cursor.execute(str(compiled), parameters)
        while rows := cursor.fetchmany(chunk):
            yield rows
    finally:
        cursor.close()


def driver_errors(connection: Connection) -> tuple[type[BaseException], ...]:
    """The errors the driver's own cursor raises (raw_rows bypasses SQLAlchemy's wrapping)."""
    dbapi = connection.dialect.loaded_dbapi
    return (dbapi.Error,)
