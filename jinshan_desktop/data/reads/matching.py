"""Text matching shared by a table's filter box and Find: literal substrings, in every language."""

from __future__ import annotations

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.elements import ColumnElement

from jinshan_desktop.data import schema
from jinshan_desktop.data.dialects import contains_text

TextColumn = InstrumentedAttribute[str] | InstrumentedAttribute[str | None]
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
    return (
        select(schema.Indicator.id)
        .outerjoin(schema.Entity, schema.Indicator.entity_id == schema.Entity.id)
        .join(schema.Topic, schema.Indicator.topic_id == schema.Topic.id)
        .where(
            or_(
                matches(needle, schema.Indicator.name_en, schema.Indicator.name_zh_hans, schema.Indicator.name_zh_hant),
                matches(needle, schema.Entity.name_en, schema.Entity.name_zh_hans, schema.Entity.name_zh_hant),
                matches(needle, schema.Topic.name_en, schema.Topic.name_zh_hans, schema.Topic.name_zh_hant),
            )
        )
    )
