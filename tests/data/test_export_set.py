"""Export all writes a set: all new files or none; a replaced file keeps its rights; a failure names the file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from jinshan_desktop.data import exporting
from jinshan_desktop.data.export_files import ExportError, atomic_target
from jinshan_desktop.data.exporting import export_all
from jinshan_desktop.data.queries import FactBook


def _old_export(folder: Path, names: list[str]) -> dict[str, bytes]:
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"old " + name.encode())
    return {name: (folder / name).read_bytes() for name in names}


def test_a_full_disk_half_way_leaves_the_old_set_untouched_and_names_the_file(
    book: FactBook, tmp_path: Path, monkeypatch
) -> None:
    first = export_all(book, tmp_path / "probe")
    names = [path.name for path in first]
    folder = tmp_path / "out"
    before = _old_export(folder, names)
    real = exporting.export_table
    failing = names[1]

    def export_table(table, path, *args, **kwargs):
        if table.file_name == failing:
            with atomic_target(path):
                raise OSError(errno.ENOSPC, "No space left on device")
        return real(table, path, *args, **kwargs)

    monkeypatch.setattr(exporting, "export_table", export_table)
    with pytest.raises(ExportError) as raised:
        export_all(book, folder)
    assert f"failed writing {failing} (No space left on device)" in str(raised.value)
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before  # no new file, no leftovers


def test_overwriting_an_export_keeps_each_files_mode(book: FactBook, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    written = export_all(book, folder)
    for path in written:
        path.chmod(0o600)
    (folder / "README.txt").chmod(0o640)
    export_all(book, folder)
    modes = {path.name: path.stat().st_mode & 0o777 for path in written}
    assert modes == {path.name: 0o640 if path.name == "README.txt" else 0o600 for path in written}
    new = export_all(book, tmp_path / "fresh")
    umask = os.umask(0)
    os.umask(umask)
    assert {path.stat().st_mode & 0o777 for path in new} == {0o666 & ~umask}
