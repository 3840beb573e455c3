"""Going straight to a figure: --open and jinshan://figure/ID, Copy link, the Find dialog by keyboard, and every
way of reaching a figure leaving it selected in the middle of the table."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from jinshan_desktop.cli import build_parser
from jinshan_desktop.data.figure_links import (
    NotAFigureLink,
    figure_link,
    figure_of_link,
    figure_of_reference,
    links_as_options,
)
from jinshan_desktop.ui.main_window import MainWindow
from jinshan_desktop.ui.table_model import ROW_ROLE
from jinshan_desktop.ui.theme_view import ThemeView
from tests.ui.waiting import counted, shown_ids

FIGURE = "cluster-output-2020"


def test_links_are_read_and_written() -> None:
    assert figure_link(FIGURE) == "jinshan://figure/cluster-output-2020"
    assert figure_of_link("jinshan://figure/cluster-output-2020") == FIGURE
    assert figure_of_link("JINSHAN://Figure/cluster-output-2020/?from=mail#x") == FIGURE
    assert figure_of_link(figure_link("a b/c")) == "a b/c"  # an id with odd characters survives the round trip
    assert figure_of_reference(" cluster-output-2020 ") == FIGURE
    for wrong in ("jinshan://theme/manufacturing", "jinshan://figure/", "jinshan:cluster", "jinshan://figure/a/b"):
        with pytest.raises(NotAFigureLink):
            figure_of_link(wrong)


def test_a_link_argument_becomes_open() -> None:
    argv = links_as_options(["--lang", "zh_CN", "jinshan://figure/cluster-output-2020"])
    assert argv == ["--lang", "zh_CN", "--open", "jinshan://figure/cluster-output-2020"]
    assert build_parser().parse_args(argv).open == "jinshan://figure/cluster-output-2020"
    assert build_parser().parse_args(links_as_options(["export", "--out", "x"])).command == "export"


def _run_smoke(database: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "jinshan_desktop", "--db", str(database), "--smoke", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=dict(os.environ))


def test_the_command_line_opens_the_window_on_a_linked_figure(database: Path) -> None:
    result = _run_smoke(database, "jinshan://figure/cluster-output-2020")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("opened cluster-output-2020 in Manufacturing, row ")


def test_the_command_line_says_an_unknown_id_in_a_sentence(database: Path) -> None:
    result = _run_smoke(database, "--open", "no-such-figure")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stdout.splitlines()[-1] == "not opened: No figure has the id “no-such-figure”."


def test_open_reference_selects_the_figure_in_its_tab(window: MainWindow) -> None:
    assert window.figures.open_reference("jinshan://figure/livelihood-spending-2020")
    assert window.tabs.currentIndex() == window.tab_of_theme["public_services"]
    assert window.figures.selected_figure() == "livelihood-spending-2020"


def test_an_unknown_id_or_a_wrong_link_is_a_sentence(window: MainWindow) -> None:
    tab = window.tabs.currentIndex()
    assert not window.figures.open_reference("no-such-figure")
    assert window.statusBar().currentMessage() == "No figure has the id “no-such-figure”."
    assert not window.figures.open_reference("jinshan://theme/rural")
    assert window.statusBar().currentMessage().startswith("“jinshan://theme/rural” is not a link to a figure")
    assert window.tabs.currentIndex() == tab


def test_copy_link_writes_a_link_that_opens_the_figure(window: MainWindow) -> None:
    window.open_observation(FIGURE)
    window.menus.figure_actions.copy_link.trigger()
    link = QApplication.clipboard().text()
    assert link == "jinshan://figure/cluster-output-2020"
    window.open_observation("livelihood-spending-2020")
    assert window.figures.open_reference(link) and window.figures.selected_figure() == FIGURE


def _row_centred(view: ThemeView, observation_id: str) -> bool:
    """The figure's row is selected and its middle within a row of the viewport's middle."""
    table = view.table
    current = table.currentIndex()
    if current.data(ROW_ROLE).id != observation_id or not table.selectionModel().isRowSelected(current.row()):
        return False
    rect = table.visualRect(current)
    return abs(rect.center().y() - table.viewport().height() / 2) <= rect.height()


def _middle_figure(window: MainWindow, qtbot, theme_id: str) -> tuple[ThemeView, str]:
    """A figure far enough from both ends of its table that it can be centred."""
    view = window.theme_view(theme_id)
    counted(qtbot, view)
    ids = shown_ids(view)
    assert len(ids) > 3 * view.table.viewport().height() // view.table.rowHeight(0)  # more rows than fit
    return view, ids[len(ids) // 2]


@pytest.mark.parametrize("way", ["overview", "link", "find"])
def test_every_way_of_reaching_a_figure_centres_it(window: MainWindow, qtbot, way: str) -> None:
    window.resize(1280, 640)  # a short table, so that the chosen row is far below the first screen
    window.tabs.setCurrentIndex(window.tab_of_theme["manufacturing"])
    view, figure = _middle_figure(window, qtbot, "manufacturing")
    view.table.scrollToTop()
    if way == "overview":
        window.tabs.setCurrentIndex(0)
        window.overview().figure_chosen.emit(figure)
    elif way == "link":
        assert window.figures.open_reference(figure_link(figure))
    else:
        hit = next(hit for hit in window.book.search(view.model.row_at(shown_ids(view).index(figure)).indicator))
        window.open_hit(hit)
        figure = hit.target_id
    assert window.current_view() is view
    qtbot.waitUntil(lambda: _row_centred(view, figure))


def test_ctrl_end_selects_the_last_figure_and_shows_it(window: MainWindow, qtbot) -> None:
    window.tabs.setCurrentIndex(window.tab_of_theme["manufacturing"])
    view = window.current_view()
    counted(qtbot, view)
    view.select_observation_at(0)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = shown_ids(view)[-1]
    current = view.table.currentIndex()
    assert current.data(ROW_ROLE).id == last and view.table.selectionModel().isRowSelected(current.row())
    bar = view.table.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0  # as near the middle as the end allows
    assert view.table.viewport().rect().contains(view.table.visualRect(current))


def _find(window: MainWindow, qtbot, text: str):
    window.menus.find_action.trigger()
    dialog = window.find_dialog
    qtbot.keyClicks(dialog.query, text)
    qtbot.waitUntil(lambda: dialog.results.count() >= 3)
    return dialog


def test_find_by_keyboard_opens_the_highlighted_result(window: MainWindow, qtbot, monkeypatch) -> None:
    dialog = _find(window, qtbot, "2020")
    searches: list[str] = []
    monkeypatch.setattr(window.book, "search", lambda text, limit=100: searches.append(text) or [])
    assert dialog.results.currentRow() == 0
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    assert dialog.results.currentRow() == 2 and dialog.query.hasFocus()
    chosen = dialog.results.item(2).data(Qt.ItemDataRole.UserRole)
    assert chosen.kind == "figure"
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert searches == []  # Enter opened what was highlighted; it did not search again
    assert window.figures.selected_figure() == chosen.target_id
    assert window.tabs.currentIndex() == window.tab_of_theme[chosen.theme_id]


def test_enter_right_after_typing_searches_first(window: MainWindow, qtbot) -> None:
    window.menus.find_action.trigger()
    dialog = window.find_dialog
    qtbot.keyClicks(dialog.query, "drone")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)  # before the pause that would have searched
    assert not dialog.isVisible()
    assert "drone" in window.current_view().detail.toPlainText().lower()


def test_down_right_after_typing_moves_through_the_new_results(window: MainWindow, qtbot) -> None:
    window.menus.find_action.trigger()
    dialog = window.find_dialog
    qtbot.keyClicks(dialog.query, "2020")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)  # before the pause that would have searched
    qtbot.wait(400)  # the search that typing scheduled must not come later and reset the choice
    assert dialog.results.count() >= 3 and dialog.results.currentRow() == 1


def test_escape_closes_find(window: MainWindow, qtbot) -> None:
    dialog = _find(window, qtbot, "2020")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_find_results_show_the_value_as_the_table_does_and_the_theme(window: MainWindow, qtbot) -> None:
    dialog = _find(window, qtbot, "2020")
    item = next(
        dialog.results.item(row)
        for row in range(dialog.results.count())
        if dialog.results.item(row).data(Qt.ItemDataRole.UserRole).kind == "figure"
    )
    hit = item.data(Qt.ItemDataRole.UserRole)
    view = window.theme_view(hit.theme_id)
    assert view.select_observation(hit.target_id)
    value_cell = view.table.currentIndex().siblingAtColumn(view.model.COL_VALUE).data()
    assert value_cell in item.text() and window.theme_names[hit.theme_id] in item.text()
