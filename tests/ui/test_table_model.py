"""The table model and proxy, tested without a view (as Vorta tests its models)."""

from PySide6.QtCore import Qt

from jinshan_desktop.data.queries import FactBook
from jinshan_desktop.ui.table_model import ROW_ROLE, SORT_ROLE, ObservationFilterProxy, ObservationTableModel

M = ObservationTableModel


def _proxy(book: FactBook, theme: str) -> tuple[ObservationTableModel, ObservationFilterProxy]:
    model = ObservationTableModel(book.observations(theme))
    proxy = ObservationFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def test_headers_and_cells(qapp, book: FactBook) -> None:
    model = ObservationTableModel(book.observations("manufacturing"))
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Topic", "Indicator", "Period", "Value", "Status", "Source"]
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == "cluster-output-2020")
    assert model.index(row, M.COL_VALUE).data() == "≈ 100 billion yuan"
    assert model.index(row, M.COL_VALUE).data(SORT_ROLE) == 100.0
    assert model.index(row, M.COL_SOURCE).data() == "briefing-2020-09-10 ¶8"
    assert model.index(row, M.COL_STATUS).data() == "published"
    assert model.index(row, 0).data(ROW_ROLE).id == "cluster-output-2020"


def test_sorting_by_value_uses_numbers_not_text(qapp, book: FactBook) -> None:
    _, proxy = _proxy(book, "manufacturing")
    proxy.set_text("billion yuan")
    proxy.sort(M.COL_VALUE, Qt.SortOrder.AscendingOrder)
    values = [proxy.index(r, M.COL_VALUE).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert values == sorted(values) and len(values) >= 8
    texts = [proxy.index(r, M.COL_VALUE).data() for r in range(proxy.rowCount())]
    # As text "≈ 100 billion" would sort after "7 billion" and "39.6 billion" before "7 billion".
    assert texts.index("7 billion yuan") < texts.index("39.6 billion yuan") < texts.index("≈ 100 billion yuan")


def test_sorting_by_period_puts_years_in_order(qapp, book: FactBook) -> None:
    _, proxy = _proxy(book, "district")
    proxy.sort(M.COL_PERIOD, Qt.SortOrder.AscendingOrder)
    periods = [proxy.index(r, M.COL_PERIOD).data() for r in range(proxy.rowCount())]
    assert periods[0] == "2010" and periods.index("2018") < periods.index("2019") < periods.index("2020")


def test_filter_by_topic_and_text(qapp, book: FactBook) -> None:
    model, proxy = _proxy(book, "rural")
    assert proxy.rowCount() == model.rowCount()
    proxy.set_topic("farmers")
    assert {proxy.index(r, 0).data(ROW_ROLE).topic_id for r in range(proxy.rowCount())} == {"farmers"}
    proxy.set_text("income")
    ids = [proxy.index(r, 0).data(ROW_ROLE).id for r in range(proxy.rowCount())]
    assert ids == ["rural-income-2019", "rural-income-growth-2019", "rural-income-2018", "villages-with-dividends-2020"]
    proxy.set_text("'; drop table --" + "x" * 5000)
    assert proxy.rowCount() == 0
    proxy.set_topic(None)
    proxy.set_text("")
    assert proxy.rowCount() == model.rowCount()
