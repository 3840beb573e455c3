"""The GUI thread kept free: a debounced filter, and the count and the chart read on the reader's threads."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from jinshan_desktop.data.queries import FactBook, ThemeInfo
from jinshan_desktop.ui.reader import Reader, wait_for_reads
from jinshan_desktop.ui.theme_view import ThemeView
from tests.ui.waiting import chart_drawn, counted


def _recording(calls: list[tuple[Any, int]], read: Callable[..., Any]) -> Callable[..., Any]:
    """read, noting each call's first argument and the thread it ran on."""

    def record(*args: Any, **kwargs: Any) -> Any:
        calls.append((args[0] if args else None, threading.get_ident()))
        return read(*args, **kwargs)

    return record


def _theme(book: FactBook, theme_id: str) -> ThemeInfo:
    return next(theme for theme in book.themes() if theme.id == theme_id)


def test_a_burst_of_keystrokes_filters_once_and_the_count_comes_from_the_reader(qtbot, book: FactBook, monkeypatch):
    view = ThemeView(book, _theme(book, "rural"))
    qtbot.addWidget(view)
    view.show()
    counted(qtbot, view)
    counts: list[tuple[Any, int]] = []
    monkeypatch.setattr(book, "count_observations", _recording(counts, book.count_observations))
    qtbot.keyClicks(view.filter_box, "income")  # six keystrokes, quicker than the pause that filters
    assert counts == [] and view.model.query.text == ""
    with qtbot.waitSignal(view.model.counted, timeout=5_000):
        pass
    assert [query.text for query, _ in counts] == ["income"]
    assert counts[0][1] != threading.get_ident()  # counted off the GUI thread
    shown = len(book.observation_ids(view.model.query))
    assert view.model.match_count == view.model.rowCount() == shown and 0 < shown < (view.model.theme_total or 0)
    assert view.count_label.text() == f"{shown} of {view.model.theme_total} figures shown"


def test_the_chart_is_read_off_the_gui_thread(qtbot, book: FactBook, monkeypatch) -> None:
    view = ThemeView(book, _theme(book, "rural"))
    qtbot.addWidget(view)
    charts: list[tuple[Any, int]] = []
    monkeypatch.setattr(book, "chart_for", _recording(charts, book.chart_for))
    with chart_drawn(qtbot, view):
        assert view.select_observation("rural-income-2019")
    assert charts and all(thread != threading.get_ident() for _, thread in charts)
    assert view.chart.chart is not None and view.chart.chart.title.startswith("Per capita disposable income")


def test_a_stale_result_is_dropped(qtbot, qapp) -> None:
    reader = Reader()
    delivered: list[str] = []
    release = threading.Event()
    reader.submit("count", lambda: release.wait(5) and "old", delivered.append)
    reader.submit("count", lambda: "new", delivered.append)
    with qtbot.waitSignal(reader.delivered, timeout=5_000):
        pass
    release.set()
    wait_for_reads()
    qtbot.waitUntil(lambda: reader.dropped == 1, timeout=5_000)
    QCoreApplication.processEvents()
    assert delivered == ["new"]


def test_a_view_reads_only_its_own_themes_names(qtbot, book: FactBook, monkeypatch) -> None:
    asked: list[tuple[Any, int]] = []
    monkeypatch.setattr(book, "entities", _recording(asked, book.entities))
    view = ThemeView(book, _theme(book, "manufacturing"))
    qtbot.addWidget(view)
    assert [theme for theme, _ in asked] == ["manufacturing"]
    view.show_entity(next(hit.target_id for hit in book.search("EverDisplay") if hit.kind == "entity"))
    assert view.filter_box.text() and view.model.match_count > 0
    assert view.table.currentIndex().isValid()
    assert view.table.currentIndex().data(Qt.ItemDataRole.DisplayRole)
