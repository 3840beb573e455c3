"""Whether a figure's locator names a place its source has: a source declares "¶1-¶21", "|"-separated named
parts ("main financial data|annex"), or "*" (anything, as for a source an import added)."""

from __future__ import annotations

import re
from functools import lru_cache

_PARAGRAPHS = re.compile(r"¶(\d+)\s*[-–]\s*¶(\d+)")
_PARAGRAPH = re.compile(r"¶(\d+)")


@lru_cache(maxsize=256)  # a source's declaration is read once, not once a row
def _places(declared: str) -> tuple[frozenset[str], tuple[tuple[int, int], ...], bool]:
    names: set[str] = set()
    ranges: list[tuple[int, int]] = []
    anything = False
    for part in (part.strip() for part in declared.split("|")):
        span = _PARAGRAPHS.fullmatch(part)
        single = _PARAGRAPH.fullmatch(part)
        if part == "*":
            anything = True
        elif span:
            ranges.append((int(span.group(1)), int(span.group(2))))
        elif single:
            ranges.append((int(single.group(1)), int(single.group(1))))
        elif part:
            names.add(part.casefold())
    return frozenset(names), tuple(ranges), anything


def locator_allowed(declared: str, locator: str) -> bool:
    """True when locator ("¶8", "¶8-¶9", or a named part) lies within what the source declares."""
    names, ranges, anything = _places(declared)
    if anything:
        return True
    wanted = locator.strip()
    span = _PARAGRAPHS.fullmatch(wanted) or _PARAGRAPH.fullmatch(wanted)
    if span:
        first, last = int(span.group(1)), int(span.group(span.lastindex or 1))
        return any(low <= first <= last <= high for low, high in ranges)
    return wanted.casefold() in names
