"""Formulas of derived figures: "{observation-id} / (1 + {other-id} / 100)", evaluated safely."""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Mapping

_REFERENCE = re.compile(r"\{([a-z0-9-]+)\}")
_OPERATORS: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


class FormulaError(ValueError):
    """A formula that is not plain arithmetic over known observations."""


def formula_inputs(formula: str) -> list[str]:
    """The observation ids a formula reads, in order of first use."""
    return list(dict.fromkeys(_REFERENCE.findall(formula)))


def evaluate(formula: str, values: Mapping[str, float]) -> float:
    """Evaluate +, -, *, / and parentheses over the referenced observations' values."""
    names: dict[str, float] = {}

    def substitute(match: re.Match[str]) -> str:
        ref = match.group(1)
        if ref not in values:
            raise FormulaError(f"the formula uses {ref!r}, which is not an observation")
        name = f"v{len(names)}"
        names[name] = values[ref]
        return name

    expression = _REFERENCE.sub(substitute, formula)
    try:
        tree = ast.parse(expression, mode="eval")
    except SyntaxError as error:
        raise FormulaError(f"the formula {formula!r} is not arithmetic") from error
    return _evaluate_node(tree.body, names)


def _evaluate_node(node: ast.expr, names: Mapping[str, float]) -> float:
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        return _OPERATORS[type(node.op)](_evaluate_node(node.left, names), _evaluate_node(node.right, names))
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return float(node.value)
    if isinstance(node, ast.Name) and node.id in names:
        return names[node.id]
    raise FormulaError("only numbers, observation references and + - * / are allowed in a formula")
