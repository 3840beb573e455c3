"""Retake the README's screenshots of the main window from the bundled data (offscreen, 1280×800).

    python docs/take_screenshots.py

Writes docs/main-window.png (English, light), docs/main-window-zh.png (简体中文, light) and
docs/main-window-dark.png (English, dark), each with a figure selected so its chart and citation show.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from jinshan_desktop.cli import open_book
from jinshan_desktop.ui import palette
from jinshan_desktop.ui.app import create_application
from jinshan_desktop.ui.main_window import MainWindow
from jinshan_desktop.ui.reader import wait_for_reads

DOCS = Path(__file__).resolve().parent
SHOTS = [  # file, language, theme, the figure selected
    ("main-window.png", "en", "light", "edo-revenue-2022"),
    ("main-window-zh.png", "zh_CN", "light", "rural-income-2018"),
    ("main-window-dark.png", "en", "dark", "edo-revenue-2022"),
]


def settle(app: QApplication) -> None:
    for _ in range(5):
        wait_for_reads()
        app.processEvents()


def main() -> int:
    app = create_application()
    with tempfile.TemporaryDirectory() as folder:
        book = open_book(None, Path(folder) / "imported.sqlite")
        for name, language, theme, figure in SHOTS:
            settings = QSettings(str(Path(folder) / f"{name}.ini"), QSettings.Format.IniFormat)
            palette.apply_theme(theme)
            window = MainWindow(book, settings, language)
            window.resize(1280, 800)
            window.show()
            settle(app)
            window.open_observation(figure)
            settle(app)
            assert window.grab().save(str(DOCS / name)), name
            print(f"wrote {DOCS / name}")
            window.close()
            window.deleteLater()
            settle(app)
        book.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
