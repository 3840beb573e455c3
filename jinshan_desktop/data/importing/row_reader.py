"""One row of an import file to one figure: names resolved to ids, value, period, flags and formula checked."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from jinshan_desktop.data import tables
from jinshan_desktop.data.code_words import LOCATORS, PERIOD_KINDS, QUALIFIERS, code_of
from jinshan_desktop.data.derivation import FormulaError, evaluate, formula_inputs
from jinshan_desktop.data.importing.locators import locator_allowed
from jinshan_desktop.data.importing.names import Names, slug
from jinshan_desktop.data.importing.numbers import (
    MAX_DECIMALS,
    MAX_SIGNIFICANT_DIGITS,
    Number,
    NumberRefused,
    read_number,
)
from jinshan_desktop.data.importing.report import ImportPlan, NewIndicator, Problem
from jinshan_desktop.data.importing.staging import Figure
from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP, Message

YES = {"yes", "是", "true", "1"}
NO = {"no", "否", "false", "0", ""}
_YEAR = re.compile(r"\d{4}")


# The units a Chinese export restates money and visitors in: name -> (dimension, power of ten of its size).
_MAGNITUDE_SHIFTS = {
    "元": ("CNY", 0),
    "万元": ("CNY", 4),
    "亿元": ("CNY", 8),
    "美元": ("USD", 0),
    "万美元": ("USD", 4),
    "亿美元": ("USD", 8),
    "人次": ("visitors", 0),
    "万人次": ("visitors", 4),
    "亿人次": ("visitors", 8),
}
_MAGNITUDE_SHIFTS.update(
    {name.replace("万", "萬").replace("亿", "億"): shift for name, shift in _MAGNITUDE_SHIFTS.items()}
)


# The columns whose words a Chinese export writes for codes, and those words.
_CODED = (("period_kind", PERIOD_KINDS), ("qualifier", QUALIFIERS), ("locator", LOCATORS))
CACHE_ENTRIES = 20_000  # per cache: a file of a million distinct locators must not fill memory with them
Resolved = tuple[str, str, str, str, float, int]  # theme, topic, unit and indicator ids, unit scale, rank


Known = TypeVar("Known")


def _remember(cache: dict[Any, Known], key: object, value: Known) -> Known:
    """value, kept in cache under key; a full cache starts afresh (its entries only save work)."""
    if len(cache) >= CACHE_ENTRIES:
        cache.clear()
    cache[key] = value
    return value


def _rank(dimension: str) -> int:
    return tables.DIMENSIONS.index(dimension) if dimension in tables.DIMENSIONS else len(tables.DIMENSIONS)


class RowReader:
    """Reads rows into figures; every problem goes into the plan with its line."""

    def __init__(
        self, names: Names, plan: ImportPlan, values: dict[str, float], read_values: Callable[[list[str]], None]
    ):
        self.names = names
        self.plan = plan
        self.values = values  # figure id -> value: formula inputs, from the file or the fact book
        self.read_values = read_values  # reads the values of ids not yet in values
        # Names resolved once per distinct (theme, topic, unit, unit_id, indicator, entity) rather than once a
        # row. Only rows that passed are kept. A row resolves through the ids of its topic's indicator names;
        # an added indicator gets a name and an id no indicator had, so it changes no row already kept: a row
        # read from the cache reads as it would without it.
        self.resolved: dict[tuple[str, ...], Resolved] = {}
        self.codes: dict[tuple[str, str], str] = {}  # (column, word) -> code
        self.places: dict[tuple[str, str], bool] = {}  # (source, locator) -> whether the source has it
        self.resolution: Resolved | None = None  # the names of the last row read into a figure
        self.unknown_sources: dict[str, int] = {}  # a source the fact book lacks -> the first line citing it

    def problem(self, line: int, template: str, **values: object) -> None:
        self.plan.problems.append(Problem(line, Message(template, values)))

    def figure(self, line: int, row: dict[str, str]) -> Figure | None:
        """The row as a figure in staging.FIGURE_COLUMNS order, or None (its problems are in the plan)."""
        row = self._in_units_of_its_id(self._codes(row))
        errors_before = len(self.plan.problems)
        key = (row["theme"], row["topic"], row["unit"], row.get("unit_id", ""), row["indicator"], row.get("entity", ""))
        resolved = self.resolved.get(key)
        if resolved is None:
            theme_id = self.names.themes.get(row["theme"].casefold())
            if theme_id is None:
                self.problem(line, QT_TRANSLATE_NOOP("ImportReport", "unknown theme {theme!r}"), theme=row["theme"])
                return None
            topic_id, unit_id = self._topic_and_unit(line, theme_id, row)
        else:
            theme_id, topic_id, unit_id, indicator_id, scale, rank = resolved
        value = self._value(line, row["value"])
        period, kind, year = self._period(line, row)
        qualifier = self._qualifier(line, row)
        self._citation(line, row)
        derived = self._flag(line, row.get("derived", ""), "derived")
        provisional = self._flag(line, row.get("provisional", ""), "provisional")
        if len(self.plan.problems) > errors_before or topic_id is None or unit_id is None or value is None:
            return None
        if resolved is None:
            found = self._indicator(line, topic_id, row["indicator"], unit_id, row.get("entity", ""))
            if found is None:
                return None
            indicator_id = found
            unit = self.names.unit_of_id[unit_id]
            scale, rank = unit.scale, _rank(unit.dimension)
            _remember(self.resolved, key, (theme_id, topic_id, unit_id, indicator_id, scale, rank))
        formula = row.get("formula", "") or None
        if derived and not self._formula_holds(line, formula, value.exact):
            return None
        self.resolution = (theme_id, topic_id, unit_id, indicator_id, scale, rank)
        return (
            row.get("id", "") or f"import-{indicator_id}-{slug(period)}-{slug(row['source'])}",
            indicator_id,
            period,
            kind,
            year,
            value.value,
            value.decimals,
            row["value"],
            qualifier,
            provisional,
            derived,
            formula if derived else None,
            row["source"],
            row["locator"],
            row.get("note", "") or None,
            theme_id,
            topic_id,
            value.value * scale,
            rank,
        )

    def _codes(self, row: dict[str, str]) -> dict[str, str]:
        """A row with the words a Chinese export writes for codes (年度, 近, 信息框) read back as the codes."""
        coded = row  # copied only when a word is read as another code: most rows already hold codes
        for column, words in _CODED:
            text = row.get(column)
            if text:
                code = self.codes.get((column, text))
                if code is None:
                    code = _remember(self.codes, (column, text), code_of(words, text))
                if code != text:
                    if coded is row:
                        coded = dict(row)
                    coded[column] = code
        return coded

    def _in_units_of_its_id(self, row: dict[str, str]) -> dict[str, str]:
        """A value a Chinese export restated in 万 or 亿 (343.3亿元 of a figure in billion yuan) read back in the
        unit its unit_id names, digit for digit: the restatement only moves the decimal point."""
        shift = _MAGNITUDE_SHIFTS.get(row["unit"])
        given = self.names.unit_of_id.get(row.get("unit_id", "")) if shift is not None else None
        if given is None or shift is None or shift[0] != given.dimension:
            return row
        places = round(math.log10(given.scale)) - shift[1]  # 亿 (10^8) to billion (10^9): one place left
        if places == 0:
            return row  # written in its own unit: nothing to move
        try:
            exact = Decimal(row["value"].replace(",", "")).scaleb(-places)
        except ArithmeticError:
            return row  # the value's own check reports it
        return {
            **row,
            "value": format(exact.normalize() if exact == exact.to_integral() else exact, "f"),
            "unit": given.id,
        }

    def _topic_and_unit(self, line: int, theme_id: str, row: dict[str, str]) -> tuple[str | None, str | None]:
        topic_id = self.names.topics.get((theme_id, row["topic"].casefold()))
        if topic_id is None:
            self.problem(
                line,
                QT_TRANSLATE_NOOP("ImportReport", "unknown topic {topic!r} in theme {theme!r}"),
                topic=row["topic"],
                theme=row["theme"],
            )
        meanings = self.names.units.get(row["unit"].casefold(), set())
        if not meanings:
            self.problem(line, QT_TRANSLATE_NOOP("ImportReport", "unknown unit {unit!r}"), unit=row["unit"])
            return topic_id, None
        given = row.get("unit_id", "")
        known = self.names.indicator_names.get((topic_id or "", row["indicator"].casefold()))
        if given:
            if given in meanings:
                return topic_id, given
            self.problem(
                line,
                QT_TRANSLATE_NOOP("ImportReport", "the unit {unit!r} is not the unit {unit_id}"),
                unit=row["unit"],
                unit_id=given,
            )
            return topic_id, None
        if known is not None and self.names.indicators[known].unit_id in meanings:
            return topic_id, self.names.indicators[known].unit_id  # "人" of an indicator counted in people
        if len(meanings) > 1:
            self.problem(
                line,
                QT_TRANSLATE_NOOP("ImportReport", "the unit {unit!r} may mean {units}; add a unit_id column"),
                unit=row["unit"],
                units=", ".join(sorted(meanings)),
            )
            return topic_id, None
        return topic_id, next(iter(meanings))

    def _value(self, line: int, text: str) -> Number | None:
        try:
            return read_number(text)
        except NumberRefused as refused:
            self.problem(line, refused.template, value=text, digits=MAX_SIGNIFICANT_DIGITS, decimals=MAX_DECIMALS)
            return None

    def _period(self, line: int, row: dict[str, str]) -> tuple[str, str, int | None]:
        period = row["period"]
        kind = row.get("period_kind", "") or ("year" if _YEAR.fullmatch(period) else "")
        year_text = row.get("year", "") or (period if _YEAR.fullmatch(period) else "")
        if not period or kind not in tables.PERIOD_KINDS:
            self.problem(
                line,
                QT_TRANSLATE_NOOP(
                    "ImportReport", "the period {period!r} is not understood (give a year or a period_kind)"
                ),
                period=period,
            )
        year = int(year_text) if _YEAR.fullmatch(year_text) else None
        if year_text and year is None:
            self.problem(line, QT_TRANSLATE_NOOP("ImportReport", "the year {year!r} is not a year"), year=year_text)
        return period, kind, year

    def _qualifier(self, line: int, row: dict[str, str]) -> str | None:
        qualifier = row.get("qualifier", "") or None
        if qualifier is not None and qualifier not in tables.QUALIFIERS:
            self.problem(
                line,
                QT_TRANSLATE_NOOP("ImportReport", "unknown qualifier {qualifier!r}; use {known}"),
                qualifier=qualifier,
                known=", ".join(tables.QUALIFIERS),
            )
        return qualifier

    def _citation(self, line: int, row: dict[str, str]) -> None:
        if not row["source"]:
            self.problem(line, QT_TRANSLATE_NOOP("ImportReport", "the source is missing"))
        if not row["locator"]:
            self.problem(
                line, QT_TRANSLATE_NOOP("ImportReport", "the locator (paragraph or part of the source) is missing")
            )
            return
        place = (row["source"], row["locator"])
        allowed = self.places.get(place)
        if allowed is None:
            declared = self.names.sources.get(row["source"])
            if declared is None:
                self.unknown_sources.setdefault(row["source"], line)
            allowed = _remember(self.places, place, declared is None or locator_allowed(declared, row["locator"]))
        if not allowed:
            self.problem(
                line,
                QT_TRANSLATE_NOOP("ImportReport", "the source {source} has no {locator} (it has {places})"),
                source=row["source"],
                locator=row["locator"],
                places=self.names.sources[row["source"]],
            )

    def _flag(self, line: int, text: str, name: str) -> bool:
        lowered = text.casefold()
        if lowered in YES:
            return True
        if lowered not in NO:
            self.problem(
                line,
                QT_TRANSLATE_NOOP("ImportReport", "{column} must be yes or no, not {text!r}"),
                column=name,
                text=text,
            )
        return False

    def _formula_holds(self, line: int, formula: str | None, value: Decimal) -> bool:
        if formula is None:
            self.problem(line, QT_TRANSLATE_NOOP("ImportReport", "a derived figure needs its formula"))
            return False
        self.read_values([ref for ref in formula_inputs(formula) if ref not in self.values])
        try:
            computed = evaluate(formula, self.values)
        except (FormulaError, ZeroDivisionError, OverflowError) as error:
            self.problem(
                line, QT_TRANSLATE_NOOP("ImportReport", "the formula cannot be computed: {reason}"), reason=error
            )
            return False
        decimals = max(0, -int(value.as_tuple().exponent))
        if round(computed, decimals) != float(value) or not formula_inputs(formula):
            self.problem(
                line,
                QT_TRANSLATE_NOOP("ImportReport", "the formula gives {computed}, not {value}"),
                computed=computed,
                value=value,
            )
            return False
        return True

    def _indicator(self, line: int, topic_id: str, name: str, unit_id: str, entity: str) -> str | None:
        if not name:
            self.problem(line, QT_TRANSLATE_NOOP("ImportReport", "the indicator is missing"))
            return None
        known = self.names.indicator_names.get((topic_id, name.casefold()))
        if known is not None:
            if self.names.indicators[known].unit_id != unit_id:
                self.problem(
                    line,
                    QT_TRANSLATE_NOOP("ImportReport", "the unit differs from the unit of the indicator {name!r}"),
                    name=name,
                )
                return None
            return known
        new_id = base = f"import-{slug(name)}"
        for count in itertools.count(2):  # "Output A" and "output-a" are two indicators: two ids
            if new_id not in self.names.indicators:
                break
            new_id = f"{base}-{count}"
        indicator = NewIndicator(
            id=new_id,
            topic_id=topic_id,
            name_en=name,
            name_zh_hans=None,
            name_zh_hant=None,
            unit_id=unit_id,
            compare_group=None,
            entity_id=self.names.entities.get(entity.casefold()) if entity else None,
            description_en="Added by an import",
            batch_id=None,
            measure="rate" if self.names.unit_of_id[unit_id].dimension == "percent" else "stock",
        )
        self.names.indicators[new_id] = indicator
        self.names.indicator_names[(topic_id, name.casefold())] = new_id
        self.plan.new_indicators.append(indicator)
        return new_id
