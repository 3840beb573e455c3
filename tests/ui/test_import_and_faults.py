"""Import through the menu with its preview, batch removal, and the fault dialogs."""

import logging
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from jinshan_desktop.data import store as store_module
from jinshan_desktop.data.queries import open_fact_book
from jinshan_desktop.ui.import_dialogs import BatchesDialog, ImportPreviewDialog
from jinshan_desktop.ui.main_window import MainWindow
from jinshan_desktop.ui.table_model import ObservationTableModel
from tests.ui.waiting import chart_drawn, event_loops_usable_again, shown_ids

GOOD = (
    "theme,topic,indicator,period,value,unit,source,locator\n"
    "Public services,Livelihood spending,Spending on people's livelihood,2021,14.9,billion yuan,budget-2021,p. 4\n"
)


@pytest.fixture
def layered_window(qtbot, database: Path, tmp_path: Path):
    store = tmp_path / "user" / "imported.sqlite"
    book = open_fact_book(database, user_store=store)
    window = MainWindow(book, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    yield window, store
    book.close()


def _choose_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_import_shows_a_preview_then_adds_a_marked_batch(layered_window, qtbot, monkeypatch, tmp_path: Path) -> None:
    window, _ = layered_window
    source = tmp_path / "budget.csv"
    source.write_text(GOOD, encoding="utf-8")
    _choose_file(monkeypatch, source)
    previews: list[ImportPreviewDialog] = []

    def accept(dialog: ImportPreviewDialog) -> int:
        previews.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportPreviewDialog, "exec", accept)
    window.menus.import_action.trigger()
    assert "1 figure(s) to add" in previews[0].report.toPlainText()
    assert "New source: budget-2021" in previews[0].report.toPlainText()
    view = window.theme_view("public_services")
    with chart_drawn(qtbot, view):
        assert view.select_observation(next(i for i in shown_ids(view) if i.startswith("import-")))
    assert view.table.currentIndex().siblingAtColumn(ObservationTableModel.COL_STATUS).data() == "imported"
    assert [point.label for point in view.chart.chart.points] == ["2016", "2020 (as stated in Sep 2020)", "2021"]

    batches: list[BatchesDialog] = []

    def remove(dialog: BatchesDialog) -> int:
        batches.append(dialog)
        dialog.table.selectRow(0)
        dialog.remove_button.click()
        return 0

    monkeypatch.setattr(BatchesDialog, "exec", remove)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.menus.batches_action.trigger()
    assert batches[0].table.rowCount() == 1
    assert not any(i.startswith("import-") for i in shown_ids(window.theme_view("public_services")))
    assert "Removed batch 1" in window.statusBar().currentMessage()


def test_a_refused_file_offers_no_import_and_writes_nothing(layered_window, monkeypatch, tmp_path: Path) -> None:
    window, store = layered_window
    source = tmp_path / "bad.csv"
    source.write_text("theme,topic\nx,y\n", encoding="utf-8")
    _choose_file(monkeypatch, source)
    shown: list[ImportPreviewDialog] = []
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda d: shown.append(d) or QDialog.DialogCode.Rejected)
    window.menus.import_action.trigger()
    assert "missing column(s)" in shown[0].report.toPlainText()
    assert not hasattr(shown[0], "import_button")
    assert not store.exists()


def test_an_unexpected_error_gives_a_dialog_and_logs_the_traceback(qapp, no_dialogs, caplog) -> None:
    from jinshan_desktop.ui.app import ErrorReporter

    reporter = ErrorReporter()
    try:
        raise ValueError("the chart could not be drawn")
    except ValueError as error:
        with caplog.at_level(logging.ERROR):
            reporter(type(error), error, error.__traceback__)
    assert no_dialogs == [("critical", no_dialogs[0][1])]
    assert "the chart could not be drawn" in no_dialogs[0][1] and "log file" in no_dialogs[0][1]
    assert "Traceback" in caplog.text


def test_a_missing_database_at_start_is_a_dialog_and_exit_2(qapp, no_dialogs, tmp_path: Path) -> None:
    from jinshan_desktop.cli import main

    assert main(["--db", str(tmp_path / "gone.sqlite")]) == 2
    assert no_dialogs[0][0] == "critical" and "does not exist" in no_dialogs[0][1]


def test_a_locked_database_is_explained(built_database: Path, tmp_path: Path) -> None:
    from jinshan_desktop.data.queries import FactBookError

    locked = tmp_path / "locked.sqlite"
    locked.write_bytes(built_database.read_bytes())
    holder = sqlite3.connect(locked, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(FactBookError, match="locked by another program"):
            open_fact_book(locked)
    finally:
        holder.rollback()
        holder.close()


def test_a_read_only_medium_is_read_without_writing(built_database: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cdrom"
    folder.mkdir()
    path = folder / "jinshan.sqlite"
    path.write_bytes(built_database.read_bytes())
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        book = open_fact_book(path)
        assert book.observations()
        book.close()
        assert sorted(p.name for p in folder.iterdir()) == ["jinshan.sqlite"]  # no journal, no lock file
    finally:
        folder.chmod(0o755)


def test_a_large_database_is_checked_whole_after_the_window_shows(
    qtbot, damaged_database: Path, settings_path: Path, no_dialogs, monkeypatch
) -> None:
    monkeypatch.setattr(store_module, "FULL_CHECK_BYTES", 0)
    book = open_fact_book(damaged_database)
    window = MainWindow(book, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.check_integrity_in_background()
    assert window.tabs.count() == 5  # the window is up while the check runs
    qtbot.waitUntil(lambda: bool(no_dialogs), timeout=10_000)
    kind, text = no_dialogs[0]
    assert kind == "warning" and "integrity check" in text and "is damaged" in text
    assert "integrity check" in window.statusBar().currentMessage()
    window.close()
    book.close()


def test_a_sound_database_needs_no_second_check(window: MainWindow, no_dialogs) -> None:
    window.check_integrity_in_background()
    assert window.integrity_check is None and not no_dialogs


def test_damage_the_first_view_reads_is_a_sentence_not_a_traceback(
    badly_damaged_database: Path, no_dialogs, monkeypatch
) -> None:
    from jinshan_desktop.ui.app import run_gui

    monkeypatch.setattr(store_module, "FULL_CHECK_BYTES", 0)
    book = open_fact_book(badly_damaged_database)  # the header and schema read fine
    assert run_gui(lambda: book) == 2
    kind, text = no_dialogs[0]
    assert kind == "critical" and "is damaged" in text and "Traceback" not in text
    book.close()


def test_the_whole_file_check_waits_for_the_filled_windows_first_paint(qapp, database: Path, monkeypatch) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    from jinshan_desktop.ui.app import run_gui

    class Paints(QObject):
        seen = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            painting = event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
            if painting and isinstance(watched.window(), MainWindow):
                Paints.seen += 1
            return False

    paints = Paints()
    qapp.installEventFilter(paints)
    painted_before_check: list[int] = []

    def check(window: MainWindow) -> None:
        painted_before_check.append(Paints.seen)
        QApplication.quit()

    monkeypatch.setattr(store_module, "FULL_CHECK_BYTES", 0)  # opened on a header check, as a large file is
    monkeypatch.setattr(MainWindow, "check_integrity_in_background", check)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its dialog-showing handler
    book = open_fact_book(database)
    try:
        assert run_gui(lambda: book) == 0
    finally:
        qapp.removeEventFilter(paints)
        book.close()
        event_loops_usable_again(qapp)
    assert len(painted_before_check) == 1 and painted_before_check[0] > 0
