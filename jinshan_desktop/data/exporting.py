"""CSV files from the read API: Excel-friendly encoding, formula-injection guard, atomic replace (export_files)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinshan_desktop.data.code_words import ENTITY_KINDS, FACT_KINDS, GRADES, README_LABEL, word
from jinshan_desktop.data.encodings import DEFAULT_ENCODING as DEFAULT_ENCODING
from jinshan_desktop.data.encodings import ENCODINGS as ENCODINGS
from jinshan_desktop.data.export_files import ExportError as ExportError  # re-exported: the views catch it
from jinshan_desktop.data.export_files import atomic_target as atomic_target
from jinshan_desktop.data.export_files import reason_of, staged_folder
from jinshan_desktop.data.export_records import export_records
from jinshan_desktop.data.formula_guard import guard
from jinshan_desktop.data.languages import is_chinese
from jinshan_desktop.data.progress import Cancelled, Progress
from jinshan_desktop.data.queries import FactBook, TableQuery

# Encodings offered to the reader; the first is the default because Excel needs the BOM for Chinese.

Cell = str | int | Decimal | None
VINTAGE_BASIS = {
    "en": {"period": "the latest year a figure refers to", "published": "the latest publication date"},
    "zh_CN": {"period": "数据所指的最近年份", "published": "最近的发布日期"},
    "zh_TW": {"period": "資料所指的最近年份", "published": "最近的發布日期"},
}


def vintage_basis_words(basis: str, language: str) -> str:
    """What "data as of" rests on, in the reader's language."""
    return VINTAGE_BASIS.get(language, VINTAGE_BASIS["en"]).get(basis, basis)


@dataclass(frozen=True, slots=True)
class Table:
    file_name: str
    description: str
    columns: tuple[tuple[str, str], ...]  # (header, what the column means)
    rows: Iterable[Any]  # rows, or (chunked) lists of rows streamed from SQL
    row_count: int | None = None  # when known, for progress
    chunked: bool = False  # rows is an iterable of lists of rows
    guarded: bool = False  # cells are final strings: numbers formatted, text guarded against formulas

    @property
    def headers(self) -> list[str]:
        return [header for header, _ in self.columns]


OBSERVATION_COLUMNS = (
    ("id", "Identifier of the figure in the fact book"),
    ("theme", "Theme: District profile, Manufacturing, Rural revitalization, Regional integration, Public services"),
    ("topic", "Sub-section of the theme"),
    ("indicator", "What is measured"),
    ("entity", "Company, park, project or institution the figure belongs to, if any"),
    ("period", "Period as the source gives it (a year, part of a year, a span, 'as of' a date)"),
    ("period_kind", "year, year_stated, as_of, span, stage, per_year, part_year, holiday or day"),
    ("year", "Calendar year of the period, where it has one"),
    ("value", "The figure as published: a plain number without thousands separators"),
    ("unit", "Unit of the value"),
    ("unit_id", "Identifier of the unit, the same in every language (a Chinese unit name may name two units)"),
    ("qualifier", "nearly (just under), approximately (about), more_than (more than / over), up_to; empty when exact"),
    ("derived", "yes when computed from published figures; the formula column says how"),
    ("formula", "For a derived figure: the arithmetic over the ids of its input figures"),
    ("provisional", "yes for preliminary figures that may be revised"),
    ("source", "Identifier of the source document (see sources.csv)"),
    ("locator", "Where in the source: a paragraph such as ¶8, or a named part"),
    ("note", "Remarks on the period or reading of the figure (in English)"),
    ("value_base", "The value in the base unit of its dimension (yuan, US$, m², kg, persons, ...), to sort and sum"),
    ("unit_base", "The base unit of value_base; rows with the same unit_base may be added up"),
)
FACT_COLUMNS = (
    ("id", "Identifier of the fact"),
    ("theme", "Theme"),
    ("topic", "Sub-section of the theme"),
    ("kind", "title, first, project, partnership, plan, event, ..."),
    ("entity", "Entity concerned"),
    ("statement", "The fact in the fact book's own words"),
    ("source", "Source identifier"),
    ("locator", "Paragraph or part of the source"),
)
ENTITY_COLUMNS = (
    ("id", "Identifier of the entity"),
    ("kind", "company, park, base, hospital, ..."),
    ("name", "Name"),
    ("name_zh", "Chinese name (in Traditional characters in a Traditional Chinese export)"),
    ("theme", "Theme"),
    ("description", "What it is, in the export's language"),
    ("figures", "Ids of its figures in observations.csv, separated by |"),
    ("facts", "Ids of its facts in facts.csv, separated by |"),
)
SOURCE_COLUMNS = (
    ("id", "Identifier used in the source column of the other files"),
    ("title", "Title"),
    ("publisher", "Publisher"),
    ("published", "Date of publication (ISO), where known"),
    ("address", "Web address"),
    ("grade", "A official, census national census"),
    ("contributed", "What the fact book takes from it"),
    ("figures", "Number of figures cited to it"),
    ("facts", "Number of facts cited to it"),
)


