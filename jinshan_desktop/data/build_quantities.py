"""The build's checks and sums over figures: derived figures equal their formulas, and every figure gets its
base-unit value, its dimension's rank, a checked part-of link and, when derived, the precision its inputs allow."""

from __future__ import annotations

from jinshan_desktop.data import schema, tables
from jinshan_desktop.data.build_errors import BuildError
from jinshan_desktop.data.derivation import FormulaError, evaluate, formula_inputs
from jinshan_desktop.data.precision import known_interval, rounding_step


def _decimals(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def quantify(objects: list[list[schema.Base]]) -> None:
    """Each figure in its dimension's base unit and rank, its part-of link checked, a derived figure's precision."""
    every = [item for group in objects for item in group]
    units = {u.id: u for u in every if isinstance(u, schema.Unit)}
    unit_of = {i.id: units[i.unit_id] for i in every if isinstance(i, schema.Indicator)}
    figures = {o.id: o for o in every if isinstance(o, schema.Observation)}
    for figure in figures.values():
        unit = unit_of[figure.indicator_id]
        if unit.dimension not in tables.DIMENSIONS:
            raise BuildError(f"db/units.csv: dimension {unit.dimension!r} of {unit.id!r} is not in tables.DIMENSIONS")
        figure.value_base = figure.value * unit.scale
        figure.dimension_rank = tables.DIMENSIONS.index(unit.dimension)
        whole = figures.get(figure.part_of or "")
        if figure.part_of is not None and (whole is None or unit_of[whole.indicator_id].dimension != unit.dimension):
            raise BuildError(f"db/observations.csv: {figure.id} is part of {figure.part_of!r}, no figure of its kind")
        if figure.formula:
            values = {key: item.value for key, item in figures.items()}
            decimals = {key: item.decimals for key, item in figures.items()}
            step = rounding_step(*known_interval(figure.formula, values, decimals))
            figure.precision = step if step > 10**-figure.decimals else None


def check_derived(rows: list[tuple[int, dict[str, str]]]) -> None:
    """A derived figure must equal its formula over its inputs, rounded to its own precision."""
    values = {row["id"]: float(row["value"]) for _, row in rows}
    for line, row in rows:
        if not row["formula"]:
            continue
        where = f"db/observations.csv line {line}"
        try:
            computed = evaluate(row["formula"], values)
        except (FormulaError, ZeroDivisionError) as error:
            raise BuildError(f"{where}: {error}") from error
        if not formula_inputs(row["formula"]):
            raise BuildError(f"{where}: a derived figure needs at least one input")
        if round(computed, _decimals(row["value"])) != float(row["value"]):
            raise BuildError(f"{where}: the formula gives {computed}, not {row['value']}")
