"""The schema under Alembic: create or upgrade a database to the current schema, on SQLite or PostgreSQL.

Opening a database only reads its `alembic_version` row (store.py, without importing Alembic, which
start-up would pay for); this module is for building, `jinshan-desktop db upgrade` and the tests.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text

from jinshan_desktop.data import tables

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001"  # schema version 4, the last one checked by hand (PRAGMA user_version)


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Bring the database to revision; a version-4 SQLite file from before Alembic is adopted first."""
    if _is_unstamped_version_4(connection):
        command.stamp(_config(connection), BASELINE)
    command.upgrade(_config(connection), revision)


def downgrade(connection: Connection, revision: str) -> None:
    command.downgrade(_config(connection), revision)


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None, "the migration history is empty"
    return head


def revisions() -> list[str]:
    """Every revision, oldest first."""
    return [script.revision for script in reversed(list(ScriptDirectory(str(MIGRATIONS)).walk_revisions()))]


def _is_unstamped_version_4(connection: Connection) -> bool:
    if connection.dialect.name != "sqlite" or inspect(connection).has_table("alembic_version"):
        return False
    version = connection.execute(text("PRAGMA user_version")).scalar()
    return version == tables.LEGACY_SCHEMA_VERSION and inspect(connection).has_table("observations")


class UpgradeError(RuntimeError):
    """A database that cannot be upgraded; the message is a sentence for the reader."""


def upgrade_database(target: str) -> tuple[str | None, str]:
    """Upgrade the database at a path or SQLAlchemy URL to the head; returns (revision before, after)."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.pool import NullPool

    from jinshan_desktop.data.server import server_url, shown_url

    url = target if "://" in target else f"sqlite:///{Path(target).resolve()}"
    if "://" not in target and not Path(target).is_file():
        raise UpgradeError(f"The database {target} does not exist.")
    on_server = not url.startswith("sqlite")
    engine = create_engine(server_url(url) if on_server else url, poolclass=NullPool)
    target = shown_url(target) if on_server else target  # the sentences never carry a password
    try:
        with engine.begin() as connection:
            before = current_revision(connection)
            if before is not None and before not in revisions():
                raise UpgradeError(
                    f"The database {target} was written by a newer version of the app (schema {before}); "
                    "this version cannot upgrade it."
                )
            upgrade(connection)
            return before, head_revision()
    except SQLAlchemyError as error:
        raise UpgradeError(f"The database {target} could not be upgraded ({getattr(error, 'orig', error)}).") from error
    finally:
        engine.dispose()
