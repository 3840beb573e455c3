"""The unit a quantity is shown in: the one formatter's choice for table cells, bar labels and axis ticks alike.

A figure is stored as published (402,054.66 in "× 10,000 yuan") and in its dimension's base unit (yuan).
Money and visitor counts are shown in the unit a reader of the language writes them in, chosen by magnitude:
English "4.02 billion yuan", Chinese "40.2亿元". An axis picks its unit by the same rule from its largest
value, so its ticks and the labels beside them always read in one unit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from jinshan_desktop.data.languages import is_chinese

_TRADITIONAL = str.maketrans({"万": "萬", "亿": "億"})
# (scale, English name, Chinese name) from the largest: the first whose scale the magnitude reaches is used.
_ENGLISH = {
    "CNY": ((1e9, "billion yuan"), (1e6, "million yuan"), (1.0, "yuan")),
    "USD": ((1e9, "billion US$"), (1e6, "million US$"), (1.0, "US$")),
    "visitors": ((1e6, "million visitors"), (1.0, "visitors")),
}
_CHINESE = {
    "CNY": ((1e8, "亿元"), (1e4, "万元"), (1.0, "元")),
    "USD": ((1e8, "亿美元"), (1e4, "万美元"), (1.0, "美元")),
    "visitors": ((1e8, "亿人次"), (1e4, "万人次"), (1.0, "人次")),
}
# A filing's figure moved to a coarser unit (any move in English, which restates only "× 10,000 yuan"; four or
# more orders of magnitude in Chinese, 万元 to 亿元) keeps three significant digits: 402,054.66 × 10,000 yuan
# -> 4.02 billion yuan, not 4.0205466. Its detail pane and CSV keep every digit as published.
SIGNIFICANT_WHEN_RESTATED = 3
# The base unit of each dimension, as the exports' unit_base column names it (language-neutral: a spreadsheet
# sums value_base over rows of one unit_base). A count's base unit is one of what it counts.
BASE_UNITS = {"CNY": "yuan", "USD": "US$", "area": "m²", "mass": "kg", "percent": "%"}


def base_unit(dimension: str) -> str:
    return BASE_UNITS.get(dimension, dimension)
COARSER_BY = 1e4


@dataclass(frozen=True, slots=True)
class DisplayUnit:
    name: str  # in the reader's language
    factor: float  # base units in one display unit


def has_natural_units(dimension: str) -> bool:
    return dimension in _ENGLISH


def natural_unit(magnitude: float, dimension: str, language: str) -> DisplayUnit | None:
    """The unit a reader writes a quantity of this size in, or None for dimensions shown as published."""
    table = (_CHINESE if is_chinese(language) else _ENGLISH).get(dimension)
    if table is None:
        return None
    scale, name = next(((s, n) for s, n in table if abs(magnitude) >= s), table[-1])
    return DisplayUnit(name.translate(_TRADITIONAL) if language == "zh_TW" else name, scale)


def is_restated(scale: float, dimension: str, language: str) -> bool:
    """Whether a figure published in a unit of this scale is shown in a natural unit instead.

    English keeps yuan, million and billion as published and restates filings' "× 10,000 yuan"; Chinese
    restates every large unit into 万 and 亿, as Chinese tables write them."""
    if not has_natural_units(dimension):
        return False
    if is_chinese(language):
        return scale >= 1e4
    return scale not in {s for s, _ in _ENGLISH[dimension]}


def display_places(step_base: float, shown: DisplayUnit, published_scale: float, number: float, language: str) -> int:
    """Decimals that keep the published precision (step_base, in base units) in the display unit; a figure
    moved to a much coarser unit keeps SIGNIFICANT_WHEN_RESTATED digits at most."""
    places = max(0, -math.floor(math.log10(step_base / shown.factor) + 1e-9)) if step_base > 0 else 0
    coarser = shown.factor >= published_scale * (COARSER_BY if is_chinese(language) else 10.0)
    if coarser:
        whole_digits = len(str(int(abs(number)))) if abs(number) >= 1 else 0
        places = min(places, max(0, SIGNIFICANT_WHEN_RESTATED - whole_digits))
    return places


def axis_unit(largest: float, dimension: str, unit_name: str, unit_scale: float, language: str) -> DisplayUnit:
    """The unit of a chart's value axis, chosen as the formatter chooses a label's: the natural unit of the
    largest value where the figures' unit is restated, else the figures' own unit."""
    natural = natural_unit(largest, dimension, language) if is_restated(unit_scale, dimension, language) else None
    return natural or DisplayUnit(unit_name, unit_scale)
