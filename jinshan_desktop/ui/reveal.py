"""The one way a figure is reached (Overview, Find, a link, Ctrl+End): its row selected and scrolled to the middle."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QTableView


def reveal_row(table: QTableView, row: int) -> None:
    """Select the whole row, make it current and scroll it to the middle of the view (as near as the ends allow).
    The row must already be fetched into the model."""
    model = table.model()
    # Qt scrolls to no cell of a hidden column (the Topic column is one): the row is reached by a shown cell.
    column = next((c for c in range(model.columnCount()) if not table.isColumnHidden(c)), 0)
    index = model.index(row, column)
    table.doItemsLayout()  # rows fetched just now: the scroll range must include them before scrolling
    table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
