"""The per-user database survives a kill during an import, and a file that is not ours is set aside once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from jinshan_desktop.data.importing import apply_import, plan_import, writing
from jinshan_desktop.data.queries import open_fact_book
from jinshan_desktop.data.user_store import USER_SCHEMA_VERSION, create_user_store

FIGURES = 30_000


def _big_file(path: Path, count: int = FIGURES, name: str = "Kill test output") -> Path:
    lines = ["theme,topic,indicator,period,period_kind,value,unit,source,locator"]
    row = "Manufacturing,Industrial transformation,{name},day {i},day,{i}.5,yuan,kill-src,p1"
    lines += [row.format(name=name, i=i) for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _indexes(store: Path) -> set[str]:
    connection = sqlite3.connect(store)
    try:
        return {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        connection.close()


def _figures(store: Path) -> set[tuple[str, float]]:
    if not store.exists():
        return set()
    connection = sqlite3.connect(store)
    try:
        return set(connection.execute("SELECT id, value FROM observations"))
    finally:
        connection.close()


CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from jinshan_desktop.data.importing import apply_import, plan_import, writing
    from jinshan_desktop.data.queries import open_fact_book
    writing.LARGE_BATCH = 1_000  # so that the batch drops and rebuilds the indexes inside its transaction too
    database, store, csv_file, kill_at = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
    book = open_fact_book(database, user_store=store)
    plan = plan_import(book, csv_file)
    assert plan.accepted, plan.summary()
    def progress(done):
        if done >= kill_at:
            print("written", done, flush=True)
            time.sleep(60)  # the parent kills us here, mid-transaction
        return True
    print("start", flush=True)
    apply_import(plan, store, progress)
    print("committed", flush=True)
    time.sleep(60)
    """
)


@pytest.mark.parametrize("kill_at", [1_000, 15_000, FIGURES, FIGURES + 1])
def test_a_kill_during_an_import_leaves_before_or_after_and_the_next_start_works(
    database: Path, tmp_path: Path, kill_at: int
) -> None:
    store = tmp_path / "user" / "imported.sqlite"
    with open_fact_book(database, user_store=store) as book:  # a first, small batch that must survive
        apply_import(plan_import(book, _big_file(tmp_path / "first.csv", 50, "Kept output")), store)
    before, indexes = _figures(store), _indexes(store)
    csv_file = _big_file(tmp_path / "big.csv")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(database), str(store), str(csv_file), str(kill_at)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    awaited = "committed" if kill_at > FIGURES else "written"
    for line in child.stdout:
        if line.startswith(awaited):
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    with open_fact_book(database, user_store=store) as book:  # the next start
        assert book.user_store_notice is None
        shown = {row.id for row in book.observations() if row.batch_id is not None}
        after = _figures(store)
        assert after == before if kill_at <= FIGURES else len(after) == len(before) + FIGURES
        assert shown == {figure_id for figure_id, _ in after}
        assert _indexes(store) == indexes  # dropped for the batch, and back whether it was committed or not
        again = plan_import(book, _big_file(tmp_path / "again.csv", 10, "Later output"))
        apply_import(again, store)  # and importing works again
    assert len(_figures(store)) == len(after) + 10


