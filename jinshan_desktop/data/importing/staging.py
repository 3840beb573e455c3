"""The checked rows of an import file, kept in a scratch SQLite file instead of memory.

A million figures as Python objects took gigabytes. Here each checked row is one row of a table in a
temporary file (written in chunks); duplicates within the file are found by SQL over it, its place in the
fact book (new, already there, in conflict) by indexed lookups (reads/lookups.py), and writing the batch is one
INSERT … SELECT from it. The file is deleted when the plan is dropped.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, overload

from jinshan_desktop.data import schema
from jinshan_desktop.data.importing.staging_worker import (
    START_FROM_ROWS,
    StagingWorker,
    WorkerFailed,
    cpu_sample,
    grouped,
    insert_grouped,
    workers_allowed,
)

# One checked figure as RowReader makes it, in this order (the observations columns an import sets).
FIGURE_COLUMNS = (
    "id",
    "indicator_id",
    "period_label",
    "period_kind",
    "period_year",
    "value",
    "decimals",
    "as_written",
    "qualifier",
    "provisional",
    "derived",
    "formula",
    "source_id",
    "locator",
    "note",
    "theme_id",
    "topic_id",
    "value_base",  # the quantity model's: the value in its dimension's base unit, and the dimension's rank
    "dimension_rank",
)
Figure = tuple[Any, ...]
_STAGED = (
    "CREATE TABLE staged (line INTEGER PRIMARY KEY, generated INTEGER, "
    + ", ".join(FIGURE_COLUMNS)
    + ", existing_id TEXT, existing_value REAL, existing_indicator TEXT)"
)
_KEYS = {"identity": ("indicator_id", "period_label", "source_id"), "id": ("id",)}  # what two lines may share
_PLACES = ", ".join("?" * (len(FIGURE_COLUMNS) + 2))
_INSERT = f"INSERT INTO staged (line, generated, {', '.join(FIGURE_COLUMNS)}) VALUES ({_PLACES})"
_PRAGMAS = (
    "PRAGMA journal_mode = OFF",  # scratch: nothing to recover after a crash
    "PRAGMA synchronous = OFF",
    "PRAGMA cache_size = -32768",  # 32 MB: fewer spills while a million rows go in
)


class Staging:
    """The scratch file of one plan."""

    def __init__(self) -> None:
        handle, name = tempfile.mkstemp(prefix="jinshan-import-", suffix=".sqlite")
        os.close(handle)
        self.path = Path(name)
        self.connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._finalizer = weakref.finalize(self, _remove, self.path, self.connection)
        for pragma in _PRAGMAS:
            self.connection.execute(pragma)
        self.connection.execute(_STAGED)
        # The rows found in the fact book (few, and marked only after all rows are in): the report's counts and
        # conflicts read them through this index instead of reading a million rows for them.
        self.connection.execute("CREATE INDEX staged_found ON staged (line) WHERE existing_id IS NOT NULL")
        self.connection.execute("BEGIN")
        self._indexed: set[str] = set()  # keys of _KEYS indexed so far
        self._distinct: set[str] = set()  # keys a UNIQUE index showed no two lines share
        self.staged = 0  # rows added: counted here, as a count(*) would read the whole file
        # A large file's rows are inserted by a second process (staging_worker.py) from START_FROM_ROWS on;
        # a small file's, or all rows when no worker can start, by this connection.
        self.worker: StagingWorker | None = None
        self.worker_tried = self.worker_used = False
        self.cpu_at_start = cpu_sample()  # whether a core is free is judged over the first rows' check

    def add(self, rows: list[Figure]) -> None:
        """Rows of (line, generated id?, *figure)."""
        if not rows:
            return
        if not self.worker_tried and self.staged >= START_FROM_ROWS:
            self.worker_tried = True
            if workers_allowed(self.cpu_at_start):
                self._start_worker()
        if self.worker is not None:
            self.worker.add(grouped(rows))
        else:
            insert_grouped(self.connection, _INSERT, grouped(rows))
        self.staged += len(rows)

    def _start_worker(self) -> None:
        self.connection.execute("COMMIT")  # the worker writes from here on; this connection only reads
        try:
            self.worker = StagingWorker(self.path, _INSERT, _PRAGMAS)
        except (OSError, WorkerFailed):
            self.connection.execute("BEGIN")  # no second process here: this connection goes on inserting
            return
        self.worker_used = True

    def _index(self, key: str, try_unique: bool = False) -> None:
        """Index a key's columns once (an index on them holds the line too, the table's rowid).

        Built over every row, it is tried as a UNIQUE index first: when that succeeds, no line repeats the key,
        and first_lines has nothing to look for (a GROUP BY of a million keys, a second's work, saved)."""
        if key in self._indexed:
            return
        columns = ", ".join(_KEYS[key])
        if try_unique:  # not while rows may still come: a repeat must not stop them going in
            try:
                self.connection.execute(f"CREATE UNIQUE INDEX staged_{key} ON staged ({columns})")
                self._distinct.add(key)
            except sqlite3.IntegrityError:
                pass  # some lines share the key: first_lines names them
        if key not in self._distinct:
            self.connection.execute(f"CREATE INDEX staged_{key} ON staged ({columns}, line)")
        self._indexed.add(key)

    def _written(self) -> None:
        """Every row added is in the file: the worker's committed, this connection's transaction still open."""
        if self.worker is not None:
            self.worker.sync()

    def values(self, ids: list[str]) -> dict[str, float]:
        """Values of figures of the file (first line of an id wins), for formulas of later lines."""
        self._written()
        self._index("id")  # only when a file has formulas: the inserts keep it up to date from then on
        found: dict[str, float] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            query = f"SELECT id, value FROM staged WHERE id IN ({', '.join('?' * len(chunk))}) ORDER BY line DESC"
            found.update(dict(self.connection.execute(query, chunk)))
        return found

    def finish(self) -> None:
        """All rows are in: commit them and index what the checks look up."""
        if self.worker is not None:
            self.worker.finish()
            self.worker = None
        else:
            self.connection.execute("COMMIT")
        self._index("id", try_unique=True)
        self._index("identity", try_unique=True)

    def first_lines(self, key: str) -> Iterator[tuple[int, int, int, str]]:
        """(line, first line, generated, period of the first line) of each row whose key repeats an earlier row's."""
        if key in self._distinct:
            return
        columns = _KEYS[key]
        listed = ", ".join(columns)
        same = " AND ".join(f"s.{column} = g.{column}" for column in columns)
        # The GROUP BY reads the covering index made in finish(); only repeated keys are joined back.
        query = (
            f"SELECT s.line, g.first, s.generated, f.period_label FROM (SELECT {listed}, min(line) AS first "
            f"FROM staged GROUP BY {listed} HAVING count(*) > 1) g JOIN staged s ON {same} AND s.line != g.first "
            "JOIN staged f ON f.line = g.first ORDER BY s.line"
        )
        yield from self.connection.execute(query)

    def is_new(self, line: int) -> bool:
        """The line's figure is not in the fact book (after place_staged)."""
        found = self.connection.execute("SELECT existing_id IS NULL FROM staged WHERE line = ?", (line,))
        return bool(found.fetchone()[0])

    def count(self, condition: str = "1") -> int:
        return int(self.connection.execute(f"SELECT count(*) FROM staged WHERE {condition}").fetchone()[0])

    def rows(self, query: str, *parameters: object) -> list[tuple[Any, ...]]:
        return list(self.connection.execute(query, parameters))

    def close(self) -> None:
        self._stop_worker()
        self._finalizer()

    def _stop_worker(self) -> None:
        if self.worker is not None:
            self.worker.close()
            self.worker = None


def _remove(path: Path, connection: sqlite3.Connection) -> None:
    connection.close()
    with contextlib.suppress(OSError):  # scratch space: the system's temporary folder is cleaned anyway
        path.unlink(missing_ok=True)


class StagedFigures(Sequence["PlannedFigureView"]):
    """The figures a plan would add, read from its staging file on demand (len() costs one count)."""

    def __init__(self, staging: Staging | None) -> None:
        self.staging = staging
        self._count: int | None = None

    def __len__(self) -> int:
        if self.staging is None:
            return 0
        if self._count is None:
            self._count = self.staging.staged - self.staging.count("existing_id IS NOT NULL")
        return self._count

    @overload
    def __getitem__(self, index: int) -> PlannedFigureView: ...
    @overload
    def __getitem__(self, index: slice) -> list[PlannedFigureView]: ...
    def __getitem__(self, index: int | slice) -> PlannedFigureView | list[PlannedFigureView]:
        every = list(self)
        return every[index]

    def __iter__(self) -> Iterator[PlannedFigureView]:
        if self.staging is None:
            return iter(())
        query = f"SELECT line, {', '.join(FIGURE_COLUMNS)} FROM staged WHERE existing_id IS NULL ORDER BY line"
        return iter([PlannedFigureView(row[0], _observation(row[1:])) for row in self.staging.rows(query)])

    def __eq__(self, other: object) -> bool:
        return list(self) == other if isinstance(other, list) else NotImplemented

    __hash__ = None  # type: ignore[assignment]


class PlannedFigureView:
    """One figure to add and the line of the file it comes from."""

    __slots__ = ("line", "observation")

    def __init__(self, line: int, observation: schema.Observation) -> None:
        self.line = line
        self.observation = observation


def _observation(row: Sequence[Any]) -> schema.Observation:
    values = dict(zip(FIGURE_COLUMNS, row, strict=True))
    values.update(provisional=bool(values["provisional"]), derived=bool(values["derived"]))
    return schema.Observation(
        **values, period_label_zh_hans=None, period_label_zh_hant=None, headline=False, position=0, batch_id=None
    )
