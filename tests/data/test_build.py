import shutil
import sqlite3
from pathlib import Path

import pytest

from jinshan_desktop.data import tables
from jinshan_desktop.data.build import BuildError, build_database
from jinshan_desktop.data.build_cache import ensure_built, source_fingerprint
from tests.conftest import DB_SOURCE


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    build_database(DB_SOURCE, tmp_path / "a.sqlite")
    build_database(DB_SOURCE, tmp_path / "b.sqlite")
    assert (tmp_path / "a.sqlite").read_bytes() == (tmp_path / "b.sqlite").read_bytes()


def test_built_file_is_ready_for_read_only_use(built_database: Path) -> None:
    connection = sqlite3.connect(built_database)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == tables.SCHEMA_REVISION
        counts = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("observations", "facts", "sources", "entities", "themes", "topics")
        }
    finally:
        connection.close()
    assert counts["themes"] == 5 and counts["topics"] == 14
    assert counts["observations"] >= 80 and counts["facts"] >= 25


def _copy_sources(tmp_path: Path) -> Path:
    folder = tmp_path / "db"
    shutil.copytree(DB_SOURCE, folder)
    return folder


def test_a_bad_row_names_file_and_line_and_leaves_the_old_database(tmp_path: Path) -> None:
    folder = _copy_sources(tmp_path)
    target = tmp_path / "out.sqlite"
    build_database(folder, target)
    before = target.read_bytes()
    lines = (folder / "observations.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",year,", ",decade,", 1)
    (folder / "observations.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"observations.csv line 4: period kind 'decade'"):
        build_database(folder, target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".building")] == []


def test_a_derived_figure_that_does_not_match_its_formula_is_refused(tmp_path: Path) -> None:
    folder = _copy_sources(tmp_path)
    text = (folder / "observations.csv").read_text(encoding="utf-8")
    (folder / "observations.csv").write_text(text.replace(",28617,", ",28600,"), encoding="utf-8")
    with pytest.raises(BuildError, match="the formula gives"):
        build_database(folder, tmp_path / "out.sqlite")


def test_unknown_references_are_refused(tmp_path: Path) -> None:
    folder = _copy_sources(tmp_path)
    text = (folder / "facts.csv").read_text(encoding="utf-8")
    (folder / "facts.csv").write_text(text.replace(",economy,location,", ",nowhere,location,"), encoding="utf-8")
    with pytest.raises(BuildError, match=r"topic 'nowhere' is not in topics\.csv"):
        build_database(folder, tmp_path / "out.sqlite")


def test_ensure_built_builds_once_and_fingerprint_follows_the_files(tmp_path: Path) -> None:
    folder = _copy_sources(tmp_path)
    target = tmp_path / "cache" / "fact-book.sqlite"
    ensure_built(folder, target)
    stamp = target.stat().st_mtime_ns
    ensure_built(folder, target)
    assert target.stat().st_mtime_ns == stamp
    before = source_fingerprint(folder)
    with (folder / "facts.csv").open("a", encoding="utf-8") as handle:
        handle.write("extra,economy,event,,briefing-2020-09-10,¶5,Another fact.\n")
    assert source_fingerprint(folder) != before


@pytest.mark.parametrize(
    "spoil",
    [
        lambda path: path.write_bytes(b""),
        lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]),
        lambda path: path.write_bytes(b"garbage" * 1000),
        lambda path: _damage_pages(path),
    ],
    ids=["empty", "truncated", "garbage", "damaged-pages"],
)
def test_a_damaged_cached_build_is_built_again(tmp_path: Path, spoil) -> None:
    from jinshan_desktop.data.queries import open_fact_book

    folder = _copy_sources(tmp_path)
    target = tmp_path / "cache" / "fact-book.sqlite"
    ensure_built(folder, target)
    good = target.read_bytes()
    spoil(target)
    assert target.read_bytes() != good
    ensure_built(folder, target)
    with open_fact_book(target) as book:  # the next start works
        assert book.observations()
    assert target.read_bytes() == good  # the build is deterministic: the same file again


def _damage_pages(path: Path) -> None:
    from tests.conftest import damage_index

    damage_index(path, "ix_page_theme_value")
