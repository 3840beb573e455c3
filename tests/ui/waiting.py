"""Waiting for what a view reads off the GUI thread (its count and its chart), the way a reader would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jinshan_desktop.ui.theme_view import ThemeView


@contextmanager
def delivered(qtbot: Any, view: ThemeView, key: str) -> Iterator[None]:
    """The block asks for a read under key ("count", "chart"); wait until its result has been delivered."""
    with qtbot.waitSignal(view.reader.delivered, timeout=10_000, check_params_cb=lambda got: got == key):
        yield


def chart_drawn(qtbot: Any, view: ThemeView) -> Any:
    return delivered(qtbot, view, "chart")


def counted(qtbot: Any, view: ThemeView) -> None:
    """Wait until the view's table has its count (it may have it already)."""
    qtbot.waitUntil(lambda: view.model.count_known, timeout=10_000)


def shown_ids(view: ThemeView) -> list[str]:
    """Every figure the view's table shows, in its order, as the data layer gives them."""
    view.apply_pending_filter()
    return view.book.observation_ids(view.model.query)


def event_loops_usable_again(app: Any) -> None:
    """After run_gui in this process: its windows closed on quit, and the last one's close asked Qt to quit
    once more after exec had returned, which leaves every later QEventLoop (qtbot.wait) returning at once. A
    short exec of our own takes that request and clears it, as a new application run would."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: app.exit(0))
    app.exec()
