import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QFileDialog

from jinshan_desktop.data.queries import FactBook
from jinshan_desktop.ui.lazy_tab import LazyTab
from jinshan_desktop.ui.main_window import MainWindow
from jinshan_desktop.ui.overview_view import OverviewView
from jinshan_desktop.ui.table_model import ROW_ROLE
from jinshan_desktop.ui.theme_view import ThemeView
from tests.ui.waiting import chart_drawn, counted, shown_ids

TAB_TITLES = ["Overview", "Manufacturing", "Rural revitalization", "Regional integration", "Public services"]


def test_tabs_menus_and_shortcuts(window: MainWindow, qtbot) -> None:
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TAB_TITLES
    assert isinstance(window.overview(), OverviewView)
    assert all(type(window.theme_view(t)) is ThemeView for t in window.tab_of_theme)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    assert window.menus.export_table_action.shortcut().toString() == "Ctrl+E"
    assert [a.shortcut().toString() for a in window.menus.view_actions] == [f"Ctrl+{n}" for n in range(1, 6)]
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 2


def test_start_up_builds_only_the_tab_shown(window: MainWindow) -> None:
    tabs = [window.tabs.widget(i) for i in range(window.tabs.count())]
    assert all(isinstance(tab, LazyTab) for tab in tabs)
    assert [tab.is_built for tab in tabs] == [True, False, False, False, False]
    window.tabs.setCurrentIndex(3)
    assert tabs[3].is_built and isinstance(tabs[3].content, ThemeView)
    assert window.current_view() is tabs[3].content
    assert not tabs[1].is_built


def test_selecting_a_row_updates_chart_and_detail(window: MainWindow, qtbot) -> None:
    window.tabs.setCurrentIndex(2)
    view = window.current_view()
    assert view.chart.chart is None
    with chart_drawn(qtbot, view):  # its query runs off the GUI thread
        assert view.select_observation("rural-income-2019")
    assert view.chart.chart is not None and view.chart.chart.kind == "line"
    assert [p.value for p in view.chart.chart.points] == [28617.0, 31336.0]
    html = view.detail.toPlainText()
    assert "31,336 yuan" in html and "briefing-2020-09-10 ¶15" in html
    assert "Information Office of Shanghai Municipality" in html
    with chart_drawn(qtbot, view):
        view.select_observation("rural-income-2018")
    assert view.chart.chart.points[0].derived
    detail = view.detail.toPlainText()
    assert "derived" in detail and "Formula" in detail and "Inputs" in detail


def test_topic_buttons_filter_the_table_and_facts(window: MainWindow, qtbot) -> None:
    view = window.theme_view("regional")
    window.tabs.setCurrentIndex(3)
    button = view.topic_buttons.button(2)  # Key platforms: facts, no figures
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    counted(qtbot, view)
    assert view.model.rowCount() == 0
    assert view.facts_list.count() == 2
    assert "0 of 6" in view.count_label.text()


def test_find_opens_the_tab_and_selects_the_row(window: MainWindow, qtbot) -> None:
    window.menus.find_action.trigger()
    dialog = window.find_dialog
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.query, "drone")
    qtbot.waitUntil(lambda: dialog.results.count() > 0)
    figure_row = next(
        r
        for r in range(dialog.results.count())
        if dialog.results.item(r).data(Qt.ItemDataRole.UserRole).kind == "figure"
    )
    dialog.results.setCurrentRow(figure_row)
    hit = dialog.results.currentItem().data(Qt.ItemDataRole.UserRole)
    dialog.results.itemActivated.emit(dialog.results.currentItem())
    assert not dialog.isVisible()
    assert window.tabs.currentIndex() == 1
    current = window.current_view().table.currentIndex()
    assert current.data(ROW_ROLE).id == hit.target_id


