"""The fact book's schema history for Alembic: one chain that creates and upgrades SQLite and PostgreSQL."""
