"""Checking an import file against the fact book: columns, each row, duplicates, and each figure's place
(new, already present, or in conflict). Nothing is written; every problem is reported with its line."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter

from jinshan_desktop.data import schema
from jinshan_desktop.data.formula_guard import unguard
from jinshan_desktop.data.importing.known_rows import MAX_FIELD_CHARACTERS as MAX_FIELD_CHARACTERS
from jinshan_desktop.data.importing.known_rows import KnownRows
from jinshan_desktop.data.importing.names import Names
from jinshan_desktop.data.importing.report import ImportPlan, Problem, cancelled
from jinshan_desktop.data.importing.row_reader import RowReader
from jinshan_desktop.data.importing.staging import Figure, StagedFigures, Staging
from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP, Message
from jinshan_desktop.data.progress import Progress
from jinshan_desktop.data.queries import FactBook

PROGRESS_ROWS = 1_000  # rows checked or written between two progress reports (and chances to cancel)
REQUIRED = ("theme", "topic", "indicator", "period", "value", "unit", "source", "locator")
OPTIONAL = ("id", "unit_id", "entity", "period_kind", "year", "qualifier", "derived", "formula", "provisional", "note")


STAGE_ROWS = 10_000  # checked rows kept in memory before they go to the staging file in one executemany
CONFLICTS_LISTED = 1_000  # conflicts named one by one in the report; the rest are counted
QUICK_PATH = True  # rows whose repeated cells passed before are read by known_rows.py (tests turn it off)


@contextlib.contextmanager
def _collection_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a file is checked: its million rows make tuples and strings
    that never form cycles, and each collection would walk every one still held (1.3 s of a million rows)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Checker:
    """Resolves names in any language to the fact book's ids and collects every problem with its line."""

    def __init__(self, book: FactBook, plan: ImportPlan) -> None:
        self.plan = plan
        self.book = book
        vocabulary = book.vocabulary()
        self.names = Names.of(vocabulary)
        self.source_count = len(self.names.sources)
        plan.next_position = vocabulary.next_position
        self.values: dict[str, float] = {}  # formula inputs read so far, from the file or the fact book
        self.rows = RowReader(self.names, plan, self.values, self._read_values)
        self.staging = Staging()
        self.pending: list[Figure] = []
        self.columns: dict[str, int] = {}  # the file's: column name -> index, set when its header is read
        self.width = 0
        self.pick: Callable[[list[str]], tuple[str, ...]] = tuple

    def check(self, header: list[str], rows: Iterable[list[str]], progress: Progress) -> None:
        """header: the first row; rows: the others, read one at a time (a csv.Error may come from them)."""
        try:
            with _collection_paused():
                self._check(header, rows, progress)
        except BaseException:
            self.staging.close()
            raise
        if self.plan.problems:
            self.staging.close()
            self.plan.problems.sort(key=lambda problem: problem.line)
        else:
            self.plan.staging = self.staging
            self.plan.figures = StagedFigures(self.staging)

    def _check(self, header: list[str], rows: Iterable[list[str]], progress: Progress) -> None:
        columns = self._columns(header)
        if columns is None:
            return
        self.columns, self.width = columns, len(header)
        self.pick = itemgetter(*columns.values())  # at least the required columns: always a tuple
        known = KnownRows(columns, self.width) if QUICK_PATH else None
        for line, cells in enumerate(rows, start=2):
            if line % PROGRESS_ROWS == 0 and not progress(line):
                raise cancelled("checking the file")
            staged = known.figure(line, cells) if known is not None else None
            if staged is None:
                staged = self._read(line, cells, known)
            if staged is not None:
                self.pending.append(staged)
                if len(self.pending) >= STAGE_ROWS:
                    self._flush()
        self._flush()
        self.staging.finish()
        self._repeats()
        if self.plan.problems:
            return
        if not self.staging.staged:
            self.problem(0, QT_TRANSLATE_NOOP("ImportReport", "the file has a header but no figures"))
            return
        self._place()

    def _read(self, line: int, cells: list[str], known: KnownRows | None) -> Figure | None:
        """A row read by the full rules (its problems go into the plan); what it passed with is remembered."""
        joined = "".join(cells)
        if not joined.strip() or not self._well_formed(line, cells, joined, self.width):
            return None
        # Trimmed, and the formula guard of an export taken off (only a row with a quote can have one).
        row = dict(zip(self.columns, map(str.strip, self.pick(cells)), strict=True))
        if "'" in joined:
            row = {name: unguard(cell) if cell[:1] == "'" else cell for name, cell in row.items()}
        figure = self.rows.figure(line, row)
        if figure is None:
            return None
        staged = (line, 0 if row.get("id") else 1, *figure)
        if known is not None:
            known.learn(cells, row, self.rows.resolution, staged[2:])
        return staged

    def _flush(self) -> None:
        self.staging.add(self.pending)
        self.pending = []

    def _repeats(self) -> None:
        """The same figure (indicator, period, source) or the same id on two lines: errors naming both."""
        repeated: set[int] = set()
        for line, other, _, _ in self.staging.first_lines("identity"):
            repeated.add(line)
            self.problem(
                line,
                QT_TRANSLATE_NOOP("ImportReport", "the same figure as line {other} (indicator, period and source)"),
                other=other,
            )
        for line, other, generated, period in self.staging.first_lines("id"):
            if line in repeated:
                continue
            if not generated:
                template = QT_TRANSLATE_NOOP("ImportReport", "the id {id} is also the id of line {other}")
            else:
                template = QT_TRANSLATE_NOOP(
                    "ImportReport",
                    "the id made for this row, {id}, is also made for line {other} (period {period!r}); "
                    "give the rows an id column",
                )
            (figure_id,) = self.staging.rows("SELECT id FROM staged WHERE line = ?", line)[0]
            self.problem(line, template, id=figure_id, other=other, period=period)

    def problem(self, line: int, template: str, **values: object) -> None:
        self.plan.problems.append(Problem(line, Message(template, values)))

    def _well_formed(self, line: int, cells: list[str], joined: str, expected: int) -> bool:
        if len(cells) != expected:
            self.problem(
                line,
                QT_TRANSLATE_NOOP("ImportReport", "{count} fields where the header has {expected}"),
                count=len(cells),
                expected=expected,
            )
            return False
        if len(joined) > MAX_FIELD_CHARACTERS and max(map(len, cells)) > MAX_FIELD_CHARACTERS:  # rarely long
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

    def _read_values(self, ids: list[str]) -> None:
        if not ids:
            return
        self._flush()  # earlier lines of the file may hold them
        self.values.update(self.staging.values(ids))
        missing = [ref for ref in ids if ref not in self.values]
        if missing:
            self.values.update(self.book.values_of(missing))

    def _new_sources(self) -> list[str]:
        """Sources the fact book lacks, in the order of their first line among the new figures.

        RowReader saw each first (every row of a source no row passed with yet is read by it); a first line
        whose figure is already in the fact book is rare, and only then are the source's rows searched."""
        first_uses: list[tuple[int, str]] = []
        for source_id, line in self.rows.unknown_sources.items():
            if not self.staging.is_new(line):
                (first,) = self.staging.rows(
                    "SELECT min(line) FROM staged WHERE existing_id IS NULL AND source_id = ?", source_id
                )[0]
                if first is None:
                    continue  # every figure citing it is in the fact book
                line = first
            first_uses.append((line, source_id))
        return [source_id for _, source_id in sorted(first_uses)]

    def _place(self) -> None:
        """Each row new, already in the fact book, or in conflict with a figure there (indexed lookups)."""
        self.book.place_staged(self.staging.path)
        self.plan.already_present = self.staging.count(
            "existing_id IS NOT NULL AND existing_value = value AND existing_indicator = indicator_id"
        )
        conflict = QT_TRANSLATE_NOOP(
            "ImportReport",
            "Not imported, line {line}: {figure} {period} = {value} conflicts with {existing} = {present}",
        )
        listed = self.staging.rows(
            "SELECT line, id, period_label, value, existing_id, existing_value FROM staged "
            "WHERE existing_id IS NOT NULL AND NOT (existing_value = value AND existing_indicator = indicator_id) "
            "ORDER BY line LIMIT ?",
            CONFLICTS_LISTED,
        )
        keys = ("line", "figure", "period", "value", "existing", "present")
        self.plan.conflicts = [Message(conflict, dict(zip(keys, row, strict=True))) for row in listed]
        for source_id in self._new_sources():
            self.names.sources[source_id] = "*"
            self.plan.new_sources.append(
                schema.Source(
                    id=source_id,
                    title=source_id,
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