def observations_table(book: FactBook, query: TableQuery | None = None, file_name: str = "observations.csv") -> Table:
    """The figures a table shows (query), or all of them, streamed from SQL in the book's language."""
    labels = book.labels()
    chunks = export_records(book.reading(), query, labels["yes"], labels["no"])  # values and guard done in SQL
    total = book.count_observations(query) if query is not None else book.info().observation_count
    return Table(
        file_name,
        _described("observations.csv", "Every figure, one row each, with its citation", labels),
        _localised(OBSERVATION_COLUMNS, labels, "observations.csv"),
        chunks,
        row_count=total,
        chunked=True,
        guarded=True,
    )


def all_tables(book: FactBook) -> list[Table]:
    """The whole data set as the tables that "Export all tables" and the CLI write."""
    themes = {theme.id: theme.name for theme in book.themes()}
    labels = book.labels()
    return [
        observations_table(book),
        _facts_table(book, themes, labels),
        _entities_table(book, themes, labels),
        _sources_table(book, labels),
    ]


def _facts_table(book: FactBook, themes: dict[str, str], labels: dict[str, str]) -> Table:
    kind = {code: word(FACT_KINDS, code, book.language) for code in FACT_KINDS}
    return Table(
        "facts.csv",
        _described("facts.csv", "Statements without a number: titles, firsts, projects, partnerships", labels),
        _localised(FACT_COLUMNS, labels, "facts.csv"),
        [
            (f.id, themes[f.theme_id], f.topic, kind.get(f.kind, f.kind), f.entity, f.statement, f.source_id, f.locator)
            for f in book.facts()
        ],
    )


def _entities_table(book: FactBook, themes: dict[str, str], labels: dict[str, str]) -> Table:
    return Table(
        "entities.csv",
        _described(
            "entities.csv", "Companies, parks, bases, centres, villages, hospitals, brands and platforms", labels
        ),
        _localised(ENTITY_COLUMNS, labels, "entities.csv"),
        [
            (
                e.id,
                word(ENTITY_KINDS, e.kind, book.language),
                e.name,
                e.name_zh,
                themes[e.theme_id],
                e.description,
                "|".join(e.observation_ids),
                "|".join(e.fact_ids),
            )
            for e in book.entities()
        ],
    )


def _sources_table(book: FactBook, labels: dict[str, str]) -> Table:
    return Table(
        "sources.csv",
        _described("sources.csv", "Documents the figures come from", labels),
        _localised(SOURCE_COLUMNS, labels, "sources.csv"),
        [
            (
                s.id,
                s.title,
                s.publisher,
                s.published,
                s.address,
                word(GRADES, s.grade, book.language),
                s.contributed,
                s.figure_count,
                s.fact_count,
            )
            for s in book.sources()
        ],
    )


def _described(key: str, english: str, labels: dict[str, str]) -> str:
    """The README's words in the export's language: a Chinese label where db/readme_zh.csv has one."""
    return labels.get(README_LABEL + key) or english


def _localised(
    columns: tuple[tuple[str, str], ...], labels: dict[str, str], file_name: str = ""
) -> tuple[tuple[str, str], ...]:
    return tuple((labels.get(key, key), _described(f"{file_name}:{key}", meaning, labels)) for key, meaning in columns)


def readme_text(
    tables: Sequence[Table], vintage: str, labels: dict[str, str] | None = None, language: str = "en"
) -> str:
    words = labels or {}
    colon, dash = ("：", "——") if is_chinese(language) else (": ", " - ")  # full-width in Chinese
    lines = [
        _described("title", "Jinshan Fact Book - exported tables", words),
        _described(
            "format", "Data as of {vintage}. CSV, comma-separated, header row, one record per line.", words
        ).replace("{vintage}", vintage),
        _described(
            "numbers",
            "Numbers are plain (no thousands separators); text cells that begin with = + - @ are prefixed with '\n"
            "so that spreadsheets do not run them as formulas.",
            words,
        ),
        "",
    ]
    for table in tables:
        lines += [f"{table.file_name}{dash}{table.description}", ""]
        lines += [f"  {header}{colon}{meaning}" for header, meaning in table.columns]
        lines.append("")
    return "\n".join(lines)


class ExportCancelled(ExportError, Cancelled):
    """The reader cancelled; nothing was written."""


