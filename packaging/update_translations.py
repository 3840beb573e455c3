"""Keep the interface translations current: run after changing any tr() string, then translate what is new.

    python packaging/update_translations.py

1. pyside6-lupdate collects every tr()/translate() string of jinshan_desktop/ into
   resources/translations/jinshan_zh_CN.ts, keeping the translations already there.
2. jinshan_zh_TW.ts is written from it with every translation converted by opencc (s2t), so Traditional
   Chinese is never written by hand a second time.
The .qm files are compiled from these at build time, not committed (jinshan_desktop/translations.py).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
SIMPLIFIED = FOLDER / "jinshan_zh_CN.ts"
TRADITIONAL = FOLDER / "jinshan_zh_TW.ts"


def lupdate() -> None:
    sources = sorted(str(path) for path in (ROOT / "jinshan_desktop").rglob("*.py"))
    program = str(Path(sys.executable).with_name("pyside6-lupdate"))
    subprocess.run(
        [
            program,
            *sources,
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            "zh_CN",
            "-ts",
            str(SIMPLIFIED),
        ],
        check=True,
    )


def traditional_from_simplified(simplified: Path = SIMPLIFIED) -> str:
    import opencc

    converter = opencc.OpenCC("s2t")
    tree = ElementTree.parse(simplified)
    root = tree.getroot()
    root.set("language", "zh_TW")
    for translation in root.iter("translation"):
        if translation.text:
            translation.text = converter.convert(translation.text)
    ElementTree.indent(tree)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ElementTree.tostring(root, encoding="unicode")
        + "\n"
    )


def main() -> int:
    lupdate()
    TRADITIONAL.write_text(traditional_from_simplified(), encoding="utf-8")
    unfinished = SIMPLIFIED.read_text(encoding="utf-8").count('type="unfinished"')
    print(f"{SIMPLIFIED.name}: {unfinished} messages still to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
