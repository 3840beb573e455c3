"""The fact book's SQLite schema as SQLAlchemy 2.0 typed declarative models."""

from __future__ import annotations

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

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


class Base(DeclarativeBase):
    pass


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Source(Base):
    __tablename__ = "sources"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)  # reading order; imported sources come after bundled ones
    batch_id: Mapped[int | None] = mapped_column(Integer, index=True)  # the import that added it, if any
    title: Mapped[str] = mapped_column(Text)
    publisher: Mapped[str] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String)  # ISO date, when the source list gives one
    address: Mapped[str | None] = mapped_column(Text)
    grade: Mapped[str] = mapped_column(String)
    locators: Mapped[str] = mapped_column(Text)  # "¶1-¶21" or "|"-separated named parts
    contributed: Mapped[str] = mapped_column(Text)


class SourceText(Base):
    """A source's Chinese title, publisher, short citation and contribution (db/sources_zh.csv).

    Kept apart from sources so that the per-user database, which layers its own sources over the bundled
    ones column for column, keeps its shape; imported sources simply have none.
    """

    __tablename__ = "source_texts"
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"), primary_key=True)
    title_kind: Mapped[str] = mapped_column(String)  # official (the document's own title) or descriptive
    title_zh_hans: Mapped[str] = mapped_column(Text)
    title_zh_hant: Mapped[str] = mapped_column(Text)
    publisher_zh_hans: Mapped[str] = mapped_column(Text)
    publisher_zh_hant: Mapped[str] = mapped_column(Text)
    citation_zh_hans: Mapped[str] = mapped_column(Text)  # "《发布会》", put before the locator
    citation_zh_hant: Mapped[str] = mapped_column(Text)
    contributed_zh_hans: Mapped[str] = mapped_column(Text)
    contributed_zh_hant: Mapped[str] = mapped_column(Text)
    checked_against: Mapped[str | None] = mapped_column(Text)  # the Chinese page the names were checked on
    source_language: Mapped[str] = mapped_column(String)  # "en" or "zh": the language the source is written in


class IndicatorText(Base):
    """An indicator's description in Chinese (db/indicators_zh.csv), apart from the layered indicators table."""

    __tablename__ = "indicator_texts"
    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicators.id"), primary_key=True)
    description_zh_hans: Mapped[str] = mapped_column(Text)
    description_zh_hant: Mapped[str] = mapped_column(Text)


class ObservationNote(Base):
    """A figure's note in Chinese (db/observation_notes_zh.csv), apart from the layered observations table."""

    __tablename__ = "observation_notes"
    observation_id: Mapped[str] = mapped_column(ForeignKey("observations.id"), primary_key=True)
    note_zh_hans: Mapped[str] = mapped_column(Text)
    note_zh_hant: Mapped[str] = mapped_column(Text)


class Theme(Base):
    __tablename__ = "themes"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name_en: Mapped[str] = mapped_column(Text)
    name_zh_hans: Mapped[str | None] = mapped_column(Text)
    name_zh_hant: Mapped[str | None] = mapped_column(Text)  # from name_zh_hans by chinese_script.to_taiwan at build
    role_en: Mapped[str] = mapped_column(Text)


