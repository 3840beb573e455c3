"""Validated, all-or-nothing import of figures from a CSV file shaped like the exported observations.csv.

`plan_import` reads and checks a file without writing anything and never raises on bad content: every
problem becomes a line of the plan's report. `apply_import` writes a clean plan as one transaction and one
batch into the per-user database; `remove_batch` takes a batch out again completely.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import create_engine, delete, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from jinshan_desktop.data import schema
from jinshan_desktop.data.derivation import FormulaError, evaluate, formula_inputs
from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP, Message
from jinshan_desktop.data.progress import Cancelled, Progress, never_cancelled
from jinshan_desktop.data.queries import FactBook
from jinshan_desktop.data.user_store import UserStoreError, create_user_store, now_iso, prepare_user_store

MAX_FILE_BYTES = 50_000_000
MAX_FIELD_CHARACTERS = 10_000
_IN_CHUNK = 500  # keys per IN (...) clause, well below SQLite's limit on bound parameters
PROGRESS_ROWS = 1_000  # rows checked or written between two progress reports (and chances to cancel)
REQUIRED = ("theme", "topic", "indicator", "period", "value", "unit", "source", "locator")
OPTIONAL = ("id", "entity", "period_kind", "year", "qualifier", "derived", "formula", "provisional", "note")
YES = {"yes", "是", "true", "1"}
NO = {"no", "否", "false", "0", ""}
_GUARDED = re.compile(r"^'[=+\-@\t\r]")  # the export's formula-injection guard, taken off again


class ImportCancelled(Cancelled):
    """The reader cancelled a check or an import; nothing was written."""


def _cancel(action: str) -> ImportCancelled:
    return ImportCancelled(f"The import was cancelled while {action}; nothing was imported.")


def _read_head(path: Path) -> bytes:
    """The file up to one byte past the size limit: enough to refuse a huge file without reading it whole."""
    with Path(path).open("rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def lines_in_file(path: Path) -> int:
    """How many lines a file has (an upper bound on its rows), to size a progress bar before checking it."""
    try:
        return _read_head(path).count(b"\n")
    except OSError:
        return 0


class StoreWriteError(RuntimeError):
    """The per-user database could not be written; nothing of the batch was kept. A sentence for the reader."""


@dataclass(frozen=True, slots=True)
class Problem:
    line: int  # 0: the file as a whole
    reason: Message

    def message(self) -> Message:
        if not self.line:
            return self.reason
        prefix = QT_TRANSLATE_NOOP("ImportReport", "line {line}: ")
        return Message(self.reason.template, {"line": self.line, **self.reason.values}, prefix)

    def __str__(self) -> str:
        return str(self.message())


@dataclass(frozen=True, slots=True)
class BatchInfo:
    id: int
    file_name: str
    imported_at: str
    encoding: str
    row_count: int


@dataclass(frozen=True, slots=True)
class PlannedFigure:
    line: int
    observation: schema.Observation


@dataclass(slots=True)
class ImportPlan:
    file_name: str
    encoding: str = ""
    problems: list[Problem] = field(default_factory=list)
    figures: list[PlannedFigure] = field(default_factory=list)
    new_indicators: list[schema.Indicator] = field(default_factory=list)
    new_sources: list[schema.Source] = field(default_factory=list)
    conflicts: list[Message] = field(default_factory=list)  # same indicator, period and source, another value
    already_present: int = 0

    @property
    def accepted(self) -> bool:
        return not self.problems

    def messages(self) -> list[Message]:
        """The preview, one sentence a line, for the views to translate."""
        if self.problems:
            refused = QT_TRANSLATE_NOOP("ImportReport", "The file is refused: {count} problem(s); nothing is imported.")
            return [Message(refused, {"count": len(self.problems)})] + [p.message() for p in self.problems[:200]]
        lines = [
            Message(
                QT_TRANSLATE_NOOP("ImportReport", "Read {file} as {encoding}."),
                {"file": self.file_name, "encoding": self.encoding},
            ),
            Message(
                QT_TRANSLATE_NOOP("ImportReport", "{count} figure(s) to add; {present} already in the fact book."),
                {"count": len(self.figures), "present": self.already_present},
            ),
        ]
        new_indicator = QT_TRANSLATE_NOOP("ImportReport", "New indicator: {name}")
        new_source = QT_TRANSLATE_NOOP("ImportReport", "New source: {name}")
        lines += [Message(new_indicator, {"name": indicator.name_en}) for indicator in self.new_indicators]
        lines += [Message(new_source, {"name": source.id}) for source in self.new_sources]
        lines += self.conflicts
        return lines

    def summary(self) -> list[str]:
        """The preview in English, as the command line prints it."""
        return [str(message) for message in self.messages()]


def decode(raw: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with: UTF-8 with or without BOM, or GB18030."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "UTF-8 with BOM"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return raw.decode("gb18030"), "GB18030"


def plan_import(book: FactBook, path: Path, progress: Progress = never_cancelled) -> ImportPlan:
    """Read and check a file; progress is told the lines checked, and ImportCancelled ends a cancelled check."""
    plan = ImportPlan(Path(path).name)
    try:
        raw = _read_head(path)
    except OSError as error:
        plan.problems.append(
            Problem(
                0,
                Message(
                    QT_TRANSLATE_NOOP("ImportReport", "the file cannot be read: {reason}"),
                    {"reason": error.strerror or error},
                ),
            )
        )
        return plan
    return plan_import_bytes(book, raw, plan, progress)


def plan_import_bytes(book: FactBook, raw: bytes, plan: ImportPlan, progress: Progress = never_cancelled) -> ImportPlan:
    if len(raw) > MAX_FILE_BYTES:
        plan.problems.append(
            Problem(
                0,
                Message(
                    QT_TRANSLATE_NOOP("ImportReport", "the file is larger than {size} MB"),
                    {"size": MAX_FILE_BYTES // 1_000_000},
                ),
            )
        )
        return plan
    try:
        text, plan.encoding = decode(raw)
    except UnicodeDecodeError:
        plan.problems.append(
            Problem(
                0,
                Message(
                    QT_TRANSLATE_NOOP("ImportReport", "the file is neither UTF-8 nor GB18030 text (wrong encoding)")
                ),
            )
        )
        return plan
    if "\x00" in text:
        plan.problems.append(
            Problem(
                0,
                Message(QT_TRANSLATE_NOOP("ImportReport", "the file holds NUL characters: it is not a CSV text file")),
            )
        )
        return plan
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        plan.problems.append(
            Problem(
                0, Message(QT_TRANSLATE_NOOP("ImportReport", "the file is not valid CSV ({reason})"), {"reason": error})
            )
        )
        return plan
    if not rows:
        plan.problems.append(Problem(0, Message(QT_TRANSLATE_NOOP("ImportReport", "the file is empty"))))
        return plan
    _Checker(book, plan).check(rows, progress)
    return plan


class _Checker:
    """Resolves names in any language to the fact book's ids and collects every problem with its line."""

    def __init__(self, book: FactBook, plan: ImportPlan) -> None:
        self.plan = plan
        self.book = book
        with book.session() as session:
            self.themes = _names(session.scalars(select(schema.Theme)))
            topics = list(session.scalars(select(schema.Topic)))
            self.topics = {(t.theme_id, key): t.id for t in topics for key in _keys(t.id, t)}
            self.units = _names(session.scalars(select(schema.Unit)))
            self.entities = _names(session.scalars(select(schema.Entity)))
            self.indicators = {i.id: i for i in session.scalars(select(schema.Indicator))}
            self.indicator_names = {(i.topic_id, key): i.id for i in self.indicators.values() for key in _keys(i.id, i)}
            self.sources = {s.id for s in session.scalars(select(schema.Source))}
            self.source_count = len(self.sources)
            labels = list(session.scalars(select(schema.Label)))
            self.position = (session.scalar(select(func.max(schema.Observation.position))) or 0) + 1
        # Existing figures are read only where the file touches them (its indicators and ids, the inputs of
        # its formulas), so checking a file costs the same against the bundled data as against a million.
        self.values: dict[str, float] = {}
        self.by_id: dict[str, schema.Observation] = {}
        self.by_identity: dict[tuple[str, str, str], schema.Observation] = {}
        self.headers = {
            text.casefold(): label.id
            for label in labels
            for text in (label.text_en, label.text_zh_hans, label.text_zh_hant)
            if text
        }

    def check(self, rows: list[list[str]], progress: Progress) -> None:
        columns = self._columns(rows[0])
        if columns is None:
            return
        seen: dict[tuple[str, str, str], int] = {}
        candidates: list[tuple[int, schema.Observation]] = []
        for line, cells in enumerate(rows[1:], start=2):
            if line % PROGRESS_ROWS == 0 and not progress(line):
                raise _cancel("checking the file")
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(rows[0]):
                self.problem(
                    line,
                    QT_TRANSLATE_NOOP("ImportReport", "{count} fields where the header has {expected}"),
                    count=len(cells),
                    expected=len(rows[0]),
                )
                continue
            if any(len(cell) > MAX_FIELD_CHARACTERS for cell in cells):
                self.problem(
                    line,
                    QT_TRANSLATE_NOOP("ImportReport", "a field is longer than {limit} characters"),
                    limit=MAX_FIELD_CHARACTERS,
                )
                continue
            row = {name: _unguard(cells[index].strip()) for name, index in columns.items()}
            figure = self._figure(line, row)
            if figure is None:
                continue
            identity = (figure.indicator_id, figure.period_label, figure.source_id)
            if identity in seen:
                self.problem(
                    line,
                    QT_TRANSLATE_NOOP("ImportReport", "the same figure as line {other} (indicator, period and source)"),
                    other=seen[identity],
                )
                continue
            seen[identity] = line
            self.values.setdefault(figure.id, figure.value)  # later formulas in the file may use it
            candidates.append((line, figure))
        self._read_existing([figure for _, figure in candidates])
        for line, figure in candidates:
            self._place(line, figure)
        if not (self.plan.figures or self.plan.problems or self.plan.already_present or self.plan.conflicts):
            self.problem(0, QT_TRANSLATE_NOOP("ImportReport", "the file has a header but no figures"))

    def problem(self, line: int, template: str, **values: object) -> None:
        self.plan.problems.append(Problem(line, Message(template, values)))

    def _columns(self, header: list[str]) -> dict[str, int] | None:
        columns: dict[str, int] = {}
        for index, name in enumerate(header):
            key = self.headers.get(name.strip().casefold())
            if key is not None:
                columns.setdefault(key, index)
        missing = [name for name in REQUIRED if name not in columns]
        if missing:
            self.problem(
                1,
                QT_TRANSLATE_NOOP("ImportReport", "missing column(s): {columns} (use the columns of observations.csv)"),
                columns=", ".join(missing),
            )
            return None
        return {name: index for name, index in columns.items() if name in REQUIRED + OPTIONAL}

    def _figure(self, line: int, row: dict[str, str]) -> schema.Observation | None:
        errors_before = len(self.plan.problems)
        theme_id = self.themes.get(row["theme"].casefold())
        if theme_id is None:
            self.problem(line, QT_TRANSLATE_NOOP("ImportReport", "unknown theme {theme!r}"), theme=row["theme"])
            return None
        topic_id = self.topics.get((theme_id, row["topic"].casefold()))
        if topic_id is None:
            self.problem(
                line,
                QT_TRANSLATE_NOOP("ImportReport", "unknown topic {topic!r} in theme {theme!r}"),
                topic=row["topic"],
                theme=row["theme"],
            )
        unit_id = self.units.get(row["unit"].casefold())
        if unit_id is None:
            self.problem(line, QT_TRANSLATE_NOOP("ImportReport", "unknown unit {unit!r}"), unit=row["unit"])
        value_text = row["value"].replace(",", "")
        try:
            value = Decimal(value_text)
            if not value.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            self.problem(
                line, QT_TRANSLATE_NOOP("ImportReport", "the value {value!r} is not a number"), value=row["value"]
            )
            value = None
        period = row["period"]
        kind = row.get("period_kind", "") or ("year" if re.fullmatch(r"\d{4}", period) else "")
        year_text = row.get("year", "") or (period if re.fullmatch(r"\d{4}", period) else "")
        if not period or kind not in schema.PERIOD_KINDS:
            self.problem(
                line,
                QT_TRANSLATE_NOOP(
                    "ImportReport", "the period {period!r} is not understood (give a year or a period_kind)"
                ),
                period=period,
            )
        year = int(year_text) if re.fullmatch(r"\d{4}", year_text) else None
        if year_text and year is None:
            self.problem(line, QT_TRANSLATE_NOOP("ImportReport", "the year {year!r} is not a year"), year=year_text)
        qualifier = row.get("qualifier", "") or None
        if qualifier is not None and qualifier not in schema.QUALIFIERS:
            self.problem(
                line,
                QT_TRANSLATE_NOOP("ImportReport", "unknown qualifier {qualifier!r}; use {known}"),
                qualifier=qualifier,
                known=", ".join(schema.QUALIFIERS),
            )
        if not row["source"]:
            self.problem(line, QT_TRANSLATE_NOOP("ImportReport", "the source is missing"))
        if not row["locator"]:
            self.problem(
                line, QT_TRANSLATE_NOOP("ImportReport", "the locator (paragraph or part of the source) is missing")
            )
        derived = self._flag(line, row.get("derived", ""), "derived")
        provisional = self._flag(line, row.get("provisional", ""), "provisional")
        if len(self.plan.problems) > errors_before or topic_id is None or unit_id is None or value is None:
            return None
        indicator_id = self._indicator(line, topic_id, row["indicator"], unit_id, row.get("entity", ""))
        if indicator_id is None:
            return None
        formula = row.get("formula", "") or None
        if derived and not self._formula_holds(line, formula, value):
            return None
        observation_id = row.get("id", "") or f"import-{indicator_id}-{_slug(period)}-{_slug(row['source'])}"
        return schema.Observation(
            id=observation_id,
            indicator_id=indicator_id,
            period_label=period,
            period_label_zh_hans=None,
            period_label_zh_hant=None,
            period_kind=kind,
            period_year=year,
            value=float(value),
            decimals=max(0, -int(value.as_tuple().exponent)),
            as_written=None,
            qualifier=qualifier,
            provisional=provisional,
            derived=derived,
            formula=formula if derived else None,
            source_id=row["source"],
            locator=row["locator"],
            headline=False,
            note=row.get("note", "") or None,
            position=0,
            batch_id=None,
            theme_id=theme_id,
            topic_id=topic_id,
        )

    def _flag(self, line: int, text: str, name: str) -> bool:
        lowered = text.casefold()
        if lowered in YES:
            return True
        if lowered not in NO:
            self.problem(
                line,
                QT_TRANSLATE_NOOP("ImportReport", "{column} must be yes or no, not {text!r}"),
                column=name,
                text=text,
            )
        return False

    def _formula_holds(self, line: int, formula: str | None, value: Decimal) -> bool:
        if formula is None:
            self.problem(line, QT_TRANSLATE_NOOP("ImportReport", "a derived figure needs its formula"))
            return False
        self._read_values([ref for ref in formula_inputs(formula) if ref not in self.values])
        try:
            computed = evaluate(formula, self.values)
        except (FormulaError, ZeroDivisionError, OverflowError) as error:
            self.problem(
                line, QT_TRANSLATE_NOOP("ImportReport", "the formula cannot be computed: {reason}"), reason=error
            )
            return False
        decimals = max(0, -int(value.as_tuple().exponent))
        if round(computed, decimals) != float(value) or not formula_inputs(formula):
            self.problem(
                line,
                QT_TRANSLATE_NOOP("ImportReport", "the formula gives {computed}, not {value}"),
                computed=computed,
                value=value,
            )
            return False
        return True

    def _indicator(self, line: int, topic_id: str, name: str, unit_id: str, entity: str) -> str | None:
        if not name:
            self.problem(line, QT_TRANSLATE_NOOP("ImportReport", "the indicator is missing"))
            return None
        known = self.indicator_names.get((topic_id, name.casefold()))
        if known is not None:
            if self.indicators[known].unit_id != unit_id:
                self.problem(
                    line,
                    QT_TRANSLATE_NOOP("ImportReport", "the unit differs from the unit of the indicator {name!r}"),
                    name=name,
                )
                return None
            return known
        entity_id = self.entities.get(entity.casefold()) if entity else None
        new_id = f"import-{_slug(name)}"
        indicator = schema.Indicator(
            id=new_id,
            topic_id=topic_id,
            name_en=name,
            name_zh_hans=None,
            name_zh_hant=None,
            unit_id=unit_id,
            compare_group=None,
            entity_id=entity_id,
            description_en="Added by an import",
            batch_id=None,
        )
        self.indicators[new_id] = indicator
        self.indicator_names[(topic_id, name.casefold())] = new_id
        self.plan.new_indicators.append(indicator)
        return new_id

    def _read_existing(self, figures: list[schema.Observation]) -> None:
        """The fact book's figures of the file's indicators, and any with one of the file's ids."""
        indicator_ids = sorted({figure.indicator_id for figure in figures})
        ids = sorted({figure.id for figure in figures})
        with self.book.session() as session:
            for column, keys in ((schema.Observation.indicator_id, indicator_ids), (schema.Observation.id, ids)):
                for start in range(0, len(keys), _IN_CHUNK):
                    for found in session.scalars(
                        select(schema.Observation).where(column.in_(keys[start : start + _IN_CHUNK]))
                    ):
                        self.by_id[found.id] = found
                        self.by_identity[(found.indicator_id, found.period_label, found.source_id)] = found

    def _read_values(self, ids: list[str]) -> None:
        if not ids:
            return
        with self.book.session() as session:
            rows = session.execute(
                select(schema.Observation.id, schema.Observation.value).where(schema.Observation.id.in_(ids))
            )
            self.values.update({str(key): float(value) for key, value in rows})

    def _place(self, line: int, figure: schema.Observation) -> None:
        existing = self.by_identity.get((figure.indicator_id, figure.period_label, figure.source_id))
        if existing is None and figure.id in self.by_id:
            existing = self.by_id[figure.id]
        if existing is not None:
            if existing.value == figure.value and existing.indicator_id == figure.indicator_id:
                self.plan.already_present += 1
            else:
                conflict = QT_TRANSLATE_NOOP(
                    "ImportReport",
                    "Not imported, line {line}: {figure} {period} = {value} conflicts with {existing} = {present}",
                )
                values = {"line": line, "figure": figure.id, "period": figure.period_label, "value": figure.value}
                self.plan.conflicts.append(
                    Message(conflict, {**values, "existing": existing.id, "present": existing.value})
                )
            return
        if figure.source_id not in self.sources:
            self.sources.add(figure.source_id)
            self.plan.new_sources.append(
                schema.Source(
                    id=figure.source_id,
                    title=figure.source_id,
                    publisher="(added by an import)",
                    published=None,
                    address=None,
                    grade="user",
                    locators="*",
                    contributed="Figures added by an import",
                    position=self.source_count + len(self.plan.new_sources),
                    batch_id=None,
                )
            )
        figure.position = self.position
        self.position += 1
        self.values[figure.id] = figure.value
        self.by_id[figure.id] = figure
        self.plan.figures.append(PlannedFigure(line, figure))


