"""Figures as people write them ("≈ 100 billion yuan", "1,466 mu (97.7 ha)"), with Babel for the locale."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

QUALIFIER_SYMBOLS = {"approximately": "≈ ", "more_than": "> ", "up_to": "≤ "}
QUALIFIER_WORDS = {
    "approximately": "approximately (the source says nearly)",
    "more_than": "more than (the source says more than or over)",
    "up_to": "up to (a maximum)",
}
EXACT_WORDS = "as published, without qualifier"
HECTARES_PER_MU = Decimal(1) / Decimal(15)


def plain_number(value: float, decimals: int) -> str:
    """The figure with its published precision and no grouping: what a CSV cell or a parser wants."""
    return f"{value:.{decimals}f}"


def format_number(value: float, decimals: int, locale: str = "en") -> str:
    """The figure grouped and with its published precision in the reader's convention."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(Decimal(plain_number(value, decimals)), format=pattern, locale=locale)


def format_value(
    value: float, decimals: int, unit_id: str, unit_name: str, qualifier: str | None, locale: str = "en"
) -> str:
    """Qualifier symbol, number and unit: "≈ 100 billion yuan", "> 30 kinds of product", "9.5%"."""
    number = format_number(value, decimals, locale)
    symbol = QUALIFIER_SYMBOLS.get(qualifier or "", "")
    if unit_name == "%":
        text = f"{number}%"
    elif unit_name.endswith(" US$"):
        text = f"US${number} {unit_name.removesuffix(' US$')}"
    else:
        text = f"{number} {unit_name}"
    if unit_id == "mu":
        text += f" ({hectares(value, locale)} ha)"
    return symbol + text


def hectares(mu: float, locale: str = "en") -> str:
    """Mu shown in hectares beside the published figure (1 mu = 1/15 ha), to one decimal."""
    return format_number(float(Decimal(str(mu)) * HECTARES_PER_MU), 1, locale)


def qualifier_words(qualifier: str | None) -> str:
    return QUALIFIER_WORDS.get(qualifier or "", EXACT_WORDS)
