"""The fact book's schema as SQLAlchemy Core tables: what every reader selects from, without the ORM.

The ORM classes of schema.py map onto these tables for the writers (build, import, team copy); the read
path never loads the ORM, whose import and mapping took 0.15-0.2 s of the window's start-up."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text, false

# The schema is under Alembic (data/migrations): a change of a table or column is a new migration, and its
# revision goes at the end of REVISIONS. The reader opens a database at SCHEMA_REVISION, tells the reader to
# upgrade an older one and refuses one of an unknown (newer) revision. tests/data/test_migrations.py checks
# these against the migration history.
REVISIONS = ("0001", "0002", "0002_chinese", "0003_team", "0004_trigram")
SCHEMA_REVISION = REVISIONS[-1]
LEGACY_SCHEMA_VERSION = 4  # PRAGMA user_version of databases built before Alembic: revision 0001
# The per-user database of imported figures holds these tables, in the same shape (see user_store.py).
LAYERED_TABLES = ("sources", "indicators", "observations")

# How a figure is qualified in the source: "nearly" (just under: 近) -> nearly, "about" -> approximately,
# "more than"/"over" -> more_than, "up to" -> up_to.
QUALIFIERS = ("approximately", "nearly", "more_than", "up_to")
# What a Chinese name is: the official name (checked against a Chinese source, recorded with it), a label of
# the fact book's own (descriptive), or a name no Chinese source confirmed (unverified).
NAME_KINDS = ("official", "descriptive", "unverified")

# What a period label means (the views describe each kind). Only ANNUAL_KINDS are joined by a line on a chart:
# year, year_stated (the current year as stated during it), as_of, span, stage, per_year, part_year, holiday, day.
PERIOD_KINDS = (
    "year",
    "year_stated",
    "as_of",
    "span",
    "stage",
    "per_year",
    "part_year",
    "holiday",
    "day",
    "unstated",  # the source gives no period (reported at a date, said of no time)
)
ANNUAL_KINDS = frozenset({"year", "year_stated"})

# What an indicator measures: a level at a moment or a total size (stock), an amount over a period (flow),
# or a ratio or change (rate). Only figures of one measure are compared.
MEASURES = ("stock", "flow", "rate")
# Dimensions in the order a table sorted by value groups them: money first, then people, then the rest.
DIMENSIONS = (
    "CNY",
    "USD",
    "persons",
    "persons per day",
    "visitors",
    "admissions",
    "area",
    "mass",
    "companies",
    "projects",
    "institutions",
    "platforms",
    "centres",
    "clusters",
    "villages",
    "roads",
    "routes",
    "flights",
    "measures",
    "awards",
    "products",
    "items",
    "percent",
)


metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", String, primary_key=True),
    Column("position", Integer, nullable=False),  # reading order; imported sources come after bundled ones
    Column("batch_id", Integer, index=True, nullable=True),  # the import that added it, if any
    Column("title", Text, nullable=False),
    Column("publisher", Text, nullable=False),
    Column("published", String, nullable=True),  # ISO date, when the source list gives one
    Column("address", Text, nullable=True),
    Column("grade", String, nullable=False),
    Column("locators", Text, nullable=False),  # "¶1-¶21" or "|"-separated named parts
    Column("contributed", Text, nullable=False),
)

# A source's Chinese title, publisher, short citation and contribution (db/sources_zh.csv). Kept apart from
# sources so that the per-user database, which layers its own sources over the bundled ones column for column,
# keeps its shape; imported sources simply have none.
source_texts = Table(
    "source_texts",
    metadata,
    Column("source_id", String, ForeignKey("sources.id"), primary_key=True),
    Column("title_kind", String, nullable=False),  # official (the document's own title) or descriptive
    Column("title_zh_hans", Text, nullable=False),
    Column("title_zh_hant", Text, nullable=False),
    Column("publisher_zh_hans", Text, nullable=False),
    Column("publisher_zh_hant", Text, nullable=False),
    Column("citation_zh_hans", Text, nullable=False),  # "《发布会》", put before the locator
    Column("citation_zh_hant", Text, nullable=False),
    Column("contributed_zh_hans", Text, nullable=False),
    Column("contributed_zh_hant", Text, nullable=False),
    Column("checked_against", Text, nullable=True),  # the Chinese page the names were checked on
    Column("source_language", String, nullable=False),  # "en" or "zh": the language the source is written in
)

# An indicator's description in Chinese (db/indicators_zh.csv), apart from the layered indicators table.
indicator_texts = Table(
    "indicator_texts",
    metadata,
    Column("indicator_id", String, ForeignKey("indicators.id"), primary_key=True),
    Column("description_zh_hans", Text, nullable=False),
    Column("description_zh_hant", Text, nullable=False),
)

# A figure's note in Chinese (db/observation_notes_zh.csv), apart from the layered observations table.
observation_notes = Table(
    "observation_notes",
    metadata,
    Column("observation_id", String, ForeignKey("observations.id"), primary_key=True),
    Column("note_zh_hans", Text, nullable=False),
    Column("note_zh_hant", Text, nullable=False),
)

themes = Table(
    "themes",
    metadata,
    Column("id", String, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("name_zh_hans", Text, nullable=True),
    Column("name_zh_hant", Text, nullable=True),  # from name_zh_hans by chinese_script.to_taiwan at build
    Column("role_en", Text, nullable=False),
)

topics = Table(
    "topics",
    metadata,
    Column("id", String, primary_key=True),
    Column("theme_id", String, ForeignKey("themes.id"), index=True, nullable=False),
    Column("position", Integer, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("name_zh_hans", Text, nullable=True),
    Column("name_zh_hant", Text, nullable=True),
)

units = Table(
    "units",
    metadata,
    Column("id", String, primary_key=True),
    Column("name_en", Text, nullable=False),
    Column("name_zh_hans", Text, nullable=True),
    Column("name_zh_hant", Text, nullable=True),
    Column("dimension", String, nullable=False),  # units of one dimension convert by scale
    Column("scale", Float, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String, primary_key=True),
    Column("kind", String, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("name_zh_hans", Text, nullable=True),  # the official Chinese name where known
    Column("name_zh_hant", Text, nullable=True),
    Column("theme_id", String, ForeignKey("themes.id"), nullable=False),
    Column("description_en", Text, nullable=False),
    Column("name_kind", String, nullable=True),  # one of NAME_KINDS
    Column("name_source", Text, nullable=True),  # the Chinese source of an official name: title, address
    Column("description_zh_hans", Text, nullable=True),
    Column("description_zh_hant", Text, nullable=True),
)

indicators = Table(
    "indicators",
    metadata,
    Column("id", String, primary_key=True),
    Column("topic_id", String, ForeignKey("topics.id"), index=True, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("name_zh_hans", Text, nullable=True),
    Column("name_zh_hant", Text, nullable=True),
    Column("unit_id", String, ForeignKey("units.id"), nullable=False),
    Column("compare_group", String, index=True, nullable=True),
    Column("entity_id", String, ForeignKey("entities.id"), index=True, nullable=True),
    Column("description_en", Text, nullable=False),
    Column("batch_id", Integer, index=True, nullable=True),
    Column("measure", String, server_default="stock", nullable=False),  # one of MEASURES
)

observations = Table(
    "observations",
    metadata,
    Column("id", String, primary_key=True),
    Column("indicator_id", String, ForeignKey("indicators.id"), index=True, nullable=False),
    Column("period_label", Text, nullable=False),
    Column("period_label_zh_hans", Text, nullable=True),
    Column("period_label_zh_hant", Text, nullable=True),
    Column("period_kind", String, nullable=False),
    Column("period_year", Integer, index=True, nullable=True),
    Column("value", Float, nullable=False),
    Column("decimals", Integer, nullable=False),  # as published: 12.9 keeps one decimal
    Column("as_written", Text, nullable=True),  # the figure as the source writes it
    Column("qualifier", String, nullable=True),
    Column("provisional", Boolean, nullable=False),
    Column("derived", Boolean, nullable=False),
    Column("formula", Text, nullable=True),  # "{observation-id} / (1 + {id} / 100)"
    Column("source_id", String, ForeignKey("sources.id"), index=True, nullable=False),
    Column("locator", String, nullable=False),
    Column("headline", Boolean, index=True, nullable=False),
    Column("note", Text, nullable=True),
    Column("position", Integer, nullable=False),  # file order in db/; imported figures come after
    Column("batch_id", Integer, index=True, nullable=True),  # None: bundled; else the import batch
    # Copies of the indicator's topic and theme, so a theme's table pages through an index, sorted either way.
    Column("theme_id", String, nullable=False),
    Column("topic_id", String, nullable=False),
    # The quantity model (revision 0002), kept at the end in the migration's order.
    Column("planned", Boolean, server_default=false(), nullable=False),  # a plan, target or expectation
    Column("part_of", String, nullable=True),  # the figure that contains this one (a phase of a whole)
    Column("precision", Float, nullable=True),  # a derived figure is known to this step only
    Column("value_base", Float, server_default="0", nullable=False),  # value × unit scale
    Column("dimension_rank", Integer, server_default="0", nullable=False),  # DIMENSIONS order: sorting groups
    Index("ix_page_theme_position", "theme_id", "position", "id"),
    Index("ix_page_theme_value", "theme_id", "dimension_rank", "value_base", "position", "id"),
    Index("ix_page_topic_position", "topic_id", "position", "id"),
    Index("ix_page_topic_value", "topic_id", "dimension_rank", "value_base", "position", "id"),
    # One figure per indicator, period and source: two editors importing the same figure at once
    # cannot both land (migration 0003_team).
    Index("uq_observation_identity", "indicator_id", "period_label", "source_id", unique=True),
)

facts = Table(
    "facts",
    metadata,
    Column("id", String, primary_key=True),
    Column("topic_id", String, ForeignKey("topics.id"), index=True, nullable=False),
    Column("kind", String, nullable=False),
    Column("entity_id", String, ForeignKey("entities.id"), nullable=True),
    Column("source_id", String, ForeignKey("sources.id"), nullable=False),
    Column("locator", String, nullable=False),
    Column("position", Integer, nullable=True),  # file order in db/ (0002; SQLite's rowid before)
    Column("statement_en", Text, nullable=False),
    Column("statement_zh_hans", Text, nullable=True),
    Column("statement_zh_hant", Text, nullable=True),
)

# One import: a file applied as a whole, and removable as a whole (per-user or team database).
batches = Table(
    "batches",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("file_name", Text, nullable=False),
    Column("imported_at", String, nullable=False),  # ISO time, UTC
    Column("encoding", String, nullable=False),
    Column("row_count", Integer, nullable=False),
    Column("imported_by", Text, nullable=True),  # the database user, in a team database (0002)
)

# Words of the exported files (column headers, yes/no) in every language.
labels = Table(
    "labels",
    metadata,
    Column("id", String, primary_key=True),
    Column("text_en", Text, nullable=False),
    Column("text_zh_hans", Text, nullable=True),
    Column("text_zh_hant", Text, nullable=True),
)
