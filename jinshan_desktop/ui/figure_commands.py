"""Edit → Copy (what has focus), Copy citation, Copy link, and opening a figure named by a link or by --open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication

from jinshan_desktop.data.citations import fact_with_citation
from jinshan_desktop.data.figure_links import NotAFigureLink, figure_link, figure_of_reference
from jinshan_desktop.data.formatting import plain_number
from jinshan_desktop.data.queries import ObservationRow
from jinshan_desktop.ui.citing import copy_citation
from jinshan_desktop.ui.table_model import ROW_ROLE, ObservationTableModel
from jinshan_desktop.ui.theme_view import FACT_ROLE
from jinshan_desktop.ui.translate import Texts

if TYPE_CHECKING:
    from jinshan_desktop.ui.main_window import MainWindow
    from jinshan_desktop.ui.theme_view import ThemeView


def rows_for_clipboard(view: ThemeView) -> tuple[str, int]:
    """The selected rows as tab-separated text under a header line, with the figure's number and unit in
    columns of their own beside its formatted value (a spreadsheet can compute with them); and how many."""
    model = view.model
    rows = sorted({index.row() for index in view.table.selectionModel().selectedRows()})
    columns = range(model.columnCount())
    value_at = ObservationTableModel.COL_VALUE + 1
    headers = [str(model.headerData(column, Qt.Orientation.Horizontal)) for column in columns]
    headers[value_at:value_at] = [FigureCommands.tr("Number"), FigureCommands.tr("Unit")]
    from jinshan_desktop.data.exporting import rows_as_tsv  # the tables' writer, imported when copying

    cells = []
    for row in rows:
        figure: ObservationRow = model.index(row, 0).data(ROW_ROLE)
        line = [str(model.index(row, column).data()) for column in columns]
        line[value_at:value_at] = [plain_number(figure.value, figure.decimals), figure.unit]
        cells.append(line)
    return (rows_as_tsv(headers, cells) if rows else ""), len(rows)


class FigureCommands(QObject):
    tr = Texts()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 4000)

    def selected_figure(self) -> str | None:
        current = self.window.current_view().table.currentIndex()
        return current.data(ROW_ROLE).id if current.isValid() else None

    def copy_what_has_focus(self) -> None:
        """The detail pane's text, the current fact with its citation, or the selected rows: what has focus."""
        view = self.window.current_view()
        focused = self.window.focusWidget()
        if focused is view.detail:
            selected = view.detail.textCursor().selection().toPlainText()
            QGuiApplication.clipboard().setText(selected or view.detail.toPlainText())
            self._say(self.tr("Copied the selected text") if selected else self.tr("Copied the detail pane"))
            return
        item = view.facts_list.currentItem()
        if focused is view.facts_list and item is not None:
            fact = next(fact for fact in view.book.facts(view.theme.id) if fact.id == item.data(FACT_ROLE))
            source = next(source for source in view.book.sources(counted=False) if source.id == fact.source_id)
            QGuiApplication.clipboard().setText(fact_with_citation(fact, source, view.book.language))
            self._say(self.tr("Copied the fact with its citation"))
            return
        text, count = rows_for_clipboard(view)
        if text:
            QGuiApplication.clipboard().setText(text)
            self._say(self.tr("Copied %n rows", None, count))

    def copy_citation(self, style: str = "plain") -> None:
        figure = self.window.current_view().cite_bar.figure_id
        if figure is None:
            self._say(self.tr("Select a figure to cite it."))
            return
        self._say(copy_citation(self.window.book, figure, style))

    def copy_link(self) -> None:
        figure = self.selected_figure()
        if figure is None:
            self._say(self.tr("Select a figure to copy its link."))
            return
        QGuiApplication.clipboard().setText(figure_link(figure))
        self._say(self.tr("Copied the link %1").arg(figure_link(figure)))

    def open_reference(self, reference: str) -> bool:
        """Open the figure an id or a jinshan://figure/ID link names; a sentence when it names none."""
        try:
            figure = figure_of_reference(reference)
        except NotAFigureLink:
            self._say_unknown(self.tr("“%1” is not a link to a figure: links read jinshan://figure/ID.").arg(reference))
            return False
        try:
            self.window.open_observation(figure)
        except KeyError:
            self._say_unknown(self.tr("No figure has the id “%1”.").arg(figure))
            return False
        return True

    def _say_unknown(self, message: str) -> None:
        self.window.statusBar().showMessage(message)  # stays: the reader asked for something and must see why
