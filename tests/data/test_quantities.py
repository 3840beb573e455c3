"""The quantity model: base-unit values behind sorting, the unit a figure and an axis are shown in, which
figures may be compared, statuses, precision of derived figures, and the data's date."""

import csv
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jinshan_desktop.data import tables
from jinshan_desktop.data.exporting import export_all
from jinshan_desktop.data.formatting import UnitInfo, format_value
from jinshan_desktop.data.quantities import axis_unit
from jinshan_desktop.data.queries import FactBook, TableQuery

LANGUAGES = ("en", "zh_CN", "zh_TW")


def _sorted(book: FactBook, theme: str, descending: bool = False) -> list[str]:
    return book.observation_ids(TableQuery(theme, sort="value", descending=descending))


def test_sorting_by_value_uses_base_units_and_never_mixes_dimensions(book: FactBook) -> None:
    order = _sorted(book, "manufacturing")
    rows = {row.id: row for row in book.observations("manufacturing")}
    # 402,054.66 × 10,000 yuan is 4.0 billion: below 132.36 billion yuan, above 100 million.
    position = order.index
    assert position("stc-tax-first-year") < position("edo-revenue-2021") < position("industrial-output-2021-7m")
    # "> 100 million yuan" sorts below "≈ 100 billion yuan".
    assert order.index("stc-tax-first-year") < order.index("cluster-output-2020")
    ranks = [tables.DIMENSIONS.index(rows[i].dimension) for i in order]
    assert ranks == sorted(ranks)  # money first, then the other dimensions, each in one block
    assert rows[order[0]].dimension == "CNY"
    assert _sorted(book, "manufacturing", descending=True) == order[::-1]


def test_find_lands_on_a_figure_in_value_order(book: FactBook) -> None:
    query = TableQuery("manufacturing", sort="value")
    order = book.observation_ids(query)
    assert book.row_of(query, "edo-revenue-2021") == order.index("edo-revenue-2021")


@pytest.mark.parametrize(
    ("language", "text", "axis"),
    [("en", "4.02 billion yuan", "billion yuan"), ("zh_CN", "40.2亿元", "亿元"), ("zh_TW", "40.2億元", "億元")],
)
def test_company_figures_are_shown_in_the_readers_unit(book: FactBook, language: str, text: str, axis: str) -> None:
    reader = book.with_language(language)
    row = reader.observation("edo-revenue-2021")
    assert row.value_text == text and row.as_written == "402,054.66"
    chart = reader.chart_for("edo-revenue-2021")
    assert chart.kind == "line" and chart.axis_unit == axis and chart.from_zero
    assert chart.points[0].value * chart.axis_factor == pytest.approx(row.value_base)


def test_a_part_and_its_whole_and_other_dimensions_are_not_compared(book: FactBook) -> None:
    chart = book.chart_for("edo-investment-phases")
    assert chart.kind == "none" and chart.no_comparison == "nothing_comparable" and not chart.points
    reasons = {item.label: item.reason for item in chart.left_out}
    assert reasons["EverDisplay Optronics Gen-6 AMOLED plant"] == "part_whole"
    assert reasons["Warburg Pinshan Smart Industrial Park"] == "other_unit"
    taxes = book.chart_for("fiscal-income-2021-7m")
    assert ("Tax income", "part_whole") in [(item.label, item.reason) for item in taxes.left_out]


def test_an_outcome_is_not_compared_with_plans(book: FactBook) -> None:
    clusters = book.chart_for("cluster-output-2020")
    assert clusters.kind == "none" and all(item.reason == "other_kind" for item in clusters.left_out)
    portfolio = book.chart_for("scic-investment-2020")
    assert [point.observation_id for point in portfolio.points] == [
        "scic-investment-2020",
        "manufacturing-projects-investment-2y",
    ]


def test_a_figure_alone_in_its_group_gets_no_bar_but_a_reason(book: FactBook) -> None:
    chart = book.chart_for("uav-flights-2020")
    assert chart.kind == "none" and chart.no_comparison == "alone" and not chart.points


