"""A figure's value as written, read exactly: one decimal point, thousands separators only in groups of three,
and never a number that a float would turn into infinity, zero or something else without saying so."""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from typing import NamedTuple

from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP

# "1,234,567.5", "-12.9", "1500", "2.5e3": commas only between groups of three digits, one point at most.
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d{1,4})?")
# The common case, taken without the rules below: at most 15 digits, no separators, no exponent. Such a text
# cannot overflow, underflow or hold too many digits, and float() reads it correctly rounded.
_PLAIN = re.compile(r"[+-]?\d{1,15}(?:\.(\d{1,15}))?")
MAX_SIGNIFICANT_DIGITS = 15  # what a float (the value column) holds exactly, digit for digit
MAX_DECIMALS = 15
_INFINITY = float("inf")


class Number(NamedTuple):  # a tuple: made a million times an import, at a third of a frozen dataclass's cost
    value: float
    decimals: int
    text: str  # without thousands separators

    @property
    def exact(self) -> Decimal:
        return Decimal(self.text)


class NumberRefused(ValueError):
    """Why a text is not taken as a number: a template (fields value, digits, decimals) for the import report."""

    def __init__(self, template: str) -> None:
        super().__init__(template)
        self.template = template


def read_number(text: str) -> Number:
    plain = _PLAIN.fullmatch(text)
    if plain is not None:
        fraction = plain.group(1) or ""
        if len(text) - (text[0] in "+-") - (fraction != "") <= MAX_SIGNIFICANT_DIGITS:  # digits, point and sign
            return Number(float(text), len(fraction), text)
    return _read_by_the_rules(text)


def _read_by_the_rules(text: str) -> Number:
    if not _NUMBER.fullmatch(text):
        if not any(character.isdigit() for character in text):
            raise NumberRefused(QT_TRANSLATE_NOOP("ImportReport", "the value {value!r} is not a number"))
        raise NumberRefused(
            QT_TRANSLATE_NOOP(
                "ImportReport",
                "the value {value!r} is not a number as written here "
                "(use . for decimals, and commas only between groups of three digits)",
            )
        )
    plain = text.replace(",", "") if "," in text else text
    value = float(plain)  # correctly rounded, as float(Decimal(plain)) is
    mantissa, _, exponent = plain.lower().partition("e")
    whole, _, fraction = mantissa.lstrip("+-").partition(".")
    if value in (_INFINITY, -_INFINITY):
        raise NumberRefused(QT_TRANSLATE_NOOP("ImportReport", "the value {value!r} is too large to be kept"))
    significant = (whole + fraction).lstrip("0")
    if significant and (value == 0 or abs(value) < sys.float_info.min):
        raise NumberRefused(
            QT_TRANSLATE_NOOP("ImportReport", "the value {value!r} is too small to be kept (it would become 0)")
        )
    decimals = max(0, len(fraction) - int(exponent or 0))
    if len(significant.rstrip("0")) > MAX_SIGNIFICANT_DIGITS or decimals > MAX_DECIMALS:
        raise NumberRefused(
            QT_TRANSLATE_NOOP(
                "ImportReport",
                "the value {value!r} has more digits than can be kept exactly "
                "(at most {digits} significant digits and {decimals} decimals)",
            )
        )
    return Number(value, decimals, plain)
