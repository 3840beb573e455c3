"""The detail pane's browser: HTML whose muted text takes its colour from the palette, light or dark, live."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from jinshan_desktop.ui.palette import muted_colour

PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


def muted_style() -> str:
    """The style sheet for class='muted' in the current palette."""
    return f".muted {{ color: {muted_colour()}; }}"


class DetailBrowser(QTextBrowser):
    """Keeps the HTML it shows, so that a change of palette renders it again in the new colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown_html = ""
        self.setOpenLinks(False)

    def setHtml(self, text: str) -> None:
        self.shown_html = text
        self.document().setDefaultStyleSheet(muted_style())
        super().setHtml(text)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in PALETTE_EVENTS and self.shown_html:
            scrolled = self.verticalScrollBar().value()
            self.setHtml(self.shown_html)
            self.verticalScrollBar().setValue(scrolled)
