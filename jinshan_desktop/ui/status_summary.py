"""The status bar's summary ("91 figures · 31 facts · 14 sources · data as of 2025"), always shown.

It is a permanent widget, so a transient message (showMessage: "Copied…", a menu item's status tip) appears
beside it on the left and never replaces it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow


def summary_label(window: QMainWindow) -> QLabel:
    """The window's summary label, added to its status bar the first time (the window is rebuilt per language)."""
    found = window.findChild(QLabel, "status-summary")
    if isinstance(found, QLabel):
        return found
    label = QLabel()
    label.setObjectName("status-summary")
    window.statusBar().insertPermanentWidget(0, label)  # before the database's name
    return label
