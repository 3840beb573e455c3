"""The Debian package: the frozen bundle under /opt/jinshan-desktop, a launcher in /usr/bin, the desktop entry,
hicolor icons, AppStream metainfo, a manual page, and Depends computed from what the bundle links.

Depends follows dpkg-shlibdeps' idea without needing a debian/ source tree: every shared library an ELF file of
the bundle asks for (its NEEDED entries) that the bundle does not carry is looked up with ldconfig and dpkg -S,
and its package is depended on; libc6 gets the newest GLIBC symbol version the bundle uses as its minimum.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
from pathlib import Path

PACKAGE = "jinshan-desktop"
APPSTREAM_ID = "org.jinshan.factbook"
INSTALL_ROOT = Path("/opt") / PACKAGE
MAINTAINER = "Jinshan Fact Book maintainers <factbook@jinshan.invalid>"
SUMMARY = "published facts of Jinshan District, Shanghai, offline"
DESCRIPTION = """\
 A desktop application that shows every figure Jinshan District reported on
 manufacturing, rural revitalization, regional integration and public
 services in the Shanghai government's briefing of 10 September 2020, plus
 dated figures from other official documents, each with its source and
 paragraph, trends as charts, and tables exportable as CSV. In English,
 Simplified and Traditional Chinese. It never uses the network.
 .
 The package carries its own Python and Qt (a frozen PyInstaller bundle) in
 /opt/jinshan-desktop."""

LAUNCHER = f"""#!/bin/sh
# The Jinshan Fact Book lives in {INSTALL_ROOT} with its own Python and Qt.
exec {INSTALL_ROOT}/{PACKAGE} "$@"
"""

MANUAL = """.TH JINSHAN-DESKTOP 1 "" "jinshan-desktop {version}" "User Commands"
.SH NAME
jinshan-desktop \\- browse the published facts of Jinshan District, Shanghai
.SH SYNOPSIS
.B jinshan-desktop
[\\fB\\-\\-lang\\fR \\fIen|zh_CN|zh_TW\\fR] [\\fB\\-\\-db\\fR \\fIPATH\\fR] [\\fB\\-\\-smoke\\fR]
[\\fB\\-\\-open\\fR \\fIID\\fR | \\fIjinshan://figure/ID\\fR]
.br
.B jinshan-desktop export \\-\\-out
.I DIR
[\\fB\\-\\-encoding\\fR \\fIutf-8-sig|utf-8|gb18030\\fR]
.br
.B jinshan-desktop import
.I FILE.csv
[\\fB\\-\\-dry\\-run\\fR]
.SH DESCRIPTION
Without a command, opens the window. \\fBexport\\fR writes every table as CSV and a README.txt into
\\fIDIR\\fR; \\fBimport\\fR checks a CSV file shaped like observations.csv and adds its figures to the
per-user database; \\fB\\-\\-smoke\\fR opens the window, visits every tab and exits.
\\fB\\-\\-open\\fR \\fIID\\fR, or a link \\fIjinshan://figure/ID\\fR (Edit \\(-> Copy link writes one; the desktop
entry opens them), opens the window on that figure.
A database that is missing, damaged or of another schema version gives a one-line reason and exit code 2.
.SH FILES
.TP
.I {root}
the program, its own Python and Qt, and the read-only database
.TP
.I ~/.config/jinshan-desktop, ~/.local/state/jinshan-desktop
settings and logs
"""

COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: jinshan-desktop

Files: *
Copyright: 2020-2026 the Jinshan Fact Book authors
License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
 associated documentation files (the "Software"), to deal in the Software without restriction, including
 without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
 following conditions:
 .
 The above copyright notice and this permission notice shall be included in all copies or substantial
 portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.

Files: opt/jinshan-desktop/_internal/*
Copyright: the Python Software Foundation; The Qt Company Ltd. and PySide6 contributors; NumPy, pyqtgraph,
 SQLAlchemy, Babel and platformdirs developers; Google (Noto Sans CJK subset); Unicode, Inc. (ICU data)
License: various-bundled
 The frozen bundle carries Python (PSF License), Qt 6 and PySide6 (LGPL-3), NumPy and pyqtgraph (BSD,
 MIT), SQLAlchemy and platformdirs (MIT), Babel (BSD-3-Clause), a subset of Noto Sans CJK (SIL OFL 1.1,
 its licence beside the fonts) and ICU (Unicode License). Their licence texts are inside the bundle's
 *.dist-info folders and Qt's LICENSE files.
"""

