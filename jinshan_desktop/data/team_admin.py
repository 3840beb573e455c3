"""The two roles of a team database: readers browse and export (SELECT only); editors also import and remove
batches (INSERT and DELETE on the tables an import writes, nothing else). Run by an administrator."""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from jinshan_desktop.data.server import server_engine, server_reason

# The tables an import writes and a batch removal deletes from (data/importing/team.py).
IMPORTED_TABLES = ("batches", "sources", "indicators", "observations")


class GrantError(RuntimeError):
    """The roles could not be set up; the message is a sentence."""


def grant(url: str, role: str, editor: bool) -> list[str]:
    """Give a role (created, able to log in, if missing) read or edit rights on the team database; returns
    what was done, as lines for the administrator. One transaction: all of it or none."""
    from psycopg import sql

    name = sql.Identifier(role)
    statements = [
        sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(name),
        sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}").format(name),
    ]
    if editor:
        tables = sql.SQL(", ").join(sql.Identifier(table) for table in IMPORTED_TABLES)
        statements += [
            sql.SQL("GRANT INSERT, DELETE ON {} TO {}").format(tables, name),
            # Removing a batch hands an indicator or source another batch still uses to that batch.
            sql.SQL("GRANT UPDATE (batch_id) ON indicators, sources TO {}").format(name),
            sql.SQL("GRANT USAGE ON SEQUENCE batches_id_seq TO {}").format(name),
        ]
    done: list[str] = []
    engine = server_engine(url, read_only=False, timeout_ms=0)
    try:
        with engine.begin() as connection:
            driver = connection.connection.driver_connection
            assert driver is not None
            with driver.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
                if cursor.fetchone() is None:
                    cursor.execute(sql.SQL("CREATE ROLE {} LOGIN").format(name))
                    done.append(f"Created the role {role}; give it a password: ALTER ROLE {role} PASSWORD '…'")
                cursor.execute("SELECT current_database()")
                row = cursor.fetchone()
                assert row is not None
                database = sql.Identifier(str(row[0]))
                cursor.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(database, name))
                for statement in statements:
                    cursor.execute(statement)
    except SQLAlchemyError as error:
        raise GrantError(f"Nothing was granted: {server_reason(url, error)}") from error
    except Exception as error:  # psycopg's own errors, raised by its cursor
        if type(error).__module__.startswith("psycopg"):
            raise GrantError(f"Nothing was granted: {server_reason(url, error)}") from error
        raise
    finally:
        engine.dispose()
    kind = "edit (import and remove batches)" if editor else "read and export"
    done.append(f"{role} may now {kind} in this team database.")
    return done
