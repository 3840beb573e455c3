"""Writing export files safely: each through a temporary file replaced only on success, keeping the rights of
a file it replaces; and a set of files staged in a temporary folder and moved into place only when all were
written, so a full disk never leaves new files beside old ones."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class ExportError(OSError):
    """An export could not be written; the message is a sentence for the reader."""


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _mode_for(path: Path) -> int:
    """The rights a written file gets: those of the file it replaces, else the usual ones (umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def reason_of(error: BaseException) -> str:
    cause = error if isinstance(error, OSError) and error.strerror else error.__cause__
    if isinstance(cause, OSError) and cause.strerror:
        return cause.strerror
    return str(error)


@contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside path; replace path with it only when the block succeeds."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError(f"The folder {path.parent} does not exist.")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise ExportError(f"Cannot write in {path.parent}: {error.strerror or error}.") from error
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        temporary.chmod(_mode_for(path))  # mkstemp makes 0600; keep a replaced file's rights
        os.replace(temporary, path)
    except ExportError:
        raise  # already a sentence (a cancel, a bad encoding)
    except OSError as error:
        raise ExportError(f"Cannot write {path}: {error.strerror or error}.") from error
    finally:
        temporary.unlink(missing_ok=True)


@contextmanager
def staged_folder(folder: Path) -> Iterator[Path]:
    """A temporary folder inside folder (so a move is a rename); its files replace folder's when the block
    succeeds, each keeping the rights of the file it replaces. On failure nothing in folder changes."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=".export-", dir=folder))
    except OSError as error:
        raise ExportError(f"Cannot write in {folder}: {error.strerror or error}.") from error
    try:
        yield staging
        for staged in sorted(staging.iterdir()):
            target = folder / staged.name
            staged.chmod(_mode_for(target))
            os.replace(staged, target)
    except OSError as error:
        if isinstance(error, ExportError):
            raise
        raise ExportError(f"Cannot move the export into {folder}: {error.strerror or error}.") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
