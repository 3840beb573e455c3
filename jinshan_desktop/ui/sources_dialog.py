"""Help → Sources: a reference list. Each source with its publisher and date, its address as a link (opened in
the browser only when clicked), how many figures and facts cite it, and what its grade means."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from jinshan_desktop.data.code_words import GRADES, SOURCE_LANGUAGES, word
from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP
from jinshan_desktop.data.queries import SourceInfo
from jinshan_desktop.ui.palette import muted_colour
from jinshan_desktop.ui.translate import Texts

# The grades as other-public-sources.md in the sources folder defines them.
GRADE_MEANINGS = {
    "A": QT_TRANSLATE_NOOP(
        "SourcesDialog", "official: the district government's own site or a company's filing to the stock exchange"
    ),
    "B": QT_TRANSLATE_NOOP("SourcesDialog", "an established news medium"),
    "census": QT_TRANSLATE_NOOP("SourcesDialog", "a national census count, as an encyclopedia reports it"),
}
PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


def open_address(link: str) -> None:
    """A click on an address: the reader's browser opens it (the app itself never goes online)."""
    QDesktopServices.openUrl(QUrl(link))


class SourcesDialog(QDialog):
    tr = Texts()

    def __init__(self, sources: list[SourceInfo], parent: QWidget | None = None, language: str = "en") -> None:
        super().__init__(parent)
        self.language = language
        self.sources = sources
        self.setWindowTitle(self.tr("Sources"))
        em = self.fontMetrics().height()
        self.resize(48 * em, 36 * em)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.entries: dict[str, QLabel] = {}
        column = QWidget()
        entries = QVBoxLayout(column)
        entries.addWidget(self.heading)
        for source in sources:
            entry = QLabel()
            entry.setWordWrap(True)
            entry.setTextFormat(Qt.TextFormat.RichText)
            entry.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            entry.setOpenExternalLinks(False)  # opened by open_address on a click, never on a hover
            entry.linkActivated.connect(open_address)
            self.entries[source.id] = entry
            entries.addWidget(entry)
        entries.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self._write()

    def _write(self) -> None:
        """Every entry's text in the palette's colours (written again when the palette changes)."""
        grades = "".join(
            f"<li><b>{escape(word(GRADES, grade, self.language))}</b> — {escape(self.tr(meaning))}</li>"
            for grade, meaning in GRADE_MEANINGS.items()
            if any(source.grade == grade for source in self.sources)
        )
        heading = self.tr("Sources of the fact book")
        explained = self.tr("Each source has a grade, which says what kind of document it is:")
        self.heading.setText(f"<h3>{escape(heading)}</h3><p>{escape(explained)}</p><ul>{grades}</ul>")
        for source in self.sources:
            self.entries[source.id].setText(self.entry_html(source))

    def counts(self, source: SourceInfo) -> str:
        return self.tr("cited by %1 and %2").arg(
            self.tr("%n figures", None, source.figure_count), self.tr("%n facts", None, source.fact_count)
        )

    def entry_html(self, source: SourceInfo) -> str:
        muted = muted_colour()
        english = self.language == "en"
        comma, open_, close = (", ", "(", ")") if english else ("，", "（", "）")  # Chinese: full-width
        descriptive = self.tr("descriptive title")
        kind = f" <small>{open_}{escape(descriptive)}{close}</small>" if source.title_kind == "descriptive" else ""
        cited_as = source.citation or source.id  # a Chinese reader cites by the label; English files by the id
        if source.address:
            address = f"<a href='{escape(source.address, quote=True)}'>{escape(source.address)}</a>"
        else:
            address = escape(self.tr("No address: the fact book's sources give none for this document."))
        grade = word(GRADES, source.grade, self.language)
        meaning = self.tr(GRADE_MEANINGS[source.grade]) if source.grade in GRADE_MEANINGS else ""
        written_in = self.tr("written in %1").arg(word(SOURCE_LANGUAGES, source.language, self.language))
        graded = self.tr("grade %1").arg(grade)
        published = source.published or self.tr("date not given")
        return (
            f"<p><b>{escape(source.title)}</b>{kind} <code>[{escape(cited_as)}]</code><br>"
            f"{escape(source.publisher)}{comma}{escape(published)}<br>"
            f"{address}<br>"
            f"{escape(self.counts(source))} · {escape(written_in)}<br>"
            f"{escape(graded)}"
            + (f" <span style='color:{muted}'>— {escape(meaning)}</span>" if meaning else "")
            + f"<br><span style='color:{muted}'>{escape(source.contributed)}</span></p>"
        )

    def plain_text(self) -> str:
        """What the dialog says, as text (what a reader would copy from it)."""
        document = QTextDocument()
        parts = []
        for label in [self.heading, *self.entries.values()]:
            document.setHtml(label.text())
            parts.append(document.toPlainText())
        return "\n".join(parts)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in PALETTE_EVENTS and self.entries:
            self._write()
