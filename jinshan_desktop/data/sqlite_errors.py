"""What went wrong in SQLite, read once from its error text, so that each store words it for its own file."""

from __future__ import annotations

from enum import Enum, auto


class SqliteProblem(Enum):
    LOCKED = auto()
    DAMAGED = auto()
    READ_ONLY = auto()
    DISK_FULL = auto()
    CANNOT_OPEN = auto()
    OTHER = auto()


def sqlite_problem(error: BaseException) -> tuple[SqliteProblem, str]:
    """The kind of a SQLite error (SQLAlchemy's wrapper or sqlite3's own) and its first line, lower-cased."""
    text = str(getattr(error, "orig", error)).strip().lower()
    first = text.splitlines()[0] if text else "unknown error"
    if "locked" in text or "busy" in text:
        return SqliteProblem.LOCKED, first
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return SqliteProblem.DAMAGED, first
    if "readonly" in text or "read-only" in text or "permission" in text:
        return SqliteProblem.READ_ONLY, first
    if "disk" in text and "full" in text:
        return SqliteProblem.DISK_FULL, first
    if "unable to open" in text:
        return SqliteProblem.CANNOT_OPEN, first
    return SqliteProblem.OTHER, first
