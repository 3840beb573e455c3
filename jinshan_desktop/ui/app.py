"""The QApplication: style, the theme, the last-resort error handler, the GUI and smoke runs."""

from __future__ import annotations

import gc
import logging
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QFontMetrics, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from jinshan_desktop import APP_ID, APP_NAME, __version__
from jinshan_desktop.data.languages import Language, is_chinese, parse_language
from jinshan_desktop.paths import resource, user_config_dir
from jinshan_desktop.ui.language import apply_language, register_bundled_fonts, system_language
from jinshan_desktop.ui.palette import apply_theme, saved_theme
from jinshan_desktop.ui.reader import wait_for_reads
from jinshan_desktop.ui.translate import Texts
from jinshan_desktop.ui.window_frame import WindowFrame

# The main window and the data layer are imported once the window frame has painted (see run_gui).
if TYPE_CHECKING:
    from jinshan_desktop.data.queries import FactBook
    from jinshan_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def application() -> QApplication:
    """The running application (create_application made it)."""
    running = QApplication.instance()
    assert isinstance(running, QApplication), "create_application() runs first"
    return running


def create_application(argv: list[str] | None = None) -> QApplication:
    running = QApplication.instance()
    if running is not None and not isinstance(running, QApplication):
        raise RuntimeError("a QCoreApplication without widgets is already running; the window needs a QApplication")
    app = running or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    app.setWindowIcon(QIcon(str(resource("icons", "jinshan-desktop.svg"))))
    app.setStyle("Fusion")  # one look on every platform; its colours are the desktop's scheme (ui/palette.py)
    register_bundled_fonts()
    return app


def user_settings() -> QSettings:
    return QSettings(str(user_config_dir() / "settings.ini"), QSettings.Format.IniFormat)


class ErrorReporter:
    """sys.excepthook for the GUI: the traceback to the log, a short sentence to the reader."""

    tr = Texts()

    def __init__(self, show_dialog: bool = True) -> None:
        self.show_dialog = show_dialog
        self.errors: list[str] = []

    def __call__(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, trace)))
        self.errors.append(f"{kind.__name__}: {error}")
        if self.show_dialog and QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                APP_NAME,
                self.tr("Something went wrong: %1\nThe details are in the log file; the window stays open.").arg(
                    str(error) or kind.__name__
                ),
            )


def _dispose(window: MainWindow) -> None:
    # Delete the widgets while Qt is alive: left to interpreter shutdown, pyqtgraph items are
    # collected after their C++ scene and Python aborts ("none_dealloc").
    window.stop_background_work()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.processEvents()
    gc.collect()


