"""A Chinese reader reads Chinese: citations and sources in Chinese, 近 apart from 约, 亿元 not 十亿元, full-width
punctuation, and Chinese exports that a Chinese table would print (issue 12)."""

import csv
import io
from pathlib import Path

import pytest

from jinshan_desktop.data.exporting import export_all
from jinshan_desktop.data.queries import FactBook


def _read(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


@pytest.mark.parametrize(
    ("language", "value", "citation", "publisher"),
    [
        ("en", "nearly 100 billion yuan", "briefing-2020-09-10 ¶8", "Information Office of Shanghai Municipality"),
        ("zh_CN", "近1000亿元", "《发布会》¶8", "上海市人民政府新闻办公室"),
        ("zh_TW", "近1000億元", "《發布會》¶8", "上海市人民政府新聞辦公室"),
    ],
)
def test_a_figure_is_cited_in_the_readers_language(
    book: FactBook, language: str, value: str, citation: str, publisher: str
) -> None:
    row = book.with_language(language).observation("cluster-output-2020")
    assert (row.value_text, row.citation, row.source_publisher) == (value, citation, publisher)
    assert row.qualifier == "nearly" and row.source_language == "en"


def test_named_parts_and_articles_read_as_chinese_citations(book: FactBook) -> None:
    chinese = book.with_language("zh_CN")
    assert chinese.observation("population-2020").citation == "中文维基百科 信息框"
    assert chinese.observation("gdp-growth-2019").citation == "金山区政府网 2020-01 报道"
    assert chinese.observation("edo-revenue-2021").citation == "和辉光电2022年度业绩快报 主要财务数据"
    assert chinese.facts()[0].citation.startswith("《发布会》¶")


def test_sources_have_chinese_titles_publishers_and_contributions(book: FactBook) -> None:
    sources = {s.id: s for s in book.with_language("zh_TW").sources()}
    briefing = sources["briefing-2020-09-10"]
    assert briefing.publisher == "上海市人民政府新聞辦公室" and briefing.title_kind == "descriptive"
    assert briefing.title.startswith("「高質量發展、高品質生活」")
    assert sources["edo-2022-preliminary"].title_kind == "official"
    assert all(source.contributed and source.citation for source in sources.values())


def test_entities_carry_their_name_kind_and_chinese_in_the_readers_script(book: FactBook) -> None:
    entities = {e.id: e for e in book.with_language("zh_TW").entities()}
    park = entities["warburg-park"]
    assert (park.name, park.name_zh, park.name_kind) == ("華平金山智慧產業園", "華平金山智慧產業園", "official")
    assert park.name_source is not None and "sh-cfw.com" in park.name_source
    assert entities["old-brands"].name_kind == "descriptive"
    assert "華平投資" in park.description
    hits = book.with_language("zh_CN").search("鑫博海")
    entity_hit = next(hit for hit in hits if hit.kind == "entity")
    assert "廊下镇" in entity_hit.detail


def test_a_chinese_chart_is_in_yi_yuan_with_full_width_commas(book: FactBook) -> None:
    chart = book.with_language("zh_CN").chart_for("edo-planned-output")
    assert chart.axis_unit == "亿元"
    assert chart.points[0].value == pytest.approx(129)
    assert chart.points[0].label.startswith("和辉光电") and "，" in chart.points[0].label
    english = book.chart_for("edo-planned-output")
    assert english.axis_unit == "billion yuan" and english.points[0].value == pytest.approx(12.9)


def test_a_chinese_export_writes_yuan_units_and_chinese_words(book: FactBook, tmp_path: Path) -> None:
    export_all(book.with_language("zh_TW"), tmp_path)
    figures = {row["編號"]: row for row in _read(tmp_path / "observations.csv")}
    cluster = figures["cluster-output-2020"]
    cells = (cluster["數值"], cluster["單位"], cluster["限定詞"], cluster["時期類型"])
    assert cells == ("1000", "億元", "近", "未說明時期")
    assert (figures["leisure-visitors-2019"]["數值"], figures["leisure-visitors-2019"]["單位"]) == ("852", "萬人次")
    assert (figures["xinbohai-output-annual"]["數值"], figures["xinbohai-output-annual"]["單位"]) == ("4", "億元")
    units = {row["單位"] for row in figures.values()}
    assert not units & {"十億元", "百萬元", "十億美元", "百萬美元", "百萬人次"}
    entities = {row["編號"]: row for row in _read(tmp_path / "entities.csv")}
    assert entities["xinbohai"]["中文名稱"] == "鑫博海「中央廚房」"
    assert entities["xinbohai"]["類別"] == "企業"


def test_indicators_are_described_in_chinese(book: FactBook) -> None:
    def described(language: str) -> str:
        return book.with_language(language).observation("cluster-output-2020").indicator_description

    assert (described("zh_CN"), described("zh_TW")) == ("四大产业集群的合计产值", "四大產業集群的合計產值")
    assert book.observation("cluster-output-2020").indicator_description.startswith("Combined output value")


def test_notes_are_in_the_readers_language_or_not_shown(book: FactBook) -> None:
    assert book.with_language("zh_TW").observation("edo-net-profit-2021").note == "虧損"
    assert book.observation("edo-net-profit-2021").note == "A loss"
    english_only = book.observation("medical-institutions-2020")
    assert english_only.note and book.with_language("zh_CN").observation("medical-institutions-2020").note is None


def test_a_chinese_export_writes_notes_and_named_parts_in_chinese(book: FactBook, tmp_path: Path) -> None:
    export_all(book.with_language("zh_CN"), tmp_path)
    figures = {row["编号"]: row for row in _read(tmp_path / "observations.csv")}
    assert (figures["population-2020"]["位置"], figures["population-2020"]["备注"]) == ("信息框", "第七次全国人口普查")
    assert figures["cluster-output-2020"]["位置"] == "¶8"


def test_a_chinese_export_has_a_chinese_readme(book: FactBook, tmp_path: Path) -> None:
    export_all(book.with_language("zh_TW"), tmp_path)
    readme = (tmp_path / "README.txt").read_text(encoding="utf-8")
    assert readme.startswith("金山區資料手冊")
    assert "  限定詞：近（略低於此數）、約、超過、最多" in readme and "observations.csv——全部資料" in readme
    english = export_all(book, tmp_path / "en")[-1].read_text(encoding="utf-8")
    assert english.startswith("Jinshan Fact Book - exported tables") and "qualifier: nearly (just under)" in english
