"""The formula-injection guard, defined once: a text cell that a spreadsheet would run as a formula
(= + - @ tab CR first) gets a leading apostrophe, in CSV exports and on the clipboard alike."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import case, func, literal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_GUARDED = re.compile("^'[" + re.escape("".join(FORMULA_STARTS)) + "]")


def guard(text: str) -> str:
    """Text made safe for a spreadsheet (never apply it to a number: a negative number must stay one)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unguard(text: str) -> str:
    """The guard taken off again, when a guarded export is imported back."""
    return text[1:] if _GUARDED.match(text) else text


def guarded_sql(column: Any) -> Any:
    """The same guard as an SQL expression, so a streamed export needs no Python per cell."""
    first = func.substr(column, 1, 1)
    return case((first.in_(list(FORMULA_STARTS)), literal("'") + column), else_=column)
