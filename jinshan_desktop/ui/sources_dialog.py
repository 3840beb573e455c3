"""Help → Sources: every source with its address and what it contributed."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from jinshan_desktop.data.code_words import GRADES, SOURCE_LANGUAGES, word
from jinshan_desktop.data.queries import SourceInfo
from jinshan_desktop.ui.translate import Texts


class SourcesDialog(QDialog):
    tr = Texts()

    def __init__(self, sources: list[SourceInfo], parent: QWidget | None = None, language: str = "en") -> None:
        super().__init__(parent)
        self.language = language
        self.setWindowTitle(self.tr("Sources"))
        self.resize(760, 560)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # offline app: addresses are shown to copy, not opened
        self.browser.setHtml(self.sources_html(sources))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def sources_html(self, sources: list[SourceInfo]) -> str:
        heading = self.tr("Sources of the fact book")
        no_date = self.tr("date not given")
        grade = self.tr("grade")
        descriptive = self.tr("descriptive title")
        # Chinese takes full-width punctuation.
        comma, open_, close = ("，", "（", "）") if self.language != "en" else (", ", "(", ")")
        parts = [f"<h3>{heading}</h3>"]
        for source in sources:
            counts = self.tr("%1 figures, %2 facts").arg(source.figure_count, source.fact_count)
            # A Chinese reader cites by the Chinese label; the id is what the English files use.
            cited_as = source.citation or source.id
            kind = f" <small>{open_}{escape(descriptive)}{close}</small>" if source.title_kind == "descriptive" else ""
            written_in = self.tr("written in %1").arg(word(SOURCE_LANGUAGES, source.language, self.language))
            parts.append(
                f"<p><b>{escape(source.title)}</b>{kind} <code>[{escape(cited_as)}]</code><br>"
                f"{escape(source.publisher)}{comma}{escape(source.published or no_date)}"
                f" · {grade} {escape(word(GRADES, source.grade, self.language))} · {escape(written_in)} · {counts}<br>"
                f"{escape(source.contributed)}"
                + (f"<br><span style='color:#5f6b7a'>{escape(source.address)}</span>" if source.address else "")
                + "</p>"
            )
        return "".join(parts)
