"""The importer: all-or-nothing, every failure a report line, the user database untouched by a refused file."""

import hashlib
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jinshan_desktop.data import importing, tables
from jinshan_desktop.data.exporting import export_all
from jinshan_desktop.data.importing import (
    PROGRESS_ROWS,
    ImportCancelled,
    ImportPlan,
    StoreWriteError,
    apply_import,
    lines_in_file,
    list_batches,
    plan_import,
    plan_import_bytes,
    remove_batch,
)
from jinshan_desktop.data.queries import FactBook, open_fact_book
from jinshan_desktop.data.user_store import USER_SCHEMA_VERSION, create_user_store, prepare_user_store

HEADER = "id,theme,topic,indicator,period,value,unit,source,locator\n"
GOOD = (
    HEADER
    + ",Rural revitalization,Richer farmers,"
    + "Per capita disposable income of rural residents,2020,33000,yuan,yb-2021,t3\n"
    + ",制造业,产业转型,Total industrial output (annual),2020,1500.5,十亿元,yb-2021,t1\n"
)


@pytest.fixture
def layered(database: Path, tmp_path: Path):
    store = tmp_path / "user" / "imported.sqlite"
    fact_book = open_fact_book(database, user_store=store)
    yield fact_book, store
    fact_book.close()


def _write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "in.csv"
    path.write_bytes(text.encode(encoding))
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


def test_a_clean_file_is_previewed_then_applied_as_one_batch(layered, tmp_path: Path) -> None:
    book, store = layered
    plan = plan_import(book, _write(tmp_path, GOOD))
    assert plan.accepted and plan.encoding == "UTF-8"
    assert len(plan.figures) == 2 and [i.name_en for i in plan.new_indicators] == ["Total industrial output (annual)"]
    assert [s.id for s in plan.new_sources] == ["yb-2021"]
    assert not store.exists()  # a preview writes nothing
    batch = apply_import(plan, store)
    assert [(b.id, b.row_count) for b in list_batches(store)] == [(batch, 2)]
    chart = book.chart_for("rural-income-2019")
    assert [point.label for point in chart.points] == ["2018", "2019", "2020"]
    added = [row for row in book.observations("rural") if row.batch_id == batch]
    assert [row.value_text for row in added] == ["33,000 yuan"]
    assert remove_batch(store, batch) == 2
    assert [row for row in book.observations() if row.batch_id is not None] == []
    assert "yb-2021" not in {source.id for source in book.sources()}


def test_bad_rows_are_all_reported_with_line_and_reason_and_nothing_is_written(layered, tmp_path: Path) -> None:
    book, store = layered
    text = (
        HEADER
        + ",Nowhere,x,Y,2020,1,yuan,s,p\n"
        + ",Manufacturing,Industrial transformation,Z,2020,lots,yuan,s,p\n"
        + ",Manufacturing,Industrial transformation,Z,sometime,1,yuan,s,p\n"
        + ",Manufacturing,Industrial transformation,Z,2020,1,yuan,,p\n"
        + ",Manufacturing,Industrial transformation,Z,2020,1,parsecs,s,p\n"
    )
    plan = plan_import(book, _write(tmp_path, text))
    assert not plan.accepted
    reasons = [str(problem) for problem in plan.problems]
    assert reasons == [
        "line 2: unknown theme 'Nowhere'",
        "line 3: the value 'lots' is not a number",
        "line 4: the period 'sometime' is not understood (give a year or a period_kind)",
        "line 5: the source is missing",
        "line 6: unknown unit 'parsecs'",
    ]
    with pytest.raises(ValueError):
        apply_import(plan, store)
    assert not store.exists()


def test_gb18030_is_read_and_named(layered, tmp_path: Path) -> None:
    book, _ = layered
    plan = plan_import(book, _write(tmp_path, GOOD, "gb18030"))
    assert plan.accepted and plan.encoding == "GB18030"
    plan = plan_import(book, _write(tmp_path, "\ufeff" + GOOD))
    assert plan.encoding == "UTF-8 with BOM"


