"""A large file's checked rows are staged by a second process: the plan reads exactly as when this process
stages them (same rows, problems and lines), and a worker that cannot start, dies or is cancelled leaves
no process behind."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from jinshan_desktop.data.importing import ImportCancelled, checker, plan_import, staging, staging_worker
from jinshan_desktop.data.queries import open_fact_book

HEADER = "id,theme,topic,indicator,period,period_kind,value,unit,source,locator,derived,formula\n"
ROWS = 3_000  # with the thresholds below: a worker from the fifth chunk of 200 rows on


@pytest.fixture
def book(database: Path, tmp_path: Path):
    with open_fact_book(database, user_store=tmp_path / "user" / "imported.sqlite") as fact_book:
        yield fact_book


@pytest.fixture(autouse=True)
def small_thresholds(monkeypatch) -> None:
    monkeypatch.setattr(checker, "STAGE_ROWS", 200)
    monkeypatch.setattr(staging, "START_FROM_ROWS", 1_000)
    monkeypatch.setattr(staging, "workers_allowed", lambda since=None: True)  # however busy the machine is


@pytest.fixture
def workers(monkeypatch) -> list[staging_worker.StagingWorker]:
    started: list[staging_worker.StagingWorker] = []
    start = staging_worker.StagingWorker.__init__

    def recorded(worker: staging_worker.StagingWorker, *arguments: Any) -> None:
        started.append(worker)
        start(worker, *arguments)

    monkeypatch.setattr(staging_worker.StagingWorker, "__init__", recorded)
    return started


def _file(tmp_path: Path, problems: bool) -> Path:
    rows = []
    for n in range(ROWS):
        figure = f"w-{n},Manufacturing,Industrial transformation,Output {n % 7},P{n},span,{n}.5,yuan"
        rows.append(figure + ",yb-2021,t1,no,")
    # Formulas after the worker has started read figures staged by it, and one from the fact book.
    derived = "w-{0},Manufacturing,Industrial transformation,Output 9,P{0},span,1202.5,yuan,yb-2021,t1,yes,{1}"
    rows[2_500] = derived.format(2_500, "{w-1200} + 2")
    rows[2_600] = derived.format(2_600, "{w-2500} + {population-2020} - 822776")
    if problems:
        rows[1_500] = rows[1_500].replace("w-1500", "w-40")  # the same id as a line before the worker
        rows[2_900] = rows[2_900].replace("P2900", "P1290")  # the same figure as a line the worker staged
        rows[2_950] = rows[2_950].replace("2950.5", '"2,95.5"')
        rows[2_960] = rows[2_960].replace(",no,", ",maybe,")
    path = tmp_path / ("refused.csv" if problems else "large.csv")
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _read(book, path: Path) -> tuple[list[str], list[tuple[Any, ...]], int]:
    plan = plan_import(book, path)
    if plan.staging is None:
        return [str(problem) for problem in plan.problems], [], 0
    staged = plan.staging.rows("SELECT * FROM staged ORDER BY line")
    return [str(problem) for problem in plan.problems], staged, len(plan.figures)


@pytest.mark.parametrize("problems", [False, True])
def test_a_large_file_staged_by_the_worker_reads_as_staged_here(book, tmp_path, monkeypatch, workers, problems) -> None:
    path = _file(tmp_path, problems)
    by_worker = _read(book, path)
    assert len(workers) == 1 and workers[0].process.poll() == 0  # it ran, and ended when the check did
    monkeypatch.setattr(staging, "workers_allowed", lambda since=None: False)
    assert _read(book, path) == by_worker and len(workers) == 1
    if problems:
        assert by_worker[0] == [
            "line 1502: the id w-40 is also the id of line 42",
            "line 2902: the same figure as line 1292 (indicator, period and source)",
            "line 2952: the value '2,95.5' is not a number as written here "
            "(use . for decimals, and commas only between groups of three digits)",
            "line 2962: derived must be yes or no, not 'maybe'",
        ]
    else:
        assert by_worker[0] == [] and by_worker[2] == ROWS and len(by_worker[1]) == ROWS


def test_a_worker_that_cannot_start_leaves_the_rows_to_this_process(book, tmp_path, monkeypatch, workers) -> None:
    path = _file(tmp_path, problems=False)
    monkeypatch.setattr(staging_worker.sys, "executable", "/bin/false")  # starts, and ends without answering
    problems, staged, count = _read(book, path)
    assert problems == [] and count == ROWS and len(staged) == ROWS
    assert len(workers) == 1 and workers[0].process.poll() is not None


def test_a_worker_that_dies_fails_the_check_instead_of_losing_rows(book, tmp_path, workers) -> None:
    path = _file(tmp_path, problems=False)

    def killed(line: int) -> bool:
        if workers and line == 2_000:
            workers[0].process.kill()
            workers[0].process.wait()
        return True

    plan = plan_import(book, path, progress=killed)
    assert not plan.accepted and len(plan.figures) == 0
    (problem,) = plan.problems
    assert problem.line == 0 and str(problem).startswith("the file could not be checked (the staging process ended")
    assert workers[0].process.poll() is not None


@pytest.mark.parametrize(
    ("failure", "sentence"),
    [
        (sqlite3.OperationalError("database or disk is full"), "the temporary folder's disk is full"),
        (OSError(28, "No space left on device"), "the temporary folder's disk is full"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "the temporary folder is read-only"),
        (PermissionError(13, "Permission denied"), "the temporary folder is read-only"),
    ],
)
def test_a_staging_file_that_cannot_be_written_is_a_sentence(book, tmp_path, monkeypatch, failure, sentence) -> None:
    """The check sets its rows aside in a temporary file; when that fails the file is refused, never a traceback,
    and the user's database is not touched."""
    def failing(self, rows) -> None:  # type: ignore[no-untyped-def]
        raise failure

    monkeypatch.setattr(staging.Staging, "add", failing)
    store = tmp_path / "user" / "imported.sqlite"
    before = store.read_bytes() if store.exists() else None
    plan = plan_import(book, _file(tmp_path, problems=False))
    assert not plan.accepted and [str(p) for p in plan.problems] == [f"the file could not be checked: {sentence}"]
    assert (store.read_bytes() if store.exists() else None) == before


def test_a_cancelled_check_ends_its_worker(book, tmp_path, workers) -> None:
    with pytest.raises(ImportCancelled):
        plan_import(book, _file(tmp_path, problems=False), progress=lambda line: line < 2_000)
    assert len(workers) == 1 and workers[0].process.poll() is not None


def test_a_worker_is_started_only_when_a_core_has_been_free_for_it(monkeypatch) -> None:
    monkeypatch.setattr(staging_worker.os, "cpu_count", lambda: 2)
    now: list[staging_worker.CpuSample] = [(1_100, 2_200)]
    monkeypatch.setattr(staging_worker, "cpu_sample", lambda: now[0])
    assert staging_worker.workers_allowed((1_000, 2_000))  # of 200 ticks on two cores, 100 idle: one core free
    assert not staging_worker.workers_allowed((1_090, 2_000))  # 10 idle: the other core is busy
    now[0] = None  # no /proc/stat: any machine of two cores
    assert staging_worker.workers_allowed((1_000, 2_000)) and staging_worker.workers_allowed(None)
    monkeypatch.setattr(staging_worker.os, "cpu_count", lambda: 1)
    assert not staging_worker.workers_allowed(None)
    monkeypatch.setattr(staging_worker.sys, "frozen", True, raising=False)  # the app itself would start
    monkeypatch.setattr(staging_worker.os, "cpu_count", lambda: 8)
    assert not staging_worker.workers_allowed(None)
