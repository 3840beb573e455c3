"""The citation of one figure, as plain text, BibTeX and CSL-JSON, in the reader's language; no Qt.

The window's Cite button and the command line write the same text: both ask FactBook.citation() for a
FigureCitation (what the figure, its document and the date accessed say) and format it here. The plain style
follows the reader's convention: an author–title–date reference in English, GB/T 7714's electronic-resource
form ("[EB/OL]. (published)[accessed]") in Chinese. The words are written out in all three languages because
the packaged app converts nothing at run time.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from jinshan_desktop.data.code_words import LOCATORS, word
from jinshan_desktop.data.languages import is_chinese
from jinshan_desktop.data.rows import FactRow, ObservationRow, SourceInfo

CITATION_STYLES = ("plain", "bibtex", "csl-json")
_PARAGRAPH = re.compile(r"^¶(\d+)(?:\s*[-–]\s*¶?(\d+))?$")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# (English, Simplified, Traditional) of the few words a citation needs.
_WORDS: dict[str, tuple[str, str, str]] = {
    "as_written": ("as written", "原文", "原文"),
    "derived": (
        "derived by the Jinshan Fact Book from published figures",
        "金山区资料手册据已发布数据推算",
        "金山區資料手冊據已發布資料推算",
    ),
    "accessed": ("Accessed", "引用日期", "引用日期"),
    "figure": ("Figure", "所引数据", "所引資料"),
    "undated": ("n.d.", "未注明日期", "未註明日期"),
}
_COLUMN = {"en": 0, "zh_CN": 1, "zh_TW": 2}
# LaTeX's special characters, each written so that BibTeX and LaTeX print it as itself.
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "#": r"\#",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


@dataclass(frozen=True, slots=True)
class FigureCitation:
    """What a citation of one figure says, in the reader's language (the figure as written in the source's)."""

    observation_id: str
    language: str
    indicator: str
    period: str
    value_text: str  # formatted as the table shows it
    as_written: str | None  # the figure as the document writes it, in the document's language
    derived: bool
    title: str
    publisher: str
    published: str | None  # "2020-09-14", "2020-01" or None
    locator: str  # "¶8", "article", "infobox", …
    address: str | None
    accessed: date
    source_language: str = "en"

    @classmethod
    def of(cls, row: ObservationRow, accessed: date, language: str) -> FigureCitation:
        return cls(
            observation_id=row.id,
            language=language,
            indicator=row.indicator,
            period=row.period_label,
            value_text=row.value_text,
            as_written=row.as_written,
            derived=row.derived,
            title=row.source_title,
            publisher=row.source_publisher,
            published=row.source_published,
            locator=row.locator,
            address=row.source_address,
            accessed=accessed,
            source_language=row.source_language,
        )


def formatted(citation: FigureCitation, style: str) -> str:
    """The citation in one of CITATION_STYLES."""
    if style == "plain":
        return plain_citation(citation)
    if style == "bibtex":
        return bibtex_citation(citation)
    if style == "csl-json":
        return csl_json_citation(citation)
    raise ValueError(f"unknown citation style {style!r}; choose one of {', '.join(CITATION_STYLES)}")


def _word(key: str, language: str) -> str:
    return _WORDS[key][_COLUMN.get(language, 0)]


def _place(locator: str, language: str) -> str:
    """Where in the document: "¶8" / "第8段"; a named part in the reader's words; "" for the whole article."""
    if locator == "article":
        return ""
    paragraph = _PARAGRAPH.match(locator)
    if paragraph and is_chinese(language):
        first, last = paragraph.groups()
        return f"第{first}段" if last is None else f"第{first}—{last}段"
    return word(LOCATORS, locator, language) if locator in LOCATORS else locator


def _figure(citation: FigureCitation) -> str:
    """ "Industrial output, 2019: 34.33 billion yuan (as written: “RMB 34.33 billion”)"."""
    language = citation.language
    chinese = is_chinese(language)
    text = f"{citation.indicator}{'，' if chinese else ', '}{citation.period}{'：' if chinese else ': '}"
    text += citation.value_text
    notes = []
    if citation.as_written and citation.as_written != citation.value_text:
        quoted = f"「{citation.as_written}」" if language == "zh_TW" else f"“{citation.as_written}”"  # Taiwan's quotes
        notes.append(f"{_word('as_written', language)}{'：' if chinese else ': '}{quoted}")
    if citation.derived:
        notes.append(_word("derived", language))
    if notes:
        text += f"（{'；'.join(notes)}）" if chinese else f" ({'; '.join(notes)})"
    return text


