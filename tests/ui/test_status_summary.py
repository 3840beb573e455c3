"""The status bar's summary stays through transient messages and menu hovers."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from jinshan_desktop.ui.main_window import MainWindow


def _summary(window: MainWindow) -> QLabel:
    label = window.findChild(QLabel, "status-summary")
    assert isinstance(label, QLabel)
    return label


def _shown(window: MainWindow) -> bool:
    label = _summary(window)
    return label.isVisible() and label.text().startswith("91 figures · 31 facts · 14 sources · data as of")


def test_the_summary_stays_beside_a_transient_message(window: MainWindow, qtbot) -> None:
    assert _shown(window)
    window.statusBar().showMessage("Copied 1 row", 50)
    QApplication.processEvents()
    assert window.statusBar().currentMessage() == "Copied 1 row" and _shown(window)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "")
    assert _shown(window)


def test_the_summary_survives_a_menu_hover(window: MainWindow, qtbot) -> None:
    """The View menu opened from the menu bar, the mouse over Theme (a status tip), then over an item without."""
    assert window.menus is not None
    theme_menu = window.menus.theme_group.actions()[0].associatedObjects()[0]
    view_menu = theme_menu.parent()
    window.menuBar().setActiveAction(view_menu.menuAction())
    qtbot.waitUntil(view_menu.isVisible)
    view_menu.setActiveAction(theme_menu.menuAction())
    assert window.statusBar().currentMessage() == theme_menu.menuAction().statusTip() != ""
    assert _shown(window)
    view_menu.setActiveAction(view_menu.actions()[0])  # a tab's item: no tip, the message is cleared
    assert window.statusBar().currentMessage() == "" and _shown(window)
    view_menu.close()
    assert _shown(window)


def test_the_summary_is_said_again_in_the_new_language_and_only_once(window: MainWindow) -> None:
    window.set_language("zh_CN")
    try:
        labels = window.findChildren(QLabel, "status-summary")
        assert len(labels) == 1 and labels[0].text().startswith("91 项数据")
    finally:
        window.set_language("en")
