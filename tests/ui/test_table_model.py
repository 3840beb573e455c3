"""The table model, tested without a view (as Vorta tests its models), on the bundled data and at scale."""

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from jinshan_desktop.data.queries import FactBook, PatternTooLong, open_fact_book
from jinshan_desktop.data.tables import DIMENSIONS
from jinshan_desktop.ui.table_model import ROW_ROLE, ObservationTableModel
from jinshan_desktop.ui.theme_view import ThemeView
from tests.ui.waiting import counted

M = ObservationTableModel


def _column(model: ObservationTableModel, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def test_headers_and_cells(qapp, book: FactBook) -> None:
    model = ObservationTableModel(book, "manufacturing")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Topic", "Indicator", "Period", "Value", "Status", "Source"]
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == "cluster-output-2020")
    assert model.index(row, M.COL_VALUE).data() == "nearly 100 billion yuan"
    assert model.index(row, M.COL_SOURCE).data() == "briefing-2020-09-10 ¶8"
    assert model.index(row, M.COL_STATUS).data() == "published"
    assert model.index(row, 0).data(ROW_ROLE).id == "cluster-output-2020"


def test_sorting_by_value_uses_numbers_not_text(qapp, book: FactBook) -> None:
    model = ObservationTableModel(book, "manufacturing")
    model.sort(M.COL_VALUE, Qt.SortOrder.AscendingOrder)
    keys = [(row.dimension, row.value_base) for row in (model.row_at(r) for r in range(model.rowCount()))]
    money = [base for dimension, base in keys if dimension == "CNY"]
    assert money == sorted(money) and len(keys) == 37  # by base-unit value, money first, dimensions apart
    assert keys[0][0] == "CNY"
    texts = _column(model, M.COL_VALUE)
    # As text "nearly 100 billion" would sort after "7 billion" and "39.6 billion" before "7 billion".
    assert texts.index("7 billion yuan") < texts.index("39.6 billion yuan") < texts.index("nearly 100 billion yuan")
    model.sort(M.COL_VALUE, Qt.SortOrder.DescendingOrder)
    assert model.row_at(0).value_base == max(base for dimension, base in keys if dimension == keys[-1][0])


def test_sorting_by_period_puts_years_in_order(qapp, book: FactBook) -> None:
    model = ObservationTableModel(book, "district")
    model.sort(M.COL_PERIOD, Qt.SortOrder.AscendingOrder)
    periods = _column(model, M.COL_PERIOD)
    assert periods[0] == "2010" and periods.index("2018") < periods.index("2019") < periods.index("2020")


def test_filter_by_topic_and_text(qapp, book: FactBook) -> None:
    model = ObservationTableModel(book, "rural")
    total = model.rowCount()
    model.set_topic("farmers")
    assert {row.topic_id for row in _column(model, 0, ROW_ROLE)} == {"farmers"}
    model.set_text("income")
    ids = [row.id for row in _column(model, 0, ROW_ROLE)]
    assert ids == ["rural-income-2019", "rural-income-growth-2019", "rural-income-2018", "villages-with-dividends-2020"]
    model.set_text("'; drop table --" + "x" * 400)
    assert model.rowCount() == 0
    with pytest.raises(PatternTooLong):  # over 500 characters: refused, the table as it was
        model.set_text("'; drop table --" + "x" * 5000)
    assert model.rowCount() == 0
    model.set_topic(None)
    model.set_text("和辉")  # names match in any language
    assert model.rowCount() == 0  # no EverDisplay figures in this theme
    model.set_text("")
    assert model.rowCount() == total == model.theme_total


@pytest.fixture(scope="module")
def large_book(large_database: Path):
    book = open_fact_book(large_database)
    yield book
    book.close()


def test_rows_are_fetched_as_the_view_scrolls_and_read_a_page_at_a_time(qtbot, large_book: FactBook) -> None:
    model = ObservationTableModel(large_book, "manufacturing")
    assert model.match_count > 5_000 and model.rowCount() == M.PAGE_SIZE and model.pages_read == 0
    assert model.canFetchMore(QModelIndex())
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.resize(800, 400)
    table.show()
    qtbot.waitUntil(lambda: model.pages_read == 1)  # the first screen: one page of one query
    assert model.fetches == 0
    for expected in (2 * M.PAGE_SIZE, 4 * M.PAGE_SIZE):
        table.scrollToBottom()  # reaching the end of what is fetched makes Qt call fetchMore
        qtbot.waitUntil(lambda expected=expected: model.rowCount() == expected)
    assert model.fetches == 2 and model.pages_read <= 3  # only the pages that were painted were read
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == model.match_count and model.fetches <= 2 + model.match_count.bit_length()
    model.index(model.rowCount() - 1, M.COL_VALUE).data()  # the last row: one more page, not all of them
    assert model.pages_read <= 4
    for row in range(0, model.rowCount(), M.PAGE_SIZE):
        model.row_at(row)
    assert len(model._pages) <= M.MAX_PAGES  # memory stays bounded


def test_ctrl_end_goes_to_the_last_figure_not_the_last_fetched(qtbot, large_book: FactBook) -> None:
    theme = next(t for t in large_book.themes() if t.id == "manufacturing")
    view = ThemeView(large_book, theme)
    qtbot.addWidget(view)
    view.show()
    counted(qtbot, view)
    view.select_observation_at(0)
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.table.currentIndex().row() == view.model.match_count - 1 == view.model.rowCount() - 1
    assert view.table.viewport().rect().intersects(view.table.visualRect(view.table.currentIndex()))  # scrolled
    assert view.model.pages_read <= 3
    assert f"{view.model.match_count:,} of {view.model.match_count:,} figures" in view.count_label.text()


def test_sorting_by_value_is_right_across_fetched_pages(qapp, large_book: FactBook) -> None:
    model = ObservationTableModel(large_book, "rural")
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.sort(M.COL_VALUE, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == M.PAGE_SIZE  # a new order starts again from its first page
    model.fetch_to(model.match_count)
    rows = [model.row_at(row) for row in range(model.rowCount())]
    keys = [(DIMENSIONS.index(row.dimension), row.value_base) for row in rows]
    values = [row.value_base for row in rows]
    assert keys == sorted(keys) and len(values) == model.match_count > 10 * M.PAGE_SIZE
    assert model.pages_read == -(-model.rowCount() // M.PAGE_SIZE)
    model.sort(M.COL_VALUE, Qt.SortOrder.DescendingOrder)
    ends = [model.row_at(r).value_base for r in (0, M.PAGE_SIZE - 1, M.PAGE_SIZE, model.match_count - 1)]
    assert ends == [values[-1], values[-M.PAGE_SIZE], values[-M.PAGE_SIZE - 1], values[0]]


def test_find_lands_on_the_right_row_in_a_sorted_large_table(qtbot, large_book: FactBook) -> None:
    theme = next(t for t in large_book.themes() if t.id == "manufacturing")
    view = ThemeView(large_book, theme)
    qtbot.addWidget(view)
    view.model.sort(M.COL_VALUE, Qt.SortOrder.DescendingOrder)
    target = view.model.row_at(4_321).id
    assert view.model.row_of(target) == 4_321 and view.model.rowCount() < 4_321
    assert view.select_observation(target)  # fetches the rows up to it, reading one page
    assert view.table.currentIndex().row() == 4_321 and view.table.currentIndex().data(ROW_ROLE).id == target
