"""Build the packaged app: stage the database and icons, run PyInstaller, and archive the bundle.

    python packaging/build.py            # dist/jinshan-desktop/ and dist/jinshan-desktop-<version>-<os>-<arch>.*
    python packaging/build.py --deb      # also dist/jinshan-desktop_<version>_<arch>.deb (Debian, Ubuntu)
    python packaging/build.py --deb --lintian --reuse-bundle   # repackage dist/jinshan-desktop/, lintian it

Needs the `package` extra (pip install -e ".[package]"); on Linux also binutils (strip, readelf), and to trim
the ICU data icu-devtools and a C compiler; --deb needs dpkg-deb (and uses lintian when installed).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
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
from icu_data import tools_missing, trim_icu_data  # noqa: E402

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
sed "s|^Exec=.*|Exec=\\"$here/jinshan-desktop\\" %u|" "$here/share/jinshan-desktop.desktop" \\
  > "$apps/jinshan-desktop.desktop"
# jinshan://figure/ID links open in the app (the entry's MimeType); where the tool exists, say so now.
command -v update-desktop-database >/dev/null && update-desktop-database "$apps" 2>/dev/null
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


def strip_binaries() -> int:
    """Strip what the linker does not need from every shared library (libpython alone carries 17 MB of debug
    symbols); returns bytes saved. The executable itself is left alone: PyInstaller appends its archive to it."""
    sys.path.insert(0, str(ROOT / "packaging"))
    from debian import elf_files

    tool = shutil.which("strip")
    if tool is None:
        print("warning: strip not found (binutils); the bundle keeps its symbols", file=sys.stderr)
        return 0
    before = folder_size(BUNDLE)
    for library in elf_files(BUNDLE / "_internal"):
        # Wheels repaired by auditwheel (numpy and its numpy.libs) were rewritten by patchelf, and strip
        # breaks such files ("ELF load command address/offset not page-aligned"); they come stripped anyway.
        if not _repaired_by_auditwheel(library):
            subprocess.run([tool, "--strip-unneeded", str(library)], check=True, capture_output=True)
    return before - folder_size(BUNDLE)


def _repaired_by_auditwheel(library: Path) -> bool:
    inside = library.relative_to(BUNDLE / "_internal").parts
    if inside[0].endswith(".libs"):
        return True
    dynamic = subprocess.run(["readelf", "-dW", str(library)], capture_output=True, text=True).stdout
    return bool(re.search(r"\((?:RUNPATH|RPATH)\).*\.libs", dynamic))


def clear_build_machine_runpaths() -> None:
    """Python's extension modules keep the RUNPATH of the interpreter that built them (e.g. a pyenv folder on
    the build machine): a user's machine must never look for libraries there. $ORIGIN paths stay."""
    sys.path.insert(0, str(ROOT / "packaging"))
    from debian import elf_files

    tool = shutil.which("patchelf")
    if tool is None:
        print("warning: patchelf not found; build-machine RUNPATHs stay in the bundle", file=sys.stderr)
        return
    for library in elf_files(BUNDLE / "_internal"):
        runpath = subprocess.run([tool, "--print-rpath", str(library)], capture_output=True, text=True).stdout.strip()
        if runpath and not all(part.startswith("$ORIGIN") for part in runpath.split(":")):
            subprocess.run([tool, "--remove-rpath", str(library)], check=True)


def trim_icu() -> int:
    """Qt's ICU data cut to the English and Chinese locales (icu_data.py); returns bytes saved."""
    missing = tools_missing()
    if missing:
        print(f"warning: ICU data left whole: {', '.join(missing)} missing (apt-get install icu-devtools gcc)")
        return 0
    saved = 0
    for library in sorted((BUNDLE / "_internal").rglob("libicudata.so.*")):
        before, after = trim_icu_data(library)
        saved += before - after
    return saved


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

    # xz at preset 9: about 2% smaller than preset 6, which the team database's dependencies made necessary
    # to stay within the 50 MB download.
    target = DIST / f"{archive_name()}.tar.xz"
    for stale in DIST.glob(f"{archive_name()}.tar.*"):
        stale.unlink()
    if shutil.which("xz") is None:
        with tarfile.open(target, "w:xz", preset=9) as archive:
            archive.add(BUNDLE, arcname=BUNDLE.name)
        return target
    with target.open("wb") as out:
        xz = subprocess.Popen(["xz", "-9", f"-T{os.cpu_count() or 1}", "-c"], stdin=subprocess.PIPE, stdout=out)
        assert xz.stdin is not None
        with tarfile.open(fileobj=xz.stdin, mode="w|") as archive:
            archive.add(BUNDLE, arcname=BUNDLE.name)
        xz.stdin.close()
        if xz.wait() != 0:
            raise SystemExit("xz failed")
    return target


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--deb", action="store_true", help="also build the Debian package (Linux, dpkg-deb)")
    parser.add_argument("--lintian", action="store_true", help="check the .deb with lintian (the slow test does)")
    parser.add_argument(
        "--reuse-bundle", action="store_true", help="package dist/jinshan-desktop/ as it is (to iterate on packaging)"
    )
    arguments = parser.parse_args()
    if not (arguments.reuse_bundle and BUNDLE.is_dir()):
        stage()
        run_pyinstaller()
    if sys.platform.startswith("linux"):  # each step leaves an already treated bundle as it is
        icu_saved = trim_icu()
        print(
            f"ICU data trimmed by {max(icu_saved, 0) / 1e6:.1f} MB; stripped {strip_binaries() / 1e6:.1f} MB of symbols"
        )
        clear_build_machine_runpaths()
        add_linux_extras()
    archive = make_archive()
    print(f"bundle  {BUNDLE.relative_to(ROOT)}: {folder_size(BUNDLE) / 1e6:.1f} MB")
    print(f"archive {archive.relative_to(ROOT)}: {archive.stat().st_size / 1e6:.1f} MB")
    if arguments.deb:
        from debian import build_deb, lintian_report

        deb = build_deb(
            BUNDLE,
            STAGE / "icons",
            ROOT / "packaging" / "jinshan-desktop.desktop",
            ROOT / "resources" / "icons" / "jinshan-desktop.svg",
            __version__,
            DIST,
        )
        print(f"deb     {deb.relative_to(ROOT)}: {deb.stat().st_size / 1e6:.1f} MB")
        if arguments.lintian:
            for line in lintian_report(deb):
                print(f"lintian {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
