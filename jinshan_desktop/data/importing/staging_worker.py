"""A second process that writes a large import's checked rows into its staging file.

Checking is Python on one core, and binding and inserting the staged rows took a quarter of it. Sent to a
process of its own (pickled chunks through a pipe, about a tenth of the insert's cost), the inserts run on
the other core while the next rows are checked. The rows are the same tuples that the in-process path
inserts, with the same statement, so the file holds the same rows either way.

The worker is this file run as a script by the same Python, isolated (-I): it imports only the standard
library, so it starts in a few hundredths of a second and never runs the importing program's own main
module (as multiprocessing's spawn would). Never in the frozen app, whose executable is the app itself.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sqlite3
import struct
import subprocess
import sys
from itertools import chain
from pathlib import Path
from typing import IO, Any

START_FROM_ROWS = 20_000  # staged rows after which a worker is started: smaller files never pay for one
_SYNC = "sync"  # commit what was sent, then answer
_STOP = "stop"  # commit, answer and end
# Each request is its pickle's length, then the pickle: the worker reads a chunk off the pipe whole and unpickles
# it after, so the importing process is not held while the worker parses it (pickle.load reads as it parses).
_LENGTH = struct.Struct("<Q")
PIPE_BYTES = 1 << 20  # the most an unprivileged process may ask of Linux (/proc/sys/fs/pipe-max-size)


ROWS_PER_STATEMENT = 32  # rows a multi-row INSERT takes: bound the same, stepped once for all (200k rows: 2.0 -> 1.1 s)
Grouped = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]  # ROWS_PER_STATEMENT rows to a tuple, and the rest


def grouped(rows: list[tuple[Any, ...]]) -> Grouped:
    """The rows as a multi-row INSERT binds them. Made by the importing process, which has time to spare, and
    sent so: a pickle of one tuple for 32 rows is also quicker for the worker to read than 32 tuples."""
    whole = len(rows) - len(rows) % ROWS_PER_STATEMENT
    step = ROWS_PER_STATEMENT
    return [tuple(chain.from_iterable(rows[at : at + step])) for at in range(0, whole, step)], rows[whole:]


def insert_grouped(connection: sqlite3.Connection, insert: str, rows: Grouped) -> None:
    """Insert grouped rows with insert (INSERT … VALUES (?, …) of one row)."""
    groups, rest = rows
    if groups:
        head, _, one = insert.partition(" VALUES ")
        connection.executemany(f"{head} VALUES {', '.join([one] * ROWS_PER_STATEMENT)}", groups)
    if rest:
        connection.executemany(insert, rest)


SPARE_CORE = 0.6  # idle share of a core, beside this process's own, below which a worker would only take turns
CpuSample = tuple[int, int] | None  # idle and total time of every core so far (Linux's /proc/stat), in ticks


def cpu_sample() -> CpuSample:
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            ticks = [int(field) for field in stat.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    return (ticks[3] + ticks[4], sum(ticks)) if len(ticks) == 8 else None


def workers_allowed(since: CpuSample = None) -> bool:
    """A worker can start, and a core has been free for it since the sample (when one could be taken).

    On a machine whose other cores are busy, a worker takes turns with this process and the check is
    slower than without it (measured: 45 s alone, 51 s with a worker, at a load of 2 on two cores)."""
    if getattr(sys, "frozen", False) or not sys.executable:
        return False
    cores = os.cpu_count() or 1
    now = cpu_sample()
    if since is None or now is None or now[1] <= since[1]:
        return cores > 1
    idle, total = now[0] - since[0], now[1] - since[1]
    return cores * idle / total >= SPARE_CORE


class WorkerFailed(sqlite3.OperationalError):
    """The worker could not write the rows (or ended): the check cannot go on, as if an insert had failed."""


class StagingWorker:
    """The process and its pipes; rows go in with add(), sync() waits until they are all in the file."""

    def __init__(self, path: Path, insert: str, pragmas: tuple[str, ...]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-I", __file__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.requests: IO[bytes] = self.process.stdin
        self.answers: IO[bytes] = self.process.stdout
        with contextlib.suppress(ImportError, OSError, AttributeError):  # Linux only: elsewhere, the default pipe
            import fcntl

            fcntl.fcntl(self.requests.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)  # a chunk of rows goes in at once
        try:
            self._send((str(path), insert, pragmas))
            self._answer()  # it has opened the file (or WorkerFailed: the caller inserts the rows itself)
        except WorkerFailed:
            self.close()
            raise

    def add(self, rows: Grouped) -> None:
        self._send(rows)

    def sync(self) -> None:
        """Wait until every row sent is committed: another connection may read the file then."""
        self._send(_SYNC)
        self._answer()

    def finish(self) -> None:
        """Commit every row sent and end the process."""
        self._send(_STOP)
        self._answer()
        self.close()

    def close(self) -> None:
        for pipe in (self.requests, self.answers):
            with contextlib.suppress(OSError):
                pipe.close()  # the worker reads the end of its input and stops
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _send(self, message: object) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.requests.write(_LENGTH.pack(len(data)))
            self.requests.write(data)
            self.requests.flush()
        except (OSError, ValueError) as error:
            raise WorkerFailed(f"the staging process ended ({error})") from error

    def _answer(self) -> None:
        try:
            problem = pickle.load(self.answers)
        except (EOFError, OSError, ValueError, pickle.UnpicklingError) as error:
            raise WorkerFailed(f"the staging process ended ({error or 'no answer'})") from error
        if problem is not None:
            raise WorkerFailed(str(problem))


def serve(requests: IO[bytes], answers: IO[bytes]) -> None:
    """The worker: open the file, insert each chunk of rows received, answer None (done) or an error's text."""

    def answer(problem: str | None) -> None:
        pickle.dump(problem, answers)
        answers.flush()

    opening = _received(requests)
    assert isinstance(opening, tuple)
    path, insert, pragmas = opening
    try:
        connection = sqlite3.connect(path, isolation_level=None)
        for pragma in pragmas:
            connection.execute(pragma)
        connection.execute("BEGIN")
    except sqlite3.Error as error:
        answer(str(error))
        return
    answer(None)
    problem: str | None = None
    while True:
        try:
            message = _received(requests)
        except EOFError:  # the importing process closed the pipe, or ended
            connection.close()
            return
        if isinstance(message, tuple):
            if problem is None:
                try:
                    insert_grouped(connection, insert, message)
                except sqlite3.Error as error:
                    problem = str(error)  # told at the next sync; no row after it is written
            continue
        if problem is None:
            try:
                connection.execute("COMMIT")
                connection.execute("BEGIN")
            except sqlite3.Error as error:
                problem = str(error)
        answer(problem)
        if message == _STOP:
            connection.close()
            return


def _received(requests: IO[bytes]) -> object:
    head = requests.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    (length,) = _LENGTH.unpack(head)
    data = requests.read(length)
    if len(data) < length:
        raise EOFError
    return pickle.loads(data)


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
