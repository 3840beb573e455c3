"""The one migration history on PostgreSQL: every step up, down and up again; the reader checks the revision."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from jinshan_desktop.cli import main
from jinshan_desktop.data import migrate, tables
from jinshan_desktop.data.queries import FactBookError, open_fact_book
from tests.pg.conftest import pg_engine
from tests.pg.server import PostgresServer


def _not_trigram(item: object, name: str | None, kind: str, reflected: bool, compare_to: object) -> bool:
    return not (kind == "index" and (name or "").startswith("ix_trgm_"))  # PostgreSQL-only indexes of 0003


def test_every_migration_runs_up_and_down_on_postgresql(pg_server: PostgresServer, empty_pg_database: str) -> None:
    engine = pg_engine(pg_server.url(empty_pg_database))
    with engine.begin() as connection:
        migrate.upgrade(connection)
        assert migrate.current_revision(connection) == tables.SCHEMA_REVISION
        context = MigrationContext.configure(connection, opts={"include_object": _not_trigram})
        assert compare_metadata(context, tables.metadata) == []
        indexes = {index["name"] for index in inspect(connection).get_indexes("observations")}
        assert {"uq_observation_identity", "ix_trgm_observations_period_label"} <= indexes
        for revision in reversed(["base", *tables.REVISIONS[:-1]]):
            migrate.downgrade(connection, revision)
            assert migrate.current_revision(connection) == (None if revision == "base" else revision)
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
        for revision in tables.REVISIONS:
            migrate.upgrade(connection, revision)
            assert migrate.current_revision(connection) == revision
    engine.dispose()


def test_an_older_team_database_says_what_to_run_and_the_command_upgrades_it(
    pg_server: PostgresServer, empty_pg_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_server.url(empty_pg_database)
    engine = pg_engine(url)
    with engine.begin() as connection:
        migrate.upgrade(connection, tables.REVISIONS[0])
    engine.dispose()
    with pytest.raises(FactBookError, match=r"older schema \(0001\).*Run: jinshan-desktop db upgrade --db postgresql"):
        open_fact_book(url)
    assert main(["db", "upgrade", "--db", url]) == 0
    assert tables.SCHEMA_REVISION in capsys.readouterr().out
    assert "admin-secret" not in capsys.readouterr().out


def test_a_database_without_the_schema_is_not_a_fact_book(pg_server: PostgresServer, empty_pg_database: str) -> None:
    with pytest.raises(FactBookError, match="not a fact book database"):
        open_fact_book(pg_server.url(empty_pg_database))
