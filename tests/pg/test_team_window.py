"""The window on a team database: File → Open team database…, the password asked and never saved, the
database named in the status bar and About, and Retry after the server went away mid-work."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox

from jinshan_desktop.data.queries import FactBook, FactBookError, TableQuery, open_fact_book
from jinshan_desktop.ui import team_dialog
from jinshan_desktop.ui.main_window import MainWindow
from tests.pg.conftest import reader_url
from tests.pg.server import PostgresServer


@pytest.fixture
def file_window(qtbot, book: FactBook, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(book, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_open_team_database_asks_the_password_and_never_saves_it(
    file_window: MainWindow, pg_server: PostgresServer, pg_database: str, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    assert file_window.database_label.text().startswith("File: ")  # type: ignore[attr-defined]

    def fill_in(dialog: team_dialog.TeamDatabaseDialog) -> QDialog.DialogCode:
        dialog.host.setText("127.0.0.1")
        dialog.port.setValue(pg_server.port)
        dialog.database.setText(pg_database)
        dialog.user.setText("reader")
        dialog.tls.setCurrentText("prefer")
        return QDialog.DialogCode.Accepted

    asked: list[str] = []
    monkeypatch.setattr(team_dialog.TeamDatabaseDialog, "exec", fill_in)

    def type_password(_parent, _title, label, *_args):  # type: ignore[no-untyped-def]
        asked.append(label)
        return "r-secret", True

    monkeypatch.setattr(QInputDialog, "getText", type_password)
    assert team_dialog.open_team_database(file_window)
    assert "asks a password for the database user reader" in asked[0]
    shown = f"postgresql+psycopg://reader@127.0.0.1:{pg_server.port}/{pg_database}?sslmode=prefer"
    assert file_window.book.on_server and str(file_window.book.path) == shown
    assert file_window.database_label.text() == f"Team database: {shown}"  # type: ignore[attr-defined]
    view = file_window.theme_view("manufacturing")
    view.model.ensure_counted()  # counted off the GUI thread otherwise
    assert view.model.rowCount() == file_window.book.count_observations(TableQuery("manufacturing"))
    file_window.settings.sync()
    remembered = Path(file_window.settings.fileName()).read_text()
    assert "reader" in remembered and "r-secret" not in remembered
    file_window.book.close()  # the team book the window switched to (the fixture closes the file's)


def test_a_fault_mid_work_is_a_sentence_and_retry_reconnects(
    qtbot, pg_server: PostgresServer, pg_database: str, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    book = open_fact_book(reader_url(pg_server, pg_database))
    window = MainWindow(book, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    pg_server.stop()
    try:
        with pytest.raises(FactBookError) as fault:
            window.theme_view("manufacturing").model.row_at(150)  # a page not read yet: the server is gone
    except BaseException:
        pg_server.start()
        raise
    answers: list[str] = []

    def retry_once_the_server_is_back(_parent, _title, sentence, *_args):  # type: ignore[no-untyped-def]
        answers.append(sentence)
        if len(answers) == 2:
            pg_server.start()
        return QMessageBox.StandardButton.Retry

    monkeypatch.setattr(QMessageBox, "warning", retry_once_the_server_is_back)
    sys.excepthook(FactBookError, fault.value, None)  # as when a paint's page read raised in the event loop
    assert "does not answer" in answers[0] and "does not answer" in answers[1]  # the first Retry was too soon
    assert window.statusBar().currentMessage() == "Connected again to the team database."
    window.current_view().model.ensure_counted()
    assert window.isVisible() and window.current_view().model.rowCount() > 0
    window.close()
    book.close()


def test_a_team_database_down_at_start_offers_retry_in_a_dialog(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jinshan_desktop.cli import main
    from jinshan_desktop.ui.window_frame import WindowFrame
    from tests.pg.server import _free_port

    shown: list[str] = []
    frame_visible: list[bool] = []

    def cancel(_parent, _title, sentence, *_args):  # type: ignore[no-untyped-def]
        shown.append(sentence)
        frame_visible.append(any(isinstance(w, WindowFrame) and w.isVisible() for w in QApplication.topLevelWidgets()))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", cancel)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its dialog-showing handler
    assert main(["--db", f"postgresql+psycopg://reader:r-secret@127.0.0.1:{_free_port()}/factbook"]) == 2
    assert len(shown) == 1 and "does not answer: it may be down" in shown[0] and "r-secret" not in shown[0]
    assert frame_visible == [True]  # the window's frame painted first, as for a file; the dialog came over it
