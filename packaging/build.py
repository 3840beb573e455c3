"""Build the packaged app: stage the database and icons, run PyInstaller, and archive the bundle.

    python packaging/build.py            # dist/jinshan-desktop/ and dist/jinshan-desktop-<version>-<os>-<arch>.*

Needs the `package` extra (pip install -e ".[package]").
"""

from __future__ import annotations

import os
import platform
import shutil
import stat
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jinshan_desktop import __version__  # noqa: E402
from jinshan_desktop.data.build import build_database  # noqa: E402
from jinshan_desktop.data.languages import LANGUAGE_NAMES  # noqa: E402
from jinshan_desktop.translations import all_catalogues, compile_translations  # noqa: E402

sys.path.insert(0, str(ROOT / "packaging"))
from fonts import cut_subsets, required_characters  # noqa: E402

STAGE = ROOT / "build" / "stage"
DIST = ROOT / "dist"
BUNDLE = DIST / "jinshan-desktop"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)

INSTALL_TEXT = """Jinshan Fact Book {version}

Run
  Unpack this archive anywhere and start  jinshan-desktop/jinshan-desktop
  Nothing else is needed: Python, Qt and the data are inside, and the app never uses the network.

Add it to the applications menu (Linux)
  jinshan-desktop/add-to-menu.sh
  This writes ~/.local/share/applications/jinshan-desktop.desktop and the icon; delete those two files
  to take it out again.

Your settings and logs live in your per-user folders (~/.config/jinshan-desktop, ~/.local/state/jinshan-desktop);
the database inside the bundle is only ever read.
"""

ADD_TO_MENU = """#!/bin/sh
# Adds the Jinshan Fact Book to the desktop menu of the current user.
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/share/jinshan-desktop.png" "$icons/jinshan-desktop.png"
sed "s|^Exec=.*|Exec=\\"$here/jinshan-desktop\\"|" "$here/share/jinshan-desktop.desktop" \\
  > "$apps/jinshan-desktop.desktop"
echo "Added: $apps/jinshan-desktop.desktop"
"""


def stage() -> None:
    """The read-only database, compiled translations, the CJK font subset and the icon at every size."""
    shutil.rmtree(STAGE, ignore_errors=True)
    database = STAGE / "db" / "jinshan.sqlite"
    build_database(ROOT / "db", database)
    database.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    compile_translations(STAGE / "translations")
    catalogues = all_catalogues(STAGE)  # Traditional too: its characters differ from the Simplified ones
    characters = required_characters(database, catalogues, "".join(LANGUAGE_NAMES.values()))
    cut_subsets(characters, STAGE / "fonts")
    render_icons(ROOT / "resources" / "icons" / "jinshan-desktop.svg", STAGE / "icons")


def render_icons(svg: Path, folder: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    folder.mkdir(parents=True, exist_ok=True)
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        if not image.save(str(folder / f"jinshan-desktop-{size}.png")):
            raise SystemExit(f"could not write the {size} px icon")


def run_pyinstaller() -> None:
    shutil.rmtree(BUNDLE, ignore_errors=True)
    environment = dict(os.environ, JINSHAN_STAGE=str(STAGE), JINSHAN_VERSION=__version__)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            str(ROOT / "packaging" / "jinshan-desktop.spec"),
        ],
        check=True,
        env=environment,
        cwd=ROOT,
    )


def add_linux_extras() -> None:
    share = BUNDLE / "share"
    share.mkdir(exist_ok=True)
    shutil.copy(ROOT / "packaging" / "jinshan-desktop.desktop", share / "jinshan-desktop.desktop")
    shutil.copy(STAGE / "icons" / "jinshan-desktop-256.png", share / "jinshan-desktop.png")
    script = BUNDLE / "add-to-menu.sh"
    script.write_text(ADD_TO_MENU, encoding="utf-8")
    script.chmod(0o755)


def strip_python_library() -> None:
    """Python's shared library carries debug symbols (23 MB, 6 MB without); Qt's and numpy's come stripped."""
    tool = shutil.which("strip")
    if tool is None:
        return
    for library in (BUNDLE / "_internal").glob("libpython*.so*"):
        subprocess.run([tool, "--strip-unneeded", str(library)], check=True)


def archive_name() -> str:
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    return f"jinshan-desktop-{__version__}-{system}-{platform.machine().lower()}"


def make_archive() -> Path:
    (BUNDLE / "INSTALL.txt").write_text(INSTALL_TEXT.format(version=__version__), encoding="utf-8")
    if sys.platform == "win32":
        target = DIST / f"{archive_name()}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(BUNDLE.rglob("*")):
                archive.write(path, path.relative_to(DIST))
        return target
    target = DIST / f"{archive_name()}.tar.gz"
    with tarfile.open(target, "w:gz") as archive:
        archive.add(BUNDLE, arcname=BUNDLE.name)
    return target


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def main() -> int:
    stage()
    run_pyinstaller()
    if sys.platform.startswith("linux"):
        strip_python_library()
        add_linux_extras()
    archive = make_archive()
    print(f"bundle  {BUNDLE.relative_to(ROOT)}: {folder_size(BUNDLE) / 1e6:.1f} MB")
    print(f"archive {archive.relative_to(ROOT)}: {archive.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
