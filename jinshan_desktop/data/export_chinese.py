"""A Chinese export writes what a Chinese table would: values in 元, 万元 or 亿元 (not 十亿元 or 百万元), and
words instead of the data's English codes for qualifiers and kinds of period."""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy import String, case, cast, func, literal, select

from jinshan_desktop.data import tables
from jinshan_desktop.data.code_words import LOCATORS, PERIOD_KINDS, QUALIFIERS, Words, word
from jinshan_desktop.data.dialects import decimal_text
from jinshan_desktop.data.formatting import CHINESE_MAGNITUDES
from jinshan_desktop.data.reads.context import ReadContext

_TRADITIONAL = str.maketrans({"万": "萬", "亿": "億"})


def code_cell(words: Words, code: Any, language: str) -> Any:
    """The code's word in the language, as SQL; an unknown code is written as it is."""
    return case(*((code == key, word(words, key, language)) for key in words), else_=code)


def qualifier_cell(qualifier: Any, language: str) -> Any:
    return code_cell(QUALIFIERS, qualifier, language)


def period_kind_cell(period_kind: Any, language: str) -> Any:
    return code_cell(PERIOD_KINDS, period_kind, language)


def locator_cell(locator: Any, language: str) -> Any:
    """A named part of a source in words (信息框); a paragraph (¶8) as it is."""
    return code_cell(LOCATORS, locator, language)


def _trimmed(number: Any) -> Any:
    """Trailing zeros of a restated value dropped, as the window writes it (4.00亿 -> 4亿)."""
    return case((number.like("%.%"), func.rtrim(func.rtrim(number, "0"), ".")), else_=number)


def value_and_unit_cells(context: ReadContext, value: Any, decimals: Any, unit: Any, unit_name: Any) -> tuple[Any, Any]:
    """The value and unit as SQL for a Chinese export: large money and visitor units restated in 万 or 亿,
    with the published precision, exactly as the window's formatting does; other units as they are."""
    published = decimal_text(value, decimals)
    value_cases: list[tuple[Any, Any]] = []
    unit_cases: list[tuple[Any, Any]] = []
    known = tables.units.c
    units = context.rows(select(known.id, known.dimension, known.scale).order_by(known.id))
    for unit_id, dimension, scale in units:
        names = CHINESE_MAGNITUDES.get(str(dimension))
        if names is None or float(scale) < 1e6:
            continue
        for target, name in ((1e8, names[2]), (1e4, names[1])):
            shift = round(math.log10(float(scale) / target))  # a power of ten: 10^shift of the new unit
            places = case((decimals > shift, decimals - shift), else_=0)  # greatest(): one spelling for both engines
            condition = (unit == unit_id) & (func.abs(value) * float(scale) >= target)
            restated = _trimmed(decimal_text(value * literal(10.0**shift), places))
            value_cases.append((condition, restated))
            unit_cases.append((condition, name.translate(_TRADITIONAL) if context.language == "zh_TW" else name))
    if not value_cases:
        return published, unit_name
    return case(*value_cases, else_=published), cast(case(*unit_cases, else_=unit_name), String)
