"""PostgreSQL only: trigram indexes, so a substring search (ILIKE '%…%') over names and periods, Chinese
included, reads an index instead of every row. SQLite needs nothing: its LIKE scans, quickly enough locally.

Revision ID: 0004_trigram
Revises: 0003_team
"""

from __future__ import annotations

from alembic import op

revision = "0004_trigram"
down_revision = "0003_team"
branch_labels = None
depends_on = None

# The columns the filter box and Find match with contains_text (data/dialects.py) on the large tables.
TRIGRAM_COLUMNS = {
    "indicators": ("name_en", "name_zh_hans", "name_zh_hant"),
    "observations": ("period_label", "period_label_zh_hans", "period_label_zh_hant", "source_id"),
}


def _index_names() -> list[tuple[str, str, str]]:
    return [(f"ix_trgm_{table}_{column}", table, column) for table, cols in TRIGRAM_COLUMNS.items() for column in cols]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")  # a trusted extension: the database owner may
    for name, table, column in _index_names():
        op.create_index(name, table, [column], postgresql_using="gin", postgresql_ops={column: "gin_trgm_ops"})


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, table, _column in _index_names():
        op.drop_index(name, table)
