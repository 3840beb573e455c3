"""A team fact book on PostgreSQL reads as the same file does: open, browse, sort, filter, search, export;
publish and snapshot round-trip the figures byte for byte."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jinshan_desktop.cli import main
from jinshan_desktop.data import exporting
from jinshan_desktop.data.exporting import export_all
from jinshan_desktop.data.queries import FactBook, TableQuery, open_fact_book
from tests.pg.conftest import editor_url, reader_url
from tests.pg.server import PostgresServer

QUERIES = [
    TableQuery("manufacturing"),
    TableQuery("manufacturing", sort="value", descending=True),
    TableQuery("rural", sort="indicator"),
    TableQuery("public_services", sort="period"),
    TableQuery("regional", sort="source", descending=True),
    TableQuery("manufacturing", text="billion"),
    TableQuery("rural", text="2019"),
    TableQuery("manufacturing", text="和辉"),
]


@pytest.fixture
def team_book(pg_server: PostgresServer, pg_database: str) -> Iterator[FactBook]:
    book = open_fact_book(reader_url(pg_server, pg_database))
    yield book
    book.close()


def _exported(book: FactBook, folder: Path, language: str = "en") -> dict[str, bytes]:
    export_all(book.with_language(language), folder)
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_the_window_says_which_server_it_reads_without_the_password(
    pg_server: PostgresServer, pg_database: str, team_book: FactBook
) -> None:
    assert team_book.on_server and team_book.user_store is None
    assert str(team_book.path) == f"postgresql+psycopg://reader@127.0.0.1:{pg_server.port}/{pg_database}"


def test_a_team_database_reads_as_the_file_it_was_published_from(team_book: FactBook, book: FactBook) -> None:
    assert [t.id for t in team_book.themes()] == [t.id for t in book.themes()]
    assert team_book.info() == book.info()
    assert team_book.facts() == book.facts() and team_book.entities() == book.entities()
    assert team_book.sources() == book.sources()
    for query in QUERIES:
        count = book.count_observations(query)
        assert team_book.count_observations(query) == count, query
        assert team_book.observation_ids(query) == book.observation_ids(query), query
        assert team_book.observation_page(query, 3, 5) == book.observation_page(query, 3, 5), query
        last = book.observation_ids(query)[-1:]
        for target in last:
            assert team_book.row_of(query, target) == book.row_of(query, target)
    assert team_book.chart_for("rural-income-2019") == book.chart_for("rural-income-2019")


def test_search_finds_chinese_substrings_on_the_server_too(team_book: FactBook, book: FactBook) -> None:
    for text in ("everdisplay", "EverDisplay", "和辉光电", "東京", "100%", "2019", "'; DROP TABLE observations; --"):
        # Find takes any hundred figures, unordered (no sort of every match): the same set on both engines.
        assert set(team_book.search(text)) == set(book.search(text)), text
    assert {hit.kind for hit in team_book.search("和辉光电")} == {"entity", "figure"}


def test_exports_from_the_server_equal_the_files_byte_for_byte(
    team_book: FactBook, book: FactBook, tmp_path: Path
) -> None:
    for language in ("en", "zh_CN"):
        served = _exported(team_book, tmp_path / f"server-{language}", language)
        assert served == _exported(book, tmp_path / f"file-{language}", language)
        assert len(served) >= 5
    for number, query in enumerate(QUERIES):  # Export current table: the rows seen, in the order seen
        on_server, on_file = tmp_path / f"server-{number}.csv", tmp_path / f"file-{number}.csv"
        exporting.export_table(exporting.observations_table(team_book, query), on_server)
        exporting.export_table(exporting.observations_table(book, query), on_file)
        assert on_server.read_bytes() == on_file.read_bytes(), query


def test_a_snapshot_reads_offline_as_the_server_does(
    pg_server: PostgresServer, pg_database: str, team_book: FactBook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "factbook.sqlite"
    assert main(["snapshot", "--from", editor_url(pg_server, pg_database), "--out", str(out)]) == 0
    assert "a-secret" not in capsys.readouterr().out
    offline = open_fact_book(out)
    try:
        assert not offline.on_server
        assert _exported(offline, tmp_path / "offline") == _exported(team_book, tmp_path / "server")
        assert set(offline.search("和辉光电")) == set(team_book.search("和辉光电"))
    finally:
        offline.close()
    assert main(["--db", str(out), "export", "--out", str(tmp_path / "cli")]) == 0


def test_publishing_into_a_database_that_holds_figures_is_refused(
    pg_server: PostgresServer, pg_database: str, built_database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_server.url(pg_database)
    assert main(["db", "publish", "--db", url, "--from", str(built_database)]) == 2
    assert "already holds" in capsys.readouterr().err


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200) | st.sampled_from(["%", "_", "\\", "'; DROP TABLE observations; --", "x" * 5000]))
def test_search_and_filter_are_safe_for_any_text_on_the_server(team_book: FactBook, text: str) -> None:
    from jinshan_desktop.data.queries import MAX_PATTERN_CHARACTERS, PatternTooLong

    if len("".join(c for c in text if c.isprintable()).strip()) > MAX_PATTERN_CHARACTERS:
        with pytest.raises(PatternTooLong):  # refused with a sentence on the server too
            team_book.search(text)
        return
    for hit in team_book.search(text):
        assert hit.title
    assert team_book.count_observations(TableQuery("manufacturing", text=text)) >= 0


def test_a_snapshot_is_one_moment_of_the_database_while_an_editor_imports(
    pg_server: PostgresServer, pg_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jinshan_desktop.data import team_copy
    from jinshan_desktop.data.importing import plan_import
    from jinshan_desktop.data.importing.team import apply_team_import
    from tests.data.test_importing import GOOD

    editor = open_fact_book(editor_url(pg_server, pg_database))
    before = len(editor.observations())
    (tmp_path / "in.csv").write_text(GOOD, encoding="utf-8")
    plan = plan_import(editor, tmp_path / "in.csv")
    copy_rows = team_copy._rows_of

    def import_meanwhile(connection, name):  # type: ignore[no-untyped-def]
        if name == "observations":  # sources and indicators are copied already; the figures not yet
            apply_team_import(plan, editor)
        yield from copy_rows(connection, name)

    monkeypatch.setattr(team_copy, "_rows_of", import_meanwhile)
    out = tmp_path / "snapshot.sqlite"
    team_copy.snapshot(editor_url(pg_server, pg_database), out)
    assert len(editor.observations()) == before + 2  # the import landed on the server
    offline = open_fact_book(out)
    assert offline.info().observation_count == before  # and is wholly absent from the snapshot, taken before it
    assert "yb-2021" not in {source.id for source in offline.sources()}
    offline.close()
    editor.close()
