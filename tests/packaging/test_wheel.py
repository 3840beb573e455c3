"""Builds the wheel and sdist with `python -m build` and installs the wheel as a newcomer would: into a fresh
virtual environment, run from a folder far from this checkout."""

import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGED_DATA = {
    "jinshan_desktop/db/sources.csv",
    "jinshan_desktop/db/observations.csv",
    "jinshan_desktop/resources/icons/jinshan-desktop.svg",
    "jinshan_desktop/resources/translations/jinshan_zh_CN.ts",
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def distributions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    wheels, sdists = list(out.glob("*.whl")), list(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted(path.name for path in out.iterdir())
    return {"wheel": wheels[0], "sdist": sdists[0]}


@pytest.fixture(scope="module")
def installed(distributions: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The jinshan-desktop script of a fresh venv holding the wheel and its dependencies (from pip's cache)."""
    environment = tmp_path_factory.mktemp("venv") / "env"
    venv.create(environment, with_pip=True)
    result = subprocess.run(
        [str(environment / "bin" / "python"), "-m", "pip", "install", "-q", str(distributions["wheel"])],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return environment / "bin" / "jinshan-desktop"


def run_installed(script: Path, *arguments: str, home: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        "PATH": f"{script.parent}:/usr/bin:/bin",
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        **{name: str(home / name.lower()) for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")},
        "XDG_DATA_HOME": str(home / "xdg_data_home"),
    }
    return subprocess.run(
        [str(script), *arguments], capture_output=True, text=True, timeout=300, env=environment, cwd=home
    )


def test_the_wheel_carries_the_data_and_resources(distributions: dict[str, Path]) -> None:
    with zipfile.ZipFile(distributions["wheel"]) as wheel:
        names = set(wheel.namelist())
    assert names >= PACKAGED_DATA
    assert not any(name.startswith(("db/", "resources/", "tests/")) for name in names)


def test_the_sdist_carries_the_sources_of_truth_once(distributions: dict[str, Path]) -> None:
    with tarfile.open(distributions["sdist"]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {"db/sources.csv", "resources/translations/jinshan_zh_CN.ts", "pyproject.toml"} <= names
    assert not any(name.startswith(("jinshan_desktop/db/", "jinshan_desktop/resources/")) for name in names)


def test_installed_wheel_runs_smoke_from_elsewhere(installed: Path, tmp_path: Path) -> None:
    result = run_installed(installed, "--smoke", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 5 and result.stdout.startswith("Overview: ")
    # Built on first start from the installed CSV files, into the per-user cache, not the install folder.
    assert list((tmp_path / "xdg_cache_home").rglob("jinshan-*.sqlite"))
    assert not list(installed.parent.parent.rglob("*.sqlite"))


def test_installed_wheel_exports_and_speaks_chinese(installed: Path, tmp_path: Path) -> None:
    result = run_installed(installed, "--lang", "zh_CN", "export", "--out", str(tmp_path / "out"), home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    names = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert names == ["README.txt", "entities.csv", "facts.csv", "observations.csv", "sources.csv"]
    assert "金山" in (tmp_path / "out" / "observations.csv").read_text(encoding="utf-8-sig")
    # The interface's catalogue is compiled from the installed .ts; the glyphs come from a system CJK font
    # (the wheel carries none; the frozen app does).
    smoke = run_installed(installed, "--smoke", "--lang", "zh_TW", home=tmp_path)
    assert smoke.returncode == 0 and smoke.stdout.startswith("概覽: "), smoke.stdout + smoke.stderr
