"""The pyqtgraph chart: a line over annual figures or bars comparing related ones, titled and sourced."""

from __future__ import annotations

import math
import textwrap
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QGraphicsView, QLabel, QVBoxLayout, QWidget

from jinshan_desktop.data.export_files import ExportError
from jinshan_desktop.data.formatting import format_number
from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP
from jinshan_desktop.data.queries import Chart
from jinshan_desktop.ui import chart_export
from jinshan_desktop.ui.chart_colours import ACCENT as ACCENT  # re-exported: the light palette's line colour
from jinshan_desktop.ui.chart_colours import ChartColours
from jinshan_desktop.ui.chart_hover import ChartHover, bar_position
from jinshan_desktop.ui.chart_margins import LabelFit
from jinshan_desktop.ui.chart_table import ChartSwitch, ChartTable
from jinshan_desktop.ui.translate import Texts

NO_CHART = QT_TRANSLATE_NOOP("TrendChart", "Select a figure to see its chart")
FACT_NO_CHART = QT_TRANSLATE_NOOP("TrendChart", "Facts have no chart")
ALONE = QT_TRANSLATE_NOOP("TrendChart", "%1 has no trend and no related figure to compare it with")
NOTHING_COMPARABLE = QT_TRANSLATE_NOOP(
    "TrendChart", "%1 has no trend, and its related figures cannot stand beside it: %2"
)
WHY_LEFT_OUT = {
    "not_annual": QT_TRANSLATE_NOOP("TrendChart", "not for a full year"),
    "other_unit": QT_TRANSLATE_NOOP("TrendChart", "another currency or unit"),
    "other_kind": QT_TRANSLATE_NOOP(
        "TrendChart", "another kind of figure (a plan beside an outcome, a stock beside a flow)"
    ),
    "part_whole": QT_TRANSLATE_NOOP("TrendChart", "a part of it, or the whole it is part of"),
}
COMPARED = QT_TRANSLATE_NOOP("TrendChart", "Compared: %1 and related figures")
SOURCE = QT_TRANSLATE_NOOP("TrendChart", "Source: %1")
NOT_ANNUAL = QT_TRANSLATE_NOOP("TrendChart", "%1 (%2) is not for a full year and is not drawn")
LEFT_OUT = QT_TRANSLATE_NOOP("TrendChart", "%1 (%2) is not drawn: %3")
HOLLOW_LEGEND = QT_TRANSLATE_NOOP("TrendChart", "Hollow markers and dashed lines: %1")
STATUS_WORDS = {
    "derived": QT_TRANSLATE_NOOP("TrendChart", "derived figures (computed from published ones)"),
    "planned": QT_TRANSLATE_NOOP("TrendChart", "planned or expected figures"),
    "provisional": QT_TRANSLATE_NOOP("TrendChart", "provisional figures (may be revised)"),
}
SEPARATOR = QT_TRANSLATE_NOOP("TrendChart", "; ")  # between sources: Chinese writes a full-width ；
MORE_SOURCES = QT_TRANSLATE_NOOP("TrendChart", "%1 and %2 more (each figure's source is in the table)")
MORE_LEFT_OUT = QT_TRANSLATE_NOOP(
    "TrendChart", "%1 more figures are not drawn (not for a full year, or in another unit)"
)
MAX_LISTED = 6  # sources or left-out figures named under a chart; the rest are counted, so the plot keeps its room


def _wrapped(text: str, width: int) -> str:
    return "<br>".join(escape(line) for line in textwrap.wrap(text, width))


LONG_SERIES = 60  # above this a line is drawn downsampled, without a marker and label per point

pg: Any = None  # pyqtgraph (with numpy), imported for the first chart: the window paints without it


def load_pyqtgraph() -> Any:
    """Import and configure pyqtgraph once; the app calls it when idle after the first paint."""
    global pg
    if pg is None:
        import pyqtgraph

        pyqtgraph.setConfigOptions(antialias=True, background="w", foreground="k")
        pg = pyqtgraph
    return pg