def export_table(table: Table, path: Path, encoding: str = DEFAULT_ENCODING, progress: Progress | None = None) -> None:
    """Write one table to path; on failure or cancel nothing is left at path that was not there before."""
    _check_encoding(encoding)
    chunks: Iterable[Any] = table.rows if table.chunked else [list(table.rows)]
    written = 0
    with (
        closing_iterable(chunks),
        atomic_target(path) as temporary,
        temporary.open("w", encoding=encoding, newline="") as handle,
    ):
        writer = csv.writer(handle)
        writer.writerow(table.headers)
        for chunk in chunks:
            rows = list(chunk)
            if table.guarded:
                handle.write(csv_text(rows))
            else:
                writer.writerows([_cell(value) for value in row] for row in rows)
            written += len(rows)
            if progress is not None and not progress(written):
                raise ExportCancelled(f"The export to {path} was cancelled; no file was written.")


@contextmanager
def closing_iterable(items: Iterable[Any]) -> Iterator[None]:
    """Close a generator left early (a cancel, a failed write) now, while its database connection is open."""
    try:
        yield
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()


def export_all(
    book: FactBook,
    folder: Path,
    encoding: str = DEFAULT_ENCODING,
    progress: Progress | None = None,
) -> list[Path]:
    """Every table plus README.txt into folder (created if missing); returns the files written."""
    _check_encoding(encoding)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"The folder {folder} cannot be created: {error.strerror or error}.") from error
    tables = all_tables(book)
    names = [table.file_name for table in tables] + ["README.txt"]
    with staged_folder(folder) as staging:
        for table in tables:
            try:
                export_table(table, staging / table.file_name, encoding, progress if table.chunked else None)
            except ExportCancelled:
                raise ExportCancelled(f"The export to {folder} was cancelled; no file in it was changed.") from None
            except ExportError as error:
                raise ExportError(
                    f"The export to {folder} failed writing {table.file_name} ({reason_of(error)}); "
                    "no file in it was changed."
                ) from error
        with atomic_target(staging / "README.txt") as temporary:
            info = book.info()
            vintage = f"{info.data_vintage} ({vintage_basis_words(info.vintage_basis, book.language)})"
            temporary.write_text(readme_text(tables, vintage, book.labels(), book.language), encoding="utf-8")
    return [folder / name for name in names]


_FIELD, _RECORD = "\x1f", "\x1e"  # ASCII unit and record separators: joined first, replaced after
_NEEDS_QUOTES = re.compile('[",\r\n]')


def csv_text(rows: Sequence[Sequence[str]]) -> str:
    """Rows of strings, all of one width, as CSV text, exactly as csv.writer writes them (minimal quoting, CRLF).

    The csv module checks every field in turn, which is most of a million-row export's time. Here a chunk is
    joined with separator characters and searched once: without a quote, comma or line break (and with no
    separator character inside a field, told by counting), the separators are replaced by commas and line
    ends in two passes. Otherwise each row is tried alone, and only rows that need quoting go to the csv module.
    """
    if not rows:
        return ""
    width = len(rows[0])
    if width < 2:  # the csv module quotes a lone empty field; not worth copying for one column
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        return buffer.getvalue()
    text = _RECORD.join(_FIELD.join(row) for row in rows)
    plain = (
        _NEEDS_QUOTES.search(text) is None
        and text.count(_FIELD) == len(rows) * (width - 1)
        and text.count(_RECORD) == len(rows) - 1
    )
    if plain:
        return text.replace(_FIELD, ",").replace(_RECORD, "\r\n") + "\r\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        line = _FIELD.join(row)
        if _NEEDS_QUOTES.search(line) or line.count(_FIELD) != width - 1 or _RECORD in line:
            writer.writerow(row)
        else:
            buffer.write(line.replace(_FIELD, ",") + "\r\n")
    return buffer.getvalue()


_PLAIN_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?%?")


def _clipboard_cell(text: str) -> str:
    """A copied cell with the CSV export's formula guard; a plain number (also a negative one) stays one."""
    return text if _PLAIN_NUMBER.fullmatch(text) else guard(text)


def rows_as_tsv(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Tab-separated text with a header row, for the clipboard and pasting into a spreadsheet (guarded)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerow([_clipboard_cell(text) for text in headers])
    writer.writerows([_clipboard_cell(text or "") for text in row] for row in rows)
    return buffer.getvalue()


def _check_encoding(encoding: str) -> None:
    if encoding not in ENCODINGS:
        raise ExportError(f"Unknown encoding {encoding!r}; choose one of {', '.join(ENCODINGS)}.")


def _cell(value: Cell) -> str | int | Decimal:
    if value is None:
        return ""
    return guard(value) if isinstance(value, str) else value  # text only: a negative number must stay a number
