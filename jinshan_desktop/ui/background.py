"""Long exports and imports off the GUI thread, with a progress dialog that can cancel; the window repaints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from jinshan_desktop.data.progress import Progress, never_cancelled

BACKGROUND_ROWS = 20_000  # below this an export or import takes a blink and runs in place


class _Job(QObject):
    progressed = Signal(int)
    finished = Signal()

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.work = work
        self.cancelled = False
        self.result: Any = None
        self.error: BaseException | None = None

    @Slot()
    def run(self) -> None:
        try:
            self.result = self.work(self._progress)
        except BaseException as error:  # handed to the GUI thread, which raises it there
            self.error = error
        self.finished.emit()

    def _progress(self, rows: int) -> bool:
        self.progressed.emit(rows)
        return not self.cancelled


class BackgroundCall(QThread):
    """Calls a Qt-free function on a worker thread and emits its result; for checks the reader need not wait for."""

    done = Signal(object)

    def __init__(self, call: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.call = call

    def run(self) -> None:
        self.done.emit(self.call())


def run_with_progress(parent: QWidget, label: str, total: int, work: Callable[[Progress], Any]) -> Any:
    """Run work(progress) and return its result, or raise what it raised: its own Cancelled exception when the
    reader cancels (work asks progress() often and stops, having written nothing)."""
    if total < BACKGROUND_ROWS:
        return work(never_cancelled)
    dialog = QProgressDialog(parent)  # its Cancel button is translated by Qt's own catalogue
    dialog.setLabelText(label)
    dialog.setRange(0, total)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    job = _Job(work)
    thread = QThread(parent)
    job.moveToThread(thread)
    loop = QEventLoop()
    job.progressed.connect(dialog.setValue)
    job.finished.connect(loop.quit)
    dialog.canceled.connect(lambda: setattr(job, "cancelled", True))
    thread.started.connect(job.run)
    thread.start()
    loop.exec()  # the GUI keeps painting and the Cancel button stays live while the job runs
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    if job.error is not None:
        raise job.error
    return job.result  # finished before it saw the cancel: the work is done, and said so


__all__ = ["BACKGROUND_ROWS", "BackgroundCall", "run_with_progress"]
