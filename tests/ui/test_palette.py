"""Light or dark: the desktop's scheme followed, View → Theme overriding it, every pane readable in dark."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from jinshan_desktop.ui import palette
from jinshan_desktop.ui.main_window import MainWindow

Role = QPalette.ColorRole


@pytest.fixture(autouse=True)
def system_theme_after() -> Iterator[None]:
    yield
    palette.apply_theme("system")


def _choose(window: MainWindow, choice: str) -> None:
    """As the reader does: the action of View → Theme; the widgets take the palette on the event loop."""
    assert window.menus is not None
    action = next(a for a in window.menus.theme_group.actions() if a.data() == choice)
    action.trigger()
    QApplication.processEvents()


def _is_dark(colours: QPalette) -> bool:
    return colours.color(Role.Window).lightness() < 80 and colours.color(Role.Base).lightness() < 80


def _text_is_light(colours: QPalette) -> bool:
    return colours.color(Role.Text).lightness() > 180 and colours.color(Role.WindowText).lightness() > 180


def test_view_theme_dark_applies_a_dark_palette_everywhere_and_is_remembered(window: MainWindow, qtbot) -> None:
    assert not _is_dark(QApplication.palette())  # offscreen gives no scheme: the light one
    _choose(window, "dark")
    assert _is_dark(QApplication.palette()) and _text_is_light(QApplication.palette())
    view = window.current_view()
    for widget in (window, view.table, view.facts_list, view.detail):
        assert _is_dark(widget.palette()) and _text_is_light(widget.palette()), type(widget).__name__
    assert window.settings.value("view/theme") == "dark"
    assert palette.saved_theme(window.settings) == "dark"
    _choose(window, "light")
    assert not _is_dark(QApplication.palette())
    assert window.settings.value("view/theme") == "light"


def test_the_window_paints_dark_in_dark(window: MainWindow, qtbot) -> None:
    """What is painted, not only the palette: the facts list and the cards' background are dark."""
    _choose(window, "dark")
    qtbot.wait(20)
    view = window.current_view()
    image = view.facts_list.viewport().grab().toImage()
    assert image.pixelColor(image.width() - 3, image.height() - 3).lightness() < 80
    card = window.overview().cards.cards[0]
    card_image = card.grab().toImage()
    assert card_image.pixelColor(card_image.width() // 2, card_image.height() - 5).lightness() < 80


def test_muted_text_in_the_detail_pane_follows_the_palette_live(window: MainWindow, qtbot) -> None:
    view = window.current_view()
    view.select_observation_at(0)
    light_muted = palette.muted_colour()
    assert light_muted in view.detail.document().defaultStyleSheet()
    _choose(window, "dark")
    dark_muted = palette.muted_colour()
    assert dark_muted != light_muted and QPalette().color(Role.Base).name() != dark_muted
    assert dark_muted in view.detail.document().defaultStyleSheet()  # rendered again in the new colours
    assert "#5f6b7a" not in view.detail.shown_html  # the old fixed grey, unreadable on dark


def test_a_dark_desktop_is_followed_with_system_and_ignored_with_light(window: MainWindow, monkeypatch) -> None:
    monkeypatch.setattr(palette, "system_scheme", lambda: Qt.ColorScheme.Dark)
    hints = QGuiApplication.styleHints()
    _choose(window, "system")
    assert _is_dark(QApplication.palette())  # the desktop already dark when chosen
    monkeypatch.setattr(palette, "system_scheme", lambda: Qt.ColorScheme.Light)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)  # the desktop switches while the app runs
    assert not _is_dark(QApplication.palette())
    monkeypatch.setattr(palette, "system_scheme", lambda: Qt.ColorScheme.Dark)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert _is_dark(QApplication.palette())
    _choose(window, "light")  # the reader's choice outranks the desktop's
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not _is_dark(QApplication.palette())


def test_the_theme_menu_shows_the_choice_in_force(window: MainWindow) -> None:
    _choose(window, "dark")
    window.set_language("zh_CN")  # the menus are built again
    try:
        assert window.menus is not None
        checked = [a.data() for a in window.menus.theme_group.actions() if a.isChecked()]
        assert checked == ["dark"]
    finally:
        window.set_language("en")
