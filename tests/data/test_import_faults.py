"""Hostile and careless import files: every one refused or read exactly, with a sentence naming the line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jinshan_desktop.data.importing import apply_import, plan_import

HEADER = "theme,topic,indicator,period,value,unit,source,locator\n"
ROW = "Manufacturing,Industrial transformation,Fault output,{period},{value},yuan,fault-src,p1\n"


@pytest.fixture
def layered(database: Path, tmp_path: Path):
    from jinshan_desktop.data.queries import open_fact_book

    store = tmp_path / "user" / "imported.sqlite"
    with open_fact_book(database, user_store=store) as fact_book:
        yield fact_book, store


def _file(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "in.csv"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("1e309", "too large"),
        ("-1e309", "too large"),
        ("1e-400", "too small"),
        ("0." + "0" * 400 + "1", "too small"),
        ("1,5", "not a number as written"),
        ("1,2,3,4", "not a number as written"),
        ("12,3456", "not a number as written"),
        ("1.2.3", "not a number as written"),
        ("0.12345678901234567", "more digits than can be kept"),
        ("NaN", "not a number"),
        ("Infinity", "not a number"),
    ],
)
def test_a_value_that_would_change_is_refused_naming_the_line(layered, tmp_path: Path, written: str, reason: str):
    book, _ = layered
    plan = plan_import(book, _file(tmp_path, HEADER + ROW.format(period=2020, value=f'"{written}"')))
    assert not plan.accepted
    assert [str(problem) for problem in plan.problems] == [
        next(str(problem) for problem in plan.problems if str(problem).startswith("line 2: "))
    ]
    assert reason in str(plan.problems[0])


def test_values_are_read_exactly_and_kept_as_written(layered, tmp_path: Path) -> None:
    book, store = layered
    text = HEADER + "".join(
        ROW.format(period=f"{2000 + n}", value=f'"{value}"')
        for n, value in enumerate(["1,234,567.5", "-12.90", "2.5e3", "0.000123", "1500"])
    )
    plan = plan_import(book, _file(tmp_path, text))
    assert plan.accepted, plan.summary()
    apply_import(plan, store)
    rows = sorted((r.period_label, r.value, r.decimals, r.as_written) for r in book.observations() if r.batch_id)
    assert rows == [
        ("2000", 1234567.5, 1, "1,234,567.5"),
        ("2001", -12.9, 2, "-12.90"),
        ("2002", 2500.0, 0, "2.5e3"),
        ("2003", 0.000123, 6, "0.000123"),
        ("2004", 1500.0, 0, "1500"),
    ]


WINDOWS_1252 = HEADER + ROW.replace("Fault output", "Caféa output of Ãmber").format(period=2020, value=1)


def test_windows_1252_that_happens_to_decode_as_gb18030_is_refused(layered, tmp_path: Path) -> None:
    book, _ = layered
    raw = WINDOWS_1252.encode("cp1252")
    raw.decode("gb18030")  # the trap: it decodes, as mojibake
    plan = plan_import(book, _file(tmp_path, WINDOWS_1252, "cp1252"))
    assert not plan.accepted
    assert "not UTF-8 and does not read as GB18030" in str(plan.problems[0])
    named = plan_import(book, _file(tmp_path, WINDOWS_1252, "cp1252"), encoding="cp1252")
    assert named.accepted and named.new_indicators[0].name_en == "Caféa output of Ãmber"


def test_utf16_with_bom_and_gb18030_chinese_are_read(layered, tmp_path: Path) -> None:
    book, _ = layered
    chinese = HEADER + "制造业,产业转型,工业总产值（测试）,2020,1500.5,十亿元,yb-2021,t1\n"
    gb = plan_import(book, _file(tmp_path, chinese, "gb18030"))
    assert gb.accepted and gb.encoding == "GB18030" and gb.new_indicators[0].name_en == "工业总产值（测试）"
    utf16 = plan_import(book, _file(tmp_path, chinese, "utf-16"))
    assert utf16.accepted and utf16.encoding == "UTF-16"


def test_an_unknown_encoding_name_is_a_sentence(layered, tmp_path: Path) -> None:
    book, _ = layered
    plan = plan_import(book, _file(tmp_path, WINDOWS_1252), encoding="no-such-codec")
    assert not plan.accepted and "cannot be read as no-such-codec" in str(plan.problems[0])


def test_a_named_pipe_or_a_folder_is_refused_without_waiting(layered, tmp_path: Path) -> None:
    book, _ = layered
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    for path in (pipe, tmp_path):
        plan = plan_import(book, path)  # opening the pipe would wait for a writer for ever
        assert not plan.accepted and "is not a regular file" in str(plan.problems[0])


def test_the_cli_takes_an_encoding(database: Path, tmp_path: Path) -> None:
    path = _file(tmp_path, WINDOWS_1252, "cp1252")
    command = [sys.executable, "-m", "jinshan_desktop", "--db", str(database), "--user-db", str(tmp_path / "u.sqlite")]
    refused = subprocess.run([*command, "import", str(path)], capture_output=True, text=True)
    assert refused.returncode == 1 and "--encoding" in refused.stdout
    done = subprocess.run([*command, "import", str(path), "--encoding", "cp1252"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


KINDED = "id,theme,topic,indicator,period,period_kind,value,unit,source,locator\n"


def test_two_periods_that_make_the_same_id_are_reported_with_both_lines(layered, tmp_path: Path) -> None:
    book, _ = layered
    row = ",Manufacturing,Industrial transformation,Fault output,{period},part_year,{value},yuan,fault-src,p1\n"
    plan = plan_import(
        book, _file(tmp_path, KINDED + row.format(period="H1 2021", value=1) + row.format(period="h1-2021", value=2))
    )
    assert not plan.accepted
    assert [str(p) for p in plan.problems] == [
        "line 3: the id made for this row, import-import-fault-output-h1-2021-fault-src, is also made for line 2 "
        "(period 'H1 2021'); give the rows an id column"
    ]


def test_the_same_id_twice_in_a_file_is_an_error(layered, tmp_path: Path) -> None:
    book, _ = layered
    row = "my-id,Manufacturing,Industrial transformation,Fault output,{period},year,1,yuan,fault-src,p1\n"
    plan = plan_import(book, _file(tmp_path, KINDED + row.format(period=2020) + row.format(period=2021)))
    assert [str(p) for p in plan.problems] == ["line 3: the id my-id is also the id of line 2"]


def test_a_locator_outside_the_paragraphs_a_source_declares_is_refused(layered, tmp_path: Path) -> None:
    book, _ = layered
    row = "Manufacturing,Industrial transformation,Fault output,{period},1,yuan,briefing-2020-09-10,{locator}\n"
    good = plan_import(book, _file(tmp_path, HEADER + row.format(period=2020, locator="¶21")))
    assert good.accepted, good.summary()
    for locator in ("¶999", "¶0", "¶20-¶22", "annex"):
        plan = plan_import(book, _file(tmp_path, HEADER + row.format(period=2020, locator=locator)))
        assert [str(p) for p in plan.problems] == [
            f"line 2: the source briefing-2020-09-10 has no {locator} (it has ¶1-¶21)"
        ]
    named = "Manufacturing,Industrial transformation,Fault output,2020,1,yuan,edo-2025-q3,{locator}\n"
    assert plan_import(book, _file(tmp_path, HEADER + named.format(locator="Main financial data"))).accepted
    assert not plan_import(book, _file(tmp_path, HEADER + named.format(locator="¶3"))).accepted


def test_a_file_whose_only_rows_conflict_exits_1(database: Path, tmp_path: Path) -> None:
    from jinshan_desktop.data.queries import open_fact_book

    with open_fact_book(database) as book:
        figure = next(row for row in book.observations() if row.id == "rural-income-2019")
    line = (
        f"{figure.id},{figure.theme},{figure.topic},{figure.indicator},{figure.period_label},year,"
        f"{figure.value + 1},{figure.unit},{figure.source_id},{figure.locator}\n"
    )
    path = _file(tmp_path, KINDED + line)
    command = [sys.executable, "-m", "jinshan_desktop", "--db", str(database), "--user-db", str(tmp_path / "u.sqlite")]
    result = subprocess.run([*command, "import", str(path)], capture_output=True, text=True)
    assert result.returncode == 1 and "conflicts with" in result.stdout, result.stdout + result.stderr


FORMULA_HEADER = "id,theme,topic,indicator,period,value,unit,source,locator,derived,formula\n"


@pytest.mark.parametrize(
    ("formula", "reason"),
    [
        ("{rural-income-2019}+" + "+".join(["1"] * 3000), "longer than 1000 characters"),
        ("(" * 400 + "{rural-income-2019}" + ")" * 400, "more than 20 deep"),
        ("(" * 30 + "{rural-income-2019}" + ")" * 30, "more than 20 deep"),
        ("{rural-income-2019} ** 2", "is not arithmetic"),
        ("__import__('os')", "only numbers, observation references"),
    ],
)
def test_a_hostile_formula_is_a_sentence_not_a_recursion_error(layered, tmp_path: Path, formula: str, reason: str):
    book, _ = layered
    row = f',Manufacturing,Industrial transformation,Fault output,2020,1,yuan,fault-src,p1,yes,"{formula}"\n'
    plan = plan_import(book, _file(tmp_path, FORMULA_HEADER + row))
    assert not plan.accepted and len(plan.problems) == 1
    assert "the formula cannot be computed" in str(plan.problems[0]) and reason in str(plan.problems[0])


def test_a_formula_is_evaluated_with_precedence_and_parentheses() -> None:
    from jinshan_desktop.data.derivation import evaluate

    values = {"a": 2.0, "b": 10.0}
    assert evaluate("{a} / (1 + {b} / 100)", values) == 2.0 / (1 + 10.0 / 100)
    assert evaluate("{a} - {b} - 3 * 2", values) == 2.0 - 10.0 - 6
    assert evaluate("((({a})))", values) == 2.0