def test_conflicts_are_listed_and_left_out(layered, tmp_path: Path) -> None:
    book, _ = layered
    text = HEADER + (
        "rural-income-2019,Rural revitalization,Richer farmers,"
        "Per capita disposable income of rural residents,2019,40000,yuan,briefing-2020-09-10,¶15\n"
    )
    plan = plan_import(book, _write(tmp_path, text))
    assert plan.accepted and plan.figures == [] and len(plan.conflicts) == 1
    assert "conflicts with rural-income-2019 = 31336.0" in str(plan.conflicts[0])


def test_a_failed_write_keeps_nothing(layered, tmp_path: Path, monkeypatch) -> None:
    book, store = layered
    create_user_store(store)
    plan = plan_import(book, _write(tmp_path, GOOD))
    second = plan.figures[1].observation
    connection = sqlite3.connect(store)  # after the check, a figure with the id of the second one appears
    connection.execute(
        "INSERT INTO observations (id, indicator_id, period_label, period_kind, value, decimals, provisional, derived,"
        " source_id, locator, headline, position, theme_id, topic_id) VALUES (?, 'x', 'p', 'year', 1, 0, 0, 0, 's',"
        " 'l', 0, 0, 't', 't')",
        (second.id,),
    )
    connection.commit()
    connection.close()
    before = _digest(store)
    with pytest.raises(StoreWriteError, match="Nothing was imported"):  # the transaction fails half-way
        apply_import(plan, store)
    assert _digest(store) == before and list_batches(store) == []


def test_round_trip_export_import_export_gives_identical_files(layered, database: Path, tmp_path: Path) -> None:
    book, store = layered
    apply_import(plan_import(book, _write(tmp_path, GOOD)), store)
    export_all(book, tmp_path / "first")
    fresh_store = tmp_path / "fresh" / "imported.sqlite"
    fresh = open_fact_book(database, user_store=fresh_store)
    plan = plan_import(fresh, tmp_path / "first" / "observations.csv")
    assert plan.accepted and len(plan.figures) == 2 and plan.already_present == len(book.observations()) - 2
    apply_import(plan, fresh_store)
    export_all(fresh, tmp_path / "second")
    for name in ("observations.csv", "facts.csv", "entities.csv", "sources.csv"):
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes(), name
    fresh.close()


def test_an_older_user_database_is_migrated_after_a_backup(tmp_path: Path) -> None:
    store = tmp_path / "imported.sqlite"
    create_user_store(store)
    connection = sqlite3.connect(store)
    connection.execute("DROP INDEX uq_observation_identity")  # version 1 had neither identity index
    connection.execute("ALTER TABLE batches DROP COLUMN imported_by")  # what version 4 added
    _drop_quantity_columns(connection)
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    notice = prepare_user_store(store)
    assert notice is not None and notice.kept.exists() and str(notice.kept) in notice.message
    connection = sqlite3.connect(store)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == USER_SCHEMA_VERSION
    assert _identity_indexes(connection) == ["uq_observation_identity"]
    assert "imported_by" in {row[1] for row in connection.execute("PRAGMA table_info(batches)")}
    connection.close()
    assert list_batches(store) == []


def _identity_indexes(connection: sqlite3.Connection) -> list[str]:
    query = "SELECT name FROM sqlite_master WHERE name IN ('ix_observation_identity', 'uq_observation_identity')"
    return sorted(name for (name,) in connection.execute(query))


def _version_4_store(store: Path, unique_index: bool) -> sqlite3.Connection:
    """A version-4 user database: the plain identity index beside the unique one (or, older, alone)."""
    create_user_store(store)
    connection = sqlite3.connect(store)
    if not unique_index:
        connection.execute("DROP INDEX uq_observation_identity")
    connection.execute("CREATE INDEX ix_observation_identity ON observations (indicator_id, period_label, source_id)")
    connection.execute("PRAGMA user_version = 4")
    return connection


