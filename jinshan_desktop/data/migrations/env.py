"""Alembic's environment: run on the connection that data/migrate.py hands over (no alembic.ini)."""

from __future__ import annotations

from alembic import context

from jinshan_desktop.data import tables

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=tables.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters a table by copying it
)
with context.begin_transaction():
    context.run_migrations()