def test_find_an_entity_filters_its_tab_to_its_figures(window: MainWindow) -> None:
    hit = next(h for h in window.book.search("EverDisplay") if h.kind == "entity")
    window.open_hit(hit)
    view = window.current_view()
    ids = shown_ids(view)
    assert "edo-investment-phases" in ids and all("edo" in i for i in ids)
    assert "和辉光电" in view.detail.toPlainText()


def test_find_a_fact(window: MainWindow) -> None:
    hit = next(h for h in window.book.search("AAAA") if h.kind == "fact")
    window.open_hit(hit)
    assert window.tabs.currentIndex() == 2
    assert "Jinshanzui" in window.current_view().detail.toPlainText()


def test_overview_figure_link_opens_its_tab(window: MainWindow) -> None:
    window.overview().figure_chosen.emit("livelihood-spending-2020")
    assert window.tabs.currentIndex() == 4
    assert window.current_view().table.currentIndex().data(ROW_ROLE).id == "livelihood-spending-2020"


def test_copy_puts_rows_with_headers_on_the_clipboard(window: MainWindow, qtbot) -> None:
    window.tabs.setCurrentIndex(4)
    view = window.current_view()
    counted(qtbot, view)
    view.table.selectAll()
    window.menus.copy_action.trigger()
    text = QApplication.clipboard().text()
    lines = text.splitlines()
    assert lines[0] == "Topic\tIndicator\tPeriod\tValue\tNumber\tUnit\tStatus\tSource"
    assert len(lines) == 1 + view.model.rowCount() > 2
    assert "13.8 billion yuan" in text
    assert window.statusBar().currentMessage() == f"Copied {view.model.rowCount()} rows"


