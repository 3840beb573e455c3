"""Chinese readers first-class: entities' name kind, name source and Chinese description; the Chinese texts
of sources, the Chinese descriptions of indicators and notes of figures, in tables of their own.

Revision ID: 0002_chinese
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_chinese"
down_revision = "0002"
branch_labels = None
depends_on = None

_ENTITY_COLUMNS = ("name_kind", "name_source", "description_zh_hans", "description_zh_hant")


def upgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("name_kind", sa.String()))
        for column in _ENTITY_COLUMNS[1:]:
            batch.add_column(sa.Column(column, sa.Text()))
    op.create_table(
        "source_texts",
        sa.Column("source_id", sa.String(), sa.ForeignKey("sources.id"), primary_key=True),
        sa.Column("title_kind", sa.String(), nullable=False),
        *(
            sa.Column(f"{field}_zh_{script}", sa.Text(), nullable=False)
            for field in ("title", "publisher", "citation", "contributed")
            for script in ("hans", "hant")
        ),
        sa.Column("checked_against", sa.Text()),
        sa.Column("source_language", sa.String(), nullable=False),
    )

    op.create_table(
        "indicator_texts",
        sa.Column("indicator_id", sa.String(), sa.ForeignKey("indicators.id"), primary_key=True),
        sa.Column("description_zh_hans", sa.Text(), nullable=False),
        sa.Column("description_zh_hant", sa.Text(), nullable=False),
    )

    op.create_table(
        "observation_notes",
        sa.Column("observation_id", sa.String(), sa.ForeignKey("observations.id"), primary_key=True),
        sa.Column("note_zh_hans", sa.Text(), nullable=False),
        sa.Column("note_zh_hant", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("observation_notes")
    op.drop_table("indicator_texts")
    op.drop_table("source_texts")
    with op.batch_alter_table("entities") as batch:
        for column in reversed(_ENTITY_COLUMNS):
            batch.drop_column(column)
