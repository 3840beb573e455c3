"""The one way a figure is reached (Overview, Find, a link, Ctrl+End): its row selected and scrolled to the middle."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QTableView


def reveal_row(table: QTableView, row: int) -> None:
    """Select the whole row, make it current and scroll it to the middle of the view (as near as the ends allow).
    The row must already be fetched into the model."""
    model = table.model()
    index = model.index(row, 0)
    table.doItemsLayout()  # rows fetched just now: the scroll range must include them before scrolling
    table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
