import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from jinshan_desktop.data import store as store_module
from jinshan_desktop.data.queries import MAX_PATTERN_CHARACTERS, FactBook, FactBookError, PatternTooLong, open_fact_book


def test_themes_in_order_with_topics(book: FactBook) -> None:
    themes = book.themes()
    assert [t.id for t in themes] == ["district", "manufacturing", "rural", "regional", "public_services"]
    assert [t.name for t in themes[1].topics] == [
        "Industrial transformation",
        "Science and technology innovation",
        "Business environment",
    ]


def test_observation_carries_value_unit_qualifier_and_citation(book: FactBook) -> None:
    row = book.observation("cluster-output-2020")
    assert (row.value, row.unit, row.qualifier) == (100.0, "billion yuan", "nearly")
    assert row.value_text == "nearly 100 billion yuan"
    assert row.citation == "briefing-2020-09-10 ¶8"
    assert row.source_publisher == "Information Office of Shanghai Municipality"
    assert row.theme == "Manufacturing" and row.topic == "Industrial transformation"


def test_derived_row_names_its_inputs(book: FactBook) -> None:
    row = book.observation("rural-income-2018")
    assert row.derived
    assert [item.observation_id for item in row.inputs] == ["rural-income-2019", "rural-income-growth-2019"]
    assert row.readable_formula is not None
    assert "[Per capita disposable income of rural residents, 2019]" in row.readable_formula
    assert [item.value_text for item in row.inputs] == ["31,336 yuan", "9.5%"]


def test_line_chart_over_annual_points_with_the_derived_one_marked(book: FactBook) -> None:
    chart = book.chart_for("rural-income-2019")
    assert chart.kind == "line"
    assert [(p.x, p.value, p.derived) for p in chart.points] == [(2018.0, 28617.0, True), (2019.0, 31336.0, False)]
    assert chart.unit == "yuan"
    assert chart.citations == ("briefing-2020-09-10 ¶15",)


def test_bars_compare_figures_of_one_kind_in_the_axis_unit(book: FactBook) -> None:
    chart = book.chart_for("xinbohai-output-annual")  # planned annual outputs, side by side
    assert chart.kind == "bar" and chart.axis_unit == "billion yuan"
    values = {p.label.split(",")[0]: p.value for p in chart.points}
    assert values["Xinbohai central kitchen"] == pytest.approx(0.4)
    assert values["EverDisplay Optronics project"] == pytest.approx(12.9)
    left_out = [(item.label, item.reason) for item in chart.left_out]
    assert ("Output value of the four industrial clusters", "other_kind") in left_out


def test_a_single_figure_gets_no_one_bar_comparison(book: FactBook) -> None:
    chart = book.chart_for("approval-time-cut-2020")
    assert chart.kind == "none" and chart.no_comparison == "alone" and not chart.points


def test_search_finds_entities_figures_and_facts(book: FactBook) -> None:
    kinds = {(hit.kind, hit.target_id) for hit in book.search("everdisplay")}
    assert ("entity", "edo") in kinds and ("figure", "edo-investment-phases") in kinds
    assert ("fact", "legoland-signed") in {(h.kind, h.target_id) for h in book.search("Legoland")}
    assert {hit.kind for hit in book.search("和辉光电")} == {"entity", "figure"}  # any language finds
    assert {hit.target_id for hit in book.search("東京")} == {"painting-tokyo"}  # Traditional too
    assert book.search("   ") == []


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(max_size=600)
    | st.sampled_from(["%", "_", "'; DROP TABLE observations; --", "\\", "x" * 10_000, "长" * 20_000])
)
def test_search_is_safe_for_any_text(built_database: Path, text: str) -> None:
    fact_book = open_fact_book(built_database)
    try:
        needle = "".join(c for c in text if c.isprintable()).strip().casefold()
        if len(needle) > MAX_PATTERN_CHARACTERS:  # refused with a sentence, never SQLite's "pattern too complex"
            with pytest.raises(PatternTooLong, match="at most 500 characters"):
                fact_book.search(text)
            return
        hits = fact_book.search(text)
        # Find matches a fact in any language and shows it in the reader's: '万' finds an English statement.
        languages = ("en", "zh_CN", "zh_TW")
        in_each_language = zip(*(fact_book.with_language(lang).facts() for lang in languages), strict=True)
        statements = {same[0].id: " ".join(f.statement for f in same) for same in in_each_language}
        assert all(needle in statements[h.target_id].casefold() for h in hits if h.kind == "fact")
        if text in ("%", "_"):
            assert hits == []  # wildcards are matched literally
        assert len(fact_book.observations()) > 0  # nothing was dropped
    finally:
        fact_book.close()


def test_reading_never_changes_the_file(database: Path) -> None:
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    fact_book = open_fact_book(database)
    fact_book.observations()
    fact_book.search("Jinshan")
    fact_book.chart_for("rural-income-2019")
    engine = fact_book.reading().store.engine
    with pytest.raises(OperationalError, match="readonly"), engine.connect() as connection:
        connection.execute(text("DELETE FROM observations"))
    fact_book.close()
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


def test_missing_file_gives_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(FactBookError, match=r"does not exist\.$"):
        open_fact_book(tmp_path / "nowhere.sqlite")


def test_corrupt_file_gives_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"this is not a database" * 200)
    with pytest.raises(FactBookError, match="damaged or is not a fact book database"):
        open_fact_book(path)


def test_a_damaged_page_fails_the_full_check_at_open(damaged_database: Path) -> None:
    with pytest.raises(FactBookError, match=r"is damaged \(SQLite reports: On tree page \d+"):
        open_fact_book(damaged_database, full_check=True)


def test_a_large_file_opens_on_a_header_check_and_is_read_whole_later(
    damaged_database: Path, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "FULL_CHECK_BYTES", 0)  # every file counts as large
    book = open_fact_book(damaged_database)
    assert not book.fully_checked
    assert len(book.themes()) == 5  # the undamaged tables still read
    problem = book.integrity_problem()
    assert problem is not None and "is damaged" in problem and not book.fully_checked
    book.close()


def test_a_small_file_is_checked_whole_at_open(book: FactBook) -> None:
    assert book.fully_checked
    assert book.integrity_problem() is None


def test_info_reports_counts_and_vintage(book: FactBook) -> None:
    info = book.info()
    assert info.observation_count == len(book.observations())
    assert info.data_vintage == "2025"
    assert info.source_count == len(book.sources()) == 14