def test_a_hot_rollback_journal_is_rolled_back_on_open(database: Path, tmp_path: Path) -> None:
    """A store in the old journal mode, killed while writing: readers opened it read-only and failed for ever."""
    store = tmp_path / "imported.sqlite"
    create_user_store(store)
    with open_fact_book(database, user_store=store) as book:
        apply_import(plan_import(book, _big_file(tmp_path / "first.csv", 20, "Kept output")), store)
    before = _figures(store)
    script = textwrap.dedent(
        f"""
        import os, signal, sqlite3
        c = sqlite3.connect({str(store)!r}, isolation_level=None)
        c.execute("PRAGMA journal_mode = DELETE")
        c.execute("PRAGMA cache_size = 1")
        c.execute("BEGIN")
        c.execute("DELETE FROM observations")
        c.executemany("INSERT INTO batches (file_name, imported_at, encoding, row_count) VALUES (?, '', '', 0)",
                      [(str(i) * 200,) for i in range(20000)])
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    subprocess.run([sys.executable, "-c", script], check=False)
    assert store.with_name(store.name + "-journal").exists()
    with open_fact_book(database, user_store=store) as book:
        assert len([row for row in book.observations() if row.batch_id is not None]) == 20
    assert _figures(store) == before


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _garbage(path: Path) -> None:
    path.write_bytes(b"not a database at all " * 200)


def _foreign(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE bookmarks (url TEXT)")
    connection.commit()
    connection.close()


def _missing_table(path: Path) -> None:
    create_user_store(path)
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE indicators")
    connection.commit()
    connection.close()


def _newer(path: Path) -> None:
    create_user_store(path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()


@pytest.mark.parametrize("spoil", [_empty, _garbage, _foreign, _missing_table, _newer])
def test_a_store_that_is_not_ours_is_set_aside_once_and_a_fresh_one_started(
    database: Path, tmp_path: Path, spoil
) -> None:
    store = tmp_path / "user" / "imported-figures.sqlite"
    store.parent.mkdir()
    spoil(store)
    original = store.read_bytes()
    with open_fact_book(database, user_store=store) as book:
        notice = book.user_store_notice
        assert notice is not None and "kept as" in notice
        assert book.observations()  # the window's first read works
        apply_import(plan_import(book, _big_file(tmp_path / "f.csv", 3)), store)
    kept = [path for path in store.parent.iterdir() if ".set-aside-" in path.name and path.suffix == ".sqlite"]
    assert len(kept) == 1 and kept[0].read_bytes() == original and str(kept[0]) in notice
    for _ in range(3):  # later launches set nothing aside again
        with open_fact_book(database, user_store=store) as book:
            assert book.user_store_notice is None
            assert len([row for row in book.observations() if row.batch_id is not None]) == 3
    assert len([path for path in store.parent.iterdir() if path.suffix == ".sqlite"]) == 2
    with sqlite3.connect(store) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == USER_SCHEMA_VERSION


def test_a_bad_user_store_gives_the_cli_a_sentence_not_a_traceback(database: Path, tmp_path: Path) -> None:
    store = tmp_path / "imported.sqlite"
    _empty(store)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "jinshan_desktop",
            "--db",
            str(database),
            "--user-db",
            str(store),
            "export",
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "kept as" in result.stderr


def test_a_database_missing_a_table_is_refused_with_a_sentence(database: Path, tmp_path: Path) -> None:
    connection = sqlite3.connect(database)
    connection.execute("DROP TABLE facts")
    connection.commit()
    connection.close()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "jinshan_desktop",
            "--db",
            str(database),
            "--user-db",
            str(tmp_path / "u.sqlite"),
            "--smoke",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 2
    assert "no table facts" in result.stderr and "Traceback" not in result.stderr


def test_a_locked_or_read_only_user_store_gives_a_sentence_not_sql(database: Path, tmp_path: Path, monkeypatch) -> None:
    from jinshan_desktop.data.importing import StoreWriteError, writing
    from jinshan_desktop.data.user_store import store_reason

    monkeypatch.setattr(writing, "BUSY_SECONDS", 0.2)
    store = tmp_path / "imported.sqlite"
    create_user_store(store)
    with open_fact_book(database, user_store=store) as book:
        plan = plan_import(book, _big_file(tmp_path / "f.csv", 3))
    holder = sqlite3.connect(store, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing
    try:
        with pytest.raises(StoreWriteError) as raised:
            apply_import(plan, store)
        with pytest.raises(StoreWriteError) as removing:
            writing.remove_batch(store, 1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    for error in (raised.value, removing.value):
        assert "being written by another program" in str(error) and "[SQL" not in str(error)
    read_only = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as refused:
        read_only.execute("DELETE FROM batches")
    read_only.close()
    assert "cannot be written: the file or its folder is read-only" in store_reason(store, refused.value)


def test_a_large_batch_keeps_its_one_key_indexes_rebuilds_the_rest_and_leaves_every_index_whole(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writing, "LARGE_BATCH", 1_000)
    dropped: list[str] = []
    drop = writing._drop_indexes_for_a_large_batch
    monkeypatch.setattr(writing, "_drop_indexes_for_a_large_batch", lambda *a: dropped.extend(drop(*a)) or dropped)
    store = tmp_path / "user" / "imported.sqlite"
    with open_fact_book(database, user_store=store) as book:
        apply_import(plan_import(book, _big_file(tmp_path / "big.csv", 5_000)), store)
    assert len(dropped) >= 5 and not any(f'"{name}"' in sql or f" {name} " in sql for sql in dropped
                                         for name in writing.KEPT_WHILE_COPYING)  # fmt: skip
    assert set(writing.KEPT_WHILE_COPYING) <= _indexes(store)
    connection = sqlite3.connect(store)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]  # each index holds every row
        (batch,) = connection.execute("SELECT max(id) FROM batches").fetchone()
        plan = connection.execute("EXPLAIN QUERY PLAN SELECT count(*) FROM observations WHERE batch_id = ?", (batch,))
        assert "ix_observations_batch_id" in str(plan.fetchall())
        counted = connection.execute("SELECT count(*) FROM observations WHERE batch_id = ?", (batch,)).fetchone()
        assert counted == (5_000,)
    finally:
        connection.close()
