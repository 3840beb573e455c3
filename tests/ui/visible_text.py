"""Every text a widget tree shows a reader: labels, buttons, menus and actions, tabs, table headers and cells,
list items, text panes, placeholders, tooltips, window titles and the chart's own labels."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

LATIN_WORD = re.compile(r"[A-Za-z]+")
# Web addresses, paths and file names are set aside: they are what the reader types or clicks, not words.
ADDRESS = re.compile(r"(https?://\S+|file:\S+|(?:/[\w.+-]+)+/?|\b[\w-]+\.(?:csv|txt|png|svg)\b)")
MNEMONIC = re.compile(r"\(&?[A-Za-z]\)|&(?=\w)")


def plain(text: str) -> str:
    """Rich text as a reader sees it (tags gone, entities read)."""
    if "<" in text and ">" in text:
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _action_texts(actions: list[QAction]) -> Iterator[str]:
    for action in actions:
        yield from (action.text(), action.toolTip(), action.statusTip())
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield menu.title()
            yield from _action_texts(menu.actions())


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    for orientation, count in ((Qt.Orientation.Horizontal, model.columnCount()),):
        for section in range(count):
            yield str(model.headerData(section, orientation) or "")
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value


def _widget_texts(widget: QWidget) -> Iterator[str]:
    yield widget.toolTip()
    yield widget.statusTip()
    if widget.isWindow():
        yield widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QLineEdit):
        yield from (widget.text(), widget.placeholderText())
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        yield widget.toPlainText()
    elif isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
        yield from (widget.tabToolTip(i) for i in range(widget.count()))
    if isinstance(widget, QListWidget):
        for row in range(widget.count()):
            yield from (widget.item(row).text(), widget.item(row).toolTip())
    elif isinstance(widget, QAbstractItemView):
        yield from _model_texts(widget)
    yield from _action_texts(widget.actions())


def _chart_texts(widget: QWidget) -> Iterator[str]:
    """pyqtgraph draws its labels in a scene, not as widgets: the chart's title, notes, axis and item labels."""
    for name in ("title_label", "source_label"):
        label = getattr(widget, name, None)
        if label is not None:
            yield str(label.text)
    plot = getattr(widget, "plot", None)
    if plot is not None:
        for axis in ("left", "bottom"):
            yield str(plot.getAxis(axis).labelText)
        for item in plot.items:
            text_item = getattr(item, "textItem", None)
            if text_item is not None:
                yield text_item.toPlainText()


def visible_texts(root: QWidget) -> list[str]:
    """Every text of root and the widgets under it that show with it, as plain text. Menus are read through
    the menu bar's actions (a menu is a hidden popup until opened)."""
    texts: list[str] = []
    shown = [widget for widget in root.findChildren(QWidget) if widget.isVisibleTo(root) and not widget.isWindow()]
    for widget in [root, *shown]:
        texts += [plain(text) for text in _widget_texts(widget) if text]
        texts += [plain(text) for text in _chart_texts(widget) if text]
    return texts


def latin_words(texts: list[str], allowed: set[str], quotations: set[str]) -> dict[str, str]:
    """Latin-alphabet words of texts that are not allowed proper names, each with a text it is in, after the
    source's own words (quotations), addresses and menu mnemonics are set aside."""
    found: dict[str, str] = {}
    for original in texts:
        text = original
        for quotation in sorted(quotations, key=len, reverse=True):
            text = text.replace(quotation, " ")
        text = MNEMONIC.sub("", ADDRESS.sub(" ", text))
        for word in LATIN_WORD.findall(text):
            if word not in allowed:
                found.setdefault(word, original[:120])
    return found
