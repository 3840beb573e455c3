"""A chart's points as CSV: the same Chart the window draws, numbers as numbers beside the text, atomic."""

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from jinshan_desktop.data.chart_csv import CHART_COLUMNS, export_chart_csv
from jinshan_desktop.data.export_files import ExportError
from jinshan_desktop.data.queries import FactBook


def _read(path: Path, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_line_charts_points_are_written_with_numbers_text_period_status_and_citation(
    book: FactBook, tmp_path: Path
) -> None:
    chart = book.chart_for("edo-revenue-2021")
    export_chart_csv(chart, tmp_path / "chart.csv")
    with (tmp_path / "chart.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle)) == list(CHART_COLUMNS)
    rows = _read(tmp_path / "chart.csv")
    assert len(rows) == len(chart.points) >= 2
    for row, point in zip(rows, chart.points, strict=True):
        assert row["value_text"] == point.value_text
        assert row["period"] == point.period and row["id"] == point.observation_id
        assert row["citation"] == point.citation and row["citation"]
        assert row["status"] == point.status
        assert abs(float(row["chart_value"]) - point.value) < 1e-9 * abs(point.value)
        assert row["chart_unit"] == chart.axis_unit
    first = rows[0]
    published = book.observation(first["id"])
    assert float(first["value"]) == pytest.approx(published.value)  # as published: 402,054.66 (10,000 yuan)
    assert first["unit"] == published.unit
    assert first["value_text"] == "4.02 billion yuan"
    assert any(row["status"] == "provisional" for row in rows)  # 2022 is preliminary


def test_chinese_text_is_written_in_the_chosen_encoding(book: FactBook, tmp_path: Path) -> None:
    chart = book.with_language("zh_CN").chart_for("edo-revenue-2021")
    export_chart_csv(chart, tmp_path / "chart.csv", "gb18030")
    rows = _read(tmp_path / "chart.csv", "gb18030")
    assert rows[0]["value_text"] == "40.2亿元" and rows[0]["chart_unit"] == "亿元"


def test_a_bar_chart_writes_one_row_per_bar(book: FactBook, tmp_path: Path) -> None:
    chart = book.chart_for("edo-planned-output")
    assert chart.kind == "bar"
    export_chart_csv(chart, tmp_path / "bars.csv")
    rows = _read(tmp_path / "bars.csv")
    assert [row["label"] for row in rows] == [point.label for point in chart.points]


def test_text_that_a_spreadsheet_would_run_is_guarded_but_numbers_stay_numbers(book: FactBook, tmp_path: Path) -> None:
    chart = book.chart_for("edo-revenue-2021")
    point = replace(chart.points[0], citation="=HYPERLINK(1)", published_value=-3.5, decimals=1)
    export_chart_csv(replace(chart, points=(point,)), tmp_path / "chart.csv")
    row = _read(tmp_path / "chart.csv")[0]
    assert row["citation"] == "'=HYPERLINK(1)" and row["value"] == "-3.5"


def test_an_unwritable_folder_is_a_sentence_and_leaves_nothing(book: FactBook, tmp_path: Path, monkeypatch) -> None:
    chart = book.chart_for("edo-revenue-2021")

    def refuse(*args, **kwargs):  # root writes through chmod 0500: refuse where the system would
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("jinshan_desktop.data.export_files.tempfile.mkstemp", refuse)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportError, match=r"Cannot write in .*: Permission denied\."):
        export_chart_csv(chart, out / "chart.csv")
    assert list(out.iterdir()) == []


def test_a_failed_write_keeps_the_previous_file(book: FactBook, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "chart.csv"
    path.write_text("previous", encoding="utf-8")

    def full_disk(chart):  # the header is written, then the disk fills
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("jinshan_desktop.data.chart_csv.chart_rows", full_disk)
    with pytest.raises(ExportError, match="No space left"):
        export_chart_csv(book.chart_for("edo-revenue-2021"), path)
    assert path.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in path.parent.iterdir()] == ["chart.csv"]
