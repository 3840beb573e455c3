"""The table and the facts below it share their pane's height by what each has to show.

A short table (six figures) takes only the height of its rows and the facts list gets the rest, rather than
the table showing empty space while the facts scroll; a long table gives the facts at least FACTS_SHARE of the
height when they need it. Once the reader drags the handle their split is kept.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QListWidget, QSplitter, QTableView, QWidget

FACTS_SHARE = 0.35


def table_height_needed(table: QTableView) -> int:
    rows = sum(table.rowHeight(row) for row in range(table.model().rowCount()))
    scroll_bar = table.horizontalScrollBar()
    bar = scroll_bar.sizeHint().height() if scroll_bar.isVisible() else 0
    return table.horizontalHeader().height() + rows + 2 * table.frameWidth() + bar


def list_height_needed(facts: QListWidget) -> int:
    rows = sum(facts.sizeHintForRow(row) for row in range(facts.count()))
    return max(rows, 2 * facts.fontMetrics().height()) + 2 * facts.frameWidth()


def split(total: int, table_need: int, facts_need: int) -> tuple[int, int]:
    """Heights for the table and the facts panel out of total."""
    if table_need + facts_need <= total:
        return total - facts_need, facts_need
    facts = max(total - table_need, min(facts_need, int(total * FACTS_SHARE)))
    return total - facts, facts


class HeightSharing(QObject):
    def __init__(self, splitter: QSplitter, table: QTableView, facts_panel: QWidget, facts: QListWidget) -> None:
        super().__init__(splitter)
        self.splitter, self.table, self.facts_panel, self.facts = splitter, table, facts_panel, facts
        self.chosen_by_reader = False
        self._applying = False
        splitter.splitterMoved.connect(self._moved)
        splitter.installEventFilter(self)
        self._later = QTimer(self, singleShot=True, interval=0)  # after the layout has settled
        self._later.timeout.connect(self.share)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._later.start()
        return False

    def _moved(self) -> None:
        if not self._applying:
            self.chosen_by_reader = True

    def content_changed(self) -> None:
        """The table's rows or the facts changed: share the height again (unless the reader chose)."""
        self._later.start()

    def share(self) -> None:
        if self.chosen_by_reader or not self.splitter.isVisible():
            return
        total = sum(self.splitter.sizes())
        panel_extra = self.facts_panel.height() - self.facts.height()  # the heading above the list
        facts_need = list_height_needed(self.facts) + max(0, panel_extra)
        table_size, facts_size = split(total, table_height_needed(self.table), facts_need)
        self._applying = True
        self.splitter.setSizes([table_size, facts_size])
        self._applying = False
