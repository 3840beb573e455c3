"""A subset of Noto Sans CJK SC and TC (SIL Open Font License) holding just the characters the app shows,
cut at build time with fontTools so Chinese renders on machines without CJK fonts."""

from __future__ import annotations

import sqlite3
import string
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

NOTO_CANDIDATES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"),
)
NOTO_LICENSE = Path("/usr/share/doc/fonts-noto-cjk/copyright")
FACES = {"Noto Sans CJK SC": "NotoSansCJKsc-Subset.otf", "Noto Sans CJK TC": "NotoSansCJKtc-Subset.otf"}
# Characters any screen may need besides the data: Latin, digits, punctuation and the symbols the app writes.
BASE_CHARACTERS = set(string.printable) | set("≈≤≥>·—–…‘’“”¶×％（）：；，。、！？《》〈〉【】²")


def required_characters(database: Path, translation_files: list[Path], extra: str = "") -> set[str]:
    """Every character of every text column of the database and every translation, plus the base set."""
    characters = set(BASE_CHARACTERS) | set(extra)
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, str):
                        characters |= set(value)
    finally:
        connection.close()
    for path in translation_files:
        for element in ElementTree.parse(path).getroot().iter("translation"):
            characters |= set(element.text or "")
    return {character for character in characters if character.isprintable()}


def find_noto() -> Path:
    for candidate in NOTO_CANDIDATES:
        if candidate.exists():
            return candidate
    raise SystemExit("Noto Sans CJK was not found: install it (Debian: apt-get install fonts-noto-cjk)")


def cut_subsets(characters: set[str], folder: Path, source: Path | None = None) -> list[Path]:
    """Write one subset per face into folder, with the font's licence beside them."""
    source = source or find_noto()
    folder.mkdir(parents=True, exist_ok=True)
    with TTCollection(str(source)) as collection:
        families = [font["name"].getDebugName(1) for font in collection.fonts]
    written = []
    for index, family in enumerate(families):
        if family not in FACES:
            continue
        options = subset.Options()
        options.font_number = index
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        subsetter_font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[ord(character) for character in characters])
        subsetter.subset(subsetter_font)
        target = folder / FACES[family]
        subset.save_font(subsetter_font, str(target), options)
        subsetter_font.close()
        written.append(target)
    if NOTO_LICENSE.exists():
        (folder / "LICENSE-Noto-CJK.txt").write_text(NOTO_LICENSE.read_text(encoding="utf-8"), encoding="utf-8")
    return written


def missing_characters(font_file: Path, characters: set[str]) -> set[str]:
    from fontTools.ttLib import TTFont

    with TTFont(str(font_file)) as font:
        covered = set(font.getBestCmap())
    return {character for character in characters if ord(character) not in covered and not character.isspace()}