@pytest.mark.parametrize("unique_index", [True, False])
def test_a_version_4_user_database_keeps_one_identity_index_the_unique_one(
    layered, tmp_path: Path, unique_index: bool
) -> None:
    book, store = layered
    apply_import(plan_import(book, _write(tmp_path, GOOD)), store)
    before = sqlite3.connect(store).execute("SELECT * FROM observations ORDER BY id").fetchall()
    store.unlink()
    connection = _version_4_store(store, unique_index)
    connection.executemany(f"INSERT INTO observations VALUES ({', '.join('?' * len(before[0]))})", before)
    connection.commit()
    connection.close()
    assert prepare_user_store(store) is not None
    connection = sqlite3.connect(store)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == USER_SCHEMA_VERSION
    assert _identity_indexes(connection) == ["uq_observation_identity"]
    assert connection.execute("SELECT * FROM observations ORDER BY id").fetchall() == before
    connection.close()


def test_a_version_4_user_database_whose_figures_repeat_a_key_keeps_its_plain_index(tmp_path: Path) -> None:
    store = tmp_path / "imported.sqlite"
    connection = _version_4_store(store, unique_index=False)
    for figure_id in ("a", "b"):  # the same indicator, period and source twice: no unique index can hold them
        connection.execute(
            "INSERT INTO observations (id, indicator_id, period_label, period_kind, value, decimals, provisional,"
            " derived, source_id, locator, headline, position, theme_id, topic_id) VALUES (?, 'x', 'p', 'year', 1,"
            " 0, 0, 0, 's', 'l', 0, 0, 't', 't')",
            (figure_id,),
        )
    connection.commit()
    connection.close()
    assert prepare_user_store(store) is not None
    connection = sqlite3.connect(store)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == USER_SCHEMA_VERSION
    assert _identity_indexes(connection) == ["ix_observation_identity"]
    assert connection.execute("SELECT count(*) FROM observations").fetchone() == (2,)
    connection.close()


def test_a_version_5_user_database_loses_only_the_indicator_index_its_identity_index_covers(
    layered, tmp_path: Path
) -> None:
    book, store = layered
    apply_import(plan_import(book, _write(tmp_path, GOOD)), store)
    connection = sqlite3.connect(store)
    indexes = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "ix_observations_indicator_id" not in indexes  # a new store is made without it
    connection.execute("CREATE INDEX ix_observations_indicator_id ON observations (indicator_id)")
    connection.execute("PRAGMA user_version = 5")
    figures = connection.execute("SELECT * FROM observations ORDER BY id").fetchall()
    connection.commit()
    connection.close()
    assert prepare_user_store(store) is not None
    connection = sqlite3.connect(store)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == USER_SCHEMA_VERSION == 6
    after = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert after == indexes and connection.execute("SELECT * FROM observations ORDER BY id").fetchall() == figures
    plan = connection.execute("EXPLAIN QUERY PLAN SELECT id FROM observations WHERE indicator_id = 'x'").fetchall()
    assert "uq_observation_identity" in str(plan)  # its lookups read the identity index
    connection.close()


def _drop_quantity_columns(connection: sqlite3.Connection) -> None:
    """A version-2 layout: without the quantity model's columns."""
    connection.execute("DROP INDEX ix_indicators_batch_id")  # re-created below: DROP COLUMN keeps other indexes
    connection.execute("ALTER TABLE indicators DROP COLUMN measure")
    connection.execute("CREATE INDEX ix_indicators_batch_id ON indicators (batch_id)")
    for column in ("dimension_rank", "value_base", "precision", "part_of", "planned"):
        for (index,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql LIKE ?",
            (f"%{column}%",),
        ).fetchall():
            connection.execute(f"DROP INDEX {index}")
        connection.execute(f"ALTER TABLE observations DROP COLUMN {column}")


def test_a_version_2_user_database_gets_base_values_from_the_bundled_one(layered, tmp_path: Path) -> None:
    book, store = layered
    assert apply_import(plan_import(book, _write(tmp_path, GOOD)), store)
    connection = sqlite3.connect(store)
    connection.execute("ALTER TABLE batches DROP COLUMN imported_by")
    _drop_quantity_columns(connection)
    connection.execute("PRAGMA user_version = 2")
    connection.commit()
    connection.close()
    assert prepare_user_store(store, book.path) is not None
    connection = sqlite3.connect(store)
    rows = connection.execute("SELECT value, value_base, dimension_rank FROM observations").fetchall()
    connection.close()
    money = tables.DIMENSIONS.index("CNY")
    assert sorted(rows) == [(1500.5, 1500.5e9, money), (33000.0, 33000.0, money)]


