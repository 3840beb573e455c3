"""The window under hostile input: copied formula cells are guarded, an overlong search is refused with a
message, and the table model stays consistent when a query fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from jinshan_desktop.data.importing import apply_import, plan_import
from jinshan_desktop.data.queries import FactBook, FactBookError, TableQuery, open_fact_book
from jinshan_desktop.ui.find_dialog import FindDialog
from jinshan_desktop.ui.main_window import MainWindow
from jinshan_desktop.ui.table_model import ObservationTableModel
from tests.ui.waiting import shown_ids

HOSTILE = "=cmd|' /C calc'!A0"


@pytest.fixture
def hostile_window(qtbot, database: Path, tmp_path: Path):
    store = tmp_path / "user" / "imported.sqlite"
    source = tmp_path / "hostile.csv"
    source.write_text(
        "theme,topic,indicator,period,value,unit,source,locator\n"
        f'Manufacturing,Industrial transformation,"{HOSTILE}",2020,-12.5,yuan,@evil,+1\n',
        encoding="utf-8",
    )
    book = open_fact_book(database, user_store=store)
    plan = plan_import(book, source)
    assert plan.accepted, plan.summary()
    apply_import(plan, store)
    window = MainWindow(book, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    yield window
    book.close()


def test_copy_guards_formula_cells_as_the_csv_export_does(hostile_window: MainWindow) -> None:
    window = hostile_window
    window.tabs.setCurrentIndex(1)
    view = window.current_view()
    figure = next(i for i in shown_ids(view) if i.startswith("import-"))
    assert view.select_observation(figure)
    window.menus.copy_action.trigger()
    cells = QApplication.clipboard().text().splitlines()[1].split("\t")
    assert f"'{HOSTILE}" in cells
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in cells if not cell[1:2].isdigit())
    from jinshan_desktop.data.exporting import rows_as_tsv

    assert rows_as_tsv(["a"], [["-12.5"], ["1,234.5"], ["-1 yuan"], ["@x"]]) == "a\n-12.5\n1,234.5\n'-1 yuan\n'@x\n"


def test_an_overlong_filter_or_search_is_refused_with_a_message(window: MainWindow, book: FactBook) -> None:
    view = window.current_view() if window.tabs.currentIndex() else window.theme_view("manufacturing")
    view.model.ensure_counted()  # the count is read off the GUI thread otherwise
    shown = view.model.rowCount()
    view.filter_box.setText("长" * 20_000)
    view.apply_pending_filter()  # the box waits for typing to pause
    assert "at most 500 characters" in view.count_label.text()
    assert view.model.rowCount() == shown  # the table is as it was, and the next filter works
    view.filter_box.setText("output")
    view.apply_pending_filter()
    view.model.ensure_counted()
    assert 0 < view.model.rowCount() < shown
    find = FindDialog(book, {})
    find.query.setText("x" * 20_000)
    find.run_search()
    assert "at most 500 characters" in find.summary.text() and find.results.count() == 0
    find.close()


def test_the_model_stays_consistent_when_a_query_fails(qapp, book: FactBook, monkeypatch) -> None:
    model = ObservationTableModel(book, "manufacturing")
    before = (model.rowCount(), model.query)

    def fail(query: TableQuery) -> int:
        raise FactBookError("The file is damaged.")

    with monkeypatch.context() as patch:
        patch.setattr(book, "count_observations", fail)
        with pytest.raises(FactBookError):
            model.set_text("anything")
    assert (model.rowCount(), model.query) == before
    model.set_text("output")  # a reset after the failure: Qt warns (and the test fails) if one was left open
    assert model.rowCount() > 0
