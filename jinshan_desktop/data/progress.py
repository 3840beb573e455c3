"""How long work reports progress and learns it was cancelled, for exports and imports alike."""

from __future__ import annotations

from collections.abc import Callable

# Called with the rows done so far; returns False when the reader cancelled.
Progress = Callable[[int], bool]


class Cancelled(Exception):
    """The reader cancelled; nothing was written (an export) or applied (an import)."""


def never_cancelled(_rows: int) -> bool:
    return True
