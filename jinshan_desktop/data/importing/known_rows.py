"""The check's quick path for a row whose repeated cells an earlier row has already passed with.

Most cells of a large file repeat: a million rows name a few thousand indicators, a handful of kinds of
period, a few sources and places. RowReader reads each row whole, about 24 µs a row. Here a row is split
into four groups of cells (names, period kind and year, citation, flags), each looked up by its raw cells
among the groups of rows that passed; only the cells that differ on every row (id, period, value, note) are
read, and a plain number the way read_number reads one without its rules. A row any of whose groups was not
seen, or which is unusual in any way (a ' that may be an export's formula guard, a long field, a number that
needs the rules, a derived figure, a unit a Chinese export restates), is left to RowReader, and what it passes
with is remembered here.

A group's outcome depends only on its own cells (the vocabulary does not change while a file is checked), so
a row taken here is the row RowReader would make: tests/data/test_import_shortcuts.py checks both agree.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

from jinshan_desktop.data.importing.names import slug
from jinshan_desktop.data.importing.numbers import _PLAIN, MAX_SIGNIFICANT_DIGITS
from jinshan_desktop.data.importing.row_reader import _MAGNITUDE_SHIFTS, Resolved, _remember  # RowReader's bound
from jinshan_desktop.data.importing.staging import Figure

MAX_FIELD_CHARACTERS = 10_000  # a field longer than this is refused (checker.py); a row longer, read by the rules
_NAMES = ("theme", "topic", "unit", "unit_id", "indicator", "entity")  # RowReader.resolved's key, in its order
_PERIOD = ("period_kind", "year")
_CITATION = ("source", "locator")
_FLAGS = ("qualifier", "derived", "provisional")
Picker = Callable[[list[str]], Any]


def _picker(columns: dict[str, int], names: tuple[str, ...]) -> Picker:
    """The raw cells of the named columns the file has, as one key (a column it lacks is always empty)."""
    indexes = [columns[name] for name in names if name in columns]
    if not indexes:
        return lambda cells: ()
    return itemgetter(*indexes)


class KnownRows:
    """Rows read by their groups of cells that earlier rows passed with; figure() gives None otherwise."""

    def __init__(self, columns: dict[str, int], width: int) -> None:
        self.width = width
        # A file without a period_kind or year column reads its periods from the period text: the rules only.
        self.usable = all(name in columns for name in _PERIOD)
        self.names_of = _picker(columns, _NAMES)
        self.period_of = _picker(columns, _PERIOD)
        self.citation_of = _picker(columns, _CITATION)
        self.flags_of = _picker(columns, _FLAGS)
        self.at_id, self.at_note = columns.get("id"), columns.get("note")  # optional columns
        self.at_period, self.at_value = columns["period"], columns["value"]
        self.names: dict[Any, Resolved] = {}
        self.periods: dict[Any, tuple[str, int]] = {}  # raw cells -> (kind, year)
        self.citations: dict[Any, tuple[str, str]] = {}  # raw cells -> (source, locator as a code)
        self.flags: dict[Any, tuple[str | None, bool]] = {}  # raw cells -> (qualifier, provisional)

    def figure(self, line: int, cells: list[str]) -> Figure | None:
        """(line, generated id?, *figure) as Checker stages it, or None: the row needs the full rules."""
        if len(cells) != self.width or not self.usable:
            return None
        joined = "".join(cells)
        if "'" in joined or len(joined) > MAX_FIELD_CHARACTERS:  # a guarded cell, or maybe a field too long
            return None
        resolved = self.names.get(self.names_of(cells))
        dated = self.periods.get(self.period_of(cells))
        cited = self.citations.get(self.citation_of(cells))
        flagged = self.flags.get(self.flags_of(cells))
        if resolved is None or dated is None or cited is None or flagged is None:
            return None
        period, value_text = cells[self.at_period].strip(), cells[self.at_value].strip()
        plain = _PLAIN.fullmatch(value_text)
        if not period or plain is None or len(value_text) > MAX_SIGNIFICANT_DIGITS:
            return None
        theme_id, topic_id, _, indicator_id, scale, rank = resolved
        source, locator = cited
        figure_id = cells[self.at_id].strip() if self.at_id is not None else ""
        generated = 0 if figure_id else 1
        if not figure_id:
            figure_id = f"import-{indicator_id}-{slug(period)}-{slug(source)}"
        note = (cells[self.at_note].strip() or None) if self.at_note is not None else None
        value = float(value_text)
        qualifier, provisional = flagged
        kind, year = dated
        decimals = len(plain.group(1) or "")
        return (line, generated, figure_id, indicator_id, period, kind, year, value, decimals, value_text, qualifier,
                provisional, False, None, source, locator, note, theme_id, topic_id, value * scale, rank)  # fmt: skip

    def learn(self, cells: list[str], row: dict[str, str], resolved: Resolved | None, figure: Figure) -> None:
        """Remember the groups of a row RowReader passed (row: its cells trimmed; figure: what it made).

        Only from a row this path could read again: no quote taken off, no value restated from 万 or 亿,
        a period kind and year written out, not derived."""
        if not self.usable or len(cells) != self.width or "'" in "".join(cells):
            return
        if resolved is not None and row["unit"] not in _MAGNITUDE_SHIFTS:
            _remember(self.names, self.names_of(cells), resolved)
        kind, year, source, locator = figure[3], figure[4], figure[12], figure[13]
        if row["period_kind"] and row["year"] and year is not None:
            _remember(self.periods, self.period_of(cells), (kind, year))
        _remember(self.citations, self.citation_of(cells), (source, locator))
        if not figure[10]:  # derived: its formula is checked on every row
            _remember(self.flags, self.flags_of(cells), (figure[8], figure[9]))
