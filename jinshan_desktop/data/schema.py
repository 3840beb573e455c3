"""The ORM classes the writers build and fill (build, import, team copy), mapped onto the Core tables of
tables.py. Readers select from those tables directly and never load the ORM."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase, Mapped

from jinshan_desktop.data import tables


class Base(DeclarativeBase):
    metadata = tables.metadata


class Meta(Base):
    __table__ = tables.meta
    key: Mapped[str]
    value: Mapped[str]


class Source(Base):
    __table__ = tables.sources
    id: Mapped[str]
    position: Mapped[int]
    batch_id: Mapped[int | None]
    title: Mapped[str]
    publisher: Mapped[str]
    published: Mapped[str | None]
    address: Mapped[str | None]
    grade: Mapped[str]
    locators: Mapped[str]
    contributed: Mapped[str]


class SourceText(Base):
    __table__ = tables.source_texts
    source_id: Mapped[str]
    title_kind: Mapped[str]
    title_zh_hans: Mapped[str]
    title_zh_hant: Mapped[str]
    publisher_zh_hans: Mapped[str]
    publisher_zh_hant: Mapped[str]
    citation_zh_hans: Mapped[str]
    citation_zh_hant: Mapped[str]
    contributed_zh_hans: Mapped[str]
    contributed_zh_hant: Mapped[str]
    checked_against: Mapped[str | None]
    source_language: Mapped[str]


class IndicatorText(Base):
    __table__ = tables.indicator_texts
    indicator_id: Mapped[str]
    description_zh_hans: Mapped[str]
    description_zh_hant: Mapped[str]


class ObservationNote(Base):
    __table__ = tables.observation_notes
    observation_id: Mapped[str]
    note_zh_hans: Mapped[str]
    note_zh_hant: Mapped[str]


class Theme(Base):
    __table__ = tables.themes
    id: Mapped[str]
    position: Mapped[int]
    name_en: Mapped[str]
    name_zh_hans: Mapped[str | None]
    name_zh_hant: Mapped[str | None]
    role_en: Mapped[str]


class Topic(Base):
    __table__ = tables.topics
    id: Mapped[str]
    theme_id: Mapped[str]
    position: Mapped[int]
    name_en: Mapped[str]
    name_zh_hans: Mapped[str | None]
    name_zh_hant: Mapped[str | None]


class Unit(Base):
    __table__ = tables.units
    id: Mapped[str]
    name_en: Mapped[str]
    name_zh_hans: Mapped[str | None]
    name_zh_hant: Mapped[str | None]
    dimension: Mapped[str]
    scale: Mapped[float]


class Entity(Base):
    __table__ = tables.entities
    id: Mapped[str]
    kind: Mapped[str]
    name_en: Mapped[str]
    name_zh_hans: Mapped[str | None]
    name_zh_hant: Mapped[str | None]
    theme_id: Mapped[str]
    description_en: Mapped[str]
    name_kind: Mapped[str | None]
    name_source: Mapped[str | None]
    description_zh_hans: Mapped[str | None]
    description_zh_hant: Mapped[str | None]


class Indicator(Base):
    __table__ = tables.indicators
    id: Mapped[str]
    topic_id: Mapped[str]
    name_en: Mapped[str]
    name_zh_hans: Mapped[str | None]
    name_zh_hant: Mapped[str | None]
    unit_id: Mapped[str]
    compare_group: Mapped[str | None]
    entity_id: Mapped[str | None]
    description_en: Mapped[str]
    batch_id: Mapped[int | None]
    measure: Mapped[str]


class Observation(Base):
    __table__ = tables.observations
    id: Mapped[str]
    indicator_id: Mapped[str]
    period_label: Mapped[str]
    period_label_zh_hans: Mapped[str | None]
    period_label_zh_hant: Mapped[str | None]
    period_kind: Mapped[str]
    period_year: Mapped[int | None]
    value: Mapped[float]
    decimals: Mapped[int]
    as_written: Mapped[str | None]
    qualifier: Mapped[str | None]
    provisional: Mapped[bool]
    derived: Mapped[bool]
    formula: Mapped[str | None]
    source_id: Mapped[str]
    locator: Mapped[str]
    headline: Mapped[bool]
    note: Mapped[str | None]
    position: Mapped[int]
    batch_id: Mapped[int | None]
    theme_id: Mapped[str]
    topic_id: Mapped[str]
    planned: Mapped[bool]
    part_of: Mapped[str | None]
    precision: Mapped[float | None]
    value_base: Mapped[float]
    dimension_rank: Mapped[int]


class Fact(Base):
    __table__ = tables.facts
    id: Mapped[str]
    topic_id: Mapped[str]
    kind: Mapped[str]
    entity_id: Mapped[str | None]
    source_id: Mapped[str]
    locator: Mapped[str]
    position: Mapped[int | None]
    statement_en: Mapped[str]
    statement_zh_hans: Mapped[str | None]
    statement_zh_hant: Mapped[str | None]


class Batch(Base):
    __table__ = tables.batches
    id: Mapped[int]
    file_name: Mapped[str]
    imported_at: Mapped[str]
    encoding: Mapped[str]
    row_count: Mapped[int]
    imported_by: Mapped[str | None]


class Label(Base):
    __table__ = tables.labels
    id: Mapped[str]
    text_en: Mapped[str]
    text_zh_hans: Mapped[str | None]
    text_zh_hant: Mapped[str | None]
