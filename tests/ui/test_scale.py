"""At scale (a generated database of 30,000 figures): exports and imports run off the GUI thread and cancel
cleanly, and long series draw downsampled."""

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QProgressDialog, QPushButton

from jinshan_desktop.data import exporting, importing
from jinshan_desktop.data.importing import team
from jinshan_desktop.data.queries import open_fact_book
from jinshan_desktop.ui import background
from jinshan_desktop.ui.import_dialogs import ImportPreviewDialog
from jinshan_desktop.ui.main_window import MainWindow
from jinshan_desktop.ui.trend_chart import LONG_SERIES, MAX_LISTED, TrendChart


@pytest.fixture
def large_window(qtbot, large_database: Path, tmp_path: Path):
    book = open_fact_book(large_database)
    window = MainWindow(book, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    yield window
    book.close()


def test_a_large_export_runs_off_the_gui_thread(
    large_window: MainWindow, monkeypatch, tmp_path: Path, no_dialogs
) -> None:
    threads: list[int] = []
    original = exporting.export_all

    def recording(*args, **kwargs):
        threads.append(threading.get_ident())
        return original(*args, **kwargs)

    monkeypatch.setattr(exporting, "export_all", recording)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "out"))
    large_window.menus.export_all_action.trigger()
    assert threads and threads[0] != threading.get_ident()
    lines = (tmp_path / "out" / "observations.csv").read_text(encoding="utf-8-sig").count("\n")
    assert lines == 1 + large_window.book.info().observation_count > background.BACKGROUND_ROWS


def _held_until_cancelled(qtbot, work: Callable[..., Any]) -> tuple[Callable[..., Any], list[str]]:
    """work, whose progress reports wait until a person has clicked the progress dialog's Cancel button; the
    click is made, with the mouse, as soon as the dialog shows. Returns the work and what was clicked."""
    clicked = threading.Event()
    done: list[str] = []

    def click_cancel_when_shown() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        if dialogs and not done:
            button = dialogs[0].findChild(QPushButton)
            done.append(button.text())
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            clicked.set()
            timer.stop()

    timer = QTimer(QApplication.instance(), interval=20)
    timer.timeout.connect(click_cancel_when_shown)

    def held(*args: Any, **kwargs: Any) -> Any:
        *rest, progress = args

        def report(rows: int) -> bool:
            if not clicked.wait(30):  # the first report waits for the click
                clicked.set()  # never shown: the rest run on, and the test fails on what was clicked
            return progress(rows)

        return work(*rest, report, **kwargs)

    timer.start()
    return held, done


def test_cancelling_a_large_export_leaves_no_file(
    qtbot, large_window: MainWindow, monkeypatch, tmp_path: Path, no_dialogs
) -> None:
    held, clicked = _held_until_cancelled(qtbot, exporting.export_table)
    monkeypatch.setattr(exporting, "export_table", held)
    target = tmp_path / "table.csv"
    target.write_text("an earlier export", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    large_window.tabs.setCurrentIndex(1)
    assert large_window.current_view().model.rowCount() < background.BACKGROUND_ROWS  # one theme is small…
    monkeypatch.setattr(background, "BACKGROUND_ROWS", 100)  # …so make it count as large
    large_window.menus.export_table_action.trigger()
    assert clicked == ["Cancel"]
    assert target.read_text(encoding="utf-8") == "an earlier export"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []  # no half file left
    assert "cancelled" in large_window.statusBar().currentMessage() and no_dialogs == []


def test_a_long_series_is_drawn_downsampled(qtbot, large_database: Path) -> None:
    book = open_fact_book(large_database)
    chart = book.chart_for("syn-10")
    assert chart.kind == "line" and len(chart.points) > LONG_SERIES
    widget = TrendChart()
    qtbot.addWidget(widget)
    widget.show_chart(chart)
    curves = [item for item in widget.plot.items if hasattr(item, "opts") and "autoDownsample" in item.opts]
    assert curves and curves[0].opts["autoDownsample"] and curves[0].opts["clipToView"]
    # A series gathered from many tables names a few and counts the rest, so the plot keeps its room.
    assert len(chart.citations) > MAX_LISTED
    shown = widget.source_label.text.replace("<br>", " ")
    assert chart.citations[MAX_LISTED - 1] in shown and chart.citations[MAX_LISTED] not in shown
    assert f"and {len(chart.citations) - MAX_LISTED} more" in shown
    book.close()


@pytest.fixture(scope="module")
def yearbook_csv(large_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every figure of the large database as an import file: 30,000 figures new to the bundled fact book."""
    book = open_fact_book(large_database)
    path = tmp_path_factory.mktemp("yearbook") / "yearbook.csv"
    exporting.export_table(exporting.observations_table(book), path)
    book.close()
    return path


@pytest.fixture
def importing_window(qtbot, database: Path, tmp_path: Path, yearbook_csv: Path, monkeypatch):
    book = open_fact_book(database, user_store=tmp_path / "user" / "imported.sqlite")
    window = MainWindow(book, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(yearbook_csv), ""))
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    yield window
    book.close()


def test_a_large_import_is_checked_and_written_off_the_gui_thread(importing_window: MainWindow, monkeypatch) -> None:
    threads: dict[str, int] = {}
    for module, name in ((importing, "plan_import"), (team, "import_into")):  # import_into: file or team database
        original = getattr(module, name)
        monkeypatch.setattr(
            module,
            name,
            lambda *a, _n=name, _f=original, **k: threads.setdefault(_n, threading.get_ident()) and _f(*a, **k),
        )
    importing_window.menus.import_action.trigger()
    assert set(threads) == {"plan_import", "import_into"}
    assert threading.get_ident() not in threads.values()
    assert "Imported 30,000 figures" in importing_window.statusBar().currentMessage()
    assert importing_window.book.info().observation_count > 30_000 > background.BACKGROUND_ROWS


@pytest.mark.parametrize("stage", [0, 1], ids=["while checking", "while writing"])
def test_a_cancelled_large_import_adds_nothing(qtbot, importing_window: MainWindow, monkeypatch, stage: int) -> None:
    name = ("plan_import", "apply_import")[stage]
    held, clicked = _held_until_cancelled(qtbot, getattr(importing, name))
    monkeypatch.setattr(importing, name, held)
    written: list[object] = []
    if stage == 0:
        original_apply = importing.apply_import
        monkeypatch.setattr(importing, "apply_import", lambda *a: written.append(a) or original_apply(*a))
    before = importing_window.book.info().observation_count
    importing_window.menus.import_action.trigger()
    assert clicked == ["Cancel"] and written == []  # a check cancelled never reaches the writing
    assert "Import cancelled; nothing was imported." in importing_window.statusBar().currentMessage()
    assert importing_window.book.info().observation_count == before
    store = importing_window.book.user_store
    assert not store.exists() or importing.list_batches(store) == []


def test_the_window_keeps_handling_events_while_work_runs_in_the_background(qtbot, window: MainWindow) -> None:
    """The work can only finish after a timer of the GUI thread has fired: proof the window's loop kept running."""
    ticked = threading.Event()
    timer = QTimer(window)
    timer.timeout.connect(ticked.set)
    timer.start(10)

    def work(progress) -> str:
        for rows in range(1_000):  # ten seconds at most: run on the GUI thread, it would wait for nothing
            if ticked.wait(0.01):
                return "done"
            progress(rows)
        return "the GUI thread was blocked"

    assert background.run_with_progress(window, "waiting", background.BACKGROUND_ROWS, work) == "done"
    timer.stop()
