"""Run in a subprocess with QT_SCALE_FACTOR=2 by test_layout: the window at 1024×640 logical pixels."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from jinshan_desktop.data.build import build_database
from jinshan_desktop.data.queries import open_fact_book
from jinshan_desktop.ui.app import create_application
from jinshan_desktop.ui.table_model import ObservationTableModel as Columns

REPO = Path(__file__).resolve().parents[2]


def report() -> None:
    from jinshan_desktop.ui.main_window import MainWindow

    create_application()
    folder = Path(tempfile.mkdtemp())
    build_database(REPO / "db", folder / "j.sqlite")
    book = open_fact_book(folder / "j.sqlite")
    window = MainWindow(book, QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window.show()
    window.resize(1024, 640)
    window.tabs.setCurrentIndex(window.tab_of_theme["manufacturing"])
    for _ in range(10):
        QApplication.processEvents()
    table = window.current_view().table
    indicator = table.horizontalHeader().sectionSize(Columns.COL_INDICATOR)
    image = window.grab()
    window.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    cards = window.overview().cards.cards
    whole = all(f.sizeHint().width() <= f.width() for card in cards for f in card.figures)
    print(f"ratio={window.devicePixelRatio()} image_width={image.width()} image_height={image.height()}")
    print(f"indicator={indicator} em={table.fontMetrics().height()} figures_whole={int(whole)}")
    print(f"whole={int(indicator >= table.column_plan.content[Columns.COL_INDICATOR])}")
    window.close()
    book.close()
