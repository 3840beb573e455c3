"""The chart's colours, taken from the widget's palette when it draws: a dark desktop gets a dark plot.

Background and words are the palette's Base and Text; axes and notes a blend of the two (muted, still
readable); the line is the app's blue or a lighter one, whichever stands out more from the background.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

ACCENT = QColor("#1f6fb2")  # the line and filled markers on a light background
DARK_ACCENT = QColor("#6cb2ee")  # the same blue lightened, for a dark background
MIN_CONTRAST = 3.0  # WCAG's contrast for graphics and large text


def luminance(color: QColor) -> float:
    """Relative luminance (WCAG 2): 0 for black, 1 for white."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def blend(first: QColor, second: QColor, share: float) -> QColor:
    """first moved `share` of the way towards second."""
    return QColor.fromRgbF(
        first.redF() + (second.redF() - first.redF()) * share,
        first.greenF() + (second.greenF() - first.greenF()) * share,
        first.blueF() + (second.blueF() - first.blueF()) * share,
    )


@dataclass(frozen=True)
class ChartColours:
    background: QColor
    text: QColor
    muted: QColor  # axes, the source under the chart, values beside bars
    accent: QColor  # the line, bar outlines and filled markers
    hollow: QColor  # the inside of a hollow marker or bar: the background

    @classmethod
    def of(cls, palette: QPalette) -> ChartColours:
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        muted = blend(text, background, 0.35)
        if contrast(muted, background) < MIN_CONTRAST + 1:  # a low-contrast theme: no blending then
            muted = text
        accent = max((ACCENT, DARK_ACCENT), key=lambda blue: contrast(blue, background))
        if contrast(accent, background) < MIN_CONTRAST:  # neither blue reads (a mid-grey Base): the text colour
            accent = text
        return cls(background, text, muted, accent, background)
