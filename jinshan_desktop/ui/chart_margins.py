"""Room for the value labels: the view range grows until every label lies inside the plot, at any size.

A label is a fixed number of pixels wide while the range is in data units, so no fixed margin fits both a
narrow and a wide window. After each draw and each resize the range is reset to what the chart asked for
and widened by each label's overflow in pixels, converted at the current scale, a few times over (the scale
changes as the range grows). A label wider than the plot itself is shortened with an ellipsis first.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF

PADDING_PX = 4.0  # between a label and the plot's edge
ROUNDS = 6  # widening converges in two or three; the rest guards against a layout that moves meanwhile

Range = tuple[float, float]


class LabelFit:
    """Keeps a view box's labels (pyqtgraph TextItems) inside it; refit() after drawing or resizing."""

    def __init__(self, view_box: Any) -> None:
        self.view_box = view_box
        self.labels: list[Any] = []
        self._full_texts: dict[int, str] = {}
        self._ranges: tuple[Range, Range] | None = None
        self._fitting = False
        view_box.sigResized.connect(self.refit)

    def set(self, labels: list[Any], x_range: Range, y_range: Range) -> None:
        """The labels of a new drawing and the range it asked for; fitted at once."""
        self.labels = labels
        self._full_texts = {id(label): label.toPlainText() for label in labels}
        self._ranges = (x_range, y_range)
        self.refit()

    def clear(self) -> None:
        self.labels, self._full_texts, self._ranges = [], {}, None

    def refit(self, *_args: object) -> None:
        if self._ranges is None or self._fitting:
            return
        self._fitting = True
        try:
            (x0, x1), (y0, y1) = self._ranges
            self._set_range(x0, x1, y0, y1)
            self._shorten_wide_labels()
            for _ in range(ROUNDS):
                grown = self._grow_once()
                if not grown:
                    break
        finally:
            self._fitting = False

    def _set_range(self, x0: float, x1: float, y0: float, y1: float) -> None:
        self.view_box.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.view_box.updateMatrix()
        for label in self.labels:
            label.updateTransform(force=True)

    def _shorten_wide_labels(self) -> None:
        room = self.view_box.sceneBoundingRect().width() - 2 * PADDING_PX
        if room <= 0:
            return
        for label in self.labels:
            full = self._full_texts[id(label)]
            metrics = QFontMetricsF(label.textItem.font())
            # QGraphicsTextItem adds a document margin on both sides.
            margin = 2 * label.textItem.document().documentMargin()
            text = metrics.elidedText(full, Qt.TextElideMode.ElideRight, room - margin - 2)
            if text != label.toPlainText():
                label.setText(text)
                label.updateTransform(force=True)

    def _grow_once(self) -> bool:
        """Widen the range by the largest overflow on each side; False when every label is inside."""
        box = self.view_box.sceneBoundingRect()
        if box.width() <= 2 * PADDING_PX or box.height() <= 2 * PADDING_PX:
            return False
        inner = box.adjusted(PADDING_PX, PADDING_PX, -PADDING_PX, -PADDING_PX)
        left = right = top = bottom = 0.0
        for label in self.labels:
            if not label.isVisible():
                continue
            rect: QRectF = label.sceneBoundingRect()
            left = max(left, inner.left() - rect.left())
            right = max(right, rect.right() - inner.right())
            top = max(top, inner.top() - rect.top())
            bottom = max(bottom, rect.bottom() - inner.bottom())
        if max(left, right, top, bottom) <= 0.5:
            return False
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        per_x, per_y = (x1 - x0) / box.width(), (y1 - y0) / box.height()
        # One pixel more than the overflow: the range grows, so the points move inward a little further.
        self._set_range(
            x0 - (left + 1 if left > 0 else 0) * per_x,
            x1 + (right + 1 if right > 0 else 0) * per_x,
            y0 - (bottom + 1 if bottom > 0 else 0) * per_y,
            y1 + (top + 1 if top > 0 else 0) * per_y,
        )
        return True
