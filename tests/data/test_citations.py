"""The citation of a figure: plain text in three languages, BibTeX that balances, CSL-JSON that parses."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date

import pytest

from jinshan_desktop.data.citations import (
    CITATION_STYLES,
    bibtex_citation,
    bibtex_escape,
    csl_json_citation,
    fact_with_citation,
    formatted,
    plain_citation,
)
from jinshan_desktop.data.queries import FactBook

ACCESSED = date(2026, 12, 1)


def _braces_balanced(text: str) -> bool:
    depth = 0
    for position, character in enumerate(text):
        escaped = position > 0 and text[position - 1] == "\\"
        if character == "{" and not escaped:
            depth += 1
        elif character == "}" and not escaped:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def test_plain_english_names_value_document_publisher_date_paragraph_and_accessed(book: FactBook) -> None:
    text = plain_citation(book.citation("cluster-output-2020", ACCESSED))
    assert text.startswith("Information Office of Shanghai Municipality. “Press release for the Shanghai Municipal")
    assert "14 September 2020, ¶8." in text
    assert "Accessed 1 December 2026." in text
    assert "nearly 100 billion yuan" in text and "as written: “100 billion yuan”" in text


def test_plain_english_gives_the_address_when_the_source_has_one(book: FactBook) -> None:
    text = plain_citation(book.citation("population-2010", ACCESSED))
    assert "https://en.wikipedia.org/wiki/Jinshan_District." in text
    assert "n.d." in text  # the article has no publication date; the citation says so rather than inventing one
    assert "¶" not in text  # the whole article is cited: no place in it


@pytest.mark.parametrize(
    ("language", "publisher", "paragraph", "figure"),
    [
        ("zh_CN", "上海市人民政府新闻办公室", "第8段", "所引数据："),
        ("zh_TW", "上海市人民政府新聞辦公室", "第8段", "所引資料："),
    ],
)
def test_plain_chinese_in_gbt_7714_form(
    book: FactBook, language: str, publisher: str, paragraph: str, figure: str
) -> None:
    text = plain_citation(book.with_language(language).citation("cluster-output-2020", ACCESSED))
    assert text.startswith(f"{publisher}. ")
    assert "[EB/OL]. (2020-09-14)[2026-12-01]." in text
    assert f" {paragraph}." in text and figure in text
    quoted = "「100 billion yuan」" if language == "zh_TW" else "“100 billion yuan”"
    assert f"原文：{quoted}" in text  # the source's own words stay as written, in the script's quotes
    assert not re.search(r"[A-Za-z]{3,}", text.replace("100 billion yuan", "").replace("EB/OL", ""))


def test_derived_figures_say_so(book: FactBook) -> None:
    derived = next(row for row in book.observations() if row.derived)
    assert "derived by the Jinshan Fact Book" in plain_citation(book.citation(derived.id, ACCESSED))


def test_bibtex_entry_has_its_fields_and_balanced_braces(book: FactBook) -> None:
    entry = bibtex_citation(book.citation("population-2010", ACCESSED))
    assert entry.startswith("@misc{jinshan:population-2010,\n")
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", entry, re.MULTILINE))
    assert fields["author"] == "{Wikipedia}"  # a corporate author: BibTeX must not split it into names
    assert fields["title"] == "Jinshan District (English Wikipedia article)"
    assert fields["url"] == "https://en.wikipedia.org/wiki/Jinshan_District"
    assert fields["urldate"] == "2026-12-01"
    assert "732,500" in fields["note"]
    assert _braces_balanced(entry)


def test_bibtex_escapes_what_latex_would_read_as_commands(book: FactBook) -> None:
    citation = replace(
        book.citation("cluster-output-2020", ACCESSED),
        title="R&D {spending} 100% of #1 plan_a ~ ^ \\ $",
        address="https://example.org/a{b}",
    )
    entry = bibtex_citation(citation)
    assert _braces_balanced(entry)
    assert r"R\&D \{spending\} 100\% of \#1 plan\_a \~{} \^{} \textbackslash{} \$" in entry
    assert "url = {https://example.org/a%7Bb%7D}" in entry
    assert bibtex_escape("{}") == r"\{\}"


def test_bibtex_in_chinese_keeps_its_braces_balanced(book: FactBook) -> None:
    entry = bibtex_citation(book.with_language("zh_CN").citation("cluster-output-2020", ACCESSED))
    assert "author = {{上海市人民政府新闻办公室}}" in entry and "第8段" in entry
    assert _braces_balanced(entry)


@pytest.mark.parametrize("language", ["en", "zh_CN", "zh_TW"])
def test_csl_json_parses_with_dates_locator_and_language(book: FactBook, language: str) -> None:
    [item] = json.loads(csl_json_citation(book.with_language(language).citation("cluster-output-2020", ACCESSED)))
    assert item["id"] == "jinshan:cluster-output-2020"
    assert item["issued"] == {"date-parts": [[2020, 9, 14]]}
    assert item["accessed"] == {"date-parts": [[2026, 12, 1]]}
    assert (item["locator"], item["label"]) == ("8", "paragraph")
    assert item["language"] == {"en": "en", "zh_CN": "zh-CN", "zh_TW": "zh-TW"}[language]
    assert item["author"] == [{"literal": item["publisher"]}]
    assert "URL" not in item  # the briefing's record has no address: none is made up


def test_csl_json_names_a_part_and_a_url(book: FactBook) -> None:
    [item] = json.loads(csl_json_citation(book.citation("population-2020", ACCESSED)))
    assert (item["locator"], item["label"]) == ("infobox", "section")
    [article] = json.loads(csl_json_citation(book.citation("population-2010", ACCESSED)))
    assert article["URL"] == "https://en.wikipedia.org/wiki/Jinshan_District" and "locator" not in article


def test_every_style_by_name_and_an_unknown_one_refused(book: FactBook) -> None:
    citation = book.citation("cluster-output-2020", ACCESSED)
    assert [formatted(citation, style) for style in CITATION_STYLES] == [
        plain_citation(citation),
        bibtex_citation(citation),
        csl_json_citation(citation),
    ]
    with pytest.raises(ValueError, match="unknown citation style"):
        formatted(citation, "apa")


def test_accessed_defaults_to_today(book: FactBook) -> None:
    assert book.citation("cluster-output-2020").accessed == date.today()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_fact_with_its_citation(book: FactBook, language: str) -> None:
    reading = book.with_language(language)
    fact = next(fact for fact in reading.facts() if fact.locator.startswith("¶"))
    source = next(source for source in reading.sources(counted=False) if source.id == fact.source_id)
    text = fact_with_citation(fact, source, language)
    assert text.startswith(fact.statement) and source.publisher in text and source.title in text
    assert ("第" if language == "zh_CN" else "¶") + fact.locator.lstrip("¶") in text
