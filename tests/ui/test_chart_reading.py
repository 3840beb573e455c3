"""Reading a chart closely: the hover box, the Chart/Table switch, labels inside the plot at every size, and
colours from the palette (light and dark)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from jinshan_desktop.data.queries import FactBook
from jinshan_desktop.ui.chart_colours import ACCENT, DARK_ACCENT, contrast
from jinshan_desktop.ui.chart_table import ChartTable
from jinshan_desktop.ui.language import apply_language
from jinshan_desktop.ui.table_model import status_text
from jinshan_desktop.ui.trend_chart import TrendChart, load_pyqtgraph
from tests.ui.waiting import chart_drawn


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    """Tests here switch the application to Chinese; the next test starts in English again."""
    yield
    apply_language("en")


def _chart(qtbot, book: FactBook, observation_id: str, size: tuple[int, int] = (520, 420)) -> TrendChart:
    load_pyqtgraph()
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(*size)
    chart.show()
    chart.show_chart(book.chart_for(observation_id))
    qtbot.waitExposed(chart)
    return chart


def _hover_over(qtbot, chart: TrendChart, index: int) -> None:
    """Move the mouse onto the index-th point, through the canvas as a reader's mouse would."""
    where = chart.hover.anchor_of(index)
    scene = chart.plot.getViewBox().mapViewToScene(where)
    qtbot.mouseMove(chart.canvas.viewport(), chart.canvas.mapFromScene(scene) + QPoint(2, 2))
    # Events arrive asynchronously: wait (at most 2 s) for the box to name the point under the mouse.
    expected = chart.chart.points[index]
    qtbot.waitUntil(lambda: chart.hover.item.isVisible() and chart.hover.point is expected, timeout=2000)


