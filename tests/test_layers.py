"""The layer rules, enforced: data/ knows no Qt; ui/ writes no SQL and no CSV (docs/architecture.md).

The package contracts live in pyproject.toml and are checked by import-linter; the standard library's
sqlite3 and csv, which import-linter does not see, are checked here from the source."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "jinshan_desktop"
REPO = PACKAGE.parent


def _imports(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(PACKAGE))] = names
    return found


def test_data_layer_imports_no_qt() -> None:
    offenders = {f: n & {"PySide6", "pyqtgraph", "shiboken6"} for f, n in _imports(PACKAGE / "data").items()}
    assert {f: n for f, n in offenders.items() if n} == {}


def test_import_contracts_hold() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_views_import_no_sql_and_no_csv() -> None:
    offenders = {f: n & {"sqlalchemy", "sqlite3", "csv"} for f, n in _imports(PACKAGE / "ui").items()}
    assert {f: n for f, n in offenders.items() if n} == {}


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", str(PACKAGE), str(REPO / "tests")],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout
