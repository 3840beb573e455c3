"""Baseline for start-up timing: a bare PySide6 window holding one pyqtgraph plot, painted once."""

import sys

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print("window painted", flush=True)
            QTimer.singleShot(0, QApplication.quit)
            QApplication.instance().removeEventFilter(self)
        return False


app = QApplication(sys.argv)
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot([2018, 2019], [28617, 31336])
window.setCentralWidget(plot)
probe = FirstPaint(window)
app.installEventFilter(probe)  # the first paint of any widget in the window
window.show()
sys.exit(app.exec())