CHANGELOG = """{package} ({version}) unstable; urgency=medium

  * Built from the checkout by packaging/build.py --deb.

 -- {maintainer}  Tue, 01 Dec 2026 00:00:00 +0000
"""

METAINFO = """<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>{id}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>MIT</project_license>
  <name>Jinshan Fact Book</name>
  <name xml:lang="zh-Hans">金山区资料手册</name>
  <summary>Published facts of Jinshan District, Shanghai, with their sources</summary>
  <description>
    <p>Every figure Jinshan District reported on manufacturing, rural revitalization, regional integration and
    public services in the Shanghai government's briefing of 10 September 2020, plus dated figures from other
    official documents, each with the document and paragraph it came from, trends drawn as charts, and every
    table exportable as CSV.</p>
    <p>In English, Simplified and Traditional Chinese. It reads a local database and never uses the network.</p>
  </description>
  <launchable type="desktop-id">{package}.desktop</launchable>
  <provides>
    <binary>{package}</binary>
  </provides>
  <categories>
    <category>Office</category>
    <category>Education</category>
  </categories>
  <content_rating type="oars-1.1"/>
  <releases>
    <release version="{version}" date="2026-12-01"/>
  </releases>
</component>
"""


def is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def elf_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))


def needed_libraries(path: Path) -> list[str]:
    dynamic = subprocess.run(["readelf", "-dW", str(path)], capture_output=True, text=True, check=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)


def external_libraries(bundle: Path) -> dict[str, list[Path]]:
    """Each library the bundle's ELF files need but the bundle does not carry, with the files that need it."""
    carried = {path.name for path in bundle.rglob("*.so*")}
    wanted: dict[str, list[Path]] = {}
    for path in elf_files(bundle):
        for soname in needed_libraries(path):
            if soname not in carried:
                wanted.setdefault(soname, []).append(path)
    return wanted


def _system_library_paths() -> dict[str, Path]:
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    found: dict[str, Path] = {}
    for line in listing.splitlines():
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and ("x86-64" in match.group(2) or "64bit" in match.group(2) or "," not in match.group(2)):
            found.setdefault(match.group(1), Path(match.group(3)))
    return found


def _owning_package(path: Path) -> str | None:
    """The package dpkg says installed path (tried as given, resolved, and across the /usr merge)."""
    candidates = {str(path), str(path.resolve())}
    candidates |= {c.removeprefix("/usr") if c.startswith("/usr/lib") else "/usr" + c for c in list(candidates)}
    for candidate in sorted(candidates):
        result = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].split(",")[0].strip()
    return None


def system_copies(program: Path) -> list[Path]:
    """The libraries PyInstaller copied from the build machine's own packages (libX11, glib, freetype …):
    in a .deb the distribution's copies serve, with their security updates, and Depends names them. Python's
    library stays: the bootloader loads the bundle's own, and it is not a Debian package's anyway."""
    paths = _system_library_paths()
    copies = []
    for library in sorted((program / "_internal").glob("*.so*")):
        system = paths.get(library.name)
        if system is not None and not library.name.startswith("libpython") and _owning_package(system):
            copies.append(library)
    return copies


def glibc_minimum(bundle: Path) -> str:
    """The newest GLIBC_x.y symbol version any ELF file of the bundle binds to."""
    newest = (2, 17)
    for path in elf_files(bundle):
        symbols = subprocess.run(["readelf", "-VW", str(path)], capture_output=True, text=True).stdout
        for major, minor in re.findall(r"Name: GLIBC_(\d+)\.(\d+)", symbols):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def depends(bundle: Path) -> tuple[list[str], dict[str, str]]:
    """The Depends list, and for each external library the package that provides it (for tests and the README).
    Raises SystemExit naming a library the build machine lacks: it would be missing on a user's machine too."""
    paths = _system_library_paths()
    providers: dict[str, str] = {}
    for soname, users in sorted(external_libraries(bundle).items()):
        path = paths.get(soname)
        package = _owning_package(path) if path else None
        if package is None:
            raise SystemExit(f"{soname} (needed by {users[0].relative_to(bundle)}) is not installed from a package")
        providers[soname] = package
    packages = sorted(set(providers.values()))
    listed = [f"libc6 (>= {glibc_minimum(bundle)})" if name == "libc6" else name for name in packages]
    return listed, providers


