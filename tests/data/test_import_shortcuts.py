"""The importer's shortcuts for large files read every row as the full rules would: names resolved once per
distinct cells, plain numbers read without the rules, locators checked once per source and place, and
duplicates found by SQL across the chunks rows are staged in."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jinshan_desktop.data.importing import checker, known_rows, plan_import, row_reader, staging
from jinshan_desktop.data.importing.checker import STAGE_ROWS
from jinshan_desktop.data.importing.csv_rows import csv_rows
from jinshan_desktop.data.importing.numbers import NumberRefused, _read_by_the_rules, read_number
from jinshan_desktop.data.queries import open_fact_book

HEADER = "id,theme,topic,indicator,period,period_kind,value,unit,unit_id,source,locator\n"


@pytest.fixture
def book(database: Path, tmp_path: Path):
    with open_fact_book(database, user_store=tmp_path / "user" / "imported.sqlite") as fact_book:
        yield fact_book


def _file(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "in.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def _row(indicator: str, period: str, unit: str, unit_id: str = "", figure_id: str = "", **cells: str) -> str:
    theme, topic = cells.get("theme", "Manufacturing"), cells.get("topic", "Industrial transformation")
    source, locator = cells.get("source", "cache-src"), cells.get("locator", "p1")
    return f"{figure_id},{theme},{topic},{indicator},{period},part_year,1,{unit},{unit_id},{source},{locator}\n"


def _staged_indicators(plan) -> dict[int, str]:
    return {figure.line: figure.observation.indicator_id for figure in plan.figures}


def test_names_in_two_languages_resolve_each_to_its_own_indicator_on_every_row(book, tmp_path: Path) -> None:
    names = ["Permanent residents (census)", "常住人口（普查）", "Urban residents (census)", "城镇人口（普查）"]
    rows = [_row(names[i % 4], f"P{i}", "人", theme="District profile", topic="Population") for i in range(40)]
    plan = plan_import(book, _file(tmp_path, rows))
    assert plan.accepted, plan.summary()[:3]
    expected = ["population-census", "population-census", "urban-population-census", "urban-population-census"]
    assert _staged_indicators(plan) == {i + 2: expected[i % 4] for i in range(40)}


def test_the_same_indicator_in_another_unit_is_refused_after_many_rows_in_its_own(book, tmp_path: Path) -> None:
    rows = [_row("Output A" if i % 2 else "Output B", f"P{i}", "yuan" if i % 2 else "%") for i in range(30)]
    rows.append(_row("Output A", "P-last", "%"))
    plan = plan_import(book, _file(tmp_path, rows))
    assert [str(problem) for problem in plan.problems] == [
        "line 32: the unit differs from the unit of the indicator 'Output A'"
    ]


def test_a_refused_name_is_read_afresh_once_an_earlier_row_has_added_its_indicator(book, tmp_path: Path) -> None:
    """人 means two units: refused for an unknown indicator, read as persons once a row has added it."""
    rows = [_row("Head count", "P1", "人"), _row("Head count", "P2", "人", "persons"), _row("Head count", "P3", "人")]
    plan = plan_import(book, _file(tmp_path, rows))
    assert [str(problem) for problem in plan.problems] == [
        "line 2: the unit '人' may mean people, persons; add a unit_id column"
    ]
    fixed = plan_import(book, _file(tmp_path, [rows[1], rows[2]]))
    assert fixed.accepted and _staged_indicators(fixed) == {2: "import-head-count", 3: "import-head-count"}


def test_a_place_a_source_lacks_is_refused_however_often_its_good_places_were_cited(book, tmp_path: Path) -> None:
    cited = {"source": "briefing-2020-09-10"}
    rows = [_row("Output A", f"P{i}", "yuan", locator="¶5", **cited) for i in range(20)]
    rows.insert(10, _row("Output A", "P-bad", "yuan", locator="¶999", **cited))
    plan = plan_import(book, _file(tmp_path, rows))
    assert [str(problem) for problem in plan.problems] == [
        "line 12: the source briefing-2020-09-10 has no ¶999 (it has ¶1-¶21)"
    ]


def test_duplicates_are_named_with_both_lines_within_a_chunk_and_across_chunks(book, tmp_path: Path) -> None:
    count = 12_000
    assert STAGE_ROWS <= 10_000 < count  # rows are staged in chunks: these repeats fall within and across them
    ids = [f"f-{i}" for i in range(count)]
    periods = [f"P{i}" for i in range(count)]
    ids[5], ids[9_997], ids[11_498] = ids[3], ids[98], ids[48]  # lines 7, 9,999, 11,500 repeat 5, 100, 50
    periods[8_000] = periods[4]  # line 8,002 is the same figure as line 6
    rows = [_row("Output A", periods[i], "yuan", figure_id=ids[i]) for i in range(count)]
    plan = plan_import(book, _file(tmp_path, rows))
    assert [str(problem) for problem in plan.problems] == [
        "line 7: the id f-3 is also the id of line 5",
        "line 8002: the same figure as line 6 (indicator, period and source)",
        "line 9999: the id f-98 is also the id of line 100",
        "line 11500: the id f-48 is also the id of line 50",
    ]


def _reading(read, text: str) -> object:
    try:
        return read(text)
    except NumberRefused as refused:
        return refused.template


@given(
    st.from_regex(r"[+-]?[0-9]{1,20}(\.[0-9]{1,20})?", fullmatch=True)
    | st.text(alphabet="0123456789+-.,eE ", min_size=1, max_size=24)
)
def test_plain_numbers_read_quickly_are_read_as_the_full_rules_read_them(text: str) -> None:
    assert _reading(read_number, text) == _reading(_read_by_the_rules, text)


def test_a_full_cache_starts_afresh_and_every_row_still_reads_right(book, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(row_reader, "CACHE_ENTRIES", 2)
    test_names_in_two_languages_resolve_each_to_its_own_indicator_on_every_row(book, tmp_path)
    test_a_place_a_source_lacks_is_refused_however_often_its_good_places_were_cited(book, tmp_path)
    readers: list[row_reader.RowReader] = []
    start = row_reader.RowReader.__init__

    def recorded(reader: row_reader.RowReader, *arguments: Any) -> None:
        start(reader, *arguments)
        readers.append(reader)

    monkeypatch.setattr(row_reader.RowReader, "__init__", recorded)
    rows = [_row("Output A", f"P{i}", "yuan", source="any-src", locator=f"part {i}") for i in range(50)]
    assert plan_import(book, _file(tmp_path, rows)).accepted  # 50 distinct places through a cache of 2
    assert len(readers[0].places) <= 2 and len(readers[0].codes) <= 2


def _outcome(plan) -> tuple[list[str], list[tuple[int, object]]]:
    return [str(problem) for problem in plan.problems], [(f.line, f.observation.__dict__) for f in plan.figures]


def _period_rows() -> list[str]:
    """Periods repeated on many lines, good and bad, in codes and in a Chinese export's words."""
    rows = []
    for i in range(60):
        period, kind = [
            ("2020", ""),
            ("2020", "year"),
            ("2020", "年度"),
            ("H1 2020", "part_year"),
            ("x", ""),
            ("2021", "holiday"),
            ("H2", "no-such-kind"),
            ("", "year"),
        ][i % 8]
        cells = f"f-{i},Manufacturing,Industrial transformation,Output A,{period},{kind},{i},yuan,,cache-src,p{i}"
        rows.append(cells + ("," if i % 5 else ",约") + "\n")
    return rows


