"""The one read API: every table, chart, search and export reads the fact book through FactBook."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from textwrap import shorten
from typing import Any, Literal, TypeVarTuple
from urllib.parse import quote

from sqlalchemy import Select, String, case, cast, create_engine, func, literal, literal_column, or_, select
from sqlalchemy.engine import Engine, Row
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased
from sqlalchemy.pool import NullPool
from sqlalchemy.sql.elements import ColumnElement

from jinshan_desktop.data import schema
from jinshan_desktop.data.derivation import formula_inputs
from jinshan_desktop.data.formatting import UnitInfo, format_value
from jinshan_desktop.data.languages import LANGUAGES, pick
from jinshan_desktop.data.user_store import UserStoreError, attach_user_store, prepare_user_store

ChartKind = Literal["line", "bar"]
Columns = TypeVarTuple("Columns")
ObservationColumns = tuple[
    schema.Observation, schema.Topic, schema.Indicator, schema.Unit, schema.Theme, schema.Source, schema.Entity | None
]


class FactBookError(RuntimeError):
    """The database cannot be read; the message is a sentence for the reader."""


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
    schema_version: int
    data_vintage: str
    observation_count: int
    fact_count: int
    source_count: int


# Up to this size the whole file is checked page by page on open (about 40 ms); a larger file (an imported
# yearbook) is opened after reading its header and schema, and checked whole off the GUI thread.
FULL_CHECK_BYTES = 16 * 1024 * 1024


def open_fact_book(
    path: Path, language: str = "en", user_store: Path | None = None, full_check: bool | None = None
) -> FactBook:
    """Open a fact book database read-only; FactBookError says in a sentence why it cannot be.

    full_check: check every page now (True), or only the header and schema (False; then call
    integrity_problem() later); by default the full check runs now for files up to FULL_CHECK_BYTES.
    """
    path = Path(path)
    if not path.is_file():
        raise FactBookError(f"The fact book database {path} does not exist.")
    if full_check is None:
        full_check = path.stat().st_size <= FULL_CHECK_BYTES
    uri = f"file:{quote(str(path.resolve().as_posix()))}?mode=ro"
    if user_store is not None:
        try:
            prepare_user_store(user_store)
        except (UserStoreError, OSError) as error:
            raise FactBookError(str(error)) from error

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        attach_user_store(connection, user_store)
        return connection

    engine = create_engine("sqlite://", poolclass=NullPool, creator=connect)
    book = FactBook(engine, path, language, user_store)
    try:
        book.check(full=full_check)
    except FactBookError:
        engine.dispose()
        raise
    return book


def _reason(path: Path, error: BaseException) -> str:
    text = str(getattr(error, "orig", error)).lower()
    if "locked" in text or "busy" in text:
        return f"The fact book database {path} is locked by another program. Close it and try again."
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"The file {path} is damaged or is not a fact book database."
    if "unable to open" in text:
        return f"The fact book database {path} cannot be opened; check that you may read it."
    return f"The fact book database {path} cannot be read ({text})."


class FactBook:
    """Read access to one fact book database, in one language. Every method returns plain dataclasses."""

    def __init__(self, engine: Engine, path: Path, language: str = "en", user_store: Path | None = None) -> None:
        self._engine = engine
        self.path = path
        self.user_store = user_store
        self.language = language if language in LANGUAGES else "en"
        self.fully_checked = False  # every page read by quick_check, not only the header and schema

    def with_language(self, language: str) -> FactBook:
        """The same database read in another language (for an English export from a Chinese window)."""
        return FactBook(self._engine, self.path, language, self.user_store)

    def set_language(self, language: str) -> None:
        """Names, periods, units and numbers of every later answer are in this language."""
        self.language = language if language in LANGUAGES else "en"

    def close(self) -> None:
        self._engine.dispose()

    def check(self, full: bool = True) -> None:
        """Schema version and integrity (every page when full), so that a bad file fails at open, not in a view."""
        if full:
            problem = self.integrity_problem()
            if problem is not None:
                raise FactBookError(problem)
        try:
            with self._engine.connect() as connection:
                version = connection.exec_driver_sql("PRAGMA user_version").scalar()
                connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()  # parses the schema
        except DBAPIError as error:
            raise FactBookError(_reason(self.path, error)) from error
        if version != schema.SCHEMA_VERSION:
            raise FactBookError(
                f"The database {self.path} has schema version {version}, but this version of the app "
                f"reads version {schema.SCHEMA_VERSION}. Use the database that came with the app."
            )

    def integrity_problem(self) -> str | None:
        """Read every page (PRAGMA quick_check): None when sound, else a sentence. Safe off the GUI thread."""
        try:
            with self._engine.connect() as connection:
                raw = connection.exec_driver_sql("PRAGMA quick_check").scalar()
        except DBAPIError as error:
            return _reason(self.path, error)
        self.fully_checked = raw == "ok"
        if raw == "ok":
            return None
        detail = "; ".join(line for line in str(raw).splitlines() if not line.startswith("***"))
        return f"The file {self.path} is damaged (SQLite reports: {shorten(detail, 200)})."

    def session(self) -> Session:
        """A read-only session over the bundled and imported figures (for the data layer's own modules)."""
        return Session(self._engine)

    def _rows(self, statement: Select[*Columns]) -> list[Row[*Columns]]:
        try:
            with self.session() as session:
                return list(session.execute(statement))
        except DBAPIError as error:
            raise FactBookError(_reason(self.path, error)) from error

    def _name(self, item: schema.Theme | schema.Topic | schema.Unit | schema.Entity | schema.Indicator) -> str:
        return pick(self.language, item.name_en, item.name_zh_hans, item.name_zh_hant)

    # Themes, sources, facts, entities and the words of exported files

    def themes(self) -> list[ThemeInfo]:
        topics = [
            TopicInfo(t.id, t.theme_id, self._name(t), t.position)
            for (t,) in self._rows(select(schema.Topic).order_by(schema.Topic.theme_id, schema.Topic.position))
        ]
        return [
            ThemeInfo(t.id, self._name(t), t.role_en, t.position, tuple(x for x in topics if x.theme_id == t.id))
            for (t,) in self._rows(select(schema.Theme).order_by(schema.Theme.position))
        ]

    def sources(self, counted: bool = True) -> list[SourceInfo]:
        """Every source; with counted, how many figures and facts cite it (a pass over all figures)."""
        figures: dict[str, int] = {}
        facts: dict[str, int] = {}
        if counted:
            figures = dict(
                self._rows(select(schema.Observation.source_id, func.count()).group_by(schema.Observation.source_id))
            )
            facts = dict(self._rows(select(schema.Fact.source_id, func.count()).group_by(schema.Fact.source_id)))
        return [
            SourceInfo(
                s.id,
                s.title,
                s.publisher,
                s.published,
                s.address,
                s.grade,
                s.locators,
                s.contributed,
                figures.get(s.id, 0),
                facts.get(s.id, 0),
            )
            for (s,) in self._rows(select(schema.Source).order_by(schema.Source.position))
        ]

    def facts(self, theme_id: str | None = None) -> list[FactRow]:
        statement = (
            select(schema.Fact, schema.Topic, schema.Entity, schema.Source)
            .join(schema.Topic, schema.Fact.topic_id == schema.Topic.id)
            .join(schema.Source, schema.Fact.source_id == schema.Source.id)
            .outerjoin(schema.Entity, schema.Fact.entity_id == schema.Entity.id)
            .order_by(schema.Topic.theme_id, schema.Topic.position, literal_column("facts.rowid"))
        )
        if theme_id is not None:
            statement = statement.where(schema.Topic.theme_id == theme_id)
        return [
            FactRow(
                f.id,
                t.theme_id,
                t.id,
                self._name(t),
                f.kind,
                pick(self.language, f.statement_en, f.statement_zh_hans, f.statement_zh_hant),
                f.entity_id,
                self._name(e) if e else None,
                s.id,
                s.title,
                f.locator,
            )
            for f, t, e, s in self._rows(statement)
        ]

    def entities(self, theme_id: str | None = None) -> list[EntityRow]:
        observation_links: dict[str, list[str]] = {}
        # The few indicators with an entity first; their figures then come through the indicator index.
        entity_of = {
            str(indicator_id): str(entity_id)
            for indicator_id, entity_id in self._rows(
                select(schema.Indicator.id, schema.Indicator.entity_id).where(schema.Indicator.entity_id.is_not(None))
            )
        }
        for obs_id, indicator_id in self._rows(
            select(schema.Observation.id, schema.Observation.indicator_id).where(
                schema.Observation.indicator_id.in_(entity_of)
            )
        ):
            observation_links.setdefault(entity_of[str(indicator_id)], []).append(str(obs_id))
        for links in observation_links.values():
            links.sort()
        fact_links: dict[str, list[str]] = {}
        for fact_id, entity_id in self._rows(
            select(schema.Fact.id, schema.Fact.entity_id).where(schema.Fact.entity_id.is_not(None))
        ):
            fact_links.setdefault(str(entity_id), []).append(str(fact_id))
        statement = select(schema.Entity).order_by(schema.Entity.theme_id, schema.Entity.name_en)
        if theme_id is not None:
            statement = statement.where(schema.Entity.theme_id == theme_id)
        return [
            EntityRow(
                e.id,
                e.kind,
                self._name(e),
                e.name_zh_hans,
                e.theme_id,
                e.description_en,
                tuple(observation_links.get(e.id, ())),
                tuple(fact_links.get(e.id, ())),
            )
            for (e,) in self._rows(statement)
        ]

    def labels(self) -> dict[str, str]:
        """Column headers and words of the exported files, in the book's language."""
        return {
            label.id: pick(self.language, label.text_en, label.text_zh_hans, label.text_zh_hant)
            for (label,) in self._rows(select(schema.Label))
        }

    def info(self) -> DataInfo:
        meta = {str(k): str(v) for k, v in self._rows(select(schema.Meta.key, schema.Meta.value))}
        return DataInfo(
            schema_version=int(meta.get("schema_version", "0")),
            data_vintage=meta.get("data_vintage", ""),
            observation_count=self._count(schema.Observation),
            fact_count=self._count(schema.Fact),
            source_count=self._count(schema.Source),
        )

    def _count(self, model: type[schema.Observation] | type[schema.Fact] | type[schema.Source]) -> int:
        return int(self._rows(select(func.count()).select_from(model))[0][0])

    # Observations

    def observations(
        self, theme_id: str | None = None, *, ids: list[str] | None = None, indicator_id: str | None = None
    ) -> list[ObservationRow]:
        """Figures in reading order (theme, topic, file order); filtered by theme, ids or indicator."""
        statement = _observation_select()
        if theme_id is not None:
            statement = statement.where(schema.Topic.theme_id == theme_id)
        if indicator_id is not None:
            statement = statement.where(schema.Observation.indicator_id == indicator_id)
        if ids is not None:
            statement = statement.where(schema.Observation.id.in_(ids))
        rows = self._rows(statement)
        inputs = self._derivation_inputs([str(row[0].formula) for row in rows if row[0].formula])
        result = [self._observation_row(row, inputs) for row in rows]
        if ids is not None:
            order = {obs_id: position for position, obs_id in enumerate(ids)}
            result.sort(key=lambda row: order[row.id])
        return result

    def observation(self, observation_id: str) -> ObservationRow:
        rows = self.observations(ids=[observation_id])
        if not rows:
            raise KeyError(observation_id)
        return rows[0]

    # Pages of a theme's table

    def count_observations(self, query: TableQuery) -> int:
        statement = select(func.count()).select_from(schema.Observation).where(*self._table_filters(query))
        return int(self._rows(statement)[0][0])

    def observation_ids(self, query: TableQuery, offset: int = 0, limit: int | None = None) -> list[str]:
        """Ids in the table's order; the indexes on (theme or topic, value or position) keep a page cheap."""
        order = self._table_order(query)
        statement = (
            select(schema.Observation.id)
            .where(*self._table_filters(query))
            .order_by(*order)
            .offset(offset)
            .limit(limit if limit is not None else -1)
        )
        if query.sort in ("indicator", "source"):
            statement = statement.join(schema.Indicator, schema.Observation.indicator_id == schema.Indicator.id)
        return [str(observation_id) for (observation_id,) in self._rows(statement)]

    def observation_page(self, query: TableQuery, offset: int, limit: int) -> list[ObservationRow]:
        return self.observations(ids=self.observation_ids(query, offset, limit))

    def row_of(self, query: TableQuery, observation_id: str) -> int | None:
        """Where a figure stands in the table (for Find), without reading the rows before it."""
        target = self._rows(
            select(schema.Observation.value, schema.Observation.position).where(schema.Observation.id == observation_id)
        )
        if not target:
            return None
        value, position = target[0]
        if query.sort == "value":
            before = or_(
                schema.Observation.value < value,
                (schema.Observation.value == value) & (schema.Observation.position < position),
            )
        elif query.sort == "position":
            before = schema.Observation.position < position
        else:
            ids = self.observation_ids(query)
            return ids.index(observation_id) if observation_id in ids else None
        if query.descending:
            before = ~before & (schema.Observation.id != observation_id)
        statement = select(func.count()).select_from(schema.Observation).where(*self._table_filters(query), before)
        return int(self._rows(statement)[0][0])

    def _table_filters(self, query: TableQuery) -> list[ColumnElement[bool]]:
        filters: list[ColumnElement[bool]] = [
            schema.Observation.topic_id == query.topic_id
            if query.topic_id is not None
            else schema.Observation.theme_id == query.theme_id
        ]
        needle = "".join(character for character in query.text if character.isprintable()).strip()
        if needle:
            names = (
                select(schema.Indicator.id)
                .outerjoin(schema.Entity, schema.Indicator.entity_id == schema.Entity.id)
                .join(schema.Topic, schema.Indicator.topic_id == schema.Topic.id)
                .where(
                    or_(
                        _matches(
                            needle,
                            schema.Indicator.name_en,
                            schema.Indicator.name_zh_hans,
                            schema.Indicator.name_zh_hant,
                        ),
                        _matches(needle, schema.Entity.name_en, schema.Entity.name_zh_hans, schema.Entity.name_zh_hant),
                        _matches(needle, schema.Topic.name_en, schema.Topic.name_zh_hans, schema.Topic.name_zh_hant),
                    )
                )
            )
            filters.append(
                or_(
                    schema.Observation.indicator_id.in_(names),
                    _matches(
                        needle,
                        schema.Observation.period_label,
                        schema.Observation.period_label_zh_hans,
                        schema.Observation.period_label_zh_hant,
                        schema.Observation.source_id,
                    ),
                )
            )
        return filters

    def _table_order(self, query: TableQuery) -> list[ColumnElement[Any]]:
        keys: dict[str, list[Any]] = {
            "position": [],
            "value": [schema.Observation.value],
            "period": [func.coalesce(schema.Observation.period_year, 9999), schema.Observation.period_label],
            "indicator": [func.lower(self._name_column())],
            "source": [schema.Observation.source_id, schema.Observation.locator],
        }
        columns = [*keys[query.sort], schema.Observation.position]
        return [column.desc() if query.descending else column.asc() for column in columns]

    def _name_column(self) -> Any:
        if self.language == "zh_CN":
            return func.coalesce(schema.Indicator.name_zh_hans, schema.Indicator.name_en)
        if self.language == "zh_TW":
            return func.coalesce(schema.Indicator.name_zh_hant, schema.Indicator.name_en)
        return schema.Indicator.name_en

    # Records for CSV: plain tuples straight from SQL, streamed, so a million figures export in seconds

    def export_records(
        self, query: TableQuery | None = None, yes: str = "yes", no: str = "no", chunk: int = 5_000
    ) -> Iterator[list[ExportRecord]]:
        """Chunks of rows ready for CSV, in the table's order (or all figures): (id, theme, topic, indicator,
        entity, period, period_kind, year, value, unit, qualifier, derived, formula, provisional, source,
        locator, note), every cell text. SQL does the work a million rows would make slow in Python: the value at
        its published precision and the formula-injection guard on text cells (never on the value)."""
        o, i, t, th, u, e = (
            schema.Observation,
            schema.Indicator,
            schema.Topic,
            schema.Theme,
            schema.Unit,
            aliased(schema.Entity),
        )
        text = _guarded
        statement = (
            select(
                *(
                    # Text only, NULL as '': the exporter joins plain rows into CSV itself, fast.
                    func.coalesce(column, "")
                    for column in (
                        text(o.id),
                        text(self._localised(th.name_en, th.name_zh_hans, th.name_zh_hant)),
                        text(self._localised(t.name_en, t.name_zh_hans, t.name_zh_hant)),
                        text(self._localised(i.name_en, i.name_zh_hans, i.name_zh_hant)),
                        text(self._localised(e.name_en, e.name_zh_hans, e.name_zh_hant)),
                        text(self._localised(o.period_label, o.period_label_zh_hans, o.period_label_zh_hant)),
                        o.period_kind,
                        cast(o.period_year, String),
                        func.printf("%.*f", o.decimals, o.value),
                        text(self._localised(u.name_en, u.name_zh_hans, u.name_zh_hant)),
                        o.qualifier,
                        case((o.derived, yes), else_=no),
                        text(o.formula),
                        case((o.provisional, yes), else_=no),
                        text(o.source_id),
                        text(o.locator),
                        text(o.note),
                    )
                )
            )
            .join(i, o.indicator_id == i.id)
            .join(t, i.topic_id == t.id)
            .join(th, t.theme_id == th.id)
            .join(u, i.unit_id == u.id)
            .outerjoin(e, i.entity_id == e.id)
        )
        if query is None:
            statement = statement.order_by(th.position, t.position, o.position)
        else:
            statement = statement.where(*self._table_filters(query)).order_by(*self._table_order(query))
        try:
            with self._engine.connect() as connection:
                # Straight through the sqlite3 cursor: SQLAlchemy's row objects would double the export time.
                compiled = statement.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
                parameters = [compiled.params[name] for name in compiled.positiontup or ()]
                cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
                try:
                    cursor.execute(str(compiled), parameters)
                    while rows := cursor.fetchmany(chunk):
                        yield rows
                finally:
                    cursor.close()
        except (DBAPIError, sqlite3.Error) as error:
            raise FactBookError(_reason(self.path, error)) from error

    def _localised(self, english: Any, simplified: Any, traditional: Any) -> Any:
        if self.language == "zh_CN":
            return func.coalesce(simplified, english)
        if self.language == "zh_TW":
            return func.coalesce(traditional, english)
        return english

    def headlines(self) -> list[ObservationRow]:
        statement = _observation_select().where(schema.Observation.headline.is_(True))
        return [self._observation_row(row, {}) for row in self._rows(statement)]

    def _derivation_inputs(self, formulas: list[str]) -> dict[str, DerivationInput]:
        wanted = sorted({ref for formula in formulas for ref in formula_inputs(formula)})
        if not wanted:
            return {}
        rows = self._rows(_observation_select().where(schema.Observation.id.in_(wanted)))
        return {
            row.id: DerivationInput(row.id, row.indicator, row.period_label, row.value_text)
            for row in (self._observation_row(r, {}) for r in rows)
        }

    def _unit(self, unit: schema.Unit) -> UnitInfo:
        return UnitInfo(unit.id, self._name(unit), unit.dimension, unit.scale)

    def _observation_row(self, row: Row[*ObservationColumns], inputs: dict[str, DerivationInput]) -> ObservationRow:
        o, t, i, u, th, s, e = row
        unit = self._unit(u)
        return ObservationRow(
            id=o.id,
            theme_id=th.id,
            theme=self._name(th),
            topic_id=t.id,
            topic=self._name(t),
            indicator_id=i.id,
            indicator=self._name(i),
            indicator_description=i.description_en,
            entity_id=e.id if e else None,
            entity=self._name(e) if e else None,
            period_label=pick(self.language, o.period_label, o.period_label_zh_hans, o.period_label_zh_hant),
            period_kind=o.period_kind,
            period_year=o.period_year,
            value=o.value,
            decimals=o.decimals,
            unit_id=u.id,
            unit=unit.name,
            qualifier=o.qualifier,
            provisional=o.provisional,
            derived=o.derived,
            formula=o.formula,
            inputs=tuple(inputs[ref] for ref in formula_inputs(o.formula) if ref in inputs) if o.formula else (),
            as_written=o.as_written,
            source_id=s.id,
            source_title=s.title,
            source_publisher=s.publisher,
            source_published=s.published,
            source_address=s.address,
            locator=o.locator,
            headline=o.headline,
            note=o.note,
            value_text=format_value(o.value, o.decimals, unit, o.qualifier, self.language),
            batch_id=o.batch_id,
        )

    # Charts

    def chart_for(self, observation_id: str) -> Chart:
        """A line over the annual points of the figure's indicator when it has two or more;
        otherwise bars comparing it with related figures of the same dimension."""
        selected = self.observation(observation_id)
        series = self.observations(indicator_id=selected.indicator_id)
        annual = sorted(
            (row for row in series if row.period_kind in schema.ANNUAL_KINDS and row.period_year is not None),
            key=lambda row: row.period_year or 0,
        )
        if len(annual) >= 2:
            return Chart(
                kind="line",
                title=selected.indicator,
                compared=False,
                unit=selected.unit,
                citations=_citations(annual),
                points=tuple(
                    ChartPoint(
                        row.period_label,
                        float(row.period_year or 0),
                        row.value,
                        row.decimals,
                        row.derived,
                        row.value_text,
                    )
                    for row in annual
                ),
                left_out=tuple(
                    LeftOut(row.period_label, row.value_text, "not_annual") for row in series if row not in annual
                ),
            )
        return self._comparison(selected)

    def _comparison(self, selected: ObservationRow) -> Chart:
        related = [selected]
        left_out: list[LeftOut] = []
        scales = {str(u.id): (str(u.dimension), float(u.scale)) for (u,) in self._rows(select(schema.Unit))}
        group_of = select(schema.Indicator.compare_group).where(schema.Indicator.id == selected.indicator_id)
        group = self._rows(group_of)[0][0]
        if group is not None:
            members = self._rows(_observation_select().where(schema.Indicator.compare_group == group))
            dimension = scales[selected.unit_id][0]
            seen = {selected.indicator_id}
            for row in [self._observation_row(member, {}) for member in members]:
                if row.indicator_id in seen:
                    continue
                seen.add(row.indicator_id)
                if scales[row.unit_id][0] != dimension:
                    left_out.append(LeftOut(_short_label(row), row.value_text, "other_unit"))
                    continue
                related.append(row)
        points = []
        for position, row in enumerate(related):
            factor = scales[row.unit_id][1] / scales[selected.unit_id][1]  # bars share the selected unit
            points.append(
                ChartPoint(
                    f"{_short_label(row)}, {row.period_label}",
                    float(position),
                    row.value * factor,
                    row.decimals,
                    row.derived,
                    row.value_text,
                )
            )
        compared = len(related) > 1
        title = _short_label(selected) if compared else selected.indicator
        return Chart("bar", title, compared, selected.unit, _citations(related), tuple(points), tuple(left_out))

    # Search

    def search(self, text: str, limit: int = 100) -> list[SearchHit]:
        """Figures, facts and entities whose names or statements contain text, in any language."""
        # SQLite cuts text at a NUL, which would match everything: only printable characters are searched.
        needle = "".join(character for character in text if character.isprintable()).strip()
        if not needle:
            return []

        def matches(*columns: InstrumentedAttribute[str] | InstrumentedAttribute[str | None]) -> ColumnElement[bool]:
            return or_(*(column.contains(needle, autoescape=True) for column in columns))

        hits: list[SearchHit] = []
        entity = aliased(schema.Entity)
        for (entity_row,) in self._rows(
            select(entity)
            .where(matches(entity.name_en, entity.name_zh_hans, entity.name_zh_hant))
            .order_by(entity.name_en)
            .limit(limit)
        ):
            hits.append(
                SearchHit(
                    "entity", entity_row.id, entity_row.theme_id, self._name(entity_row), entity_row.description_en
                )
            )
        # Names are matched in the small tables; figures are then found through the indicator index, so a
        # search stays quick however many figures there are. A year is looked up through its own index.
        indicator_ids = [
            str(indicator_id)
            for (indicator_id,) in self._rows(
                select(schema.Indicator.id)
                .outerjoin(schema.Entity, schema.Indicator.entity_id == schema.Entity.id)
                .join(schema.Topic, schema.Indicator.topic_id == schema.Topic.id)
                .where(
                    or_(
                        matches(schema.Indicator.name_en, schema.Indicator.name_zh_hans, schema.Indicator.name_zh_hant),
                        matches(schema.Entity.name_en, schema.Entity.name_zh_hans, schema.Entity.name_zh_hant),
                        matches(schema.Topic.name_en, schema.Topic.name_zh_hans, schema.Topic.name_zh_hant),
                    )
                )
                .limit(limit)
            )
        ]
        conditions: list[ColumnElement[bool]] = []
        if indicator_ids:
            conditions.append(schema.Observation.indicator_id.in_(indicator_ids))
        if re.fullmatch(r"\d{4}", needle):
            conditions.append(schema.Observation.period_year == int(needle))
        matching = []
        if conditions:  # any hundred will do: no ordering, so no sort of every match
            matching = self._rows(_observation_select().where(or_(*conditions)).order_by(None).limit(limit))
        for row in (self._observation_row(r, {}) for r in matching):
            hits.append(
                SearchHit(
                    "figure",
                    row.id,
                    row.theme_id,
                    row.indicator,
                    f"{row.value_text} · {row.period_label} · {row.citation}",
                )
            )
        fact_ids = {
            str(fact_id)
            for (fact_id,) in self._rows(
                select(schema.Fact.id)
                .where(matches(schema.Fact.statement_en, schema.Fact.statement_zh_hans, schema.Fact.statement_zh_hant))
                .limit(limit)
            )
        }
        hits += [SearchHit("fact", f.id, f.theme_id, f.statement, f.citation) for f in self.facts() if f.id in fact_ids]
        return hits


def _guarded(column: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula (= + - @ tab CR first) gets a leading '."""
    first = func.substr(column, 1, 1)
    return case((first.in_(["=", "+", "-", "@", "\t", "\r"]), literal("'") + column), else_=column)


def _matches(
    needle: str, *columns: InstrumentedAttribute[str] | InstrumentedAttribute[str | None]
) -> ColumnElement[bool]:
    return or_(*(column.contains(needle, autoescape=True) for column in columns))


def _observation_select() -> Select[*ObservationColumns]:
    return (
        select(
            schema.Observation,
            schema.Topic,
            schema.Indicator,
            schema.Unit,
            schema.Theme,
            schema.Source,
            schema.Entity,
        )
        .join(schema.Indicator, schema.Observation.indicator_id == schema.Indicator.id)
        .join(schema.Topic, schema.Indicator.topic_id == schema.Topic.id)
        .join(schema.Theme, schema.Topic.theme_id == schema.Theme.id)
        .join(schema.Unit, schema.Indicator.unit_id == schema.Unit.id)
        .join(schema.Source, schema.Observation.source_id == schema.Source.id)
        .outerjoin(schema.Entity, schema.Indicator.entity_id == schema.Entity.id)
        .order_by(schema.Theme.position, schema.Topic.position, schema.Observation.position)
    )


def _short_label(row: ObservationRow) -> str:
    return row.indicator.replace("：", ":").split(":", 1)[0]


def _citations(rows: list[ObservationRow]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(row.citation for row in rows))
