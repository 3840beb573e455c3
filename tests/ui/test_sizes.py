"""A house a newcomer can read: every ui module under 400 lines, no function over 60."""

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "jinshan_desktop" / "ui"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def test_ui_modules_and_functions_are_short() -> None:
    too_long = []
    for module in sorted(UI.glob("*.py")):
        source = module.read_text(encoding="utf-8")
        if len(source.splitlines()) >= MAX_MODULE_LINES:
            too_long.append(f"{module.name}: {len(source.splitlines())} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{module.name}:{node.lineno} {node.name}: {length} lines")
    assert too_long == []
