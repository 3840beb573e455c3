"""One build of the packaged app for every packaging test: the bundle, the tar.xz and, where dpkg-deb is, the
.deb (packaging/build.py --deb). JINSHAN_REUSE_BUNDLE=1 repackages an existing dist/jinshan-desktop/ instead
of freezing again, for iterating on the packaging itself."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"


@pytest.fixture(scope="session")
def built_dist() -> Path:
    pytest.importorskip("PyInstaller", reason="install the package extra: pip install -e '.[package]'")
    command = [sys.executable, str(ROOT / "packaging" / "build.py")]
    if sys.platform.startswith("linux") and shutil.which("dpkg-deb"):
        command.append("--deb")
    if os.environ.get("JINSHAN_REUSE_BUNDLE") == "1":
        command.append("--reuse-bundle")
    result = subprocess.run(command, capture_output=True, text=True, timeout=1500)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "archive dist/jinshan-desktop-" in result.stdout
    (DIST / "build-report.txt").write_text(result.stdout, encoding="utf-8")
    return DIST
