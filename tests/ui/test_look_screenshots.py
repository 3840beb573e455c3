"""Screenshots of the main window at three sizes, light and dark, English and Chinese, for people to look at
(screenshots/ is ignored by git). Each is checked to be painted in its scheme."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from jinshan_desktop.ui import palette
from jinshan_desktop.ui.main_window import MainWindow

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
SIZES = [(1024, 640), (1280, 800), (1600, 1000)]


@pytest.fixture(autouse=True)
def system_theme_after() -> Iterator[None]:
    yield
    palette.apply_theme("system")


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots_at_three_sizes(window: MainWindow, qtbot, language: str, theme: palette.ThemeChoice) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    window.set_language(language)
    palette.apply_theme(theme)
    try:
        for width, height in SIZES:
            window.resize(width, height)
            qtbot.waitUntil(lambda w=width, h=height: (window.width(), window.height()) == (w, h))
            for tab in (0, window.tab_of_theme["manufacturing"], window.tab_of_theme["regional"]):
                window.tabs.setCurrentIndex(tab)
                view = window.current_view()
                view.model.ensure_counted()
                view.select_observation_at(0)
                QApplication.processEvents()
                qtbot.wait(30)
                image = window.grab().toImage()
                background = image.pixelColor(3, height - 40)  # the window's own colour, beside the panes
                assert (background.lightness() < 80) == (theme == "dark")
                name = f"look-{language}-{theme}-{width}x{height}-tab{tab}.png"
                assert image.save(str(SCREENSHOTS / name))
    finally:
        window.set_language("en")