def test_code_words_and_places_read_once_per_distinct_cells_read_every_row_as_without(
    book, tmp_path: Path, monkeypatch
) -> None:
    header = "id,theme,topic,indicator,period,period_kind,value,unit,unit_id,source,locator,qualifier\n"
    path = tmp_path / "periods.csv"
    path.write_text(header + "".join(_period_rows()), encoding="utf-8")
    quick = _outcome(plan_import(book, path))
    assert "line 6: the period 'x' is not understood (give a year or a period_kind)" in quick[0]
    assert sum("'x' is not understood" in problem for problem in quick[0]) == 7  # each repeat reported again
    monkeypatch.setattr(row_reader, "CACHE_ENTRIES", 1)  # code words, places and names read afresh every row
    assert _outcome(plan_import(book, path)) == quick


def test_a_field_over_the_limit_is_refused_but_a_long_row_of_short_fields_is_not(book, tmp_path: Path) -> None:
    limit = checker.MAX_FIELD_CHARACTERS
    rows = [
        _row("Output A", "P1", "yuan", locator="p" * (limit // 2), source="s" * (limit // 2 + 10)),
        _row("Output A", "P2", "yuan", locator="p" * (limit + 1)),
    ]
    plan = plan_import(book, _file(tmp_path, rows))
    assert [str(problem) for problem in plan.problems] == [f"line 3: a field is longer than {limit} characters"]


# Rows that pass, and cells that read well, that read by the rules only, or that are refused, for every column.
_BASE = {
    "id": "", "theme": "Manufacturing", "topic": "Industrial transformation", "indicator": "Output A",
    "entity": "", "unit": "yuan", "unit_id": "", "period": "2020", "period_kind": "year", "year": "2020",
    "value": "1", "source": "cache-src", "locator": "p1", "qualifier": "", "derived": "no", "formula": "",
    "provisional": "no", "note": "",
}  # fmt: skip
_BASES = [
    _BASE,
    _BASE | {"theme": "District profile", "topic": "Population", "indicator": "常住人口（普查）", "unit": "人"},
    _BASE | {"unit": "亿元", "unit_id": "billion_yuan", "indicator": "Output B", "value": "343.3"},
    _BASE | {"unit": "十亿元", "unit_id": "billion_yuan", "indicator": "Output B"},
    _BASE | {"period_kind": "年度", "qualifier": "约", "source": "wiki-zh-jinshan", "locator": "信息框"},
    _BASE | {"period_kind": "", "year": "", "period": "2019"},
    _BASE | {"period_kind": "part_year", "year": "", "period": "H1 2020"},
    _BASE | {"derived": "yes", "formula": "{population-2010} / 2", "value": "366250", "indicator": "Output C"},
    _BASE | {"provisional": "yes", "source": "briefing-2020-09-10", "locator": "¶5", "qualifier": "approximately"},
]
_CELLS = {
    "id": ["", "f-1", "f-2", "population-2010", " f-3 ", "'+f-4"],
    "theme": ["Manufacturing", "manufacturing ", "District profile", "No such theme", "", "'Manufacturing"],
    "topic": ["Industrial transformation", "Population", "bad topic"],
    "indicator": ["Output A", "output a", "Output-A", "Permanent residents (census)", "常住人口（普查）", ""],
    "entity": ["", "no such entity"],
    "unit": ["yuan", "%", "人", "亿元", "persons", " yuan", "十亿元"],
    "unit_id": ["", "persons", "billion_yuan", "yuan"],
    "period": ["2020", "H1 2020", "", " 2021 ", "=2020", "'=2020", "2018"],
    "period_kind": ["", "year", "年度", "part_year", "bogus", "'year"],
    "year": ["", "2020", "20x0", " 2019", "٢٠٢٠"],
    "value": ["1", "1.5", "1,500", "-2", "1e3", "abc", "'=1", "123456789012345", "123456789.1234567",
              "-123456789012345", " 7 ", "1.25", "١٢"],
    "source": ["cache-src", "briefing-2020-09-10", "", "wiki-zh-jinshan"],
    "locator": ["p1", "¶5", "¶999", "信息框", "", "infobox"],
    "qualifier": ["", "约", "approximately", "bad"],
    "derived": ["", "no", "yes", "否", "maybe", "No "],
    "formula": ["", "{f-1} * 2", "{population-2010} / 2"],
    "provisional": ["", "yes", "No", "x"],
    "note": ["", "n", " a note ", "'=n"],
}  # fmt: skip
_REQUIRED = ("theme", "topic", "indicator", "period", "value", "unit", "source", "locator")
_OWN = ("id", "period", "value", "note")  # the cells that differ on every row of a large file


def _csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


@st.composite
def _row_shape(draw: st.DrawFn, columns: list[str]) -> dict[str, str]:
    """A row that passes, with none to three of its cells changed."""
    shape = dict(draw(st.sampled_from(_BASES)))
    for name in draw(st.lists(st.sampled_from(columns), max_size=3)):
        shape[name] = draw(st.sampled_from(_CELLS[name]))
    return shape


@st.composite
def _import_files(draw: st.DrawFn) -> str:
    """A header of the required columns and some optional ones, then rows of a few shapes, so that groups of
    cells repeat as in a large file, with the cells that differ on every row drawn again now and then."""
    optional = [name for name in _CELLS if name not in _REQUIRED and draw(st.integers(0, 4))]  # most of them
    columns = draw(st.permutations(list(_REQUIRED) + optional))
    shapes = draw(st.lists(_row_shape(columns), min_size=1, max_size=4))
    rows = []
    for _ in range(draw(st.integers(1, 30))):
        if draw(st.integers(0, 14)) == 0:  # now and then a row of the wrong width or a blank one
            rows.append(draw(st.sampled_from(["", "a,b", ",,"])) + "\n")
            continue
        row = dict(draw(st.sampled_from(shapes)))
        for name in _OWN:
            if draw(st.booleans()):
                row[name] = draw(st.sampled_from(_CELLS[name]))
        rows.append(",".join(_csv_cell(row[name]) for name in columns) + "\n")
    return ",".join(columns) + "\n" + "".join(rows)


def _everything(book, path: Path) -> tuple[object, ...]:
    """What a check makes of a file: every row it stages (a refused file's too), its problems and additions."""
    staged: list[tuple[object, ...]] = []
    add = staging.Staging.add
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(staging.Staging, "add", lambda self, rows: (staged.extend(rows), add(self, rows))[1])
        plan = plan_import(book, path)
    return (
        [str(problem) for problem in plan.problems],
        staged,
        [repr(indicator) for indicator in plan.new_indicators],
        [source.id for source in plan.new_sources],
        [str(conflict) for conflict in plan.conflicts],
        plan.already_present,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_import_files())
def test_rows_taken_by_their_known_cells_read_as_the_full_rules_read_them(book, tmp_path: Path, text: str) -> None:
    """known_rows.py's quick path against RowReader on every row: the same problems, figures and additions."""
    path = tmp_path / "drawn.csv"
    path.write_text(text, encoding="utf-8")
    quick = _everything(book, path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checker, "QUICK_PATH", False)
        assert _everything(book, path) == quick


def test_a_large_file_of_repeated_names_is_read_mostly_by_its_known_cells(book, tmp_path: Path, monkeypatch) -> None:
    taken: list[bool] = []
    read = known_rows.KnownRows.figure

    def counted(self: known_rows.KnownRows, line: int, cells: list[str]) -> object:
        figure = read(self, line, cells)
        taken.append(figure is not None)
        return figure

    monkeypatch.setattr(known_rows.KnownRows, "figure", counted)
    header = "id,theme,topic,indicator,period,period_kind,year,value,unit,source,locator,qualifier,note\n"
    rows = [
        f"f-{i},Manufacturing,Industrial transformation,Output {i % 3},{2000 + i} edition,year,{2000 + i % 20},"
        f"{i}.5,yuan,cache-src,p{i % 4},约,\n"
        for i in range(200)
    ]
    path = tmp_path / "large.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    plan = plan_import(book, path)
    assert plan.accepted and len(plan.figures) == 200
    assert sum(taken) >= 150  # every row after the first of its indicator, year and place


def test_two_new_indicators_whose_names_make_the_same_id_get_two_ids(book, tmp_path: Path) -> None:
    rows = [_row("Output A", "P1", "yuan"), _row("output-a", "P2", "%"), _row("Output A", "P3", "yuan")]
    plan = plan_import(book, _file(tmp_path, rows))
    assert plan.accepted, plan.summary()[:3]
    assert [(i.id, i.name_en, i.unit_id) for i in plan.new_indicators] == [
        ("import-output-a", "Output A", "yuan"),
        ("import-output-a-2", "output-a", "percent"),
    ]
    assert _staged_indicators(plan) == {2: "import-output-a", 3: "import-output-a-2", 4: "import-output-a"}


def _read_all(read, text: str) -> object:
    try:
        return list(read(io.StringIO(text, newline="")))
    except csv.Error as error:
        return f"csv.Error: {error}"


_CSV_PIECES = ["a,b", '"a,b"', '"x\ny"', ",", "\r\n", "\n", "\r", '""', ' "', '"\r', "'", "\t"]


@settings(max_examples=400)
@given(st.text(alphabet="ab,\"\r\n \t'", max_size=60) | st.lists(st.sampled_from(_CSV_PIECES), max_size=8).map("".join))
def test_rows_split_on_commas_are_the_rows_csv_reads(text: str) -> None:
    assert _read_all(csv_rows, text) == _read_all(csv.reader, text)


def test_a_field_over_csvs_limit_is_refused_as_csv_refuses_it() -> None:
    limit = csv.field_size_limit(5)
    try:
        text = "ab,c\nabcdefgh\n"
        refused = "csv.Error: field larger than field limit (5)"
        assert _read_all(csv_rows, text) == _read_all(csv.reader, text) == refused
    finally:
        csv.field_size_limit(limit)
