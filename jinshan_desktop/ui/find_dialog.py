"""Find (Ctrl+F): one search across every theme's figures, facts and entities.

Kept to the keyboard: Up/Down (and Page Up/Down) move through the results from the search box, Enter opens the
highlighted result, Esc closes. Enter searches first only when typing has not yet been searched."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from jinshan_desktop.data.queries import MAX_PATTERN_CHARACTERS, FactBook, PatternTooLong, SearchHit
from jinshan_desktop.ui.translate import Texts

HIT_ROLE = Qt.ItemDataRole.UserRole
MOVES = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class FindDialog(QDialog):
    tr = Texts()
    hit_chosen = Signal(object)  # SearchHit

    def __init__(self, book: FactBook, theme_names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.theme_names = theme_names
        self.setWindowTitle(self.tr("Find"))
        self.resize(640, 420)
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Search figures, facts and names in every theme"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)  # each result is three lines: the shading tells them apart
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.summary)
        # Search as the reader types, once typing pauses.
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(self._timer.start)
        self.query.returnPressed.connect(self._choose_highlighted)
        self.query.installEventFilter(self)  # Up/Down in the box move through the results
        self.results.itemActivated.connect(self._choose)

    def run_search(self) -> None:
        self.results.clear()
        try:
            hits = self.book.search(self.query.text())
        except PatternTooLong:
            self.summary.setText(
                self.tr("A search is at most %1 characters long.").replace("%1", str(MAX_PATTERN_CHARACTERS))
            )
            return
        kinds = {"figure": self.tr("Figure"), "fact": self.tr("Fact"), "entity": self.tr("Name")}
        for hit in hits:
            item = QListWidgetItem(
                f"{kinds[hit.kind]} · {self.theme_names.get(hit.theme_id, '')}\n{hit.title}\n{hit.detail}"
            )
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        self.summary.setText(self.tr("%n results", None, len(hits)) if self.query.text().strip() else "")
        if hits:
            self.results.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in MOVES:
                self._search_if_typed()  # move through the results of what the box says, not older ones
                QCoreApplication.sendEvent(self.results, event)  # the list's own moves and paging
                return True
        return super().eventFilter(watched, event)

    def _search_if_typed(self) -> None:
        if self._timer.isActive():  # typed but not searched yet: the results shown are for older text
            self._timer.stop()
            self.run_search()

    def _choose_highlighted(self) -> None:
        self._search_if_typed()
        item = self.results.currentItem()
        if item is not None:
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        hit: SearchHit = item.data(HIT_ROLE)
        self.hit_chosen.emit(hit)
        self.accept()
