"""Checking an import file against the fact book: columns, each row, duplicates, and each figure's place
(new, already present, or in conflict). Nothing is written; every problem is reported with its line."""

from __future__ import annotations

from collections.abc import Iterable

from jinshan_desktop.data import schema
from jinshan_desktop.data.formula_guard import unguard
from jinshan_desktop.data.importing.names import Names
from jinshan_desktop.data.importing.report import ImportPlan, PlannedFigure, Problem, cancelled
from jinshan_desktop.data.importing.row_reader import RowReader
from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP, Message
from jinshan_desktop.data.progress import Progress
from jinshan_desktop.data.queries import FactBook

MAX_FIELD_CHARACTERS = 10_000
PROGRESS_ROWS = 1_000  # rows checked or written between two progress reports (and chances to cancel)
REQUIRED = ("theme", "topic", "indicator", "period", "value", "unit", "source", "locator")
OPTIONAL = ("id", "unit_id", "entity", "period_kind", "year", "qualifier", "derived", "formula", "provisional", "note")
Identity = tuple[str, str, str]  # indicator, period, source: one figure


class Checker:
    """Resolves names in any language to the fact book's ids and collects every problem with its line."""

    def __init__(self, book: FactBook, plan: ImportPlan) -> None:
        self.plan = plan
        self.book = book
        vocabulary = book.vocabulary()
        self.names = Names.of(vocabulary)
        self.source_count = len(self.names.sources)
        self.position = vocabulary.next_position
        # Existing figures are read only where the file touches them (its indicators and ids, the inputs of
        # its formulas), so checking a file costs the same against the bundled data as against a million.
        self.values: dict[str, float] = {}
        self.by_id: dict[str, schema.Observation] = {}
        self.by_identity: dict[Identity, schema.Observation] = {}
        self.rows = RowReader(self.names, plan, self.values, self._read_values)

    def check(self, header: list[str], rows: Iterable[list[str]], progress: Progress) -> None:
        """header: the first row; rows: the others, read one at a time (a csv.Error may come from them)."""
        columns = self._columns(header)
        if columns is None:
            return
        seen: dict[Identity, int] = {}
        lines_of_ids: dict[str, tuple[int, str]] = {}  # figure id -> the line and period that first used it
        candidates: list[tuple[int, schema.Observation]] = []
        for line, cells in enumerate(rows, start=2):
            if line % PROGRESS_ROWS == 0 and not progress(line):
                raise cancelled("checking the file")
            if not any(cell.strip() for cell in cells) or not self._well_formed(line, cells, len(header)):
                continue
            row = {name: unguard(cells[index].strip()) for name, index in columns.items()}
            figure = self.rows.figure(line, row)
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
            if not self._id_is_new(line, figure, bool(row.get("id")), lines_of_ids):
                continue
            seen[identity] = line
            self.values.setdefault(figure.id, figure.value)  # later formulas in the file may use it
            candidates.append((line, figure))
        self._read_existing([figure for _, figure in candidates])
        for line, figure in candidates:
            self._place(line, figure)
        if not (self.plan.figures or self.plan.problems or self.plan.already_present or self.plan.conflicts):
            self.problem(0, QT_TRANSLATE_NOOP("ImportReport", "the file has a header but no figures"))

    def _id_is_new(
        self, line: int, figure: schema.Observation, given: bool, lines_of_ids: dict[str, tuple[int, str]]
    ) -> bool:
        """An id used by two lines of one file is an error, named with both lines, never a silent skip."""
        first = lines_of_ids.setdefault(figure.id, (line, figure.period_label))
        if first[0] == line:
            return True
        if given:
            template = QT_TRANSLATE_NOOP("ImportReport", "the id {id} is also the id of line {other}")
        else:
            template = QT_TRANSLATE_NOOP(
                "ImportReport",
                "the id made for this row, {id}, is also made for line {other} (period {period!r}); "
                "give the rows an id column",
            )
        self.problem(line, template, id=figure.id, other=first[0], period=first[1])
        return False

    def problem(self, line: int, template: str, **values: object) -> None:
        self.plan.problems.append(Problem(line, Message(template, values)))

    def _well_formed(self, line: int, cells: list[str], expected: int) -> bool:
        if len(cells) != expected:
            self.problem(
                line,
                QT_TRANSLATE_NOOP("ImportReport", "{count} fields where the header has {expected}"),
                count=len(cells),
                expected=expected,
            )
            return False
        if any(len(cell) > MAX_FIELD_CHARACTERS for cell in cells):
            self.problem(
                line,
                QT_TRANSLATE_NOOP("ImportReport", "a field is longer than {limit} characters"),
                limit=MAX_FIELD_CHARACTERS,
            )
            return False
        return True

    def _columns(self, header: list[str]) -> dict[str, int] | None:
        columns: dict[str, int] = {}
        for index, name in enumerate(header):
            key = self.names.headers.get(name.strip().casefold())
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

    def _read_existing(self, figures: list[schema.Observation]) -> None:
        """The fact book's figures of the file's indicators, and any with one of the file's ids."""
        indicator_ids = sorted({figure.indicator_id for figure in figures})
        for found in self.book.figures_touching(indicator_ids, sorted({figure.id for figure in figures})):
            self.by_id[found.id] = found
            self.by_identity[(found.indicator_id, found.period_label, found.source_id)] = found

    def _read_values(self, ids: list[str]) -> None:
        if ids:
            self.values.update(self.book.values_of(ids))

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
        if figure.source_id not in self.names.sources:
            self.names.sources[figure.source_id] = "*"
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
