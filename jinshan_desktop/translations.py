"""Compiled Qt translations (.qm): built from resources/translations/jinshan_zh_CN.ts, never committed.

The Traditional Chinese catalogue is generated from the Simplified one when compiling (Taiwan standard: OpenCC
s2twp and the reviewed overrides of data/chinese_script.py), so it is never written, nor committed, twice.
jinshan_en.ts holds only the English plural forms ("Copied 1 row", "Copied 3 rows") of the %n sentences, as Qt
has them for the source language (lupdate -pluralonly). The packaged app carries the .qm files
(packaging/build.py); from a checkout they are compiled on first start into the per-user cache, named by a
hash of the catalogues.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from jinshan_desktop.paths import bundle_root, is_frozen, resource, user_cache_dir

APP_CATALOGUE = "jinshan"


def translation_sources() -> list[Path]:
    """The catalogues people edit (Simplified Chinese); Traditional is generated from them."""
    return sorted(resource("translations").glob(f"{APP_CATALOGUE}_zh_CN.ts"))


def english_plurals() -> Path:
    return resource("translations") / f"{APP_CATALOGUE}_en.ts"


def traditional_catalogue(simplified: Path) -> str:
    """The zh_TW catalogue: the zh_CN one with every translation in Taiwan-standard Traditional."""
    from jinshan_desktop.data.chinese_script import to_taiwan

    tree = ElementTree.parse(simplified)
    root = tree.getroot()
    root.set("language", "zh_TW")
    for translation in root.iter("translation"):
        for element in (translation, *translation.iter("numerusform")):
            if element.text and element.text.strip():
                element.text = to_taiwan(element.text)
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ElementTree.tostring(root, encoding="unicode")


def all_catalogues(folder: Path) -> list[Path]:
    """The Simplified catalogues and, written into folder, their generated Traditional twins."""
    catalogues = []
    for source in translation_sources():
        traditional = folder / source.name.replace("_zh_CN", "_zh_TW")
        traditional.write_text(traditional_catalogue(source), encoding="utf-8")
        catalogues += [source, traditional]
    return catalogues


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
    with tempfile.TemporaryDirectory(dir=target.parent) as folder, tempfile.TemporaryDirectory() as generated:
        for source in [*all_catalogues(Path(generated)), english_plurals()]:
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
    for source in [*translation_sources(), english_plurals()]:
        digest.update(source.name.encode() + source.read_bytes())
    target = user_cache_dir() / f"translations-{digest.hexdigest()[:16]}"
    if not target.is_dir():
        compile_translations(target)
    return target