class Topic(Base):
    __tablename__ = "topics"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    theme_id: Mapped[str] = mapped_column(ForeignKey("themes.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name_en: Mapped[str] = mapped_column(Text)
    name_zh_hans: Mapped[str | None] = mapped_column(Text)
    name_zh_hant: Mapped[str | None] = mapped_column(Text)


class Unit(Base):
    __tablename__ = "units"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name_en: Mapped[str] = mapped_column(Text)
    name_zh_hans: Mapped[str | None] = mapped_column(Text)
    name_zh_hant: Mapped[str | None] = mapped_column(Text)
    dimension: Mapped[str] = mapped_column(String)  # units of one dimension convert by scale
    scale: Mapped[float] = mapped_column(Float)


class Entity(Base):
    __tablename__ = "entities"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    kind: Mapped[str] = mapped_column(String)
    name_en: Mapped[str] = mapped_column(Text)
    name_zh_hans: Mapped[str | None] = mapped_column(Text)  # the official Chinese name where known
    name_zh_hant: Mapped[str | None] = mapped_column(Text)
    theme_id: Mapped[str] = mapped_column(ForeignKey("themes.id"))
    description_en: Mapped[str] = mapped_column(Text)
    name_kind: Mapped[str | None] = mapped_column(String)  # one of NAME_KINDS
    name_source: Mapped[str | None] = mapped_column(Text)  # the Chinese source of an official name: title, address
    description_zh_hans: Mapped[str | None] = mapped_column(Text)
    description_zh_hant: Mapped[str | None] = mapped_column(Text)


class Indicator(Base):
    __tablename__ = "indicators"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    topic_id: Mapped[str] = mapped_column(ForeignKey("topics.id"), index=True)
    name_en: Mapped[str] = mapped_column(Text)
    name_zh_hans: Mapped[str | None] = mapped_column(Text)
    name_zh_hant: Mapped[str | None] = mapped_column(Text)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    compare_group: Mapped[str | None] = mapped_column(String, index=True)
    entity_id: Mapped[str | None] = mapped_column(ForeignKey("entities.id"), index=True)
    description_en: Mapped[str] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(Integer, index=True)
    measure: Mapped[str] = mapped_column(String, server_default="stock")  # one of MEASURES


class Observation(Base):
    __tablename__ = "observations"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicators.id"), index=True)
    period_label: Mapped[str] = mapped_column(Text)
    period_label_zh_hans: Mapped[str | None] = mapped_column(Text)
    period_label_zh_hant: Mapped[str | None] = mapped_column(Text)
    period_kind: Mapped[str] = mapped_column(String)
    period_year: Mapped[int | None] = mapped_column(Integer, index=True)
    value: Mapped[float] = mapped_column(Float)
    decimals: Mapped[int] = mapped_column(Integer)  # as published: 12.9 keeps one decimal
    as_written: Mapped[str | None] = mapped_column(Text)  # the figure as the source writes it
    qualifier: Mapped[str | None] = mapped_column(String)
    provisional: Mapped[bool] = mapped_column(Boolean)
    derived: Mapped[bool] = mapped_column(Boolean)
    formula: Mapped[str | None] = mapped_column(Text)  # "{observation-id} / (1 + {id} / 100)"
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"), index=True)
    locator: Mapped[str] = mapped_column(String)
    headline: Mapped[bool] = mapped_column(Boolean, index=True)
    note: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)  # file order in db/; imported figures come after
    batch_id: Mapped[int | None] = mapped_column(Integer, index=True)  # None: bundled; else the import batch
    # Copies of the indicator's topic and theme, so a theme's table pages through an index, sorted either way.
    theme_id: Mapped[str] = mapped_column(String)
    topic_id: Mapped[str] = mapped_column(String)
    # The quantity model (revision 0002), kept at the end in the migration's order.
    planned: Mapped[bool] = mapped_column(Boolean, server_default=false())  # a plan, target or expectation
    part_of: Mapped[str | None] = mapped_column(String)  # the figure that contains this one (a phase of a whole)
    precision: Mapped[float | None] = mapped_column(Float)  # a derived figure is known to this step only
    value_base: Mapped[float] = mapped_column(Float, server_default="0")  # value × unit scale
    dimension_rank: Mapped[int] = mapped_column(Integer, server_default="0")  # DIMENSIONS order: sorting groups

    __table_args__ = (
        Index("ix_page_theme_position", "theme_id", "position", "id"),
        Index("ix_page_theme_value", "theme_id", "dimension_rank", "value_base", "position", "id"),
        Index("ix_page_topic_position", "topic_id", "position", "id"),
        Index("ix_page_topic_value", "topic_id", "dimension_rank", "value_base", "position", "id"),
        # One figure per indicator, period and source: two editors importing the same figure at once
        # cannot both land (migration 0003_team).
        Index("uq_observation_identity", "indicator_id", "period_label", "source_id", unique=True),
    )


class Fact(Base):
    __tablename__ = "facts"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    topic_id: Mapped[str] = mapped_column(ForeignKey("topics.id"), index=True)
    kind: Mapped[str] = mapped_column(String)
    entity_id: Mapped[str | None] = mapped_column(ForeignKey("entities.id"))
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"))
    locator: Mapped[str] = mapped_column(String)
    position: Mapped[int | None] = mapped_column(Integer)  # file order in db/ (0002; SQLite's rowid before)
    statement_en: Mapped[str] = mapped_column(Text)
    statement_zh_hans: Mapped[str | None] = mapped_column(Text)
    statement_zh_hant: Mapped[str | None] = mapped_column(Text)


class Batch(Base):
    """One import: a file applied as a whole, and removable as a whole (per-user or team database)."""

    __tablename__ = "batches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[str] = mapped_column(String)  # ISO time, UTC
    encoding: Mapped[str] = mapped_column(String)
    row_count: Mapped[int] = mapped_column(Integer)
    imported_by: Mapped[str | None] = mapped_column(Text)  # the database user, in a team database (0002)


class Label(Base):
    """Words of the exported files (column headers, yes/no) in every language."""

    __tablename__ = "labels"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    text_en: Mapped[str] = mapped_column(Text)
    text_zh_hans: Mapped[str | None] = mapped_column(Text)
    text_zh_hant: Mapped[str | None] = mapped_column(Text)