def _write(path: Path, text: str | bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    path.chmod(mode)


def _gzipped(text: str) -> bytes:
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def build_deb(bundle: Path, icons: Path, desktop_entry: Path, svg_icon: Path, version: str, out: Path) -> Path:
    """Write out/jinshan-desktop_<version>_<arch>.deb from the frozen bundle; returns its path."""
    architecture = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    root = out / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    program = root / INSTALL_ROOT.relative_to("/")
    shutil.copytree(
        bundle, program, symlinks=True, ignore=shutil.ignore_patterns("add-to-menu.sh", "INSTALL.txt", "share")
    )
    for library in system_copies(program):
        library.unlink()  # Depends brings the distribution's own copy instead
    _write(root / "usr/bin" / PACKAGE, LAUNCHER, 0o755)
    entry = desktop_entry.read_text(encoding="utf-8")
    _write(root / "usr/share/applications" / f"{PACKAGE}.desktop", entry)
    for png in sorted(icons.glob(f"{PACKAGE}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        _write(root / f"usr/share/icons/hicolor/{size}x{size}/apps/{PACKAGE}.png", png.read_bytes())
    _write(root / f"usr/share/icons/hicolor/scalable/apps/{PACKAGE}.svg", svg_icon.read_bytes())
    _write(
        root / "usr/share/metainfo" / f"{APPSTREAM_ID}.metainfo.xml",
        METAINFO.format(id=APPSTREAM_ID, package=PACKAGE, version=version),
    )
    _write(root / "usr/share/man/man1" / f"{PACKAGE}.1.gz", _gzipped(MANUAL.format(version=version, root=INSTALL_ROOT)))
    doc = root / "usr/share/doc" / PACKAGE
    _write(doc / "copyright", COPYRIGHT)
    _write(doc / "changelog.gz", _gzipped(CHANGELOG.format(package=PACKAGE, version=version, maintainer=MAINTAINER)))
    for path in [root, *root.rglob("*")]:  # folders and programs 755; libraries need no x bit (Debian policy)
        if not path.is_symlink():
            runnable = path.stat().st_mode & 0o111 and not re.search(r"\.so(\.|$)", path.name)
            path.chmod(0o755 if path.is_dir() or runnable else 0o644)
    listed, _ = depends(program)
    installed_kib = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) // 1024 + 1
    control = "\n".join(
        [
            f"Package: {PACKAGE}",
            f"Version: {version}",
            f"Architecture: {architecture}",
            f"Maintainer: {MAINTAINER}",
            f"Installed-Size: {installed_kib}",
            f"Depends: {', '.join(listed)}",
            "Section: science",
            "Priority: optional",
            f"Description: {SUMMARY}",
            DESCRIPTION,
            "",
        ]
    )
    _write(root / "DEBIAN" / "control", control)
    target = out / f"{PACKAGE}_{version}_{architecture}.deb"
    target.unlink(missing_ok=True)
    subprocess.run(
        # xz -6 as the archive; threads let dpkg-deb use every core.
        [
            "dpkg-deb",
            "--root-owner-group",
            "-Zxz",
            "-z6",
            f"--threads-max={os.cpu_count() or 1}",
            "--build",
            str(root),
            str(target),
        ],
        check=True,
        capture_output=True,
    )
    shutil.rmtree(root)
    return target


def lintian_report(deb: Path) -> list[str]:
    """lintian's tags for the package (empty when clean), or a sentence when lintian is not installed."""
    if shutil.which("lintian") is None:
        return ["lintian is not installed (Debian: apt-get install lintian)"]
    result = subprocess.run(["lintian", "--tag-display-limit", "0", str(deb)], capture_output=True, text=True)
    return [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
