"""Edit → Copy copies what has focus; the Cite button and Ctrl+Shift+C copy a citation in the reader's language."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from jinshan_desktop.ui.fact_list import STATEMENT_ROLE
from jinshan_desktop.ui.main_window import MainWindow
from jinshan_desktop.ui.theme_view import ThemeView
from tests.ui.waiting import counted

FIGURE = "cluster-output-2020"  # nearly 100 billion yuan, briefing ¶8, in the Manufacturing tab


def _clipboard() -> str:
    return QApplication.clipboard().text()


def _manufacturing(window: MainWindow, qtbot) -> ThemeView:
    window.tabs.setCurrentIndex(window.tab_of_theme["manufacturing"])
    view = window.current_view()
    counted(qtbot, view)
    return view


def test_copy_with_the_table_focused_gives_rows_with_number_and_unit_columns(window: MainWindow, qtbot) -> None:
    view = _manufacturing(window, qtbot)
    assert view.select_observation(FIGURE)
    view.table.setFocus()
    QApplication.clipboard().clear()
    window.menus.copy_action.trigger()
    header, line = _clipboard().splitlines()
    assert header.split("\t") == ["Topic", "Indicator", "Period", "Value", "Number", "Unit", "Status", "Source"]
    cells = dict(zip(header.split("\t"), line.split("\t"), strict=True))
    assert (cells["Value"], cells["Number"], cells["Unit"]) == ("nearly 100 billion yuan", "100", "billion yuan")
    assert window.statusBar().currentMessage() == "Copied 1 row"


def test_copy_with_a_fact_focused_gives_its_sentence_and_citation(window: MainWindow, qtbot) -> None:
    view = _manufacturing(window, qtbot)
    assert view.select_observation(FIGURE)  # a selected row must not win over the focused fact
    item = view.facts_list.item(0)
    view.facts_list.setCurrentItem(item)
    view.facts_list.setFocus()
    window.menus.copy_action.trigger()
    text = _clipboard()
    assert text.startswith(item.data(STATEMENT_ROLE))  # the fact's statement
    assert "Information Office of Shanghai Municipality" in text and "\t" not in text
    assert window.statusBar().currentMessage() == "Copied the fact with its citation"


def test_copy_with_the_detail_pane_focused_gives_its_selected_text(window: MainWindow, qtbot) -> None:
    view = _manufacturing(window, qtbot)
    assert view.select_observation(FIGURE)
    cursor = view.detail.document().find("Information Office")
    assert not cursor.isNull()
    view.detail.setTextCursor(cursor)
    view.detail.setFocus()
    window.menus.copy_action.trigger()
    assert _clipboard() == "Information Office"
    assert window.statusBar().currentMessage() == "Copied the selected text"
    view.detail.moveCursor(QTextCursor.MoveOperation.Start)  # nothing selected: the whole pane
    window.menus.copy_action.trigger()
    assert _clipboard() == view.detail.toPlainText() and "nearly 100 billion yuan" in _clipboard()


@pytest.mark.parametrize(
    ("language", "one", "three"),
    [
        ("en", "Copied 1 row", "Copied 3 rows"),
        ("zh_CN", "已复制 1 行", "已复制 3 行"),
        ("zh_TW", "已複製 1 行", "已複製 3 行"),
    ],
)
def test_copied_rows_are_counted_in_the_plural_of_the_language(
    window: MainWindow, qtbot, language: str, one: str, three: str
) -> None:
    window.set_language(language)
    view = _manufacturing(window, qtbot)
    view.table.setFocus()
    for rows, said in ((1, one), (3, three)):
        view.table.clearSelection()
        for row in range(rows):
            view.table.selectionModel().select(
                view.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        window.menus.copy_action.trigger()
        assert window.statusBar().currentMessage() == said
        assert len(_clipboard().splitlines()) == 1 + rows
    window.set_language("en")


def test_cite_button_copies_the_plain_citation_with_today_accessed(window: MainWindow, qtbot) -> None:
    view = _manufacturing(window, qtbot)
    assert not view.cite_bar.button.isEnabled()  # nothing selected yet
    assert view.select_observation(FIGURE)
    assert view.cite_bar.button.isEnabled() and view.cite_bar.button.isVisible()
    qtbot.mouseClick(view.cite_bar.button, Qt.MouseButton.LeftButton)
    text = _clipboard()
    today = date.today()
    assert text.startswith("Information Office of Shanghai Municipality. “Press release")
    assert "¶8" in text and f"Accessed {today.day} " in text and "nearly 100 billion yuan" in text
    assert window.statusBar().currentMessage() == "Copied the citation (Plain text)"


def test_a_fact_in_the_detail_pane_has_no_figure_to_cite(window: MainWindow, qtbot) -> None:
    view = _manufacturing(window, qtbot)
    assert view.select_observation(FIGURE)
    view.facts_list.setCurrentRow(0)
    assert not view.cite_bar.button.isEnabled()
    window.menus.figure_actions.copy_citation.trigger()
    assert window.statusBar().currentMessage() == "Select a figure to cite it."


def test_ctrl_shift_c_and_the_styles_menu(window: MainWindow, qtbot) -> None:
    view = _manufacturing(window, qtbot)
    assert view.select_observation(FIGURE)
    assert window.menus.figure_actions.copy_citation.shortcut().toString() == "Ctrl+Shift+C"
    view.detail.setFocus()
    qtbot.keyClick(view.detail, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _clipboard().startswith("Information Office of Shanghai Municipality.")
    window.menus.figure_actions.citation_styles["bibtex"].trigger()
    assert _clipboard().startswith(f"@misc{{jinshan:{FIGURE},") and "urldate = {" in _clipboard()
    window.menus.figure_actions.citation_styles["csl-json"].trigger()
    [item] = json.loads(_clipboard())
    assert item["id"] == f"jinshan:{FIGURE}" and item["locator"] == "8"


@pytest.mark.parametrize(
    ("language", "start", "said"),
    [
        ("zh_CN", "上海市人民政府新闻办公室. ", "已复制引文（纯文本）"),
        ("zh_TW", "上海市人民政府新聞辦公室. ", "已複製引文（純文字）"),
    ],
)
def test_citation_in_the_readers_language(window: MainWindow, qtbot, language: str, start: str, said: str) -> None:
    window.set_language(language)
    view = _manufacturing(window, qtbot)
    assert view.select_observation(FIGURE)
    view.cite_bar.button.click()
    assert _clipboard().startswith(start) and "[EB/OL]" in _clipboard() and "第8段" in _clipboard()
    assert window.statusBar().currentMessage() == said
    window.set_language("en")


def test_ctrl_c_from_the_keyboard_follows_focus(window: MainWindow, qtbot) -> None:
    view = _manufacturing(window, qtbot)
    assert view.select_observation(FIGURE)
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert _clipboard().startswith("Topic\tIndicator\t")
    view.facts_list.setCurrentRow(0)
    view.facts_list.setFocus()
    qtbot.keyClick(view.facts_list, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert _clipboard().startswith(view.facts_list.item(0).data(STATEMENT_ROLE)) and "\t" not in _clipboard()
    view.table.setFocus()
    view.table.selectRow(0)
    cursor = view.detail.document().find("Theme")
    view.detail.setTextCursor(cursor)
    view.detail.setFocus()
    qtbot.keyClick(view.detail, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert _clipboard() == "Theme"
