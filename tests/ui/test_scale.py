"""At scale (a generated database of 30,000 figures): exports run off the GUI thread and cancel cleanly,
and long series draw downsampled."""

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from jinshan_desktop.data import exporting
from jinshan_desktop.data.queries import open_fact_book
from jinshan_desktop.ui import background
from jinshan_desktop.ui.main_window import MainWindow
from jinshan_desktop.ui.trend_chart import LONG_SERIES, TrendChart

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))


@pytest.fixture(scope="module")
def large_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from synthetic import generate

    return generate(tmp_path_factory.mktemp("scale-ui") / "large.sqlite", 30_000, indicators=60)


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
    large_window.export_all_action.trigger()
    assert threads and threads[0] != threading.get_ident()
    lines = (tmp_path / "out" / "observations.csv").read_text(encoding="utf-8-sig").count("\n")
    assert lines == 1 + large_window.book.info().observation_count > background.BACKGROUND_ROWS


def test_cancelling_a_large_export_leaves_no_file(
    large_window: MainWindow, monkeypatch, tmp_path: Path, no_dialogs
) -> None:
    monkeypatch.setattr(background._Job, "_progress", lambda job, rows: setattr(job, "cancelled", True) or False)
    target = tmp_path / "table.csv"
    target.write_text("an earlier export", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    large_window.tabs.setCurrentIndex(1)
    assert large_window.current_view().model.rowCount() < background.BACKGROUND_ROWS  # one theme is small…
    monkeypatch.setattr(background, "BACKGROUND_ROWS", 100)  # …so make it count as large
    large_window.export_table_action.trigger()
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
    book.close()
