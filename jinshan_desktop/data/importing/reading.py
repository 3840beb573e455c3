"""Reading an import file: its size, its encoding and its CSV rows, each refusal a sentence in the plan."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from jinshan_desktop.data.importing.checker import Checker
from jinshan_desktop.data.importing.report import ImportPlan, Problem
from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP, Message
from jinshan_desktop.data.progress import Progress, never_cancelled
from jinshan_desktop.data.queries import FactBook

MAX_FILE_BYTES = 50_000_000


def _read_head(path: Path) -> bytes:
    """The file up to one byte past the size limit: enough to refuse a huge file without reading it whole."""
    with Path(path).open("rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def lines_in_file(path: Path) -> int:
    """How many lines a file has (an upper bound on its rows), to size a progress bar before checking it."""
    try:
        return _read_head(path).count(b"\n")
    except OSError:
        return 0


def decode(raw: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with: UTF-8 with or without BOM, or GB18030."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "UTF-8 with BOM"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return raw.decode("gb18030"), "GB18030"


def plan_import(book: FactBook, path: Path, progress: Progress = never_cancelled) -> ImportPlan:
    """Read and check a file; progress is told the lines checked, and ImportCancelled ends a cancelled check."""
    plan = ImportPlan(Path(path).name)
    try:
        raw = _read_head(path)
    except OSError as error:
        return _refused(
            plan, QT_TRANSLATE_NOOP("ImportReport", "the file cannot be read: {reason}"), error.strerror or error
        )
    return plan_import_bytes(book, raw, plan, progress)


def plan_import_bytes(book: FactBook, raw: bytes, plan: ImportPlan, progress: Progress = never_cancelled) -> ImportPlan:
    if len(raw) > MAX_FILE_BYTES:
        too_large = QT_TRANSLATE_NOOP("ImportReport", "the file is larger than {size} MB")
        return _refused(plan, too_large, size=MAX_FILE_BYTES // 1_000_000)
    try:
        text, plan.encoding = decode(raw)
    except UnicodeDecodeError:
        encoding = QT_TRANSLATE_NOOP("ImportReport", "the file is neither UTF-8 nor GB18030 text (wrong encoding)")
        return _refused(plan, encoding)
    if "\x00" in text:
        return _refused(
            plan, QT_TRANSLATE_NOOP("ImportReport", "the file holds NUL characters: it is not a CSV text file")
        )
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        return _refused(plan, QT_TRANSLATE_NOOP("ImportReport", "the file is not valid CSV ({reason})"), error)
    if not rows:
        return _refused(plan, QT_TRANSLATE_NOOP("ImportReport", "the file is empty"))
    Checker(book, plan).check(rows, progress)
    return plan


def _refused(plan: ImportPlan, template: str, reason: object = None, **values: object) -> ImportPlan:
    """The plan with one problem of the file as a whole."""
    if reason is not None:
        values["reason"] = reason
    plan.problems.append(Problem(0, Message(template, values)))
    return plan
