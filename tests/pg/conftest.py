"""The PostgreSQL fixtures: one server per run, a published template database, a fresh clone per test.

With CI=true these tests run, never skip: a machine without the PostgreSQL binaries fails them.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from tests.pg.server import PostgresServer, postgres_binaries

TEMPLATE = "factbook_template"
EDITORS = {"editor_a": "a-secret", "editor_b": "b-secret"}
READER = ("reader", "r-secret")
_numbers = itertools.count()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    binaries = postgres_binaries()
    if binaries is None:
        message = "PostgreSQL is not installed: apt-get install postgresql (binaries under /usr/lib/postgresql)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    server = PostgresServer(binaries)
    server.initialise()
    server.start()
    for role, password in [*EDITORS.items(), READER]:
        server.admin(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
    try:
        yield server
    finally:
        try:
            server.stop()
        finally:
            server.remove()


@pytest.fixture(scope="session")
def pg_template(pg_server: PostgresServer, built_database: Path) -> str:
    """A team database made as an administrator makes one: create, publish the bundled figures, grant."""
    from jinshan_desktop.cli import main

    pg_server.admin(f"CREATE DATABASE {TEMPLATE}")
    url = pg_server.url(TEMPLATE)
    assert main(["db", "upgrade", "--db", url]) == 0
    assert main(["db", "publish", "--db", url, "--from", str(built_database)]) == 0
    for editor in EDITORS:
        assert main(["db", "grant-editor", editor, "--db", url]) == 0
    assert main(["db", "grant-reader", READER[0], "--db", url]) == 0
    return TEMPLATE


@pytest.fixture
def pg_database(pg_server: PostgresServer, pg_template: str) -> Iterator[str]:
    """A fresh team database for one test (a clone of the template); its name."""
    name = f"factbook_{next(_numbers)}"
    pg_server.admin(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    yield name
    pg_server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def empty_pg_database(pg_server: PostgresServer) -> Iterator[str]:
    name = f"empty_{next(_numbers)}"
    pg_server.admin(f"CREATE DATABASE {name}")
    yield name
    pg_server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def pg_engine(url: str):  # type: ignore[no-untyped-def]
    return create_engine(url, poolclass=NullPool)


def editor_url(server: PostgresServer, database: str, editor: str = "editor_a") -> str:
    return server.url(database, editor, EDITORS[editor])


def reader_url(server: PostgresServer, database: str) -> str:
    return server.url(database, *READER)
