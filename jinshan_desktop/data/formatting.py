"""Figures as people write them, in the reader's convention, with Babel for the numbers.

English: "nearly 100 billion yuan", "1,466 mu (97.7 ha)". Chinese: large money and visitor figures are restated in
万 or 亿 ("343.3亿元", "852万人次") with the precision the published figure had, and a number before 万 or 亿
has no thousands separator ("近1000亿元").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

from jinshan_desktop.data.code_words import QUALIFIER_PREFIXES, word
from jinshan_desktop.data.languages import BABEL_LOCALES, is_chinese
from jinshan_desktop.data.quantities import display_places, is_restated, natural_unit

HECTARES_PER_MU = Decimal(1) / Decimal(15)
# Units of a dimension that Chinese writes in 万 and 亿: (one, ten thousand, hundred million).
CHINESE_MAGNITUDES = {
    "CNY": ("元", "万元", "亿元"),
    "USD": ("美元", "万美元", "亿美元"),
    "visitors": ("人次", "万人次", "亿人次"),
}
_MAGNITUDE_WORDS = ("万", "亿", "萬", "億")


@dataclass(frozen=True, slots=True)
class UnitInfo:
    id: str
    name: str  # in the reader's language
    dimension: str
    scale: float  # size of one unit in the dimension's base unit


def plain_number(value: float, decimals: int) -> str:
    """The figure with its published precision and no grouping: what a CSV cell or a parser wants."""
    return f"{value:.{decimals}f}"


def format_count(count: int, language: str = "en") -> str:
    """A count of rows or figures, grouped in the reader's convention (1,000,091)."""
    return format_number(count, 0, language)


def format_number(
    value: float | Decimal, decimals: int, language: str = "en", *, trim: bool = False, grouped: bool = True
) -> str:
    """Grouped in the reader's convention unless not `grouped`; `trim` drops trailing zeros."""
    number = value if isinstance(value, Decimal) else Decimal(plain_number(value, decimals))
    return str(_pattern(decimals, trim, grouped).apply(number, _locale(language)))


@cache
def _pattern(decimals: int, trim: bool, grouped: bool) -> NumberPattern:
    # Parsed once: Babel parses pattern and locale on every format_decimal call, which tables feel.
    fraction = ("#" if trim else "0") * decimals
    return parse_pattern(("#,##0" if grouped else "0") + ("." + fraction if decimals else ""))


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(BABEL_LOCALES.get(language, "en"))


def format_value(
    value: float,
    decimals: int,
    unit: UnitInfo,
    qualifier: str | None,
    language: str = "en",
    precision: float | None = None,
) -> str:
    """Qualifier, number and unit: "nearly 100 billion yuan" / "近1000亿元", "超过30种产品".

    Money and visitors are shown in the reader's natural unit (quantities.py: 4.02 billion yuan, 40.2亿元); a
    derived figure known only to `precision` (a step in its unit) is rounded to it and marked as approximate."""
    symbol = word(QUALIFIER_PREFIXES, qualifier, language)
    if precision is not None:
        value, decimals = round(value / precision) * precision, max(0, -math.floor(math.log10(precision) + 1e-9))
        symbol = symbol or word(QUALIFIER_PREFIXES, "approximately", language)
    if is_restated(unit.scale, unit.dimension, language):
        return symbol + _restated(value, decimals, unit, language)
    if is_chinese(language):
        return symbol + _chinese_value(value, decimals, unit, language)
    number = format_number(value, decimals, language)
    if unit.id == "mu":
        return f"{symbol}{join_unit(number, unit.name, language)} ({hectares(value, language)} ha)"
    return symbol + join_unit(number, unit.name, language)


def join_unit(number: str, unit_name: str, language: str) -> str:
    """A number and its unit as the language writes them: "34.33 billion yuan", "US$1.5 billion", "343.3亿元"."""
    if is_chinese(language):
        return f"{number}{unit_name}"
    if unit_name == "%":
        return f"{number}%"
    if unit_name.endswith("US$"):
        return f"US${number} {unit_name.removesuffix('US$').strip()}".rstrip()
    return f"{number} {unit_name}"


def _restated(value: float, decimals: int, unit: UnitInfo, language: str) -> str:
    base = Decimal(plain_number(value, decimals)) * Decimal(repr(unit.scale)).normalize()
    shown = natural_unit(float(base), unit.dimension, language)
    assert shown is not None  # is_restated holds only for dimensions with natural units
    number = base / Decimal(repr(shown.factor)).normalize()
    places = display_places(10.0**-decimals * unit.scale, shown, unit.scale, float(number), language)
    chinese = is_chinese(language)
    # No thousands separator before 万 or 亿: "1000亿元".
    text = format_number(number, places, language, trim=chinese, grouped=not shown.name.startswith(_MAGNITUDE_WORDS))
    return join_unit(text, shown.name, language)


def _chinese_value(value: float, decimals: int, unit: UnitInfo, language: str) -> str:
    number = format_number(value, decimals, language, grouped=not unit.name.startswith(_MAGNITUDE_WORDS))
    if unit.id == "mu":
        hectare = "公顷" if language == "zh_CN" else "公頃"
        return f"{number}{unit.name}（{hectares(value, language)}{hectare}）"
    return f"{number}{unit.name}"


def hectares(mu: float, language: str = "en") -> str:
    """Mu shown in hectares beside the published figure (1 mu = 1/15 ha), to one decimal."""
    return format_number(float(Decimal(str(mu)) * HECTARES_PER_MU), 1, language)
