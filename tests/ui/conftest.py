from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from jinshan_desktop.data.queries import FactBook
from jinshan_desktop.ui.main_window import MainWindow


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def window(qtbot, book: FactBook, settings_path: Path) -> MainWindow:
    main_window = MainWindow(book, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    return main_window


@pytest.fixture
def no_dialogs(monkeypatch):
    """Record message boxes instead of blocking the test on a modal dialog."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a, _k=kind, **kw: shown.append((_k, text)))
    return shown