CSV_CELLS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30) | st.sampled_from(
    ["=1+1", "@SUM(A1)", "-2", "'; DROP TABLE observations; --", "Manufacturing", "2020", "yuan", "x" * 20_000]
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    payload=st.one_of(
        st.binary(max_size=2_000),
        st.lists(st.lists(CSV_CELLS, min_size=1, max_size=12), min_size=1, max_size=6).map(
            lambda rows: "\n".join(",".join(row) for row in rows).encode("utf-8")
        ),
        st.lists(CSV_CELLS, min_size=1, max_size=5).map(lambda cells: (HEADER + ",".join(cells)).encode("utf-16")),
    )
)
def test_any_bytes_give_a_report_never_a_crash_and_change_nothing(layered, payload: bytes) -> None:
    book, store = layered
    before = _digest(store)
    plan = plan_import_bytes(book, payload, ImportPlan("fuzz.csv"))
    assert plan.accepted or all(str(problem) for problem in plan.problems)
    assert plan.summary()
    assert _digest(store) == before


def test_fact_book_reads_are_unchanged_by_an_empty_user_store(layered, book: FactBook) -> None:
    layered_book, store = layered
    create_user_store(store)
    assert [r.id for r in layered_book.observations()] == [r.id for r in book.observations()]


def _many_rows(count: int) -> str:
    return HEADER + "".join(
        f",Manufacturing,Industrial transformation,Test indicator {n},2020,{n},yuan,yb-2021,t{n}\n"
        for n in range(count)
    )


def test_a_cancelled_check_ends_with_nothing_planned(layered, tmp_path: Path) -> None:
    book, store = layered
    path = _write(tmp_path, _many_rows(3 * PROGRESS_ROWS))
    assert lines_in_file(path) == 1 + 3 * PROGRESS_ROWS
    seen: list[int] = []
    with pytest.raises(ImportCancelled, match="cancelled while checking"):
        plan_import(book, path, lambda lines: seen.append(lines) or len(seen) < 2)
    assert seen == [PROGRESS_ROWS, 2 * PROGRESS_ROWS] and not store.exists()


def test_a_cancelled_import_leaves_the_user_database_as_it_was(layered, tmp_path: Path) -> None:
    book, store = layered
    apply_import(plan_import(book, _write(tmp_path, GOOD)), store)  # an earlier batch that must survive
    before = _digest(store)
    plan = plan_import(book, _write(tmp_path, _many_rows(3 * PROGRESS_ROWS)))
    assert plan.accepted and len(plan.figures) == 3 * PROGRESS_ROWS
    written: list[int] = []
    with pytest.raises(ImportCancelled, match="nothing was imported"):
        apply_import(plan, store, lambda rows: written.append(rows) or rows < 2 * PROGRESS_ROWS)
    assert written == [PROGRESS_ROWS, 2 * PROGRESS_ROWS]  # it had written figures when it was cancelled
    assert _digest(store) == before and len(list_batches(store)) == 1
    apply_import(plan_import(book, _write(tmp_path, _many_rows(3 * PROGRESS_ROWS))), store)  # and can be done again
    assert [batch.row_count for batch in list_batches(store)] == [2, 3 * PROGRESS_ROWS]


def test_a_file_over_the_size_limit_is_refused_after_reading_only_the_limit(
    layered, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book, store = layered
    path = _write(tmp_path, _many_rows(50))
    limit = len(GOOD.encode())
    monkeypatch.setattr(importing.reading, "MAX_FILE_BYTES", limit)
    plan = plan_import(book, path)
    assert not plan.accepted and "larger than" in plan.summary()[1] and not store.exists()
    assert lines_in_file(path) == path.read_bytes()[: limit + 1].count(b"\n") < 51
