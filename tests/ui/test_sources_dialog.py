"""Help → Sources as a reference list: counts in the right plural, grades explained, addresses opened on a click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest

from jinshan_desktop.data.queries import FactBook
from jinshan_desktop.ui.language import apply_language
from jinshan_desktop.ui.sources_dialog import SourcesDialog


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """Addresses the dialog asked the desktop to open, instead of a browser starting."""
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(QUrl(url).toString()) or True)
    return urls


def _dialog(qtbot, book: FactBook, language: str = "en") -> SourcesDialog:
    apply_language(language)
    book.set_language(language)
    dialog = SourcesDialog(book.sources(), None, language)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _entry_text(dialog: SourcesDialog, source_id: str) -> str:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(dialog.entries[source_id].text())
    return document.toPlainText()


def test_counts_take_the_singular_for_one_and_the_plural_otherwise(qtbot, book: FactBook) -> None:
    dialog = _dialog(qtbot, book)
    assert "cited by 1 figure and 0 facts" in _entry_text(dialog, "wiki-en-jinshan")
    assert "cited by 2 figures and 0 facts" in _entry_text(dialog, "jinshan-2010-02")
    assert "cited by 55 figures and 31 facts" in _entry_text(dialog, "briefing-2020-09-10")
    assert "1 figures" not in dialog.plain_text()


def test_counts_in_chinese(qtbot, book: FactBook) -> None:
    try:
        dialog = _dialog(qtbot, book, "zh_CN")
        assert "引用于1 项数据和0 条事实" in _entry_text(dialog, "wiki-en-jinshan")
    finally:
        apply_language("en")
        book.set_language("en")


def test_every_grade_is_explained_in_words(qtbot, book: FactBook) -> None:
    dialog = _dialog(qtbot, book)
    text = dialog.plain_text()
    assert "official: the district government's own site or a company's filing to the stock exchange" in text
    assert "a national census count, as an encyclopedia reports it" in text
    assert "grade A — official" in _entry_text(dialog, "jsq-1938")


def test_a_source_without_an_address_says_so(qtbot, book: FactBook) -> None:
    """The sources folder gives no address for the briefing's press release: none is invented."""
    dialog = _dialog(qtbot, book)
    briefing = _entry_text(dialog, "briefing-2020-09-10")
    assert "No address: the fact book's sources give none for this document." in briefing
    assert "http" not in briefing
    assert "Information Office of Shanghai Municipality, 2020-09-14" in briefing


def test_an_address_opens_when_activated_and_not_when_hovered(qtbot, book: FactBook, opened: list[str]) -> None:
    dialog = _dialog(qtbot, book)
    entry = dialog.entries["jsq-1938"]
    address = "http://en.jsq.sh.gov.cn/news_detail.asp?id=1938"
    assert f"href='{address}'" in entry.text()
    entry.linkHovered.emit(address)  # what a mouse over the link does
    assert opened == []
    entry.setFocus()
    QTest.keyClick(entry, Qt.Key.Key_Tab)  # the keyboard's way to the link, then Enter as a click
    QTest.keyClick(entry, Qt.Key.Key_Return)
    assert opened == [address]
