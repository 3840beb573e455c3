"""Quantities: each figure in its dimension's base unit, its status (planned), what it is part of, the
precision a derived figure is known to; each indicator a stock, a flow or a rate. The value indexes sort
within a dimension, dimensions apart.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SCOPES = ("theme", "topic")


def upgrade() -> None:
    # Added at the end, in the models' order: the per-user database's tables must line up column for column.
    # Plain ADD COLUMN, not a batch copy: a copied table gets its indexes back in no fixed order, and two
    # builds of the bundled database would differ.
    op.add_column("indicators", sa.Column("measure", sa.String(), nullable=False, server_default="stock"))
    op.add_column("observations", sa.Column("planned", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("observations", sa.Column("part_of", sa.String()))
    op.add_column("observations", sa.Column("precision", sa.Float()))
    op.add_column("observations", sa.Column("value_base", sa.Float(), nullable=False, server_default="0"))
    op.add_column("observations", sa.Column("dimension_rank", sa.Integer(), nullable=False, server_default="0"))
    _fill_base_values()
    for scope in _SCOPES:
        op.drop_index(f"ix_page_{scope}_value", "observations")
        op.create_index(
            f"ix_page_{scope}_value", "observations", [f"{scope}_id", "dimension_rank", "value_base", "position", "id"]
        )


# The dimensions' sorting order as it was when this revision was written (tables.DIMENSIONS may grow later).
_DIMENSIONS = (
    (
        "CNY USD persons|persons per day|visitors|admissions|area|mass|companies|projects|institutions|platforms|"
        "centres|clusters|villages|roads|routes|flights|measures|awards|products|items|percent"
    )
    .replace(" ", "|")
    .split("|")
)


def _fill_base_values() -> None:
    """Figures already in an upgraded database get their base value and dimension rank (measures and
    statuses keep their defaults; a rebuilt bundled database has them from db/)."""
    rank = sa.case({name: position for position, name in enumerate(_DIMENSIONS)}, value=sa.column("dimension"))
    units = sa.table("units", sa.column("id"), sa.column("scale"), sa.column("dimension"))
    indicators = sa.table("indicators", sa.column("id"), sa.column("unit_id"))
    observations = sa.table(
        "observations",
        sa.column("indicator_id"),
        sa.column("value"),
        sa.column("value_base"),
        sa.column("dimension_rank"),
    )
    unit_of = (
        sa.select(units.c.scale, units.c.dimension)
        .join(indicators, indicators.c.unit_id == units.c.id)
        .where(indicators.c.id == observations.c.indicator_id)
    )
    op.execute(
        observations.update().values(
            value_base=observations.c.value * unit_of.with_only_columns(units.c.scale).scalar_subquery(),
            dimension_rank=unit_of.with_only_columns(sa.func.coalesce(rank, len(_DIMENSIONS))).scalar_subquery(),
        )
    )


def downgrade() -> None:
    for scope in _SCOPES:
        op.drop_index(f"ix_page_{scope}_value", "observations")
        op.create_index(f"ix_page_{scope}_value", "observations", [f"{scope}_id", "value", "position", "id"])
    with op.batch_alter_table("observations") as table:
        for column in ("dimension_rank", "value_base", "precision", "part_of", "planned"):
            table.drop_column(column)
    with op.batch_alter_table("indicators") as table:
        table.drop_column("measure")