class _OnFirstPaint(QObject):
    """Runs work, each step on the event loop, once a widget of window has painted for the first time. With
    announce it prints that line at that moment, which is how benchmarks time start-up."""

    def __init__(self, window: QWidget, work: list[Callable[[], object]], announce: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.work = work
        self.announce = announce
        application().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.window() is self.window:
            application().removeEventFilter(self)
            if self.announce:
                print(self.announce, flush=True)
            for step in self.work:
                QTimer.singleShot(0, step)
        return False


def resume_collection() -> None:
    """The collector, paused for start-up (cli.main), runs again; what start-up made is left out of it."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def chosen_language(settings: QSettings, requested: str | None) -> Language:
    """--lang first, then the language the reader chose last time, then the system's."""
    if requested:
        return parse_language(requested)
    saved = settings.value("view/language")
    return parse_language(str(saved)) if saved else system_language()


def run_gui(
    open_book: Callable[[], FactBook | None],
    exit_after_paint: bool = False,
    language: str | None = None,
    open_reference: str | None = None,
) -> int:
    """The window's frame paints first; then the data layer is imported, the book opened and the main window,
    its first view filled, takes the frame's place on the same event loop. 2 when the book cannot be shown,
    or open_book gave None: the reader declined a dialog it showed, and it has said why.
    open_reference: a figure's id or jinshan:// link (--open) the window opens on."""
    app = create_application()
    sys.excepthook = ErrorReporter()
    settings = user_settings()
    apply_theme(saved_theme(settings))
    chosen = chosen_language(settings, language)
    apply_language(chosen)
    frame = WindowFrame(settings)
    opened: list[tuple[FactBook, MainWindow]] = []

    def fill() -> None:
        from jinshan_desktop.data.queries import FactBookError
        from jinshan_desktop.ui.main_window import MainWindow
        try:
            book = open_book()
        except FactBookError as error:
            _refuse(frame, str(error))
            return
        if book is None:
            QApplication.exit(2)
            return
        try:
            window = MainWindow(book, settings, chosen)
        except FactBookError as error:  # a large file opened on a header check, damaged where the first view reads
            book.close()
            _refuse(frame, str(error))
            return
        opened.append((book, window))
        _OnFirstPaint(window, [QApplication.quit] if exit_after_paint else _after_paint(window), "overview filled")
        window.show()
        frame.close()
        if open_reference:
            window.figures.open_reference(open_reference)
        if book.user_store_notice:  # a bad file of imported figures was set aside: say where it is kept
            QMessageBox.warning(window, APP_NAME, book.user_store_notice)

    _OnFirstPaint(frame, [fill], "window painted")
    frame.show()
    try:
        status = app.exec()
    finally:
        resume_collection()
    frame.close()  # a frame left over a refusal or a declined dialog must not stay on screen (nor take the mouse)
    frame.deleteLater()
    for book, window in opened:
        _dispose(window)
        book.close()
    return status


def _after_paint(window: MainWindow) -> list[Callable[[], object]]:
    """What follows the filled window's first paint: the collector again, pyqtgraph (so the first chart is
    quick) and, for a large file opened on a header check, the whole-file check (it reads every page)."""
    from jinshan_desktop.ui.trend_chart import load_pyqtgraph

    return [resume_collection, load_pyqtgraph, window.check_integrity_in_background]


def _refuse(frame: WindowFrame, message: str) -> None:
    log.error("cannot show the window: %s", message)
    print(f"{APP_ID}: {message}", file=sys.stderr)
    QMessageBox.critical(frame, APP_NAME, message)
    QApplication.exit(2)  # the frame stays until exec returns: closing it first could quit with 0


def _opened(window: MainWindow, reference: str) -> str:
    """What --open did: the tab and the selected figure, or the window's sentence why it opened none."""
    if not window.figures.open_reference(reference):
        return f"not opened: {window.statusBar().currentMessage()}"
    row = window.current_view().table.currentIndex().row()
    tab = window.tabs.tabText(window.tabs.currentIndex())
    return f"opened {window.figures.selected_figure()} in {tab}, row {row}"


SMOKE_ROWS = 500  # every figure of the bundled data; the first screens of a large database


def run_smoke(
    book: FactBook, say: Callable[[str], None] = print, language: str | None = None, open_reference: str | None = None
) -> int:
    """Open the window, visit every tab, draw every figure's chart; one line per tab; 0 when all went well.
    With open_reference (--open), then open that figure as the window would and say where it is."""
    app = create_application()
    reporter = ErrorReporter(show_dialog=False)
    sys.excepthook = reporter
    with tempfile.TemporaryDirectory() as folder:
        from jinshan_desktop.ui.main_window import MainWindow

        settings = QSettings(str(Path(folder) / "smoke.ini"), QSettings.Format.IniFormat)
        window = MainWindow(book, settings, parse_language(language) if language else "en")
        window.show()
        app.processEvents()
        if is_chinese(window.language):
            titles = "".join(window.tabs.tabText(index) for index in range(window.tabs.count()))
            metrics = QFontMetrics(QApplication.font())
            missing = sorted({ch for ch in titles if not metrics.inFontUcs4(ord(ch))})
            if missing:
                reporter.errors.append(f"no font shows {''.join(missing)} (family {QApplication.font().family()})")
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            view = window.current_view()
            view.model.ensure_counted()
            for row in range(min(view.model.rowCount(), SMOKE_ROWS)):
                view.select_observation_at(row)
                wait_for_reads()  # the chart is read on the view's reader: drawn before the next row
                app.processEvents()
            if window.grab().isNull():
                reporter.errors.append(f"tab {window.tabs.tabText(index)} did not render")
            say(f"{window.tabs.tabText(index)}: {view.row_count()} rows")
        if open_reference:
            say(_opened(window, open_reference))
        window.close()
        _dispose(window)
    if reporter.errors:
        say(f"smoke failed: {reporter.errors[0]}")
        return 1
    return 0
