"""A chart's scene written as an image: PNG at a chosen size, and SVG that any renderer draws as Qt does.

Both render the scene, not the widget: a widget's render goes through its raster backing store. Items
are put in pyqtgraph's export mode first, so markers are drawn as vector paths, not as cached pixmaps
(which an SVG holds as images of the whole marker atlas); svg_paths then maps each line's points into the
page, so a renderer without non-scaling strokes (librsvg) does not stretch the pen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsView

from jinshan_desktop.data.export_files import atomic_target
from jinshan_desktop.ui.svg_paths import flatten_paths

PNG_SCALE = 2.0  # a PNG is twice the chart's size on screen unless a width is asked for
PNG_MIN_WIDTH = 1600
_PAGE_SIZE = re.compile(r'width="[\d.]+mm" height="[\d.]+mm"')


@contextmanager
def _exporting(view: QGraphicsView, painter: QPainter) -> Iterator[None]:
    items = [item for item in view.scene().items() if hasattr(item, "setExportMode")]
    options: dict[str, Any] = {"painter": painter, "antialias": True, "background": None}
    for item in items:
        item.setExportMode(True, options)
    try:
        yield
    finally:
        for item in items:
            item.setExportMode(False)


def _render(view: QGraphicsView, painter: QPainter, width: float, height: float) -> None:
    with _exporting(view, painter):
        view.scene().render(painter, QRectF(0, 0, width, height), QRectF(view.viewport().rect()))


def png_size(view: QGraphicsView, width: int | None = None) -> tuple[int, int]:
    """The exported PNG's size: `width` wide, or twice the screen size and at least PNG_MIN_WIDTH wide."""
    shown = view.viewport().size()
    if width is None:
        width = max(round(shown.width() * PNG_SCALE), PNG_MIN_WIDTH)
    return width, round(shown.height() * width / max(shown.width(), 1))


def scene_image(view: QGraphicsView, width: int | None = None, pixel_ratio: int = 1) -> QImage:
    """The chart's scene as an image of png_size, pixel_ratio times as many pixels each way with lines and
    markers as thick as on screen (a printed page draws one: pyqtgraph's axes go wrong when the scene is
    painted straight onto a 1200 dpi printer)."""
    width_px, height_px = png_size(view, width)
    image = QImage(width_px * pixel_ratio, height_px * pixel_ratio, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(pixel_ratio)
    image.fill(
        view.backgroundBrush().color()
        if view.backgroundBrush().style() != Qt.BrushStyle.NoBrush
        else Qt.GlobalColor.white
    )
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        _render(view, painter, width_px, height_px)
    finally:
        painter.end()
    return image


def export_png(view: QGraphicsView, path: Path, width: int | None = None) -> None:
    image = scene_image(view, width)
    with atomic_target(path) as temporary:
        if not QPixmap.fromImage(image).save(str(temporary), "PNG"):  # QImage.save's stub wants bytes, Qt a str
            raise OSError(f"Qt could not write a PNG image to {temporary}")


def svg_text(view: QGraphicsView, title: str, description: str) -> str:
    size = view.viewport().size()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setResolution(96)  # the CSS pixel: renderers then draw it at the size it has on screen
    generator.setTitle(title)
    generator.setDescription(description)
    painter = QPainter(generator)
    try:
        _render(view, painter, size.width(), size.height())
    finally:
        painter.end()
    buffer.close()
    text = flatten_paths(bytes(data.data()).decode("utf-8"))
    # Qt writes the page size in millimetres (105.04mm), which renderers round up a pixel; pixels are exact.
    return _PAGE_SIZE.sub(f'width="{size.width()}" height="{size.height()}"', text, count=1)


def export_svg(view: QGraphicsView, path: Path, title: str, description: str) -> None:
    text = svg_text(view, title, description)
    with atomic_target(path) as temporary:
        temporary.write_text(text, encoding="utf-8")
