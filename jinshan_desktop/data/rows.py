"""The plain answers of the read API: every table, chart and search the views show is one of these."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

ChartKind = Literal["line", "bar", "none"]
# Why no comparison is drawn: the figure is alone in its group, or nothing in the group may stand beside it.
NoComparison = Literal["alone", "nothing_comparable"]
LeftOutReason = Literal["not_annual", "other_unit", "other_kind", "part_whole"]
Status = Literal["published", "provisional", "planned", "derived"]


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
    citation: str = ""  # the short label a citation starts with, in the reader's language ("《发布会》")
    title_kind: str = "official"  # official: the document's own title; descriptive: the fact book's wording
    language: str = "en"  # the language the source is written in


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
    citation_label: str = ""  # the citation in the reader's language, where the source has one: "《发布会》¶8"
    source_language: str = "en"  # the language the source (and so as_written) is written in
    locator_text: str = ""  # the locator in the reader's words where it is a named part ("信息框")
    # The quantity model: the value in its dimension's base unit (yuan, people, m², ...), what kind of
    # figure it is, and how it relates to others. Views, charts and exports read these, never the unit's scale.
    dimension: str = ""
    value_base: float = 0.0
    measure: str = "stock"  # stock, flow or rate (tables.MEASURES)
    planned: bool = False
    part_of: str | None = None
    precision: float | None = None  # a derived figure is known to this step only, in its published unit

    @property
    def status(self) -> Status:
        """What the figure is: published as final, provisional, planned or expected, or derived."""
        if self.derived:
            return "derived"
        if self.planned:
            return "planned"
        return "provisional" if self.provisional else "published"

    @property
    def citation(self) -> str:
        """Short citation as the sources README asks: "briefing-2020-09-10 ¶8", or the reader's own label."""
        return self.citation_label or f"{self.source_id} {self.locator}"

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
    citation_label: str = ""
    locator_text: str = ""

    @property
    def citation(self) -> str:
        return self.citation_label or f"{self.source_id} {self.locator}"


@dataclass(frozen=True, slots=True)
class EntityRow:
    id: str
    kind: str
    name: str
    name_zh: str | None  # the Chinese name in the reader's script (Simplified for English readers)
    theme_id: str
    description: str
    observation_ids: tuple[str, ...]
    fact_ids: tuple[str, ...]
    name_kind: str | None = None  # official, descriptive or unverified (tables.NAME_KINDS)
    name_source: str | None = None  # the Chinese source an official name was checked against


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: Literal["figure", "fact", "entity"]
    target_id: str
    theme_id: str
    title: str
    detail: str


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A related figure the chart does not draw, and why: not for a full year, in another dimension, of another
    kind (a stock beside a flow, a plan beside an outcome), or a part of the selected figure or its whole."""

    label: str
    value_text: str
    reason: LeftOutReason


@dataclass(frozen=True, slots=True)
class ChartPoint:
    label: str
    x: float
    value: float  # in the chart's axis unit (Chart.axis_unit): value_base / Chart.axis_factor
    decimals: int
    derived: bool
    value_text: str  # as the table shows it
    status: Status = "published"
    observation_id: str = ""
    # What the hover, the chart's table and its CSV say of the point beside value_text.
    period: str = ""
    citation: str = ""
    published_value: float = 0.0  # the figure as published, in `unit`, with `decimals` places
    unit: str = ""

    @property
    def hollow(self) -> bool:
        """Drawn hollow: anything but a published final figure (derived, planned, provisional)."""
        return self.status != "published"


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
    dimension: str = ""
    axis_unit: str = ""  # the value axis's unit in the reader's language, e.g. "billion yuan", "亿元"
    axis_factor: float = 1.0  # base units per axis unit
    from_zero: bool = True  # money and counts are drawn from zero, so a 4% rise does not fill the plot
    no_comparison: NoComparison | None = None  # kind "none": the reason, said instead of drawing one bar
    language: str = "en"  # of its words and numbers: axis ticks are written as the labels are


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
    # What data_vintage is: "period", the latest year a figure refers to; or "published", the latest
    # publication date of a source.
    vintage_basis: str = "published"


@dataclass(frozen=True, slots=True)
class BatchInfo:
    """One import in the per-user database: what the Batches dialog lists and removes by id."""

    id: int
    file_name: str
    imported_at: str
    encoding: str
    row_count: int
    imported_by: str | None = None  # the database user, in a team database