def apply_import(plan: ImportPlan, store: Path, progress: Progress = never_cancelled) -> int:
    """Write an accepted plan as one batch in one transaction; returns the batch id.

    progress is told the figures written; when it returns False the transaction is rolled back and
    ImportCancelled raised, so a cancelled import leaves the user database as it was."""
    if not plan.accepted:
        raise ValueError("a refused plan cannot be applied")
    try:
        prepare_user_store(store)
        if not store.exists():
            create_user_store(store)
        return _write_batch(plan, store, progress)
    except (OSError, SQLAlchemyError, UserStoreError) as error:
        raise StoreWriteError(f"Nothing was imported: {store} could not be written ({error}).") from error


def _write_batch(plan: ImportPlan, store: Path, progress: Progress) -> int:
    engine = create_engine(f"sqlite:///{store}", poolclass=NullPool)
    try:
        with Session(engine) as session, session.begin():
            batch = schema.Batch(
                file_name=plan.file_name, imported_at=now_iso(), encoding=plan.encoding, row_count=len(plan.figures)
            )
            session.add(batch)
            session.flush()
            for source in plan.new_sources:
                source.batch_id = batch.id
                session.add(source)
            for indicator in plan.new_indicators:
                indicator.batch_id = batch.id
                session.add(indicator)
            session.flush()
            for written, planned in enumerate(plan.figures, start=1):
                planned.observation.batch_id = batch.id
                session.add(planned.observation)
                if written % PROGRESS_ROWS == 0:
                    session.flush()
                    if not progress(written):
                        raise _cancel("writing")  # leaving session.begin() by an exception rolls back
            batch_id = batch.id
    finally:
        engine.dispose()
    return batch_id


