"""What the frozen bundle is made of: each part's size on disk and compressed with xz as the archive is.

    python packaging/measure_bundle.py [dist/jinshan-desktop]

Prints a Markdown table (the README's). Each part is compressed on its own, so the parts add up to a little
more than the archive, which shares one dictionary across them.
"""

from __future__ import annotations

import lzma
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = [  # first match wins: (name, test on the path inside _internal/)
    ("ICU (Unicode data and code Qt links)", lambda p: "libicu" in p),
    ("Qt libraries and plugins", lambda p: p.startswith("PySide6/Qt/")),
    ("PySide6 and shiboken bindings", lambda p: p.startswith(("PySide6/", "shiboken6/"))),
    ("numpy and its OpenBLAS", lambda p: p.startswith(("numpy", "numpy.libs"))),
    ("pyqtgraph", lambda p: p.startswith("pyqtgraph")),
    ("SQLAlchemy", lambda p: p.startswith("sqlalchemy")),
    ("Python: interpreter, standard library", lambda p: "libpython" in p or p.startswith(("python3", "base_library"))),
    ("fonts (Noto Sans CJK subset)", lambda p: p.startswith("fonts/")),
    ("data: database, translations, icons", lambda p: p.startswith(("db/", "translations/", "resources/"))),
    ("Babel, platformdirs and other Python packages", lambda p: not p.endswith((".so",)) and ".so." not in p),
    ("system libraries (X11, glib, freetype, …)", lambda p: True),
]


def measure(bundle: Path) -> list[tuple[str, int, int]]:
    groups: dict[str, list[Path]] = {name: [] for name, _ in PARTS}
    internal = bundle / "_internal"
    for path in sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()):
        inside = path.relative_to(internal).as_posix() if internal in path.parents else "python3/" + path.name
        name = next(name for name, test in PARTS if test(inside))
        groups[name].append(path)
    rows = []
    for name, paths in groups.items():
        compressor = lzma.LZMACompressor(preset=6)  # as the archive
        compressed = sum(len(compressor.compress(path.read_bytes())) for path in paths) + len(compressor.flush())
        rows.append((name, sum(path.stat().st_size for path in paths), compressed))
    return rows


def main() -> int:
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "jinshan-desktop"
    rows = measure(bundle)
    print("| part | on disk | xz |\n| --- | ---: | ---: |")
    for name, raw, compressed in sorted(rows, key=lambda row: -row[2]):
        print(f"| {name} | {raw / 1e6:.1f} MB | {compressed / 1e6:.1f} MB |")
    total_raw, total_compressed = sum(row[1] for row in rows), sum(row[2] for row in rows)
    print(f"| **all** | {total_raw / 1e6:.1f} MB | {total_compressed / 1e6:.1f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
