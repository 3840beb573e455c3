"""Figures as people write them, in the reader's convention, with Babel for the numbers.

English: "nearly 100 billion yuan", "1,466 mu (97.7 ha)". Chinese: large money and visitor figures are restated in
万 or 亿 ("343.3亿元", "852万人次") with the precision the published figure had, and a number before 万 or 亿
has no thousands separator ("近1000亿元").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

from jinshan_desktop.data.code_words import QUALIFIER_PREFIXES, word
from jinshan_desktop.data.languages import BABEL_LOCALES, is_chinese

HECTARES_PER_MU = Decimal(1) / Decimal(15)
# Units of a dimension that Chinese writes in 万 and 亿: (one, ten thousand, hundred million).
CHINESE_MAGNITUDES = {
    "CNY": ("元", "万元", "亿元"),
    "USD": ("美元", "万美元", "亿美元"),
    "visitors": ("人次", "万人次", "亿人次"),
}
_TRADITIONAL_DIGIT_WORDS = str.maketrans({"万": "萬", "亿": "億"})
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


def format_value(value: float, decimals: int, unit: UnitInfo, qualifier: str | None, language: str = "en") -> str:
    """Qualifier, number and unit: "nearly 100 billion yuan" / "近1000亿元", "超过30种产品"."""
    symbol = word(QUALIFIER_PREFIXES, qualifier, language)
    if is_chinese(language):
        return symbol + _chinese_value(value, decimals, unit, language)
    number = format_number(value, decimals, language)
    if unit.name == "%":
        text = f"{number}%"
    elif unit.name.endswith(" US$"):
        text = f"US${number} {unit.name.removesuffix(' US$')}"
    else:
        text = f"{number} {unit.name}"
    if unit.id == "mu":
        text += f" ({hectares(value, language)} ha)"
    return symbol + text


def _chinese_value(value: float, decimals: int, unit: UnitInfo, language: str) -> str:
    names = CHINESE_MAGNITUDES.get(unit.dimension)
    if names is not None and unit.scale >= 1e6:
        base = Decimal(plain_number(value, decimals)) * Decimal(repr(unit.scale)).normalize()
        target, name = (Decimal(10**8), names[2]) if abs(base) >= 10**8 else (Decimal(10**4), names[1])
        step = Decimal(1).scaleb(-decimals) * Decimal(repr(unit.scale)).normalize() / target
        places = max(0, -step.adjusted())
        if language == "zh_TW":
            name = name.translate(_TRADITIONAL_DIGIT_WORDS)
        return format_number(base / target, places, language, trim=True, grouped=False) + name
    number = format_number(value, decimals, language, grouped=not unit.name.startswith(_MAGNITUDE_WORDS))
    if unit.id == "mu":
        hectare = "公顷" if language == "zh_CN" else "公頃"
        return f"{number}{unit.name}（{hectares(value, language)}{hectare}）"
    return f"{number}{unit.name}"


def hectares(mu: float, language: str = "en") -> str:
    """Mu shown in hectares beside the published figure (1 mu = 1/15 ha), to one decimal."""
    return format_number(float(Decimal(str(mu)) * HECTARES_PER_MU), 1, language)
