"""Reading an import file: what it is, its size, its encoding and its CSV rows, each refusal a sentence.

The encoding is never guessed silently: UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030 text that a
detector (charset-normalizer) also takes for GB18030; anything else is refused unless the reader names it.
"""

from __future__ import annotations

import codecs
import csv
import errno
import io
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from jinshan_desktop.data.importing.checker import Checker
from jinshan_desktop.data.importing.csv_rows import csv_rows
from jinshan_desktop.data.importing.report import ImportPlan, Problem
from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP, Message
from jinshan_desktop.data.progress import Progress, never_cancelled
from jinshan_desktop.data.queries import FactBook
from jinshan_desktop.data.sqlite_errors import SqliteProblem, sqlite_problem

MAX_FILE_BYTES = 400_000_000  # a full export of a million figures is about 200 MB
GB_CHAOS_MARGIN = 0.01  # how much more garbled than the best reading GB18030 may look and still be taken
DETECTION_SAMPLE = 256 * 1024  # bytes the detector reads: enough to tell, quick on any size
_GB_FAMILY = {"gb18030", "gbk", "gb2312"}
_NEITHER = QT_TRANSLATE_NOOP(
    "ImportReport",
    "the file is not UTF-8 and does not read as GB18030 (it looks like {guess}); "
    "save it as UTF-8, or name its encoding (--encoding)",
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


Opener = Callable[[], BinaryIO]  # opens the file (or bytes) afresh for each pass


class EncodingRefused(ValueError):
    """The text is not clearly in an encoding the importer reads; the template says why (fields: guess)."""

    def __init__(self, template: str, guess: str = "") -> None:
        super().__init__(template)
        self.template = template
        self.guess = guess


def _is_regular_file(path: Path) -> bool:
    return stat.S_ISREG(Path(path).stat().st_mode)


def lines_in_file(path: Path) -> int:
    """How many lines a file has (an upper bound on its rows), to size a progress bar before checking it.

    Read in chunks, up to the size limit: a large file is never held whole."""
    try:
        if not _is_regular_file(path):
            return 0
        lines, left = 0, MAX_FILE_BYTES + 1
        with Path(path).open("rb") as handle:
            while left > 0 and (chunk := handle.read(min(1 << 20, left))):
                lines += chunk.count(b"\n")
                left -= len(chunk)
        return lines
    except OSError:
        return 0


def decode(raw: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text and the name of the encoding it was read with; EncodingRefused when that is not clear."""
    codec, name = detect(lambda: io.BytesIO(raw), encoding)
    return raw.decode(codec).removeprefix("\ufeff"), name


class NulCharacter(ValueError):
    """The text holds a NUL: not a CSV text file."""


def detect(opener: Opener, encoding: str | None = None) -> tuple[str, str]:
    """The codec to read the file with and its name for the reader, after reading all of it once.

    Raises EncodingRefused (not clearly an encoding we read), UnicodeDecodeError or LookupError (not in the
    named encoding), or NulCharacter."""
    with opener() as handle:
        head = handle.read(DETECTION_SAMPLE)
    if encoding:
        codec = codecs.lookup(encoding).name
        if codec == "utf-8" and head.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"
        _validate(opener, codec)
        return codec, codecs.lookup(encoding).name
    for bom, codec, name in _BOMS:
        if head.startswith(bom):
            _validate(opener, codec)
            return codec, name
    try:
        _validate(opener, "utf-8")
        return "utf-8", "UTF-8"
    except UnicodeDecodeError:
        pass
    sample = head[: head.rfind(b"\n") + 1] or head  # whole lines: no character cut in two
    if not _reads_as_gb18030(sample):
        best = from_bytes(sample).best()
        raise EncodingRefused(_NEITHER, best.encoding if best is not None else "binary data")
    guess = "gb18030"
    try:
        _validate(opener, "gb18030")
    except UnicodeDecodeError:
        raise EncodingRefused(_NEITHER, guess) from None
    return "gb18030", "GB18030"


def _reads_as_gb18030(sample: bytes) -> bool:
    """The detector finds GB18030 (or its subsets) as little garbled as any reading of the bytes.

    Its best guess alone is not enough: a GB18030 export of English text holds only a few symbols (¶ ≈ ²),
    which single-byte code pages read without garbling too. Windows-1252 read as GB18030 is garbled."""
    matches = list(from_bytes(sample))
    if not matches:
        return False
    least = min(match.chaos for match in matches)
    return any(match.encoding in _GB_FAMILY and match.chaos <= least + GB_CHAOS_MARGIN for match in matches)


def _validate(opener: Opener, codec: str) -> None:
    """Decode the whole file, a chunk at a time, keeping nothing: the check before it is parsed."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    with opener() as handle:
        while chunk := handle.read(1 << 20):
            if "\x00" in decoder.decode(chunk):
                raise NulCharacter
        if "\x00" in decoder.decode(b"", final=True):
            raise NulCharacter


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
        Path(path).open("rb").close()  # unreadable: say so now
    except OSError as error:
        return _refused(
            plan, QT_TRANSLATE_NOOP("ImportReport", "the file cannot be read: {reason}"), error.strerror or error
        )
    return _plan(book, lambda: Path(path).open("rb"), plan, progress, encoding)


def _too_large(plan: ImportPlan) -> ImportPlan:
    too_large = QT_TRANSLATE_NOOP("ImportReport", "the file is larger than {size} MB")
    return _refused(plan, too_large, size=MAX_FILE_BYTES // 1_000_000)


def plan_import_bytes(
    book: FactBook, raw: bytes, plan: ImportPlan, progress: Progress = never_cancelled, encoding: str | None = None
) -> ImportPlan:
    if len(raw) > MAX_FILE_BYTES:
        return _too_large(plan)
    return _plan(book, lambda: io.BytesIO(raw), plan, progress, encoding)


def _plan(book: FactBook, opener: Opener, plan: ImportPlan, progress: Progress, encoding: str | None) -> ImportPlan:
    """Detect the encoding, then stream the rows through the checker: the text is never held whole."""
    try:
        codec, plan.encoding = detect(opener, encoding)
    except EncodingRefused as refused:
        return _refused(plan, refused.template, guess=refused.guess)
    except (UnicodeDecodeError, LookupError) as error:
        named = QT_TRANSLATE_NOOP("ImportReport", "the file cannot be read as {encoding}: {reason}")
        return _refused(plan, named, str(error), encoding=encoding)
    except NulCharacter:
        return _refused(
            plan, QT_TRANSLATE_NOOP("ImportReport", "the file holds NUL characters: it is not a CSV text file")
        )
    with opener() as raw, io.TextIOWrapper(raw, encoding=codec, newline="") as text:
        rows = csv_rows(text)
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
        except (sqlite3.Error, OSError) as error:  # the check's own staging file, never the user's database
            plan.problems.clear()
            return _refused(plan, *_staging_failure(error))
    return plan


def _staging_failure(error: sqlite3.Error | OSError) -> tuple[str, str | None]:
    """Why the rows checked so far could not be set aside in a temporary file (a full or unwritable temporary
    folder, a staging process that ended): nothing was imported, and the sentence says where to look."""
    problem, text = sqlite_problem(error)
    if problem is SqliteProblem.DISK_FULL or getattr(error, "errno", None) == errno.ENOSPC:
        full = QT_TRANSLATE_NOOP("ImportReport", "the file could not be checked: the temporary folder's disk is full")
        return full, None
    if problem in (SqliteProblem.READ_ONLY, SqliteProblem.CANNOT_OPEN) or isinstance(error, PermissionError):
        shut = QT_TRANSLATE_NOOP("ImportReport", "the file could not be checked: the temporary folder is read-only")
        return shut, None
    return QT_TRANSLATE_NOOP("ImportReport", "the file could not be checked ({reason})"), text


def _not_csv(plan: ImportPlan, error: csv.Error) -> ImportPlan:
    return _refused(plan, QT_TRANSLATE_NOOP("ImportReport", "the file is not valid CSV ({reason})"), error)


def _refused(plan: ImportPlan, template: str, reason: object = None, **values: object) -> ImportPlan:
    """The plan with one problem of the file as a whole."""
    if reason is not None:
        values["reason"] = reason
    plan.problems.append(Problem(0, Message(template, values)))
    return plan
