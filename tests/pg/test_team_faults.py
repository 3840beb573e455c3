"""Faults of a team database, each a sentence and never a traceback or a half-written file; Retry
(reconnect) reads again once the fault has passed. The server is really stopped, connections really cut."""

from __future__ import annotations

import functools
from pathlib import Path

import psycopg
import pytest

from jinshan_desktop.data import exporting
from jinshan_desktop.data.queries import FactBookError, PasswordNeeded, TableQuery, open_fact_book
from tests.pg.conftest import reader_url
from tests.pg.server import PostgresServer

QUERY = TableQuery("manufacturing")


def _cut_connections(server: PostgresServer, database: str) -> int:
    rows = server.admin(
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND usename = 'reader'"
    )
    return len(rows)


def test_a_stopped_server_is_a_sentence_and_retry_reads_again_once_it_is_back(
    pg_server: PostgresServer, pg_database: str
) -> None:
    book = open_fact_book(reader_url(pg_server, pg_database))
    count = book.count_observations(QUERY)
    pg_server.stop()
    try:
        with pytest.raises(FactBookError, match="does not answer: it may be down"):
            book.observation_page(QUERY, 0, 10)
        with pytest.raises(FactBookError, match="does not answer"):
            open_fact_book(reader_url(pg_server, pg_database))
    finally:
        pg_server.start()
    book.reconnect()
    assert book.count_observations(QUERY) == count
    book.close()


def test_a_connection_dropped_mid_scroll_is_replaced_before_the_next_page(
    pg_server: PostgresServer, pg_database: str
) -> None:
    book = open_fact_book(reader_url(pg_server, pg_database))
    first = book.observation_page(QUERY, 0, 10)
    assert _cut_connections(pg_server, pg_database) >= 1
    assert book.observation_page(QUERY, 0, 10) == first  # the pool checks a connection before lending it
    book.close()


def test_a_connection_dropped_mid_export_leaves_no_file_and_retry_exports(
    pg_server: PostgresServer, pg_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporting, "export_records", functools.partial(exporting.export_records, chunk=10))
    book = open_fact_book(reader_url(pg_server, pg_database))
    target = tmp_path / "observations.csv"

    def cut_after_the_first_rows(rows: int) -> bool:
        _cut_connections(pg_server, pg_database)
        return True

    with pytest.raises(FactBookError, match=r"connection to the team database on 127\.0\.0\.1:\d+ was lost"):
        exporting.export_table(exporting.observations_table(book), target, progress=cut_after_the_first_rows)
    assert list(tmp_path.iterdir()) == []  # nothing half-written
    book.reconnect()
    exporting.export_table(exporting.observations_table(book), target)
    assert target.read_text(encoding="utf-8-sig").count("\n") == len(book.observations()) + 1
    book.close()


def test_passwords_wrong_or_missing_are_asked_for_again(
    pg_server: PostgresServer, pg_database: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    with pytest.raises(PasswordNeeded, match="refused the password of the database user reader"):
        open_fact_book(pg_server.url(pg_database, "reader", "wrong"))
    without = pg_server.url(pg_database, "reader", None)
    with pytest.raises(PasswordNeeded, match="asks a password for the database user reader"):
        open_fact_book(without)
    book = open_fact_book(without, password="r-secret")  # as the window's password dialog does
    assert "r-secret" not in str(book.path)
    book.close()
    (tmp_path / "pgpass").write_text(f"127.0.0.1:{pg_server.port}:{pg_database}:reader:r-secret\n")
    (tmp_path / "pgpass").chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    open_fact_book(without).close()  # libpq's own ~/.pgpass convention


def test_a_missing_database_and_a_user_without_rights_are_sentences(
    pg_server: PostgresServer, pg_database: str
) -> None:
    with pytest.raises(FactBookError, match=r"The team database nowhere does not exist on the server 127\.0\.0\.1"):
        open_fact_book(pg_server.url("nowhere"))
    pg_server.admin("DROP ROLE IF EXISTS outsider")
    pg_server.admin("CREATE ROLE outsider LOGIN PASSWORD 'o-secret'")
    with pytest.raises(FactBookError, match="The database user outsider may not read this"):
        open_fact_book(pg_server.url(pg_database, "outsider", "o-secret"))


def test_a_statement_timeout_is_a_sentence_and_the_next_read_works(pg_server: PostgresServer, pg_database: str) -> None:
    url = reader_url(pg_server, pg_database) + "?options=-c%20statement_timeout%3D300"
    book = open_fact_book(url)
    blocker = psycopg.connect(pg_server.url(pg_database).replace("+psycopg", ""))
    blocker.execute("LOCK TABLE observations IN ACCESS EXCLUSIVE MODE")  # held until rollback
    try:
        with pytest.raises(FactBookError, match="took too long to answer"):
            book.count_observations(QUERY)
    finally:
        blocker.rollback()
        blocker.close()
    assert book.count_observations(QUERY) > 0
    book.close()


def test_the_command_line_without_a_password_says_where_libpq_looks(
    pg_server: PostgresServer, pg_database: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    from jinshan_desktop.cli import main

    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    assert main(["--db", pg_server.url(pg_database, "reader", None), "export", "--out", str(tmp_path / "x")]) == 2
    assert "asks a password" in capsys.readouterr().err and not (tmp_path / "x").exists()
    monkeypatch.setenv("PGPASSWORD", "r-secret")
    assert main(["--db", pg_server.url(pg_database, "reader", None), "export", "--out", str(tmp_path / "x")]) == 0


def test_an_address_that_is_not_a_postgresql_server_is_a_sentence_without_its_password() -> None:
    for address in ("mysql://editor:pw-secret@host/db", "postgresql+psycopg://editor:pw-secret@host:port/db", "x://"):
        with pytest.raises(FactBookError, match="The database address is not understood") as refused:
            open_fact_book(address)
        assert "pw-secret" not in str(refused.value)
