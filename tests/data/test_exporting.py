import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jinshan_desktop.data.exporting import (
    ExportError,
    Table,
    csv_text,
    export_all,
    export_table,
    observations_table,
    rows_as_tsv,
)
from jinshan_desktop.data.queries import FactBook, TableQuery

REQUIRED = ["theme", "topic", "indicator", "period", "value", "unit", "qualifier", "derived", "source", "locator"]


def _read(path: Path, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode(encoding))))


def test_observations_csv_has_bom_header_and_plain_numbers(book: FactBook, tmp_path: Path) -> None:
    path = tmp_path / "observations.csv"
    export_table(observations_table(book), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,theme,topic,indicator,")
    rows = _read(path)
    assert set(REQUIRED) <= set(rows[0])
    by_id = {row["id"]: row for row in rows}
    assert len(rows) == len(book.observations())
    assert by_id["rural-income-2019"]["value"] == "31336"
    assert by_id["edo-investment-phases"]["value"] == "34.33"
    assert by_id["edo-net-profit-2022"]["value"] == "-160515.84"  # a number, never guarded
    assert by_id["rural-income-2018"]["derived"] == "yes"
    assert by_id["rural-income-2018"]["formula"].startswith("{rural-income-2019}")
    assert by_id["cluster-output-2020"]["qualifier"] == "nearly"
    assert by_id["cluster-output-2020"]["locator"] == "¶8"
    # A field with a comma is quoted by the csv module.
    assert b'"One Belt, One Park, Five Zones leisure tourism cluster"' in raw


def test_text_cells_that_look_like_formulas_are_guarded(tmp_path: Path) -> None:
    table = Table("t.csv", "test", (("a", ""), ("b", ""), ("c", "")), [("=SUM(A1)", -5, "@cmd"), ("+1", "-x", "ok")])
    path = tmp_path / "t.csv"
    export_table(table, path, "utf-8")
    assert path.read_text(encoding="utf-8").splitlines() == ["a,b,c", "'=SUM(A1),-5,'@cmd", "'+1,'-x,ok"]


def test_gb18030_and_plain_utf8_are_offered(book: FactBook, tmp_path: Path) -> None:
    rows = TableQuery("district")
    export_table(observations_table(book, rows), tmp_path / "g.csv", "gb18030")
    export_table(observations_table(book, rows), tmp_path / "u.csv", "utf-8")
    assert not (tmp_path / "u.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    sources = {row["source"] for row in _read(tmp_path / "g.csv", "gb18030")}
    assert "wiki-zh-jinshan" in sources
    with pytest.raises(ExportError, match="Unknown encoding"):
        export_table(observations_table(book, rows), tmp_path / "x.csv", "latin-1")


def test_a_failed_export_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    class Exploding:
        def __str__(self) -> str:
            raise OSError(28, "No space left on device")

    path = tmp_path / "out.csv"
    path.write_text("previous export", encoding="utf-8")
    table = Table("out.csv", "test", (("a", ""),), [("fine",), (Exploding(),)])  # type: ignore[list-item]
    with pytest.raises(ExportError, match="No space left on device"):
        export_table(table, path)
    assert path.read_text(encoding="utf-8") == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_unwritable_folder_is_a_clear_error(book: FactBook, tmp_path: Path, monkeypatch) -> None:
    # Root writes through chmod 0500, so the refusal is made where the operating system would make it.
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("jinshan_desktop.data.export_files.tempfile.mkstemp", refuse)
    with pytest.raises(ExportError, match=r"Cannot write in .*: Permission denied\."):
        export_table(observations_table(book), tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


def test_missing_folder_is_a_clear_error(book: FactBook, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_table(observations_table(book), tmp_path / "nope" / "x.csv")
    assert not (tmp_path / "nope").exists()


def test_export_all_writes_every_table_and_a_readme(book: FactBook, tmp_path: Path) -> None:
    written = export_all(book, tmp_path / "out")
    assert sorted(p.name for p in written) == sorted(
        ["observations.csv", "facts.csv", "entities.csv", "sources.csv", "README.txt"]
    )
    readme = (tmp_path / "out" / "README.txt").read_text(encoding="utf-8")
    assert "observations.csv" in readme and "qualifier:" in readme
    assert len(_read(tmp_path / "out" / "facts.csv")) == len(book.facts())
    assert oct((tmp_path / "out" / "facts.csv").stat().st_mode & 0o777) != oct(0o600)


def test_tsv_for_the_clipboard() -> None:
    assert rows_as_tsv(["a", "b"], [["1", "x\ty"]]) == 'a\tb\n1\t"x\ty"\n'


def _csv_module(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


_FIELDS = st.text(alphabet=st.sampled_from(list("ab ,\"\r\n\x1e\x1f='é金")), max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 5).flatmap(lambda width: st.lists(st.lists(_FIELDS, min_size=width, max_size=width))))
def test_fast_csv_text_is_exactly_what_the_csv_module_writes(rows: list[list[str]]) -> None:
    assert csv_text(rows) == _csv_module(rows)


def test_fast_csv_text_takes_the_quick_path_for_plain_rows_and_the_careful_one_per_row() -> None:
    plain = [["a", "b"], ["c", ""]]
    assert csv_text(plain) == "a,b\r\nc,\r\n"
    mixed = [["a", "b"], ["c,d", 'say "hi"'], ["x\x1fy", "z"]]
    assert csv_text(mixed) == _csv_module(mixed) == 'a,b\r\n"c,d","say ""hi"""\r\nx\x1fy,z\r\n'