def test_no_comparison_anywhere_holds_a_part_and_its_whole_or_a_plan_beside_an_outcome(book: FactBook) -> None:
    rows = {row.id: row for row in book.observations()}
    for observation_id in rows:
        chart = book.chart_for(observation_id)
        if chart.kind != "bar":
            continue
        shown = [rows[point.observation_id] for point in chart.points]
        assert len(shown) >= 2
        assert len({(row.dimension, row.measure, row.planned) for row in shown}) == 1, observation_id
        ids = {row.id for row in shown}
        assert not any(row.part_of in ids for row in shown), observation_id


def test_statuses_are_carried_to_the_chart(book: FactBook) -> None:
    livelihood = book.chart_for("livelihood-spending-2020")
    assert [(p.label, p.status, p.hollow) for p in livelihood.points] == [
        ("2016", "published", False),
        ("2020 (as stated in Sep 2020)", "planned", True),
    ]
    revenue = book.chart_for("edo-revenue-2022")
    assert [p.status for p in revenue.points] == ["published", "provisional"]
    assert book.observation("rural-income-2018").status == "derived"


def test_a_derived_figure_is_shown_to_the_precision_its_inputs_carry(book: FactBook) -> None:
    row = book.observation("rural-income-2018")
    assert row.value == 28617 and row.precision == 100  # 9.5% stands for 9.45-9.55%: ±13 yuan
    assert row.value_text == "≈ 28,600 yuan"
    assert book.with_language("zh_CN").observation("rural-income-2018").value_text == "约28,600元"
    assert book.observation("fiscal-revenue-2018").value_text == "≈ 46.4 billion yuan"


def test_figures_read_as_the_briefing_states_them(book: FactBook) -> None:
    medical = book.observation("medical-institutions-2020")
    assert (medical.value, medical.qualifier) == (5, None)  # "nearly" qualifies the building work, not the count
    clusters = book.observation("cluster-output-2020")
    assert clusters.period_kind == "unstated" and clusters.measure == "flow"
    land = book.observation("coastal-land-2020")
    assert land.period_kind == "stage" and land.planned and land.period_year is None


def test_data_as_of_counts_figures_of_undated_sources(book: FactBook) -> None:
    info = book.info()
    assert (info.data_vintage, info.vintage_basis) == ("2025", "period")  # Q1–Q3 2025 figures


def test_exports_add_base_values_and_units(book: FactBook, tmp_path: Path) -> None:
    export_all(book, tmp_path)
    with (tmp_path / "observations.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert rows["edo-revenue-2021"]["value"] == "402054.66"  # as published
    assert (rows["edo-revenue-2021"]["value_base"], rows["edo-revenue-2021"]["unit_base"]) == ("4020546600.00", "yuan")
    assert (rows["warburg-land-2020"]["unit_base"]) == "m²"
    assert "README" not in rows


UNITS = [
    UnitInfo("yuan", "yuan", "CNY", 1),
    UnitInfo("yuan_10k", "× 10,000 yuan", "CNY", 1e4),
    UnitInfo("million_yuan", "million yuan", "CNY", 1e6),
    UnitInfo("billion_yuan", "billion yuan", "CNY", 1e9),
    UnitInfo("million_visitors", "million visitors", "visitors", 1e6),
    UnitInfo("billion_usd", "billion US$", "USD", 1e9),
]


@settings(max_examples=300, deadline=None)
@given(
    magnitude=st.floats(min_value=1, max_value=1e13),
    unit=st.sampled_from(UNITS),
    language=st.sampled_from(LANGUAGES),
)
def test_a_label_and_the_axis_drawn_for_it_are_in_one_unit(magnitude: float, unit: UnitInfo, language: str) -> None:
    value = round(magnitude / unit.scale, 2)
    if value <= 0:
        return
    text = format_value(value, 2, unit, None, language)
    axis = axis_unit(value * unit.scale, unit.dimension, unit.name, unit.scale, language)
    number = re.search(r"[\d,.]+", text)
    assert number is not None
    assert text.replace("US$", "", 1).strip().endswith(axis.name.replace("US$", "").strip()), (text, axis)
    shown = float(number.group().replace(",", ""))
    assert shown == pytest.approx(value * unit.scale / axis.factor, rel=0.01, abs=0.51)
