"""The fact book as schema version 4 had it: figures, facts, names in three languages, paging indexes.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _names() -> list[sa.Column[str]]:
    return [sa.Column("name_en", sa.Text(), nullable=False), *_chinese("name")]


def _chinese(field: str) -> list[sa.Column[str]]:
    return [sa.Column(f"{field}_zh_hans", sa.Text()), sa.Column(f"{field}_zh_hant", sa.Text())]


def upgrade() -> None:
    _create_catalogue()
    _create_facts_and_indicators()
    _create_observations()


def _create_catalogue() -> None:
    op.create_table(
        "batches",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.String(), nullable=False),
        sa.Column("encoding", sa.String(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
    )
    op.create_table(
        "labels",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("text_en", sa.Text(), nullable=False),
        *_chinese("text"),
    )
    op.create_table(
        "meta", sa.Column("key", sa.String(), primary_key=True), sa.Column("value", sa.Text(), nullable=False)
    )
    _create_sources()


def _create_sources() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer()),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("publisher", sa.Text(), nullable=False),
        sa.Column("published", sa.String()),
        sa.Column("address", sa.Text()),
        sa.Column("grade", sa.String(), nullable=False),
        sa.Column("locators", sa.Text(), nullable=False),
        sa.Column("contributed", sa.Text(), nullable=False),
    )
    op.create_index("ix_sources_batch_id", "sources", ["batch_id"])
    op.create_table(
        "themes",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        *_names(),
        sa.Column("role_en", sa.Text(), nullable=False),
    )
    op.create_table(
        "units",
        sa.Column("id", sa.String(), primary_key=True),
        *_names(),
        sa.Column("dimension", sa.String(), nullable=False),
        sa.Column("scale", sa.Float(), nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("kind", sa.String(), nullable=False),
        *_names(),
        sa.Column("theme_id", sa.String(), sa.ForeignKey("themes.id"), nullable=False),
        sa.Column("description_en", sa.Text(), nullable=False),
    )
    op.create_table(
        "topics",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("theme_id", sa.String(), sa.ForeignKey("themes.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *_names(),
    )
    op.create_index("ix_topics_theme_id", "topics", ["theme_id"])


def _create_facts_and_indicators() -> None:
    op.create_table(
        "facts",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("topic_id", sa.String(), sa.ForeignKey("topics.id"), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("entity_id", sa.String(), sa.ForeignKey("entities.id")),
        sa.Column("source_id", sa.String(), sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("locator", sa.String(), nullable=False),
        sa.Column("statement_en", sa.Text(), nullable=False),
        *_chinese("statement"),
    )
    op.create_index("ix_facts_topic_id", "facts", ["topic_id"])
    op.create_table(
        "indicators",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("topic_id", sa.String(), sa.ForeignKey("topics.id"), nullable=False),
        *_names(),
        sa.Column("unit_id", sa.String(), sa.ForeignKey("units.id"), nullable=False),
        sa.Column("compare_group", sa.String()),
        sa.Column("entity_id", sa.String(), sa.ForeignKey("entities.id")),
        sa.Column("description_en", sa.Text(), nullable=False),
        sa.Column("batch_id", sa.Integer()),
    )
    for column in ("batch_id", "compare_group", "entity_id", "topic_id"):
        op.create_index(f"ix_indicators_{column}", "indicators", [column])


def _create_observations() -> None:
    op.create_table(
        "observations",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("indicator_id", sa.String(), sa.ForeignKey("indicators.id"), nullable=False),
        sa.Column("period_label", sa.Text(), nullable=False),
        *_chinese("period_label"),
        sa.Column("period_kind", sa.String(), nullable=False),
        sa.Column("period_year", sa.Integer()),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("decimals", sa.Integer(), nullable=False),
        sa.Column("as_written", sa.Text()),
        sa.Column("qualifier", sa.String()),
        sa.Column("provisional", sa.Boolean(), nullable=False),
        sa.Column("derived", sa.Boolean(), nullable=False),
        sa.Column("formula", sa.Text()),
        sa.Column("source_id", sa.String(), sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("locator", sa.String(), nullable=False),
        sa.Column("headline", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer()),
        sa.Column("theme_id", sa.String(), nullable=False),
        sa.Column("topic_id", sa.String(), nullable=False),
    )
    for column in ("batch_id", "headline", "indicator_id", "period_year", "source_id"):
        op.create_index(f"ix_observations_{column}", "observations", [column])
    # A theme's or topic's table pages through these, sorted by file order or by value.
    for scope in ("theme", "topic"):
        op.create_index(f"ix_page_{scope}_position", "observations", [f"{scope}_id", "position", "id"])
        op.create_index(f"ix_page_{scope}_value", "observations", [f"{scope}_id", "value", "position", "id"])


def downgrade() -> None:
    for table in ("observations", "indicators", "facts", "topics", "entities", "units", "themes", "sources"):
        op.drop_table(table)
    for table in ("meta", "labels", "batches"):
        op.drop_table(table)
