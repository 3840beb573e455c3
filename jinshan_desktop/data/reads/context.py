"""What every read needs: the open store and the reader's language, and how a name is picked in it."""

from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from typing import Any, TypeVarTuple

from sqlalchemy import FromClause, Select, func
from sqlalchemy.engine import Row

from jinshan_desktop.data.code_words import LOCATORS, citation_label, word
from jinshan_desktop.data.languages import is_chinese, pick
from jinshan_desktop.data.store import Store

Columns = TypeVarTuple("Columns")
# A row of one table: its columns by name (row.name_en), as the ORM's objects had them, without the ORM.
Record = Any


@dataclass(frozen=True, slots=True)
class ReadContext:
    store: Store
    language: str

    def rows(self, statement: Select[*Columns]) -> list[Row[*Columns]]:
        return self.store.rows(statement)

    def records(self, statement: Select[Any]) -> list[tuple[Record, ...]]:
        """The rows of a select of whole tables (select(table, other_table, ...)), each cut into one record
        per table, in the order selected; None for a table an outer join found no row of."""
        shapes = [_shape(part) for part in _selected_tables(statement)]
        result = []
        for row in self.rows(statement):
            values = tuple(row)
            cut: list[Record] = []
            start = 0
            for record, width, key in shapes:
                part = values[start : start + width]
                cut.append(None if part[key] is None else record._make(part))
                start += width
            result.append(tuple(cut))
        return result

    def name(self, item: Record) -> str:
        """An item's name in the reader's language, English where no Chinese was written."""
        return pick(self.language, item.name_en, item.name_zh_hans, item.name_zh_hant)

    def source_texts(self, source: Record, text: Record | None) -> tuple[str, str, str]:
        """A source's title, publisher and citation label in the reader's language; the label is empty
        where the reader's language has none (English readers cite by id)."""
        if text is None or not is_chinese(self.language):
            return source.title, source.publisher, ""
        simplified = self.language == "zh_CN"
        return (
            text.title_zh_hans if simplified else text.title_zh_hant,
            text.publisher_zh_hans if simplified else text.publisher_zh_hant,
            text.citation_zh_hans if simplified else text.citation_zh_hant,
        )

    def citation(self, label: str, locator: str) -> str:
        return citation_label(label, locator, self.language) if label else ""

    def locator_text(self, locator: str) -> str:
        return word(LOCATORS, locator, self.language) if locator in LOCATORS else locator

    def localised(self, english: Any, simplified: Any, traditional: Any) -> Any:
        """The SQL column of the reader's language, falling back to English: the one column picker."""
        if self.language == "zh_CN":
            return func.coalesce(simplified, english)
        if self.language == "zh_TW":
            return func.coalesce(traditional, english)
        return english


def _selected_tables(statement: Select[Any]) -> list[FromClause]:
    """The tables a select takes whole, in order: each run of its columns from one table."""
    parts = []
    for table, columns in groupby(statement.selected_columns, key=lambda column: column.table):
        if len(list(columns)) != len(table.c):
            raise ValueError(f"records() reads whole tables; the select takes part of {table}")
        parts.append(table)
    return parts


@cache
def _shape(part: FromClause) -> tuple[Any, int, int]:
    """A table's record type, its width in a row, and where its first primary-key column stands."""
    keys = [column.key for column in part.c]
    key = next(column.key for column in part.primary_key)
    return namedtuple(f"{part.name}_record", keys), len(keys), keys.index(key)  # type: ignore[attr-defined]
