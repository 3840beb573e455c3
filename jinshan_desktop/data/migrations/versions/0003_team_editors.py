"""What a team database needs: who imported a batch, one figure per (indicator, period, source), and the
order of facts as a column (PostgreSQL has no rowid).

Revision ID: 0003_team
Revises: 0002_chinese
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_team"
down_revision = "0002_chinese"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("batches", sa.Column("imported_by", sa.Text()))
    op.add_column("facts", sa.Column("position", sa.Integer()))
    if op.get_bind().dialect.name == "sqlite":
        op.execute("UPDATE facts SET position = rowid - 1")  # the build inserted facts in file order
    # Two editors importing the same figure at once: the second insert fails, its whole batch rolls back.
    op.create_index(
        "uq_observation_identity", "observations", ["indicator_id", "period_label", "source_id"], unique=True
    )


def downgrade() -> None:
    op.drop_index("uq_observation_identity", "observations")
    with op.batch_alter_table("facts") as facts:
        facts.drop_column("position")
    with op.batch_alter_table("batches") as batches:
        batches.drop_column("imported_by")
