"""Switching language live relabels the window, the data and the charts, and exports follow it."""

import csv
import io
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from jinshan_desktop.data.queries import Chart
from jinshan_desktop.ui.main_window import MainWindow
from jinshan_desktop.ui.table_model import ObservationTableModel


def _menus(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _tabs(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def _chart_shown(qtbot, window: MainWindow) -> Chart:
    """The chart of the selected figure, read again off the GUI thread after the window was rebuilt."""
    qtbot.waitUntil(lambda: window.current_view().chart.chart is not None, timeout=10_000)
    chart = window.current_view().chart.chart
    assert chart is not None
    return chart


def test_switching_relabels_menus_tabs_headers_and_charts(window: MainWindow, qtbot) -> None:
    window.tabs.setCurrentIndex(2)
    window.current_view().select_observation("leisure-visitors-2019")
    action = next(a for a in window.menus.language_group.actions() if a.data() == "zh_CN")
    action.trigger()
    _chart_shown(qtbot, window)
    assert _menus(window) == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert _tabs(window) == ["概览", "制造业", "乡村振兴", "区域一体化", "公共服务"]
    view = window.current_view()
    assert window.tabs.currentIndex() == 2
    header = view.model.headerData(ObservationTableModel.COL_INDICATOR, Qt.Orientation.Horizontal)
    assert header == "指标"
    assert view.chart.chart is not None and view.chart.chart.title == "休闲旅游集聚区接待游客"  # selection kept
    assert [p.value_text for p in view.chart.chart.points] == ["约750万人次", "852万人次"]
    assert "来源" in view.chart.source_label.text
    assert "852万人次" in view.detail.toPlainText()
    assert window.settings.value("view/language") == "zh_CN"

    window.set_language("zh_TW")
    assert _tabs(window) == ["概覽", "製造業", "鄉村振興", "區域一體化", "公共服務"]
    assert _chart_shown(qtbot, window).points[1].value_text == "852萬人次"

    window.set_language("en")
    assert _menus(window) == ["&File", "&Edit", "&View", "&Help"]
    assert _tabs(window)[1] == "Manufacturing"
    assert _chart_shown(qtbot, window).points[1].value_text == "8.52 million visitors"


def test_exports_follow_the_language_unless_english_is_asked(window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    window.set_language("zh_CN")
    window.tabs.setCurrentIndex(1)
    target = tmp_path / "zh.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.menus.export_table_action.trigger()
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert rows[0][:4] == ["编号", "主题", "专题", "指标"]
    assert {row[1] for row in rows[1:]} == {"制造业"}
    # Plain numbers, in the 亿元 a Chinese table writes rather than the 十亿元 the data keeps.
    assert any(row[3] == "和辉光电项目：两期总投资" and row[8:10] == ["343.3", "亿元"] for row in rows[1:])

    window.menus.english_export_action.setChecked(True)
    window.menus.export_table_action.trigger()
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert rows[0][:4] == ["id", "theme", "topic", "indicator"] and rows[1][1] == "Manufacturing"


def test_a_new_window_opens_in_the_remembered_language(qtbot, book, settings_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from jinshan_desktop.ui.app import chosen_language

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("view/language", "zh_TW")
    assert chosen_language(settings, None) == "zh_TW"
    assert chosen_language(settings, "en") == "en"  # --lang wins
    window = MainWindow(book, settings, chosen_language(settings, None))
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "概覽"
    window.set_language("en")


def test_chart_images_in_the_language_or_in_english(window: MainWindow, qtbot, monkeypatch, tmp_path: Path) -> None:
    window.set_language("zh_CN")
    window.tabs.setCurrentIndex(2)
    window.current_view().select_observation("rural-income-2019")
    _chart_shown(qtbot, window)
    target = tmp_path / "chart.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.menus.export_svg_action.trigger()
    text = target.read_text(encoding="utf-8")
    assert "农村常住居民人均可支配收入" in text and "来源" in text
    window.menus.english_export_action.setChecked(True)
    window.menus.export_svg_action.trigger()
    text = target.read_text(encoding="utf-8")
    assert "Per capita disposable income of rural residents" in text and "Source: briefing-2020-09-10" in text
    assert "农村" not in text
