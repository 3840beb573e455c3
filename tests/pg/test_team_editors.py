"""Editors import into a team database: who and when is recorded, batches stay removable, two editors at
once both land or are refused cleanly, and a reader is told in a sentence that it may not import."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from jinshan_desktop.cli import main
from jinshan_desktop.data.importing import ImportPlan, StoreWriteError, plan_import
from jinshan_desktop.data.importing.team import apply_team_import, list_team_batches, remove_team_batch
from jinshan_desktop.data.queries import FactBook, open_fact_book
from tests.data.test_importing import GOOD, HEADER
from tests.pg.conftest import editor_url, reader_url
from tests.pg.server import PostgresServer

OTHER = (
    HEADER
    + ",Rural revitalization,Richer farmers,"
    + "Per capita disposable income of rural residents,2021,35000,yuan,yb-2022,t3\n"
)


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _figures(book: FactBook) -> list[tuple[str, str, str]]:
    return sorted((row.indicator_id, row.period_label, row.source_id) for row in book.observations())


def test_an_editor_imports_and_the_batch_says_who_and_when(
    pg_server: PostgresServer, pg_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = editor_url(pg_server, pg_database)
    assert main(["--db", url, "import", str(_file(tmp_path, "in.csv", GOOD))]) == 0
    assert "a-secret" not in capsys.readouterr().out
    reader = open_fact_book(reader_url(pg_server, pg_database))
    try:
        (batch,) = list_team_batches(reader)
        assert (batch.imported_by, batch.row_count, batch.imported_at[:2]) == ("editor_a", 2, "20")
        assert [point.label for point in reader.chart_for("rural-income-2019").points] == ["2018", "2019", "2020"]
        with pytest.raises(StoreWriteError, match="may read this team database but not add to it"):
            remove_team_batch(reader, batch.id)
        editor = open_fact_book(editor_url(pg_server, pg_database, "editor_b"))
        assert remove_team_batch(editor, batch.id) == 2  # any editor may take a batch out again
        editor.close()
        assert [row for row in reader.observations() if row.batch_id is not None] == []
    finally:
        reader.close()


def _at_once(books: list[FactBook], plans: list[ImportPlan]) -> list[int | StoreWriteError]:
    start = threading.Barrier(len(books))
    results: list[int | StoreWriteError] = [0] * len(books)

    def run(index: int) -> None:
        start.wait()
        try:
            results[index] = apply_team_import(plans[index], books[index])
        except StoreWriteError as error:
            results[index] = error

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(books))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def two_editors(pg_server: PostgresServer, pg_database: str):  # type: ignore[no-untyped-def]
    books = [open_fact_book(editor_url(pg_server, pg_database, name)) for name in ("editor_a", "editor_b")]
    yield books
    for book in books:
        book.close()


def test_two_editors_importing_the_same_figures_at_once_land_them_once(
    two_editors: list[FactBook], tmp_path: Path
) -> None:
    before = _figures(two_editors[0])
    plans = [plan_import(book, _file(tmp_path, f"{index}.csv", GOOD)) for index, book in enumerate(two_editors)]
    assert all(plan.accepted and len(plan.figures) == 2 for plan in plans)  # each checked before the other wrote
    results = _at_once(two_editors, plans)
    landed = [result for result in results if isinstance(result, int)]
    refused = [result for result in results if isinstance(result, StoreWriteError)]
    assert len(landed) == 1 and len(refused) == 1
    assert "another editor has just added" in str(refused[0])
    after = _figures(two_editors[0])
    assert len(after) == len(before) + 2 and len(set(after)) == len(after)
    assert [batch.row_count for batch in list_team_batches(two_editors[1])] == [2]


def test_two_editors_importing_different_figures_at_once_both_land(two_editors: list[FactBook], tmp_path: Path) -> None:
    before = len(_figures(two_editors[0]))
    texts = [GOOD, OTHER]
    plans = [plan_import(book, _file(tmp_path, f"{i}.csv", texts[i])) for i, book in enumerate(two_editors)]
    results = _at_once(two_editors, plans)
    assert all(isinstance(result, int) for result in results), results
    assert len(_figures(two_editors[0])) == before + 3
    batches = list_team_batches(two_editors[0])
    assert sorted(batch.imported_by or "" for batch in batches) == ["editor_a", "editor_b"]
    positions = [row.id for row in two_editors[0].observations() if row.batch_id is not None]
    assert len(positions) == 3


def test_a_reader_may_browse_and_export_but_is_told_it_may_not_import(
    pg_server: PostgresServer, pg_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = reader_url(pg_server, pg_database)
    reader = open_fact_book(url)
    count = len(reader.observations())
    plan = plan_import(reader, _file(tmp_path, "in.csv", GOOD))
    assert plan.accepted
    with pytest.raises(StoreWriteError, match=r"user reader may read .* grant-editor reader"):
        apply_team_import(plan, reader)
    assert len(reader.observations()) == count and list_team_batches(reader) == []
    reader.close()
    assert main(["--db", url, "import", str(_file(tmp_path, "again.csv", GOOD))]) == 2
    error = capsys.readouterr().err
    assert "Nothing was imported" in error and "Traceback" not in error and "r-secret" not in error
    assert main(["--db", url, "export", "--out", str(tmp_path / "out")]) == 0