def list_batches(store: Path) -> list[BatchInfo]:
    if not store.exists():
        return []
    engine = create_engine(f"sqlite:///file:{store}?mode=ro&uri=true", poolclass=NullPool)
    try:
        with Session(engine, expire_on_commit=False) as session:
            return [
                BatchInfo(batch.id, batch.file_name, batch.imported_at, batch.encoding, batch.row_count)
                for batch in session.scalars(select(schema.Batch).order_by(schema.Batch.id))
            ]
    finally:
        engine.dispose()


def remove_batch(store: Path, batch_id: int) -> int:
    """Delete a batch and everything it added, in one transaction; returns the number of figures removed."""
    engine = create_engine(f"sqlite:///{store}", poolclass=NullPool)
    try:
        with Session(engine) as session, session.begin():
            removed = session.execute(delete(schema.Observation).where(schema.Observation.batch_id == batch_id))
            session.execute(delete(schema.Indicator).where(schema.Indicator.batch_id == batch_id))
            session.execute(delete(schema.Source).where(schema.Source.batch_id == batch_id))
            session.execute(delete(schema.Batch).where(schema.Batch.id == batch_id))
            return int(getattr(removed, "rowcount", 0) or 0)
    except (OSError, SQLAlchemyError) as error:
        raise StoreWriteError(f"The batch was not removed: {store} could not be written ({error}).") from error
    finally:
        engine.dispose()


def _names(items: object) -> dict[str, str]:
    return {key: item.id for item in items for key in _keys(item.id, item)}  # type: ignore[attr-defined]


def _keys(identifier: str, item: object) -> set[str]:
    names = {
        identifier,
        getattr(item, "name_en", ""),
        getattr(item, "name_zh_hans", ""),
        getattr(item, "name_zh_hant", ""),
    }
    return {name.casefold() for name in names if name}


def _unguard(text: str) -> str:
    return text[1:] if _GUARDED.match(text) else text


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "x"
