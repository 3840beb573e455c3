"""Reading an import file: what it is, its size, its encoding and its CSV rows, each refusal a sentence.

The encoding is never guessed silently: UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030 text that a
detector (charset-normalizer) also takes for GB18030; anything else is refused unless the reader names it.
"""

from __future__ import annotations

import codecs
import csv
import io
import stat
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from jinshan_desktop.data.importing.checker import Checker
from jinshan_desktop.data.importing.report import ImportPlan, Problem
from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP, Message
from jinshan_desktop.data.progress import Progress, never_cancelled
from jinshan_desktop.data.queries import FactBook

MAX_FILE_BYTES = 400_000_000  # a full export of a million figures is about 200 MB
DETECTION_SAMPLE = 256 * 1024  # bytes the detector reads: enough to tell, quick on any size
_GB_FAMILY = {"gb18030", "gbk", "gb2312"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


class EncodingRefused(ValueError):
    """The text is not clearly in an encoding the importer reads; the template says why (fields: guess)."""

    def __init__(self, template: str, guess: str = "") -> None:
        super().__init__(template)
        self.template = template
        self.guess = guess


def _is_regular_file(path: Path) -> bool:
    return stat.S_ISREG(Path(path).stat().st_mode)


def _read_head(path: Path) -> bytes:
    """The file up to one byte past the size limit: enough to refuse a huge file without reading it whole."""
    with Path(path).open("rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def lines_in_file(path: Path) -> int:
    """How many lines a file has (an upper bound on its rows), to size a progress bar before checking it."""
    try:
        if not _is_regular_file(path):
            return 0
        return _read_head(path).count(b"\n")
    except OSError:
        return 0


def decode(raw: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text and the name of the encoding it was read with; EncodingRefused when that is not clear."""
    if encoding:
        text = raw.decode(encoding)
        return text.removeprefix("\ufeff"), codecs.lookup(encoding).name
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            return raw.decode(codec).removeprefix("\ufeff"), name
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    sample = raw[:DETECTION_SAMPLE]
    sample = sample[: sample.rfind(b"\n") + 1] or sample  # whole lines: no character cut in two
    best = from_bytes(sample).best()
    guess = best.encoding if best is not None else ""
    if guess not in _GB_FAMILY:
        raise EncodingRefused(
            QT_TRANSLATE_NOOP(
                "ImportReport",
                "the file is not UTF-8 and does not read as GB18030 (it looks like {guess}); "
                "save it as UTF-8, or name its encoding (--encoding)",
            ),
            guess or "binary data",
        )
    return raw.decode("gb18030"), "GB18030"


def plan_import(
    book: FactBook, path: Path, progress: Progress = never_cancelled, encoding: str | None = None
) -> ImportPlan:
    """Read and check a file; progress is told the lines checked, and ImportCancelled ends a cancelled check."""
    plan = ImportPlan(Path(path).name)
    try:
        if not _is_regular_file(path):
            return _refused(
                plan,
                QT_TRANSLATE_NOOP("ImportReport", "{file} is not a regular file (a folder, device or named pipe)"),
                file=str(path),
            )
        if Path(path).stat().st_size > MAX_FILE_BYTES:
            return _too_large(plan)
        raw = _read_head(path)
    except OSError as error:
        return _refused(
            plan, QT_TRANSLATE_NOOP("ImportReport", "the file cannot be read: {reason}"), error.strerror or error
        )
    return plan_import_bytes(book, raw, plan, progress, encoding)


def _too_large(plan: ImportPlan) -> ImportPlan:
    too_large = QT_TRANSLATE_NOOP("ImportReport", "the file is larger than {size} MB")
    return _refused(plan, too_large, size=MAX_FILE_BYTES // 1_000_000)


def plan_import_bytes(
    book: FactBook, raw: bytes, plan: ImportPlan, progress: Progress = never_cancelled, encoding: str | None = None
) -> ImportPlan:
    if len(raw) > MAX_FILE_BYTES:
        return _too_large(plan)
    try:
        text, plan.encoding = decode(raw, encoding)
    except EncodingRefused as refused:
        return _refused(plan, refused.template, guess=refused.guess)
    except (UnicodeDecodeError, LookupError) as error:
        named = QT_TRANSLATE_NOOP("ImportReport", "the file cannot be read as {encoding}: {reason}")
        return _refused(plan, named, str(error), encoding=encoding)
    del raw
    if "\x00" in text:
        return _refused(
            plan, QT_TRANSLATE_NOOP("ImportReport", "the file holds NUL characters: it is not a CSV text file")
        )
    rows = _csv_rows(text)
    try:
        header = next(rows)
    except StopIteration:
        return _refused(plan, QT_TRANSLATE_NOOP("ImportReport", "the file is empty"))
    except csv.Error as error:
        return _not_csv(plan, error)
    try:
        Checker(book, plan).check(header, rows, progress)
    except csv.Error as error:
        plan.problems.clear()
        return _not_csv(plan, error)
    return plan


def _csv_rows(text: str) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(text, newline=""))


def _not_csv(plan: ImportPlan, error: csv.Error) -> ImportPlan:
    return _refused(plan, QT_TRANSLATE_NOOP("ImportReport", "the file is not valid CSV ({reason})"), error)


def _refused(plan: ImportPlan, template: str, reason: object = None, **values: object) -> ImportPlan:
    """The plan with one problem of the file as a whole."""
    if reason is not None:
        values["reason"] = reason
    plan.problems.append(Problem(0, Message(template, values)))
    return plan