class TrendChart(QWidget):
    """Shows one Chart; the title and the source are part of the scene, so exports carry them."""

    line_width = 2.0  # pixels; a page draws the chart at several pixels per pixel and widens its lines as much

    def __init__(self, parent: QWidget | None = None, *, english: bool = False) -> None:
        super().__init__(parent)
        # An English image from a Chinese window: its words stay the English source text.
        self._texts = Texts("TrendChart", translated=not english)
        self.colours = ChartColours.of(self.palette())  # taken again from the palette at each drawing
        # Until a figure is chosen a label stands in: the pyqtgraph scene is built on the first chart, so
        # opening a tab does not pay for axes nobody sees.
        self.placeholder = QLabel(f"<b>{escape(self._texts.tr(NO_CHART))}</b>")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMinimumHeight(260)
        self.placeholder.setAutoFillBackground(True)
        self.placeholder.setBackgroundRole(QPalette.ColorRole.Base)
        self.switch = ChartSwitch()  # Chart | Table: the same points drawn or listed
        self.switch.setEnabled(False)
        self.switch.toggled.connect(self._show_current)
        self.table = ChartTable()
        self.table.hide()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.switch)
        self._layout.addWidget(self.placeholder, 1)
        self._layout.addWidget(self.table, 1)  # the one shown of the three takes the room
        self.canvas: QGraphicsView | None = None  # a pyqtgraph GraphicsLayoutWidget once a chart is drawn
        self.chart: Chart | None = None
        self._label_texts: tuple[str, list[str]] = ("", [])

    def _build_canvas(self) -> pg.GraphicsLayoutWidget:
        load_pyqtgraph()
        canvas = pg.GraphicsLayoutWidget()
        canvas.setMinimumHeight(260)
        self.title_label = canvas.addLabel("", row=0, col=0, size="11pt", bold=True)
        self.plot = canvas.addPlot(row=1, col=0)
        self.source_label = canvas.addLabel("", row=2, col=0, size="8pt", justify="left")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.label_fit = LabelFit(self.plot.getViewBox())
        self.hover = ChartHover(canvas, self.plot, pg, self._texts.tr)
        self._layout.addWidget(canvas, 1)
        return canvas

    def _apply_colours(self) -> None:
        """The palette's colours on the canvas and axes (the items are coloured as they are drawn)."""
        self.colours = colours = ChartColours.of(self.palette())
        canvas: Any = self.canvas  # pyqtgraph's GraphicsLayoutWidget, untyped
        if canvas is None:
            return
        canvas.setBackground(colours.background)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(colours.muted))
            axis.setTextPen(pg.mkPen(colours.text))

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (a dark desktop, View → Theme): the chart is drawn again in its colours."""
        super().changeEvent(event)
        changes = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in changes and ChartColours.of(self.palette()) != self.colours:
            self._apply_colours()
            if self.chart is not None:
                self.show_chart(self.chart)

    def _show_current(self) -> None:
        """The placeholder without a chart; else the plot or the table of its points, as the switch says."""
        drawn = self.chart is not None
        self.placeholder.setVisible(not drawn)
        self.table.setVisible(drawn and self.switch.as_table)
        if self.canvas is not None:
            self.canvas.setVisible(drawn and not self.switch.as_table)
        self.switch.setEnabled(drawn)

    def show_message(self, text: str) -> None:
        """No chart, and a sentence saying why, in place of the plot."""
        self.chart = None
        self.placeholder.setText(f"<b>{escape(text)}</b>")
        self.placeholder.setWordWrap(True)
        self._show_current()

    def show_chart(self, chart: Chart | None) -> None:
        if chart is None:
            self.show_message(self._texts.tr(NO_CHART))
            return
        if chart.kind == "none":
            self.show_message(self._why_no_chart(chart))
            return
        self.chart = chart
        if self.canvas is None:
            self.canvas = self._build_canvas()
        self._apply_colours()
        self.table.show_chart(chart)
        self._show_current()
        self.plot.clear()
        self.label_fit.clear()
        title = chart.title
        if chart.compared:
            title = self._texts.tr(COMPARED).arg(chart.title)
        citations = self._texts.tr(SEPARATOR).join(chart.citations[:MAX_LISTED])
        if len(chart.citations) > MAX_LISTED:
            citations = self._texts.tr(MORE_SOURCES).arg(citations, len(chart.citations) - MAX_LISTED)
        notes = [self._texts.tr(SOURCE).arg(citations)]
        for item in chart.left_out[: MAX_LISTED // 2]:
            if item.reason == "not_annual":
                notes.append(self._texts.tr(NOT_ANNUAL).arg(item.label, item.value_text))
            else:  # the reason it may not stand beside the selected figure
                why = self._texts.tr(WHY_LEFT_OUT[item.reason])
                notes.append(self._texts.tr(LEFT_OUT).arg(item.label, item.value_text, why))
        if len(chart.left_out) > MAX_LISTED // 2:
            notes.append(self._texts.tr(MORE_LEFT_OUT).arg(len(chart.left_out) - MAX_LISTED // 2))
        statuses = [status for status in STATUS_WORDS if any(point.status == status for point in chart.points)]
        if statuses:  # each kind of hollow point named: a plan is not an outcome, a derived figure not published
            kinds = self._texts.tr(SEPARATOR).join(self._texts.tr(STATUS_WORDS[status]) for status in statuses)
            notes.append(self._texts.tr(HOLLOW_LEGEND).arg(kinds))
        self._label_texts = (title, notes)
        self._apply_labels()
        if chart.kind == "line":
            self._draw_line(chart)
        else:
            self._draw_bars(chart)
        self.hover.attach(chart, self.colours)

    def _why_no_chart(self, chart: Chart) -> str:
        if chart.no_comparison == "alone" or not chart.left_out:
            return self._texts.tr(ALONE).arg(chart.title)
        reasons = "; ".join(f"{item.label} ({self._texts.tr(WHY_LEFT_OUT[item.reason])})" for item in chart.left_out)
        return self._texts.tr(NOTHING_COMPARABLE).arg(chart.title, reasons)

    def tr_text(self, text: str) -> str:
        """A TrendChart message in the chart's language (English when exporting in English)."""
        return self._texts.tr(text)

    def _apply_labels(self) -> None:
        """Title and source wrapped to the chart's width: pyqtgraph labels do not wrap by themselves."""
        if self.canvas is None:
            return
        title, notes = self._label_texts
        width = max(self.width(), 240)  # the canvas fills the widget, and is not laid out yet when new
        self.title_label.setText(_wrapped(title, width // 10), color=self.colours.text)
        self.source_label.setText("<br>".join(_wrapped(note, width // 6) for note in notes), color=self.colours.muted)
        # The canvas was resized before this widget re-wrapped its labels, so its layout kept the old, wider
        # minimum: lay it out again in the canvas's own size now that the labels allow it.
        canvas: Any = self.canvas
        canvas.centralWidget.setGeometry(canvas.range)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_labels()

    def _value_axis(self, name: str, chart: Chart) -> Any:
        """The axis of values in the chart's unit, its ticks grouped and written as the table writes numbers."""
        axis = self.plot.getAxis(name)
        axis.setLabel(chart.axis_unit or chart.unit)
        axis.enableAutoSIPrefix(False)
        language = chart.language

        def tick_strings(values: list[float], _scale: float, spacing: float) -> list[str]:
            places = max(0, -math.floor(math.log10(spacing))) if spacing > 0 else 0
            return [format_number(value, places, language) for value in values]

        axis.tickStrings = tick_strings
        axis.show()
        return axis

    def _draw_line(self, chart: Chart) -> None:
        years = [point.x for point in chart.points]
        self._value_axis("left", chart)
        bottom = self.plot.getAxis("bottom")
        bottom.setLabel("")
        distinct = sorted(set(years))
        # Integer years as ticks (no time-zone surprises); pyqtgraph's own spacing when there are many.
        bottom.setTicks([[(year, str(int(year))) for year in distinct]] if len(distinct) <= 15 else None)
        labels = []
        if len(chart.points) > LONG_SERIES:
            self._draw_long_series(chart)
        else:
            labels = self._draw_short_series(chart)
        values = [point.value for point in chart.points]
        low, high = min(values), max(values)
        if chart.from_zero:  # an amount from zero: a 4% rise does not fill the plot
            low, high = min(low, 0.0), max(high, 0.0)
        span = (high - low) or abs(values[0]) or 1.0
        margin = max(0.6, 0.22 * (max(years) - min(years)))  # room for the value labels at the ends
        bottom = low if chart.from_zero and low == 0 else low - 0.25 * span
        # The labels then widen this range as far as they need at the plot's size (chart_margins).
        self.label_fit.set(labels, (min(years) - margin, max(years) + margin), (bottom, high + 0.35 * span))

    def _draw_short_series(self, chart: Chart) -> list[Any]:
        """Every point marked and labelled; segments to a derived point dashed. Returns the labels."""
        accent = self.colours.accent
        for first, second in zip(chart.points, chart.points[1:], strict=False):
            style = Qt.PenStyle.DashLine if first.hollow or second.hollow else Qt.PenStyle.SolidLine
            pen = pg.mkPen(accent, width=self.line_width, style=style)
            self.plot.addItem(pg.PlotCurveItem([first.x, second.x], [first.value, second.value], pen=pen))
        self.plot.addItem(
            pg.ScatterPlotItem(
                x=[point.x for point in chart.points],
                y=[point.value for point in chart.points],
                size=11,
                pen=pg.mkPen(accent, width=self.line_width),
                brush=[pg.mkBrush(self.colours.hollow if point.hollow else accent) for point in chart.points],
            )
        )
        labels = []
        for point in chart.points:
            label = pg.TextItem(point.value_text, color=self.colours.text, anchor=(0.5, 1.3))
            label.setPos(point.x, point.value)
            self.plot.addItem(label)
            labels.append(label)
        return labels

    def _draw_long_series(self, chart: Chart) -> None:
        """One downsampled line clipped to the view: thousands of points draw as fast as a few."""
        curve = pg.PlotDataItem(
            [point.x for point in chart.points],
            [point.value for point in chart.points],
            pen=pg.mkPen(self.colours.accent, width=self.line_width),
        )
        self.plot.addItem(curve)
        curve.setDownsampling(auto=True, method="peak")
        curve.setClipToView(True)

    def _draw_bars(self, chart: Chart) -> None:
        count = len(chart.points)
        positions = [bar_position(index, count) for index in range(count)]  # first figure on top
        values = [point.value for point in chart.points]
        colours = self.colours
        self.plot.addItem(
            pg.BarGraphItem(
                x0=[0] * count,
                y=positions,
                height=0.45,
                width=values,
                brushes=[pg.mkBrush(colours.hollow if point.hollow else colours.accent) for point in chart.points],
                pen=pg.mkPen(colours.accent, width=self.line_width / 2),
            )
        )
        labels = []
        for position, point in zip(positions, chart.points, strict=True):
            name = pg.TextItem(textwrap.shorten(point.label, 56, placeholder=" …"), color=colours.text, anchor=(0, 1))
            name.setPos(0, position + 0.25)
            value = pg.TextItem(point.value_text, color=colours.muted, anchor=(0, 0.5))
            value.setPos(max(point.value, 0), position)
            for label in (name, value):
                self.plot.addItem(label)
                labels.append(label)
        self.plot.getAxis("left").hide()
        self.plot.getAxis("bottom").setTicks(None)
        self._value_axis("bottom", chart)
        low, high = min(0.0, *values), max(0.0, *values)
        span = (high - low) or 1.0
        # A lone bar stays slim: room for three rows at least.
        self.label_fit.set(labels, (low - 0.02 * span, high + 0.62 * span), (-0.6, max(count, 3) - 0.2))

    def _drawn_canvas(self) -> QGraphicsView:
        if self.canvas is None or self.chart is None:
            raise ExportError("No chart is drawn: select a figure first.")
        self.hover.hide()  # an image shows the chart, not where the mouse was
        return self.canvas

    def export_png(self, path: Path, width: int | None = None) -> None:
        """The chart with its title and sources, twice its size on screen (at least 1600 px) or `width` wide."""
        chart_export.export_png(self._drawn_canvas(), path, width)

    def export_svg(self, path: Path) -> None:
        canvas = self._drawn_canvas()
        chart = self.chart
        assert chart is not None
        chart_export.export_svg(canvas, path, chart.title, "; ".join(chart.citations))