def _stub_save(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def test_export_current_table_through_the_menu(window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    window.tabs.setCurrentIndex(1)
    view = window.current_view()
    view.filter_box.setText("EverDisplay")
    target = tmp_path / "table.csv"
    _stub_save(monkeypatch, target)
    window.menus.export_table_action.trigger()
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == shown_ids(view)
    assert {row["theme"] for row in rows} == {"Manufacturing"}
    assert any(row["value"] == "-160515.84" for row in rows)
    assert "Exported" in window.statusBar().currentMessage()


def test_export_in_gb18030_when_chosen(window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    next(a for a in window.menus.encoding_group.actions() if a.data() == "gb18030").trigger()
    assert window.settings.value("csv/encoding") == "gb18030"
    target = tmp_path / "gb.csv"
    _stub_save(monkeypatch, target)
    window.menus.export_table_action.trigger()
    assert "Overview" not in target.read_bytes().decode("gb18030")
    assert target.read_bytes().decode("gb18030").startswith("id,theme")


def test_export_all_tables_through_the_menu(window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "all"))
    window.menus.export_all_action.trigger()
    names = sorted(p.name for p in (tmp_path / "all").iterdir())
    assert names == ["README.txt", "entities.csv", "facts.csv", "observations.csv", "sources.csv"]


def test_failed_export_shows_the_reason_and_leaves_no_file(
    window: MainWindow, monkeypatch, tmp_path: Path, no_dialogs
) -> None:
    target = tmp_path / "missing-folder" / "x.csv"
    _stub_save(monkeypatch, target)
    window.menus.export_table_action.trigger()
    assert no_dialogs and no_dialogs[0][0] == "warning" and "does not exist" in no_dialogs[0][1]
    assert not target.exists() and not target.parent.exists()


def test_chart_exports_carry_title_and_source(window: MainWindow, qtbot, monkeypatch, tmp_path: Path) -> None:
    window.tabs.setCurrentIndex(2)
    with chart_drawn(qtbot, window.current_view()):
        window.current_view().select_observation("rural-income-2019")
    png = tmp_path / "chart.png"
    _stub_save(monkeypatch, png)
    window.menus.export_png_action.trigger()
    assert png.read_bytes().startswith(b"\x89PNG")
    svg = tmp_path / "chart.svg"
    _stub_save(monkeypatch, svg)
    window.menus.export_svg_action.trigger()
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "Per capita disposable income" in text and "briefing-2020-09-10" in text


def test_chart_export_without_a_chart_explains(window: MainWindow, no_dialogs) -> None:
    window.menus.export_png_action.trigger()
    assert no_dialogs[0][0] == "information"


def test_window_remembers_tab_and_size(qtbot, book: FactBook, settings_path: Path) -> None:
    first = MainWindow(book, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(first)
    first.resize(701, 503)  # the offscreen screen is 800 x 600
    first.tabs.setCurrentIndex(3)
    first.close()
    second = MainWindow(book, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    assert second.tabs.currentIndex() == 3
    assert (second.width(), second.height()) == (701, 503)


SHOWCASE = [
    "population-2020",
    "edo-investment-phases",
    "rural-income-2019",
    "coastal-land-2020",
    "livelihood-spending-2020",
]


@pytest.mark.parametrize("language", ["en", "zh_CN", "zh_TW"])
@pytest.mark.parametrize("index", range(5))
def test_screenshots_of_every_tab(window: MainWindow, qtbot, index: int, language: str) -> None:
    """Saved for people to look at (screenshots/ is ignored by git), in every language."""
    folder = Path(__file__).resolve().parents[2] / "screenshots"
    folder.mkdir(exist_ok=True)
    window.set_language(language)
    window.resize(1400, 900)
    window.tabs.setCurrentIndex(index)
    with chart_drawn(qtbot, window.current_view()):
        assert window.current_view().select_observation(SHOWCASE[index])
    qtbot.wait(50)  # let the layouts settle, as a person would see the window
    image = window.grab()
    assert not image.isNull()
    assert image.save(str(folder / f"{language}-tab-{index}-{TAB_TITLES[index].split()[0].lower()}.png"))
    window.set_language("en")


def test_sources_dialog_lists_every_source_with_what_it_gave(window: MainWindow, monkeypatch) -> None:
    from jinshan_desktop.ui.sources_dialog import SourcesDialog

    shown: list[SourcesDialog] = []
    monkeypatch.setattr(SourcesDialog, "exec", lambda self: shown.append(self) or 0)
    window.show_sources()
    text = shown[0].plain_text()
    for source in window.book.sources():
        assert source.title in text
    assert "http://en.jsq.sh.gov.cn/news_detail.asp?id=1938" in text
    assert "cited by 55 figures and 31 facts" in text  # the briefing: 53 published, 2 derived from them


def test_about_names_version_vintage_and_log_folder(window: MainWindow, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from jinshan_desktop import __version__
    from jinshan_desktop.paths import user_log_dir

    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: texts.append(text))
    window.show_about()
    assert __version__ in texts[0] and "2025" in texts[0] and str(user_log_dir()) in texts[0]


def test_the_application_has_the_icon(qapp) -> None:
    assert not qapp.windowIcon().isNull()


def test_about_keeps_a_path_that_holds_a_place_marker(qtbot, database: Path, tmp_path: Path, monkeypatch) -> None:
    """Filled in one pass: "%8" in the database's folder is text, not the log folder's place."""
    import shutil

    from PySide6.QtWidgets import QMessageBox

    from jinshan_desktop.data.queries import open_fact_book
    from jinshan_desktop.paths import user_log_dir

    folder = tmp_path / "figures %8 and %1 & <more>"
    folder.mkdir()
    shutil.copyfile(database, folder / "jinshan.sqlite")
    book = open_fact_book(folder / "jinshan.sqlite")
    window = MainWindow(book, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: texts.append(text))
    window.show_about()
    window.close()
    book.close()
    shown = QTextDocumentFragment.fromHtml(texts[0]).toPlainText()
    assert f"Database: {folder / 'jinshan.sqlite'}" in shown
    assert f"Log file folder: {user_log_dir()}" in shown
