"""Compiled Qt translations (.qm): built from resources/translations/*.ts by pyside6-lrelease, never committed.

The packaged app carries them (packaging/build.py compiles them); from a checkout they are compiled on first
start into the per-user cache, named by a hash of the .ts files, just as the database is built.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from jinshan_desktop.paths import bundle_root, is_frozen, resource, user_cache_dir

APP_CATALOGUE = "jinshan"


def translation_sources() -> list[Path]:
    return sorted(resource("translations").glob(f"{APP_CATALOGUE}_*.ts"))


def lrelease_program() -> str:
    import PySide6

    bundled = Path(PySide6.__file__).parent / "lrelease"
    for candidate in (bundled, bundled.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("pyside6-lrelease")
    if found is None:
        raise FileNotFoundError("pyside6-lrelease was not found; install PySide6-Essentials")
    return found


def compile_translations(target: Path) -> Path:
    """Compile every .ts into target (written beside and moved in whole, so a failure leaves nothing half)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as folder:
        for source in translation_sources():
            subprocess.run(
                [lrelease_program(), "-silent", str(source), "-qm", str(Path(folder) / f"{source.stem}.qm")],
                check=True,
                capture_output=True,
            )
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(folder, target)
    return target


def translations_dir() -> Path:
    if is_frozen():
        return bundle_root() / "translations"
    digest = hashlib.sha256()
    for source in translation_sources():
        digest.update(source.name.encode() + source.read_bytes())
    target = user_cache_dir() / f"translations-{digest.hexdigest()[:16]}"
    if not target.is_dir():
        compile_translations(target)
    return target
