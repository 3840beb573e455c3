"""Light or dark: the desktop's colour scheme by default, or the reader's choice (View → Theme), applied app-wide.

The platform gives a palette for its scheme where it can (GNOME, KDE, Windows, macOS). Where it gives none
(offscreen, a bare X session) yet the desktop asks for dark, or the reader chose dark, the app builds a dark
palette for the Fusion style. Widgets and HTML read their colours from the application palette (muted text is
`muted_colour()`), never from fixed light colours, so everything follows a change of scheme live.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ThemeChoice = Literal["system", "light", "dark"]
THEME_CHOICES: tuple[ThemeChoice, ...] = ("system", "light", "dark")
THEME_SETTING = "view/theme"

Role, Group = QPalette.ColorRole, QPalette.ColorGroup
# A dark palette of the kind the platforms give (Window a little lighter than Base); links and highlight read on it.
_DARK = {
    Role.Window: "#2b2d30",
    Role.WindowText: "#e6e6e6",
    Role.Base: "#1e1f22",
    Role.AlternateBase: "#26282b",
    Role.ToolTipBase: "#3c3f41",
    Role.ToolTipText: "#e6e6e6",
    Role.PlaceholderText: "#8c9099",
    Role.Text: "#e6e6e6",
    Role.Button: "#35373b",
    Role.ButtonText: "#e6e6e6",
    Role.BrightText: "#ff6b6b",
    Role.Light: "#4a4d52",
    Role.Midlight: "#3d4044",
    Role.Mid: "#2f3134",
    Role.Dark: "#18191b",
    Role.Shadow: "#0d0d0e",
    Role.Highlight: "#3d6fb4",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#7fb2ff",
    Role.LinkVisited: "#c59bff",
}
LIGHT_BUTTON = "#efefef"  # Fusion's own light window and button colour
_DARK_DISABLED = {Role.WindowText: "#7a7d82", Role.Text: "#7a7d82", Role.ButtonText: "#7a7d82"}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def system_scheme() -> Qt.ColorScheme:
    """What the desktop asks for (Unknown where it says nothing, as offscreen)."""
    return QGuiApplication.styleHints().colorScheme()


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < palette.color(Role.WindowText).lightness()


def saved_theme(settings: QSettings) -> ThemeChoice:
    value = str(settings.value(THEME_SETTING, "system"))
    return next((choice for choice in THEME_CHOICES if choice == value), "system")


class _Theme(QObject):
    """The choice in force; with "system" it follows colorSchemeChanged while the app runs."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.choice: ThemeChoice = "system"
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.scheme_changed)

    def apply(self, choice: ThemeChoice) -> None:
        self.choice = choice
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        wants_dark = choice == "dark" or (choice == "system" and system_scheme() == Qt.ColorScheme.Dark)
        if wants_dark:
            app.setPalette(dark_palette())
            return
        app.setPalette(QPalette())  # nothing set: the platform's palette, or the style's light one
        if is_dark(app.palette()) and choice == "light":  # a dark desktop's palette, overridden
            app.setPalette(app.style().standardPalette())
            if is_dark(app.palette()):  # a style whose own palette follows the desktop's scheme
                app.setPalette(QPalette(QColor(LIGHT_BUTTON)))  # Qt derives a whole light palette from it

    def scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == "system":
            self.apply("system")


_theme: list[_Theme] = []


def apply_theme(choice: ThemeChoice) -> None:
    """Apply choice to the whole application now (every widget repaints in it)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if not _theme:
        _theme.append(_Theme(app))
    _theme[0].apply(choice)


def current_theme() -> ThemeChoice:
    return _theme[0].choice if _theme else "system"


def muted(palette: QPalette) -> QColor:
    """Secondary text (labels, citations): text three parts to the background's two, readable on both schemes."""
    text, base = palette.color(Role.Text), palette.color(Role.Base)
    return QColor(
        (text.red() * 3 + base.red() * 2) // 5,
        (text.green() * 3 + base.green() * 2) // 5,
        (text.blue() * 3 + base.blue() * 2) // 5,
    )


def muted_colour() -> str:
    """muted() of the application's palette, as HTML writes a colour."""
    return muted(QApplication.palette()).name()
