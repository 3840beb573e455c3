"""Text matching shared by a table's filter box and Find: literal substrings, in every language."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Select, or_, select
from sqlalchemy.sql.elements import ColumnElement

from jinshan_desktop.data import tables
from jinshan_desktop.data.dialects import contains_text

TextColumn = Column[Any]
# SQLite refuses a LIKE pattern over 50,000 bytes ("pattern too complex"); nobody searches for more than this.
MAX_PATTERN_CHARACTERS = 500


class PatternTooLong(ValueError):
    """A search or filter text longer than MAX_PATTERN_CHARACTERS; nothing was searched."""


def needle_of(text: str) -> str:
    """The searched text: SQLite cuts text at a NUL, which would match everything, so only printable characters."""
    needle = "".join(character for character in text if character.isprintable()).strip()
    if len(needle) > MAX_PATTERN_CHARACTERS:
        raise PatternTooLong(
            f"A search is at most {MAX_PATTERN_CHARACTERS} characters long; this one has {len(needle)}."
        )
    return needle


def matches(needle: str, *columns: TextColumn) -> ColumnElement[bool]:
    """Any of the columns contains the needle; %, _ and quotes are matched literally."""
    return or_(*(contains_text(column, needle) for column in columns))


def indicators_named(needle: str) -> Select[str]:
    """Indicators whose own name, entity's name or topic's name contains the needle, in any language.

    Names are matched in the small tables; figures are then found through the indicator index, so a
    filter or a search stays quick however many figures there are."""
    i, e, t = tables.indicators.c, tables.entities.c, tables.topics.c
    return (
        select(i.id)
        .outerjoin(tables.entities, i.entity_id == e.id)
        .join(tables.topics, i.topic_id == t.id)
        .where(
            or_(
                matches(needle, i.name_en, i.name_zh_hans, i.name_zh_hant),
                matches(needle, e.name_en, e.name_zh_hans, e.name_zh_hant),
                matches(needle, t.name_en, t.name_zh_hans, t.name_zh_hant),
            )
        )
    )
