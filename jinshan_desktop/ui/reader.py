"""Reads that may take more than a frame (a COUNT, a chart's series) run on a thread pool, off the GUI thread.

`reader.submit(key, call, deliver)`: call() runs on a pool thread and returns plain data (it must not touch
a widget); deliver(result) then runs on the GUI thread, through a queued signal, never a nested event loop.
A newer submit under the same key makes an older result stale, and a stale result is dropped, so a burst of
keystrokes shows only the last query's answer. FactBook opens a connection per call (SQLAlchemy's NullPool,
sqlite3 with check_same_thread=False), so reads on pool threads share no connection with the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal

Result = TypeVar("Result")


@dataclass(frozen=True, slots=True)
class _Job(Generic[Result]):
    reader: Reader
    key: str
    generation: int
    call: Callable[[], Result]
    deliver: Callable[[Result], None]


class _Relay(QObject):
    """Lives as long as the application, so a worker never emits on an object deleted meanwhile (a view
    rebuilt in another language); the job's reader is checked on the GUI thread instead."""

    finished = Signal(object, object, object)  # job, result, error

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self._arrived)

    @staticmethod
    def _arrived(job: _Job[Any], result: Any, error: BaseException | None) -> None:
        if shiboken6.isValid(job.reader):
            job.reader._arrived(job, result, error)


_relay: list[_Relay] = []  # made on the GUI thread by the first Reader


class Reader(QObject):
    """One per view: its keys ("count", "chart") name what a newer request replaces."""

    delivered = Signal(str)  # the key, after its current result was delivered (tests wait for it)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not _relay:
            _relay.append(_Relay())
        self._relay = _relay[0]
        self._generations: dict[str, int] = {}
        self.dropped = 0  # stale results thrown away (tests look)

    def submit(self, key: str, call: Callable[[], Result], deliver: Callable[[Result], None]) -> None:
        generation = self._generations.get(key, 0) + 1
        self._generations[key] = generation
        job = _Job(self, key, generation, call, deliver)
        relay = self._relay
        QThreadPool.globalInstance().start(lambda: _run(job, relay))

    def cancel(self, key: str) -> None:
        """Whatever is under way for key is delivered nowhere (the caller read it itself)."""
        self._generations[key] = self._generations.get(key, 0) + 1

    def _arrived(self, job: _Job[Any], result: Any, error: BaseException | None) -> None:
        if self._generations.get(job.key) != job.generation:
            self.dropped += 1
            return
        if error is not None:
            raise error
        job.deliver(result)
        self.delivered.emit(job.key)


def _run(job: _Job[Any], relay: _Relay) -> None:
    """On a pool thread: touches only the job and the application-long relay, never the reader."""
    try:
        result, error = job.call(), None
    except Exception as raised:  # raised again on the GUI thread, where the error handler shows it
        result, error = None, raised
    relay.finished.emit(job, result, error)


def wait_for_reads() -> None:
    """Block until no read runs: before the database closes or the application quits."""
    QThreadPool.globalInstance().waitForDone()
