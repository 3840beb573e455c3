"""The desktop entry registers jinshan:// links (MimeType, Exec with %u) and stays valid; add-to-menu keeps both."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENTRY = ROOT / "packaging" / "jinshan-desktop.desktop"


def _add_to_menu_script() -> str:
    # Loaded by path under its own name: on sys.path, packaging/build.py would shadow PyPA's build package.
    spec = importlib.util.spec_from_file_location("jinshan_packaging_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.ADD_TO_MENU)


def _keys(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def test_entry_opens_jinshan_links() -> None:
    keys = _keys(ENTRY.read_text(encoding="utf-8"))
    assert keys["Exec"] == "jinshan-desktop %u"  # the desktop passes the link as the one argument
    assert "x-scheme-handler/jinshan" in keys["MimeType"].split(";")


def test_entry_passes_desktop_file_validate() -> None:
    if shutil.which("desktop-file-validate") is None:
        message = "desktop-file-validate is missing: apt-get install desktop-file-utils (.ci/run installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(["desktop-file-validate", str(ENTRY)], capture_output=True, text=True)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line or ": warning:" in line]
    assert result.returncode == 0 and errors == [], result.stdout


def test_add_to_menu_keeps_the_link_argument(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "share").mkdir(parents=True)
    shutil.copy(ENTRY, bundle / "share" / "jinshan-desktop.desktop")
    (bundle / "share" / "jinshan-desktop.png").write_bytes(b"")
    (bundle / "add-to-menu.sh").write_text(_add_to_menu_script(), encoding="utf-8")
    environment = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"))
    subprocess.run(["sh", str(bundle / "add-to-menu.sh")], check=True, env=environment, capture_output=True)
    keys = _keys((tmp_path / "data" / "applications" / "jinshan-desktop.desktop").read_text(encoding="utf-8"))
    assert keys["Exec"] == f'"{bundle / "jinshan-desktop"}" %u'
    assert keys["MimeType"] == "x-scheme-handler/jinshan;"
