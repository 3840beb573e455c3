"""The plain answers of the read API: every table, chart and search the views show is one of these."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

ChartKind = Literal["line", "bar"]


@dataclass(frozen=True, slots=True)
class TopicInfo:
    id: str
    theme_id: str
    name: str
    position: int


@dataclass(frozen=True, slots=True)
class ThemeInfo:
    id: str
    name: str
    role: str
    position: int
    topics: tuple[TopicInfo, ...]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    id: str
    title: str
    publisher: str
    published: str | None
    address: str | None
    grade: str
    locators: str
    contributed: str
    figure_count: int
    fact_count: int


@dataclass(frozen=True, slots=True)
class DerivationInput:
    observation_id: str
    indicator: str
    period: str
    value_text: str


@dataclass(frozen=True, slots=True)
class ObservationRow:
    id: str
    theme_id: str
    theme: str
    topic_id: str
    topic: str
    indicator_id: str
    indicator: str
    indicator_description: str
    entity_id: str | None
    entity: str | None
    period_label: str
    period_kind: str
    period_year: int | None
    value: float
    decimals: int
    unit_id: str
    unit: str
    qualifier: str | None
    provisional: bool
    derived: bool
    formula: str | None
    inputs: tuple[DerivationInput, ...]
    as_written: str | None
    source_id: str
    source_title: str
    source_publisher: str
    source_published: str | None
    source_address: str | None
    locator: str
    headline: bool
    note: str | None
    value_text: str  # formatted once: tables ask for it on every repaint
    batch_id: int | None = None  # the import that added it; None for the bundled figures

    @property
    def citation(self) -> str:
        """Short citation as the sources README asks: "briefing-2020-09-10 ¶8"."""
        return f"{self.source_id} {self.locator}"

    @property
    def readable_formula(self) -> str | None:
        """The formula with each input named by indicator and period instead of its id."""
        if self.formula is None:
            return None
        text = self.formula
        for item in self.inputs:
            text = text.replace("{" + item.observation_id + "}", f"[{item.indicator}, {item.period}]")
        return text


@dataclass(frozen=True, slots=True)
class FactRow:
    id: str
    theme_id: str
    topic_id: str
    topic: str
    kind: str
    statement: str
    entity_id: str | None
    entity: str | None
    source_id: str
    source_title: str
    locator: str

    @property
    def citation(self) -> str:
        return f"{self.source_id} {self.locator}"


@dataclass(frozen=True, slots=True)
class EntityRow:
    id: str
    kind: str
    name: str
    name_zh: str | None  # the Simplified Chinese (official where known) name, shown beside the English one
    theme_id: str
    description: str
    observation_ids: tuple[str, ...]
    fact_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: Literal["figure", "fact", "entity"]
    target_id: str
    theme_id: str
    title: str
    detail: str


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A related figure the chart does not draw, and why: "part_year" (not a full year) or "other_unit"."""

    label: str
    value_text: str
    reason: Literal["not_annual", "other_unit"]


@dataclass(frozen=True, slots=True)
class ChartPoint:
    label: str
    x: float
    value: float
    decimals: int
    derived: bool
    value_text: str


@dataclass(frozen=True, slots=True)
class Chart:
    """What a chart shows; line charts hold annual points only, bars a snapshot comparison."""

    kind: ChartKind
    title: str  # the indicator; for a comparison of several, the selected figure's short label
    compared: bool  # bars of several related figures rather than one
    unit: str
    citations: tuple[str, ...]
    points: tuple[ChartPoint, ...]
    left_out: tuple[LeftOut, ...]


SortKey = Literal["position", "value", "indicator", "period", "source"]
ExportRecord = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class TableQuery:
    """What a theme's table shows: filtered and sorted in SQL, read a page at a time."""

    theme_id: str
    topic_id: str | None = None
    text: str = ""
    sort: SortKey = "position"
    descending: bool = False


@dataclass(frozen=True, slots=True)
class DataInfo:
    schema_revision: str
    data_vintage: str
    observation_count: int
    fact_count: int
    source_count: int


@dataclass(frozen=True, slots=True)
class BatchInfo:
    """One import in the per-user database: what the Batches dialog lists and removes by id."""

    id: int
    file_name: str
    imported_at: str
    encoding: str
    row_count: int
    imported_by: str | None = None  # the database user, in a team database
