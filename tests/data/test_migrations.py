"""The schema under Alembic: the history creates, upgrades and downgrades; the reader checks the revision."""

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect
from sqlalchemy.pool import NullPool

from jinshan_desktop.cli import main
from jinshan_desktop.data import migrate, tables
from jinshan_desktop.data.queries import FactBookError, open_fact_book


def _engine(path: Path) -> Engine:
    return create_engine(f"sqlite:///{path}", poolclass=NullPool)


def test_the_code_reads_the_head_of_the_history() -> None:
    assert list(tables.REVISIONS) == migrate.revisions()
    assert migrate.head_revision() == tables.SCHEMA_REVISION


def test_every_migration_runs_up_and_down_and_up_again(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "empty.sqlite")
    with engine.begin() as connection:
        migrate.upgrade(connection)
        assert migrate.current_revision(connection) == tables.SCHEMA_REVISION
        # The history makes exactly the tables, columns and indexes the models declare.
        assert compare_metadata(MigrationContext.configure(connection), tables.metadata) == []
        for revision in reversed(["base", *tables.REVISIONS[:-1]]):
            migrate.downgrade(connection, revision)
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
        for revision in tables.REVISIONS:
            migrate.upgrade(connection, revision)
            assert migrate.current_revision(connection) == revision
    engine.dispose()


def test_a_built_database_is_at_the_head(built_database: Path) -> None:
    engine = _engine(built_database)
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == tables.SCHEMA_REVISION
    engine.dispose()


def _as_before_alembic(database: Path) -> Path:
    """The database as schema version 4 left it: revision 0001's tables, no alembic_version."""
    engine = _engine(database)
    with engine.begin() as connection:
        migrate.downgrade(connection, migrate.BASELINE)
    engine.dispose()
    connection = sqlite3.connect(database)
    connection.execute("DROP TABLE alembic_version")
    connection.execute(f"PRAGMA user_version = {tables.LEGACY_SCHEMA_VERSION}")
    connection.commit()
    connection.close()
    return database


def test_an_older_database_says_what_to_run_and_the_command_upgrades_it(
    database: Path, built_database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _as_before_alembic(database)
    with pytest.raises(FactBookError, match=r"older schema .*Run: jinshan-desktop db upgrade --db"):
        open_fact_book(database)
    assert main(["db", "upgrade", "--db", str(database)]) == 0
    assert tables.SCHEMA_REVISION in capsys.readouterr().out
    upgraded, built = open_fact_book(database), open_fact_book(built_database)
    assert upgraded.facts() == built.facts()  # 0003_team numbered the facts in their file order (SQLite's rowid)
    revenue = upgraded.observation("edo-revenue-2021")  # base values filled in by 0002
    assert (revenue.value_base, revenue.dimension) == (402054.66 * 10_000, "CNY")
    upgraded.close()
    built.close()
    assert main(["db", "upgrade", "--db", str(database)]) == 0
    assert "already at" in capsys.readouterr().out


def test_a_newer_database_is_refused_with_a_sentence(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    connection = sqlite3.connect(database)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(FactBookError, match="written by a newer version of the app"):
        open_fact_book(database)
    assert main(["db", "upgrade", "--db", str(database)]) == 2
    assert "newer version" in capsys.readouterr().err


def test_a_file_without_any_schema_revision_is_not_a_fact_book(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE anything (x)")
    connection.commit()
    connection.close()
    with pytest.raises(FactBookError, match="not a fact book database"):
        open_fact_book(path)


def test_the_writers_classes_name_every_column_of_their_table() -> None:
    """schema.py's ORM classes map onto tables.py; their typed attributes are exactly the table's columns."""
    from jinshan_desktop.data import schema

    for mapper in schema.Base.registry.mappers:
        table = mapper.local_table
        typed = set(mapper.class_.__annotations__)
        assert typed == set(table.c.keys()), table.name
    assert {mapper.local_table.name for mapper in schema.Base.registry.mappers} == set(tables.metadata.tables)
