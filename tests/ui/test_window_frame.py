"""The frame the window paints before its data: the main window's words, nothing the reader can act on."""

from pathlib import Path

from PySide6.QtCore import QSettings

from jinshan_desktop.ui.language import apply_language
from jinshan_desktop.ui.window_frame import WindowFrame
from tests.ui.waiting import event_loops_usable_again


def test_the_frame_offers_nothing_to_act_on(qtbot, tmp_path: Path) -> None:
    frame = WindowFrame(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(frame)
    frame.show()
    assert [menu.title() for menu in frame.menus()] == ["&File", "&Edit", "&View", "&Help"]
    assert all(not menu.isEnabled() for menu in frame.menus())
    assert not frame.tabs.isEnabled() and frame.tabs.tabText(0) == "Overview"
    assert frame.windowTitle() == "Jinshan Fact Book"


def test_the_frame_speaks_the_readers_language_and_keeps_the_saved_size(qtbot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    earlier = WindowFrame(settings)
    qtbot.addWidget(earlier)
    earlier.show()
    earlier.resize(700, 500)
    qtbot.waitUntil(lambda: earlier.width() == 700)
    settings.setValue("window/geometry", earlier.saveGeometry())
    apply_language("zh_CN")
    try:
        frame = WindowFrame(settings)
        qtbot.addWidget(frame)
        assert frame.tabs.tabText(0) == "概览" and frame.menus()[0].title().startswith("文件")
        assert (frame.width(), frame.height()) == (700, 500)
    finally:
        apply_language("en")


def test_start_up_pauses_the_collector_until_the_filled_window_has_painted(qapp, monkeypatch, tmp_path: Path) -> None:
    import gc
    import sys

    from jinshan_desktop import cli

    collecting_while_filling: list[bool] = []
    open_for_window = cli._open_for_window

    def recording(arguments):  # type: ignore[no-untyped-def]
        collecting_while_filling.append(gc.isenabled())
        return open_for_window(arguments)

    monkeypatch.setattr(cli, "_open_for_window", recording)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its dialog-showing handler
    try:
        assert cli.main(["--exit-after-paint", "--user-db", str(tmp_path / "user.sqlite")]) == 0
        assert collecting_while_filling == [False]
        assert gc.isenabled() and gc.get_freeze_count() > 0  # resumed, start-up's objects set aside
    finally:
        gc.enable()
        gc.unfreeze()
        event_loops_usable_again(qapp)
