"""Charts read right: statuses drawn hollow and named, value axes in the labels' unit from zero, and
exports that other renderers draw where the window draws (SVG through librsvg) at a useful size (PNG)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from jinshan_desktop.data.queries import FactBook
from jinshan_desktop.ui.trend_chart import ACCENT, TrendChart, load_pyqtgraph


def _chart(qtbot, book: FactBook, observation_id: str) -> TrendChart:
    load_pyqtgraph()
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(520, 420)
    chart.show()
    chart.show_chart(book.chart_for(observation_id))
    qtbot.waitExposed(chart)
    return chart


def _ticks(chart: TrendChart, name: str) -> list[str]:
    axis = chart.plot.getAxis(name)
    low, high = chart.plot.viewRange()[1 if name == "left" else 0]
    levels = axis.tickValues(low, high, 400)
    return [text for spacing, values in levels for text in axis.tickStrings(values, 1, spacing)]


def test_a_planned_and_a_provisional_point_are_hollow_and_named(qtbot, book: FactBook) -> None:
    chart = _chart(qtbot, book, "livelihood-spending-2020")
    assert [point.hollow for point in chart.chart.points] == [False, True]
    assert any("planned or expected" in note for note in chart._label_texts[1])
    revenue = _chart(qtbot, book, "edo-revenue-2022")
    assert any("provisional" in note for note in revenue._label_texts[1])


@pytest.mark.parametrize(("language", "unit"), [("en", "billion yuan"), ("zh_CN", "亿元"), ("zh_TW", "億元")])
def test_the_value_axis_is_in_the_labels_unit_grouped_and_from_zero(qtbot, book: FactBook, language, unit) -> None:
    reader = book.with_language(language)
    chart = _chart(qtbot, reader, "edo-revenue-2021")  # 402,054.66 × 10,000 yuan: 4.02 billion, 40.2亿
    assert chart.plot.getAxis("left").labelText == unit
    assert chart.plot.viewRange()[1][0] == 0  # money from zero: a 4% rise does not fill the plot
    labels = [point.value_text for point in chart.chart.points]
    assert labels[0] in ("4.02 billion yuan", "40.2亿元", "40.2億元")
    ticks = _ticks(chart, "left")
    assert ticks and all(text.replace(",", "").replace(".", "").isdigit() for text in ticks)
    bars = _chart(qtbot, reader, "edo-planned-output")  # 12.9 and 20 billion, 400 million: one axis
    assert bars.plot.getAxis("bottom").labelText == bars.chart.axis_unit == unit
    assert "1,000" not in "".join(_ticks(bars, "bottom")) or language == "en"


def test_a_fact_has_no_chart(qtbot, window) -> None:
    view = window.theme_view("manufacturing")
    window.tabs.setCurrentWidget(window.tabs.widget(1))
    view.facts_list.setCurrentRow(0)
    assert view.chart.chart is None and "Facts have no chart" in view.chart.placeholder.text()


def test_a_png_export_is_twice_the_screen_and_at_least_1600_wide(qtbot, book: FactBook, tmp_path: Path) -> None:
    chart = _chart(qtbot, book, "rural-income-2019")
    chart.export_png(tmp_path / "chart.png")
    image = QImage(str(tmp_path / "chart.png"))
    shown = chart.canvas.viewport().size()
    assert image.width() == max(2 * shown.width(), 1600)
    assert abs(image.height() / image.width() - shown.height() / shown.width()) < 0.01
    chart.export_png(tmp_path / "small.png", width=800)
    assert QImage(str(tmp_path / "small.png")).width() == 800


def _accent_box(image: QImage) -> tuple[int, int, int, int]:
    """Where the chart's accent colour (the line and its markers) is drawn: left, top, right, bottom."""
    accent = QColor(ACCENT)
    xs, ys = [], []
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - accent.red())
                + abs(pixel.green() - accent.green())
                + abs(pixel.blue() - accent.blue())
                < 60
            ):
                xs.append(x)
                ys.append(y)
    assert xs, "no line drawn"
    return min(xs), min(ys), max(xs), max(ys)


def test_an_svg_export_draws_in_librsvg_where_the_png_has_it(qtbot, book: FactBook, tmp_path: Path) -> None:
    if shutil.which("rsvg-convert") is None:
        message = "rsvg-convert is missing: apt-get install librsvg2-bin (.ci/run installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    chart = _chart(qtbot, book, "rural-income-2019")
    chart.export_svg(tmp_path / "chart.svg")
    svg = (tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert "<image" not in svg  # markers are vector paths, not pictures
    width = chart.canvas.viewport().width()
    chart.export_png(tmp_path / "chart.png", width=width)  # the same size as the SVG's page
    subprocess.run(["rsvg-convert", str(tmp_path / "chart.svg"), "-o", str(tmp_path / "rsvg.png")], check=True)
    drawn, ours = QImage(str(tmp_path / "rsvg.png")), QImage(str(tmp_path / "chart.png"))
    assert (drawn.width(), drawn.height()) == (ours.width(), ours.height())
    left, top, right, bottom = _accent_box(drawn)
    expected = _accent_box(ours)
    assert all(abs(a - b) <= 6 for a, b in zip((left, top, right, bottom), expected, strict=True)), (
        (left, top, right, bottom),
        expected,
    )
    # A two-pixel line, not a filled band: the accent covers a thin diagonal, not the box it spans.
    accent = sum(
        1
        for y in range(top, bottom, 2)
        for x in range(left, right, 2)
        if drawn.pixelColor(x, y).blue() > 150 and drawn.pixelColor(x, y).red() < 80
    )
    assert accent < 0.15 * ((right - left) // 2) * ((bottom - top) // 2)