def _inside(chart: TrendChart, item) -> bool:
    box = chart.plot.getViewBox().sceneBoundingRect()
    return box.contains(item.sceneBoundingRect())


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_hovering_a_point_names_its_value_as_the_table_writes_it_its_period_and_citation(
    qtbot, book: FactBook, language: str
) -> None:
    reader = book.with_language(language)
    chart = _chart(qtbot, reader, "edo-revenue-2021")
    assert not chart.hover.item.isVisible()
    for index, point in enumerate(chart.chart.points):
        _hover_over(qtbot, chart, index)
        row = reader.observation(point.observation_id)
        text = chart.hover.item.toPlainText()
        assert chart.hover.point == point
        assert row.value_text in text and row.period_label in text and row.citation in text
        assert _inside(chart, chart.hover.item), "the hover box leaves the plot"
    chart.canvas.grab().save(f"/tmp/chart-hover-{language}.png")
    # Outside the plot (over the title) the box goes away.
    qtbot.mouseMove(chart.canvas.viewport(), QPoint(chart.canvas.width() // 2, 4))
    qtbot.waitUntil(lambda: not chart.hover.item.isVisible(), timeout=2000)


def test_hovering_a_bar_names_that_bar(qtbot, book: FactBook) -> None:
    chart = _chart(qtbot, book, "edo-planned-output")
    assert chart.chart.kind == "bar"
    for index, point in enumerate(chart.chart.points):
        _hover_over(qtbot, chart, index)
        assert chart.hover.point == point
        assert point.value_text in chart.hover.item.toPlainText()
        assert _inside(chart, chart.hover.item)


def test_an_export_does_not_carry_the_hover_box(qtbot, book: FactBook, tmp_path) -> None:
    chart = _chart(qtbot, book, "edo-revenue-2021")
    _hover_over(qtbot, chart, 0)
    assert chart.hover.item.isVisible()
    chart.export_png(tmp_path / "chart.png")
    assert not chart.hover.item.isVisible()


def test_the_table_switch_lists_the_charts_own_points(qtbot, window) -> None:
    view = window.theme_view("manufacturing")
    window.tabs.setCurrentIndex(window.tab_of_theme["manufacturing"])
    with chart_drawn(qtbot, view):
        assert view.select_observation("edo-revenue-2021")
    chart = view.chart
    assert chart.switch.isEnabled() and chart.canvas.isVisible() and not chart.table.isVisible()
    chart.switch.table_button.click()
    assert chart.table.isVisible() and not chart.canvas.isVisible()
    qtbot.waitUntil(lambda: chart.table.height() > chart.height() // 2)  # the table takes the chart's room
    assert chart.table.chart is chart.chart  # the same read answer, not a second query
    rows = chart.table.cell_texts()
    assert len(rows) == len(chart.chart.points)
    for cells, point in zip(rows, chart.chart.points, strict=True):
        published = view.book.observation(point.observation_id)
        assert cells[ChartTable.COL_PERIOD] == published.period_label
        assert cells[ChartTable.COL_VALUE] == published.value_text
        assert cells[ChartTable.COL_SOURCE] == published.citation
    statuses = [cells[ChartTable.COL_STATUS] for cells in rows]
    assert statuses == ["published", "provisional"]
    assert statuses[1] == status_text(view.book.observation(chart.chart.points[1].observation_id))
    window.grab().save("/tmp/chart-table-en.png")
    # The choice stays for the next figure; a fact (no chart) shows its sentence, and the switch waits.
    with chart_drawn(qtbot, view):
        assert view.select_observation("edo-planned-output")
    assert chart.table.isVisible() and chart.table.cell_texts()[0][0] == chart.chart.points[0].label
    view.facts_list.setCurrentRow(0)
    assert chart.placeholder.isVisible() and not chart.table.isVisible() and not chart.switch.isEnabled()
    with chart_drawn(qtbot, view):
        assert view.select_observation("edo-revenue-2021")
    assert chart.table.isVisible()
    chart.switch.chart_button.click()
    assert chart.canvas.isVisible() and not chart.table.isVisible()


def test_the_chinese_table_speaks_chinese(qtbot, book: FactBook) -> None:
    apply_language("zh_CN")
    chart = _chart(qtbot, book.with_language("zh_CN"), "edo-revenue-2021")
    chart.switch.table_button.click()
    qtbot.waitUntil(lambda: chart.table.height() > chart.height() // 2)
    rows = chart.table.cell_texts()
    assert rows[0][ChartTable.COL_VALUE] == "40.2亿元"
    assert rows[1][ChartTable.COL_STATUS] == "初步"  # provisional, in the table's words
    assert chart.switch.table_button.text() == "表格"
    chart.grab().save("/tmp/chart-table-zh.png")


LABELLED = [
    ("manufacturing", "edo-revenue-2021"),
    ("manufacturing", "edo-planned-output"),
    ("manufacturing", "financial-measures-2020"),
    ("public_services", "livelihood-spending-2016"),
    ("rural", "leisure-visitors-2019"),
]


def _labels(chart: TrendChart) -> Iterator:
    yield from chart.label_fit.labels
    assert chart.label_fit.labels, "no value labels drawn"


@pytest.mark.parametrize("size", [(1024, 640), (1600, 1000)])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_value_label_lies_inside_the_plot(qtbot, window, size: tuple[int, int], language: str) -> None:
    window.set_language(language)
    window.resize(*size)
    for theme_id, observation_id in LABELLED:
        window.tabs.setCurrentIndex(window.tab_of_theme[theme_id])
        view = window.theme_view(theme_id)
        with chart_drawn(qtbot, view):
            assert view.select_observation(observation_id)
        qtbot.wait(20)  # the layout settles; the labels are fitted again on each resize of the plot
        chart = view.chart
        box = chart.plot.getViewBox().sceneBoundingRect()
        for label in _labels(chart):
            rect = label.sceneBoundingRect()
            assert box.contains(rect), (observation_id, label.toPlainText(), rect, box)
        window.grab().save(f"/tmp/chart-labels-{language}-{size[0]}-{observation_id}.png")


def test_labels_are_refitted_when_the_plot_shrinks_and_grows(qtbot, book: FactBook) -> None:
    load_pyqtgraph()
    drawn = book.chart_for("livelihood-spending-2016")  # 2016 and 2020; labels long enough to need room
    points = tuple(replace(point, value_text=f"{point.value_text} (as published, in total)") for point in drawn.points)
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(900, 420)
    chart.show()
    chart.show_chart(replace(drawn, points=points))
    qtbot.waitExposed(chart)
    wide = chart.plot.viewRange()[0]
    chart.resize(430, 420)
    qtbot.waitUntil(lambda: chart.plot.getViewBox().sceneBoundingRect().width() < 420)
    qtbot.wait(20)
    box = chart.plot.getViewBox().sceneBoundingRect()
    assert all(box.contains(label.sceneBoundingRect()) for label in chart.label_fit.labels)
    narrow = chart.plot.viewRange()[0]
    assert narrow[0] < wide[0] and narrow[1] > wide[1]  # widened for the labels at both ends
    chart.resize(900, 420)
    qtbot.waitUntil(lambda: chart.plot.getViewBox().sceneBoundingRect().width() > 700)
    qtbot.wait(20)
    assert chart.plot.viewRange()[0] == pytest.approx(wide, rel=0.05)  # the margins shrink back


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.Button, "#333333"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def test_the_chart_takes_its_colours_from_a_dark_palette_and_back(qtbot, book: FactBook) -> None:
    app = QApplication.instance()
    light = app.palette()
    chart = _chart(qtbot, book, "edo-revenue-2021")
    assert chart.colours.accent == ACCENT
    try:
        app.setPalette(_dark_palette())
        qtbot.waitUntil(lambda: chart.colours.background == QColor("#1e1e1e"), timeout=2000)
        background = chart.canvas.backgroundBrush().color()
        assert background == QColor("#1e1e1e")
        axis = chart.plot.getAxis("left")
        assert contrast(axis.pen().color(), background) >= 3
        assert contrast(axis.textPen().color(), background) >= 4.5
        assert chart.colours.accent == DARK_ACCENT and contrast(DARK_ACCENT, background) >= 3
        labels = chart.label_fit.labels
        assert labels and all(contrast(label.color, background) >= 4.5 for label in labels)  # drawn again
        image = chart.canvas.grab().toImage()
        corner = image.pixelColor(image.width() - 3, image.height() // 2)
        assert corner.lightness() < 60, corner.name()
        image.save("/tmp/chart-dark.png")
    finally:
        app.setPalette(light)
    qtbot.waitUntil(lambda: chart.colours.accent == ACCENT, timeout=2000)
    assert chart.canvas.backgroundBrush().color().lightness() > 200


def test_hover_text_stays_inside_at_the_plots_edges(qtbot, book: FactBook) -> None:
    chart = _chart(qtbot, book, "livelihood-spending-2016", (330, 300))  # a small plot: the box is nudged in
    box = chart.plot.getViewBox().sceneBoundingRect()
    inner = box.adjusted(3, 3, -3, -3)
    for corner in (inner.topLeft(), inner.topRight(), inner.bottomLeft(), inner.bottomRight()):
        chart.hover.moved(QPointF(corner))
        assert chart.hover.item.isVisible() and _inside(chart, chart.hover.item)


@pytest.mark.parametrize("english", [False, True])
def test_file_export_chart_data_writes_the_drawn_points(qtbot, window, tmp_path, monkeypatch, english: bool) -> None:
    from PySide6.QtWidgets import QFileDialog

    window.set_language("zh_CN")
    window.menus.english_export_action.setChecked(english)
    view = window.theme_view("manufacturing")
    window.tabs.setCurrentIndex(window.tab_of_theme["manufacturing"])
    with chart_drawn(qtbot, view):
        assert view.select_observation("edo-revenue-2021")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "points.csv"), ""))
    window.menus.export_chart_csv_action.trigger()
    with (tmp_path / "points.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if english:
        assert rows[0]["value_text"] == "4.02 billion yuan"
    else:
        assert [row["value_text"] for row in rows] == [point.value_text for point in view.chart.chart.points]
        assert rows[0]["value_text"] == "40.2亿元"
    assert [row["id"] for row in rows] == [point.observation_id for point in view.chart.chart.points]