def _english_date(iso: str) -> str:
    parts = [int(part) for part in iso.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {_MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def plain_citation(citation: FigureCitation) -> str:
    """One paragraph a reader pastes under a table or into a footnote."""
    language = citation.language
    place = _place(citation.locator, language)
    if is_chinese(language):
        published = f"({citation.published})" if citation.published else f"({_word('undated', language)})"
        text = f"{citation.publisher}. {citation.title}[EB/OL]. {published}[{citation.accessed.isoformat()}]."
        if place:
            text += f" {place}."
        if citation.address:
            text += f" {citation.address}."
        return f"{text} {_word('figure', language)}：{_figure(citation)}。"
    published = _english_date(citation.published) if citation.published else _word("undated", language)
    text = f"{citation.publisher}. “{citation.title}.” {published}"
    text += f", {place}." if place else "."
    if citation.address:
        text += f" {citation.address}."
    accessed = _english_date(citation.accessed.isoformat())
    return f"{text} {_word('accessed', language)} {accessed}. {_word('figure', language)}: {_figure(citation)}."


def bibtex_escape(text: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters escaped, so every brace in the entry is balanced."""
    return "".join(_LATEX.get(character, character) for character in text)


def _bibtex_url(address: str) -> str:
    # A url field is read verbatim by biblatex and the url package; only a brace could unbalance the entry.
    return address.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")


def bibtex_key(citation: FigureCitation) -> str:
    return "jinshan:" + re.sub(r"[^A-Za-z0-9_.:-]", "-", citation.observation_id)


def bibtex_citation(citation: FigureCitation) -> str:
    """A @misc entry for BibTeX and biblatex: the publisher as a corporate author (double braces)."""
    language = citation.language
    place = _place(citation.locator, language)
    note = _figure(citation) + (("；" if is_chinese(language) else "; ") + place if place else "")
    fields: list[tuple[str, str]] = [
        ("author", "{" + bibtex_escape(citation.publisher) + "}"),
        ("title", bibtex_escape(citation.title)),
    ]
    if citation.published:
        fields += [("year", citation.published[:4]), ("date", citation.published)]
    if citation.address:
        url = _bibtex_url(citation.address)
        fields += [("url", url), ("howpublished", f"\\url{{{url}}}")]
    fields += [
        ("urldate", citation.accessed.isoformat()),
        ("note", bibtex_escape(note)),
        ("langid", "chinese" if citation.source_language == "zh" else "english"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{bibtex_key(citation)},\n{body}\n}}\n"


def _date_parts(iso: str) -> dict[str, list[list[int]]]:
    return {"date-parts": [[int(part) for part in iso.split("-")]]}


def csl_json_citation(citation: FigureCitation) -> str:
    """A CSL-JSON list of one item (what Zotero, pandoc and citeproc read)."""
    language = citation.language
    item: dict[str, object] = {
        "id": bibtex_key(citation),
        "type": "webpage" if citation.address else "document",
        "title": citation.title,
        "author": [{"literal": citation.publisher}],
        "publisher": citation.publisher,
        "accessed": _date_parts(citation.accessed.isoformat()),
        "note": _figure(citation),
        "language": {"en": "en", "zh_CN": "zh-CN", "zh_TW": "zh-TW"}.get(language, "en"),
    }
    if citation.published:
        item["issued"] = _date_parts(citation.published)
    if citation.address:
        item["URL"] = citation.address
    paragraph = _PARAGRAPH.match(citation.locator)
    if paragraph:
        first, last = paragraph.groups()
        item["locator"], item["label"] = (first if last is None else f"{first}-{last}"), "paragraph"
    elif citation.locator != "article":
        item["locator"], item["label"] = _place(citation.locator, language), "section"
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def fact_with_citation(fact: FactRow, source: SourceInfo, language: str) -> str:
    """A fact's sentence followed by where it was published, for the clipboard."""
    place = _place(fact.locator, language)
    if is_chinese(language):
        parts = [f"{source.publisher}《{source.title}》", source.published or "", place]
        return f"{fact.statement}（{'，'.join(part for part in parts if part)}）"
    parts = [source.publisher, f"“{source.title}”", _english_date(source.published) if source.published else "", place]
    return f"{fact.statement} ({', '.join(part for part in parts if part)})"
