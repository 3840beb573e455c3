"""Formulas of derived figures: "{observation-id} / (1 + {other-id} / 100)", evaluated safely.

A formula comes from a file anyone may write, so it is parsed by a loop over its tokens (shunting-yard),
never by recursion it could drive deep, and within limits of length and nesting.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping

MAX_FORMULA_CHARACTERS = 1_000
MAX_FORMULA_DEPTH = 20  # parentheses within parentheses

_REFERENCE = re.compile(r"\{([a-z0-9-]+)\}")
_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\{([a-z0-9-]+)\}|([-+*/()]))")
_OPERATORS: dict[str, Callable[[float, float], float]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
}
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}


class FormulaError(ValueError):
    """A formula that is not plain arithmetic over known observations."""


def formula_inputs(formula: str) -> list[str]:
    """The observation ids a formula reads, in order of first use."""
    return list(dict.fromkeys(_REFERENCE.findall(formula)))


def _apply(operands: list[float], symbol: str) -> None:
    right = operands.pop()
    operands.append(_OPERATORS[symbol](operands.pop(), right))


def evaluate(formula: str, values: Mapping[str, float]) -> float:
    """Evaluate +, -, *, / and parentheses over the referenced observations' values."""
    if len(formula) > MAX_FORMULA_CHARACTERS:
        raise FormulaError(f"the formula is longer than {MAX_FORMULA_CHARACTERS} characters")
    not_arithmetic = FormulaError(f"the formula {formula[:80]!r} is not arithmetic")
    operands: list[float] = []
    pending: list[str] = []  # operators and open parentheses
    expect_operand, depth, position = True, 0, 0
    while formula[position:].strip():
        token = _TOKEN.match(formula, position)
        if token is None:
            raise FormulaError("only numbers, observation references and + - * / are allowed in a formula")
        position = token.end()
        number, reference, symbol = token.groups()
        if number is not None or reference is not None:
            if not expect_operand:
                raise not_arithmetic
            if reference is not None and reference not in values:
                raise FormulaError(f"the formula uses {reference!r}, which is not an observation")
            operands.append(float(number) if number is not None else values[reference])
            expect_operand = False
        elif symbol == "(":
            depth += 1
            if not expect_operand or depth > MAX_FORMULA_DEPTH:
                raise not_arithmetic if depth <= MAX_FORMULA_DEPTH else _too_deep()
            pending.append(symbol)
        elif symbol == ")":
            if expect_operand or "(" not in pending:
                raise not_arithmetic
            while (top := pending.pop()) != "(":
                _apply(operands, top)
            depth -= 1
        else:
            if expect_operand:
                raise not_arithmetic
            while pending and pending[-1] != "(" and _PRECEDENCE[pending[-1]] >= _PRECEDENCE[symbol]:
                _apply(operands, pending.pop())
            pending.append(symbol)
            expect_operand = True
    if expect_operand or "(" in pending:
        raise not_arithmetic
    while pending:
        _apply(operands, pending.pop())
    return operands[0]


def _too_deep() -> FormulaError:
    return FormulaError(f"the formula nests parentheses more than {MAX_FORMULA_DEPTH} deep")
