"""Help → Sources: every source with its address and what it contributed."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from jinshan_desktop.data.queries import SourceInfo
from jinshan_desktop.ui.translate import Texts


class SourcesDialog(QDialog):
    tr = Texts()

    def __init__(self, sources: list[SourceInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        parts = [f"<h3>{heading}</h3>"]
        for source in sources:
            counts = self.tr("%1 figures, %2 facts").arg(source.figure_count, source.fact_count)
            parts.append(
                f"<p><b>{escape(source.title)}</b> <code>[{escape(source.id)}]</code><br>"
                f"{escape(source.publisher)}, {escape(source.published or no_date)}"
                f" · {grade} {escape(source.grade)} · {counts}<br>"
                f"{escape(source.contributed)}"
                + (f"<br><span style='color:#5f6b7a'>{escape(source.address)}</span>" if source.address else "")
                + "</p>"
            )
        return "".join(parts)
