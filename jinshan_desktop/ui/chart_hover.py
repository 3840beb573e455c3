"""Reading a chart closely: the point under the mouse named in a box inside the plot, with its value as the
table writes it, its period and its citation.

On a line the nearest year to the mouse is shown (anywhere over the plot, as FRED does), on bars the bar
whose row the mouse is in. The box is placed beside the point on the side with room, then nudged so that
it never leaves the plot.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsView

from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP
from jinshan_desktop.data.rows import Chart, ChartPoint
from jinshan_desktop.ui.chart_colours import ChartColours

SOURCE = QT_TRANSLATE_NOOP("TrendChart", "Source: %1")
MAX_CITATION_CHARACTERS = 60  # a long citation would make the box wider than a small plot
HOVER_Z = 1000  # above the line, markers and labels


def bar_position(index: int, count: int) -> int:
    """Where the index-th bar is drawn: the first figure on top (TrendChart._draw_bars)."""
    return count - 1 - index


def hover_html(point: ChartPoint, bars: bool, tr: Callable[[str], Any]) -> str:
    citation = point.citation
    if len(citation) > MAX_CITATION_CHARACTERS:
        citation = citation[: MAX_CITATION_CHARACTERS - 1] + "…"
    lines = [f"<b>{escape(point.value_text)}</b>", escape(point.label if bars else point.period)]
    lines.append(escape(tr(SOURCE).arg(citation)))
    return "<br>".join(lines)


class ChartHover(QObject):
    """The hover box of one TrendChart's plot; attach() after each drawing (plot.clear() removes the box).

    It watches the canvas's mouse moves itself: pyqtgraph's sigMouseMoved drops moves that come within 1/60 s
    of the last one, so the box could name the point the mouse passed rather than the one it stopped on."""

    def __init__(self, canvas: QGraphicsView, plot: Any, pg: Any, tr: Callable[[str], Any]) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.plot = plot
        self.pg = pg
        self.translated = tr  # the chart's own language (English for an English image)
        self.chart: Chart | None = None
        self.point: ChartPoint | None = None  # the point the box names, None when hidden
        self.item = pg.TextItem(anchor=(0, 1))
        self.item.setZValue(HOVER_Z)
        self.item.hide()
        canvas.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            self.moved(self.canvas.mapToScene(event.position().toPoint()))
        elif event.type() == QEvent.Type.Leave:
            self.hide()
        return False  # the canvas still gets every event

    def attach(self, chart: Chart, colours: ChartColours) -> None:
        self.chart = chart
        self.item.fill = self.pg.mkBrush(colours.background)
        self.item.border = self.pg.mkPen(colours.muted)
        self.item.setColor(colours.text)
        if self.item.scene() is None:
            self.plot.addItem(self.item, ignoreBounds=True)
        self.hide()

    def hide(self) -> None:
        self.point = None
        self.item.hide()

    def moved(self, scene_pos: QPointF) -> None:
        view_box = self.plot.getViewBox()
        if self.chart is None or not self.chart.points or not view_box.sceneBoundingRect().contains(scene_pos):
            self.hide()
            return
        self.show_point(self.nearest(view_box.mapSceneToView(scene_pos)))

    def nearest(self, position: QPointF) -> int:
        """The index of the point the mouse is over: the nearest year, or the bar whose row holds the mouse."""
        assert self.chart is not None
        points = self.chart.points
        if self.chart.kind == "bar":
            count = len(points)
            return min(range(count), key=lambda index: abs(bar_position(index, count) - position.y()))
        return min(range(len(points)), key=lambda index: abs(points[index].x - position.x()))

    def anchor_of(self, index: int) -> QPointF:
        """The point in data coordinates: a line's marker, a bar's end."""
        assert self.chart is not None
        point = self.chart.points[index]
        if self.chart.kind == "bar":
            return QPointF(max(point.value, 0.0), bar_position(index, len(self.chart.points)))
        return QPointF(point.x, point.value)

    def show_point(self, index: int) -> None:
        assert self.chart is not None
        point = self.chart.points[index]
        view_box = self.plot.getViewBox()
        where = self.anchor_of(index)
        box, scene = view_box.sceneBoundingRect(), view_box.mapViewToScene(where)
        # Right of and above the point where there is room, else the other side.
        right, above = scene.x() < box.center().x(), scene.y() > box.center().y()
        self.item.setAnchor((0.0 if right else 1.0, 1.0 if above else 0.0))
        self.item.setHtml(hover_html(point, self.chart.kind == "bar", self.translated))
        self.item.setPos(where)
        self.item.show()
        self.item.updateTransform(force=True)
        self._keep_inside(view_box)
        self.point = point

    def _keep_inside(self, view_box: Any) -> None:
        """Nudge the box back into the plot where its text is wider or taller than the room beside the point."""
        box, rect = view_box.sceneBoundingRect(), self.item.sceneBoundingRect()
        dx = max(0.0, box.left() - rect.left()) - max(0.0, rect.right() - box.right())
        dy = max(0.0, box.top() - rect.top()) - max(0.0, rect.bottom() - box.bottom())
        if dx or dy:
            scene = view_box.mapViewToScene(self.item.pos()) + QPointF(dx, dy)
            self.item.setPos(view_box.mapSceneToView(scene))
            self.item.updateTransform(force=True)
