"""A team database in the window: File → Open team database…, the password asked when the server wants
one, the database read named in the status bar, and a Retry when the server fails mid-work.

Passwords are asked for and handed to the driver only; settings remember host, port, database, user and
TLS mode. The window keeps living through every fault: the reader gets a sentence and a Retry.
"""

from __future__ import annotations

import logging
import sys
import weakref
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from jinshan_desktop.data.queries import FactBook, FactBookError, PasswordNeeded, open_fact_book
from jinshan_desktop.data.server import TLS_MODES, team_url
from jinshan_desktop.ui.translate import Texts

if TYPE_CHECKING:
    from jinshan_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

Opener = Callable[[str, str | None], FactBook]  # (url, password) -> an open book; a test may pass its own

TeamDatabase = Texts("TeamDatabase")  # named as its context, as lupdate reads it


class TeamDatabaseDialog(QDialog):
    """Where the team database is: host, port, database, user and TLS mode (libpq's sslmode)."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Open team database"))
        self.host = QLineEdit(str(settings.value("team/host", "localhost")))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(int(str(settings.value("team/port", 5432))))
        self.database = QLineEdit(str(settings.value("team/database", "factbook")))
        self.user = QLineEdit(str(settings.value("team/user", "")))
        self.user.setPlaceholderText(self.tr("your login name"))
        self.tls = QComboBox()
        self.tls.addItems(list(TLS_MODES))
        self.tls.setCurrentText(str(settings.value("team/tls", TLS_MODES[0])))
        form = QFormLayout(self)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("TLS mode"), self.tls)
        note = QLabel(self.tr("A password is taken from ~/.pgpass or PGPASSWORD, or asked for; it is never saved."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def url(self) -> str:
        return team_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
            self.tls.currentText(),
        )

    def remember(self) -> None:
        for key, value in (
            ("host", self.host.text().strip()),
            ("port", self.port.value()),
            ("database", self.database.text().strip()),
            ("user", self.user.text().strip()),
            ("tls", self.tls.currentText()),
        ):
            self.settings.setValue(f"team/{key}", value)


def open_with_password(
    parent: QWidget | None, url: str, language: str, opener: Opener | None = None
) -> FactBook | None:
    """Open the team database, asking for a password while the server wants one and Retry after a fault;
    None when the reader gives up."""
    open_book = opener or (lambda address, secret: open_fact_book(address, language, password=secret))
    password: str | None = None
    while True:
        try:
            return open_book(url, password)
        except PasswordNeeded as error:
            text, given = QInputDialog.getText(
                parent,
                TeamDatabase.tr("Password"),
                f"{error}\n\n" + TeamDatabase.tr("Password:"),
                QLineEdit.EchoMode.Password,
            )
            if not given:
                return None
            password = text
        except FactBookError as error:
            log.warning("cannot open the team database: %s", error)
            if not ask_retry(parent, str(error)):
                return None


def ask_retry(parent: QWidget | None, sentence: str) -> bool:
    """The sentence, with Retry and Cancel; True for Retry."""
    answer = QMessageBox.warning(
        parent,
        TeamDatabase.tr("Team database"),
        sentence,
        QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Retry


def open_at_start(url: str, language: str) -> FactBook | None:
    """--db URL when the server asks a password that libpq did not find: asked before the window opens."""
    from jinshan_desktop.ui.app import create_application

    create_application()
    return open_with_password(None, url, language)


def open_team_database(window: MainWindow, opener: Opener | None = None) -> bool:
    """File → Open team database…: the dialog, then the window reads the team database (True) or stays."""
    dialog = TeamDatabaseDialog(window.settings, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    book = open_with_password(window, dialog.url(), window.language, opener)
    if book is None:
        return False
    dialog.remember()
    switch_book(window, book)
    return True


def switch_book(window: MainWindow, book: FactBook) -> None:
    previous = window.book
    book.set_language(window.language)
    window.book = book
    window.refresh()
    previous.close()


def add_team_actions(window: MainWindow, file_menu: QMenu) -> None:
    """The hook main_window calls while building its File menu: the action, the database named in the
    status bar, and (once) the Retry for faults that reach the event loop."""
    action = file_menu.addAction(TeamDatabase.tr("Open &team database…"))
    action.triggered.connect(lambda: open_team_database(window))
    label = getattr(window, "database_label", None)
    if label is None:
        label = QLabel()
        window.database_label = label  # type: ignore[attr-defined]
        window.statusBar().addPermanentWidget(label)
        _WINDOWS.add(window)
        if not isinstance(sys.excepthook, _FaultHook):
            sys.excepthook = _FaultHook(sys.excepthook)
    kind = (
        TeamDatabase.tr("Team database")
        if window.book.on_server
        else TeamDatabase.tr("File")
    )
    label.setText(f"{kind}: {window.book.path}")


_WINDOWS: weakref.WeakSet[MainWindow] = weakref.WeakSet()  # the windows whose faults _FaultHook reports


class _FaultHook:
    """sys.excepthook in front of the app's, installed once: a team database's error that reached the event
    loop (a page read while scrolling, a chart) goes to the window reading that database, as ServerFaults."""

    def __init__(self, previous: Callable[[type[BaseException], BaseException, TracebackType | None], object]) -> None:
        self.previous = previous

    def __call__(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if isinstance(error, FactBookError):
            for window in list(_WINDOWS):
                try:
                    reading = window.isVisible() and window.book.on_server
                except RuntimeError:  # its C++ side is gone already
                    continue
                if reading:
                    ServerFaults(window).report(str(error))
                    return
        self.previous(kind, error, trace)


class ServerFaults:
    """A team database's fault in a window: its sentence in the status bar and a dialog with Retry."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def report(self, sentence: str) -> None:
        log.warning("team database fault: %s", sentence)
        self.window.statusBar().showMessage(sentence)
        while ask_retry(self.window, sentence):
            self.window.book.reconnect()
            try:
                self.window.book.info()  # a small read first: the window is rebuilt only once it can be
            except FactBookError as error:
                sentence = str(error)
                self.window.statusBar().showMessage(sentence)
                continue
            self.window.refresh()
            self.window.statusBar().showMessage(
                TeamDatabase.tr("Connected again to the team database."), 5000
            )
            return
