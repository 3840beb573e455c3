"""Trim the ICU data library Qt links (libicudata, 31 MB, the largest file of the bundle) to what this app's
readers need: every non-locale table (converter aliases, normalisation, time zones, plural rules …), the root
locale and the English and Chinese locales; dropped are the other ~800 locales' names, currencies, units and
collations, the transliterators and the code-page converters
(the app reads and writes UTF-8 and GB18030 in Python, never through Qt; GB18030's table is kept anyway).

The data is cut out of the shared library (the symbol icudt<N>_dat), trimmed with ICU's icupkg and linked back
into a library of the same name and soname with genccode and the C compiler (Debian: icu-devtools, gcc).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

KEPT_LANGUAGES = ("en", "zh", "yue")  # Hong Kong's Traditional Chinese rules refer to Cantonese ones
KEPT_CONVERTERS = ("gb18030",)
DROPPED_FOLDERS = ("translit/",)
LOCALE_NAME = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
NOT_LOCALES = {"root", "res_index", "pool"}
TOOLS = ("icupkg", "genccode", "cc", "readelf")


def tools_missing() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def is_dropped(item: str) -> bool:
    """item as icupkg lists it, e.g. "zone/de_AT.res", "brkitr/thaidict.dict", "ibm-37_P100-1995.cnv"."""
    name = item.rsplit("/", 1)[-1]
    stem, _, suffix = name.rpartition(".")
    if item.startswith(DROPPED_FOLDERS):
        return True
    if suffix == "cnv":
        return not any(kept in stem for kept in KEPT_CONVERTERS)
    if suffix == "res" and stem not in NOT_LOCALES and LOCALE_NAME.match(stem):
        return stem.split("_")[0] not in KEPT_LANGUAGES
    return False


def _symbol(library: Path) -> tuple[str, int, int]:
    """The name, file offset and size of the library's icudt<N>_dat symbol."""
    symbols = subprocess.run(["readelf", "-sW", "--dyn-syms", str(library)], capture_output=True, text=True, check=True)
    for line in symbols.stdout.splitlines():
        fields = line.split()
        if len(fields) >= 8 and re.fullmatch(r"icudt\d+_dat", fields[7]) and fields[3] == "OBJECT":
            address, size, section = int(fields[1], 16), int(fields[2], 0), int(fields[6])
            break
    else:
        raise SystemExit(f"{library} holds no icudt<N>_dat symbol")
    sections = subprocess.run(["readelf", "-SW", str(library)], capture_output=True, text=True, check=True)
    for line in sections.stdout.splitlines():
        match = re.match(rf"\s*\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if match:
            return fields[7], int(match.group(2), 16) + address - int(match.group(1), 16), size
    raise SystemExit(f"{library}: section {section} not found")


def trim_icu_data(library: Path) -> tuple[int, int]:
    """Replace library by its trimmed twin; returns (bytes before, bytes after)."""
    missing = tools_missing()
    if missing:
        raise SystemExit(f"trimming ICU data needs {', '.join(missing)} (Debian: apt-get install icu-devtools gcc)")
    symbol, offset, size = _symbol(library)
    entry = symbol.removesuffix("_dat")  # icudt73
    before = library.stat().st_size
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        common = work / f"{entry}l.dat"
        with library.open("rb") as handle:
            handle.seek(offset)
            common.write_bytes(handle.read(size))
        items = subprocess.run(["icupkg", "-l", str(common)], capture_output=True, text=True, check=True)
        dropped = [item for item in items.stdout.split() if is_dropped(item)]
        (work / "dropped.txt").write_text("\n".join(dropped) + "\n", encoding="utf-8")
        trimmed = work / "trimmed" / common.name
        trimmed.parent.mkdir()
        subprocess.run(["icupkg", "-r", str(work / "dropped.txt"), str(common), str(trimmed)], check=True)
        subprocess.run(["genccode", "-a", "gcc", "-e", entry, "-d", str(work), str(trimmed)], check=True)
        (assembly,) = work.glob("*.S")
        soname = library.name
        rebuilt = work / soname
        subprocess.run(
            [
                "cc",
                "-shared",
                "-nostdlib",
                f"-Wl,-soname,{soname}",
                "-Wl,-z,noexecstack",
                "-o",
                str(rebuilt),
                str(assembly),
            ],
            check=True,
        )
        shutil.copyfile(rebuilt, library)
    return before, library.stat().st_size
