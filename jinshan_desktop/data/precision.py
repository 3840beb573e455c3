"""How precisely a derived figure is known: its formula evaluated at the ends of its inputs' rounding.

A published 9.5% stands for anything from 9.45% to 9.55%, so a level derived from it is known only to an
interval; the figure is shown rounded to the power of ten that interval allows (28,617 -> "≈ 28,600").
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping

from jinshan_desktop.data.derivation import evaluate, formula_inputs

MAX_INPUTS = 8  # 2**8 corners at most; the fact book's formulas have two or three inputs


def known_interval(formula: str, values: Mapping[str, float], decimals: Mapping[str, int]) -> tuple[float, float]:
    """The least and greatest the formula gives when each input is anywhere within its half last digit.

    Exact for formulas monotonic in each input (sums, products, quotients of positive figures)."""
    inputs = formula_inputs(formula)[:MAX_INPUTS]
    results = []
    for signs in itertools.product((-1, 1), repeat=len(inputs)):
        moved = dict(values)
        for ref, sign in zip(inputs, signs, strict=True):
            moved[ref] = values[ref] + sign * 0.5 * 10 ** -decimals[ref]
        results.append(evaluate(formula, moved))
    return min(results), max(results)


def rounding_step(low: float, high: float) -> float:
    """The power of ten a value known to lie in [low, high] may be shown to: at least the interval's width."""
    width = high - low
    return 10.0 ** math.ceil(math.log10(width)) if width > 0 else 0.0
