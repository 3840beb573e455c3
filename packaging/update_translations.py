"""Keep the interface translations current: run after changing any tr() string, then translate what is new.

    python packaging/update_translations.py

pyside6-lupdate collects every tr()/translate() string of jinshan_desktop/ into
resources/translations/jinshan_zh_CN.ts, keeping the translations already there. The Traditional catalogue
is generated from it by opencc and both are compiled to .qm at build time (jinshan_desktop/translations.py);
neither is committed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
SIMPLIFIED = FOLDER / "jinshan_zh_CN.ts"


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


def main() -> int:
    lupdate()
    unfinished = SIMPLIFIED.read_text(encoding="utf-8").count('type="unfinished"')
    print(f"{SIMPLIFIED.name}: {unfinished} messages still to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
