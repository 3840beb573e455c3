"""The command line in a subprocess, as a user or a script runs it."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from jinshan_desktop.data.exporting import export_all
from jinshan_desktop.data.queries import FactBook

TAB_LINES = ["Overview: ", "Manufacturing: ", "Rural revitalization: ", "Regional integration: ", "Public services: "]

# Refuses every socket operation Python can make, so the smoke run proves the app needs no network.
NO_NETWORK = textwrap.dedent(
    """
    import sys
    def refuse(event, args):
        if event.startswith(("socket.", "urllib.")):
            raise PermissionError(f"network use during the offline test: {event}")
    sys.addaudithook(refuse)
    from jinshan_desktop.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def run(*arguments: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    command = (
        [sys.executable, "-c", code, *arguments] if code else [sys.executable, "-m", "jinshan_desktop", *arguments]
    )
    return subprocess.run(command, capture_output=True, text=True, timeout=180, env=dict(os.environ))


def test_export_writes_the_same_files_as_the_menu(database: Path, book: FactBook, tmp_path: Path) -> None:
    result = run("--db", str(database), "export", "--out", str(tmp_path / "cli"))
    assert result.returncode == 0, result.stderr
    assert "Wrote 5 files" in result.stdout
    export_all(book, tmp_path / "menu")
    for name in ("observations.csv", "facts.csv", "entities.csv", "sources.csv", "README.txt"):
        assert (tmp_path / "cli" / name).read_bytes() == (tmp_path / "menu" / name).read_bytes(), name


def test_export_carries_every_figure(database: Path, book: FactBook, tmp_path: Path) -> None:
    run("--db", str(database), "export", "--out", str(tmp_path), "--encoding", "utf-8")
    text = (tmp_path / "observations.csv").read_text(encoding="utf-8")
    for row in book.observations():
        assert f"\n{row.id}," in text


def test_smoke_visits_every_tab(database: Path) -> None:
    result = run("--db", str(database), "--smoke")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] + ": " for line in lines] == TAB_LINES
    assert lines[1] == "Manufacturing: 37 rows"
    assert "Traceback" not in result.stdout + result.stderr


def test_smoke_runs_with_the_network_refused(database: Path) -> None:
    result = run("--db", str(database), "--smoke", code=NO_NETWORK)
    assert result.returncode == 0, result.stderr
    assert "network use" not in result.stdout + result.stderr
    assert len(result.stdout.splitlines()) == 5


def test_the_network_guard_itself_bites() -> None:
    probe = NO_NETWORK.replace(
        "from jinshan_desktop.cli import main\nsys.exit(main(sys.argv[1:]))",
        "import socket\nsocket.create_connection(('127.0.0.1', 9))",
    )
    result = run(code=probe)
    assert result.returncode != 0 and "network use during the offline test" in result.stderr


def test_without_db_the_bundled_database_is_built_on_first_start(tmp_path: Path) -> None:
    environment = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "jinshan_desktop", "export", "--out", str(tmp_path / "out")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, env=environment)
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "cache").rglob("jinshan-*.sqlite"))


def test_missing_database_is_one_line_and_nonzero(tmp_path: Path) -> None:
    for arguments in (["--smoke"], ["export", "--out", str(tmp_path / "x")]):
        result = run("--db", str(tmp_path / "nowhere.sqlite"), *arguments)
        assert result.returncode == 2
        assert result.stderr.strip().count("\n") == 0 and "does not exist" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "x").exists()


def test_corrupt_database_is_one_line_and_nonzero(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(os.urandom(8192))
    result = run("--db", str(broken), "export", "--out", str(tmp_path / "x"))
    assert result.returncode == 2 and "damaged" in result.stderr and "Traceback" not in result.stderr


def test_export_into_a_file_path_is_a_clear_error(database: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run("--db", str(database), "export", "--out", str(blocker / "sub"))
    assert result.returncode == 2 and "cannot be created" in result.stderr and "Traceback" not in result.stderr


def test_module_and_console_script_agree() -> None:
    script = Path(sys.executable).with_name("jinshan-desktop")
    assert script.exists(), "install the package (pip install -e .) to get the console script"
    by_module = run("--version").stdout
    by_script = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60).stdout
    assert by_module == by_script and by_module.startswith("jinshan-desktop ")


def test_smoke_in_chinese_prints_chinese_tab_titles(database: Path) -> None:
    result = run("--db", str(database), "--smoke", "--lang", "zh_CN")
    assert result.returncode == 0, result.stderr
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [
        "概览",
        "制造业",
        "乡村振兴",
        "区域一体化",
        "公共服务",
    ]


def test_export_in_traditional_chinese_and_gb18030(database: Path, tmp_path: Path) -> None:
    result = run("--db", str(database), "--lang", "zh_TW", "export", "--out", str(tmp_path), "--encoding", "gb18030")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "observations.csv").read_bytes().decode("gb18030")
    assert text.startswith("編號,主題,專題,指標")
    assert "製造業" in text and "和輝光電專案：兩期總投資" in text  # Taiwan: 專案 for a project


IMPORT = (
    "theme,topic,indicator,period,value,unit,source,locator\n"
    "Public services,Education,Investment in education,2021,6,billion yuan,budget-2021,p. 9\n"
)


def test_import_dry_run_then_apply_then_refuse(database: Path, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(IMPORT, encoding="utf-8")
    store = tmp_path / "user.sqlite"
    common = ("--db", str(database), "--user-db", str(store))
    dry = run(*common, "import", str(source), "--dry-run")
    assert dry.returncode == 0 and "1 figure(s) to add" in dry.stdout and "Dry run" in dry.stdout
    assert not store.exists()
    applied = run(*common, "import", str(source))
    assert applied.returncode == 0 and "as batch 1" in applied.stdout and store.exists()
    again = run(*common, "import", str(source))
    assert again.returncode == 0 and "1 already in the fact book" in again.stdout
    exported = run(*common, "export", "--out", str(tmp_path / "out"), "--encoding", "utf-8")
    assert exported.returncode == 0 and "budget-2021" in (tmp_path / "out" / "observations.csv").read_text("utf-8")
    source.write_text(IMPORT.replace(",6,", ",six,"), encoding="utf-8")
    before = store.read_bytes()
    refused = run(*common, "import", str(source))
    assert refused.returncode == 1
    assert "line 2: the value 'six' is not a number" in refused.stdout and "Traceback" not in refused.stderr
    assert store.read_bytes() == before


def test_a_command_reads_every_page_before_it_works(damaged_database: Path, tmp_path: Path) -> None:
    result = run("--db", str(damaged_database), "export", "--out", str(tmp_path / "x"))
    assert result.returncode == 2 and "is damaged (SQLite reports" in result.stderr
    assert not (tmp_path / "x").exists()


PAINT_THEN_REPORT_MODULES = textwrap.dedent(
    """
    import sys
    from jinshan_desktop.cli import main
    status = main(sys.argv[1:])
    print("pyqtgraph loaded:", "pyqtgraph" in sys.modules)
    print("ORM loaded:", "sqlalchemy.orm" in sys.modules)
    sys.exit(status)
    """
)


def test_the_window_fills_without_pyqtgraph_or_the_orm(database: Path) -> None:
    """pyqtgraph and numpy wait for the first chart (or the first idle moment), and the reads go through
    SQLAlchemy Core: the filled window never loads the ORM, which only the writers use."""
    result = run("--db", str(database), "--exit-after-paint", code=PAINT_THEN_REPORT_MODULES)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "window painted",
        "overview filled",
        "pyqtgraph loaded: False",
        "ORM loaded: False",
    ]


HOLD_THE_DATA_LAYER_UNTIL_PAINTED = textwrap.dedent(
    """
    import importlib.machinery, sys, threading
    painted = threading.Event()

    class Held:  # runs SQLAlchemy's module code only once the window has painted
        def __init__(self, loader):
            self.loader = loader
        def create_module(self, spec):
            return self.loader.create_module(spec)
        def exec_module(self, module):
            if not painted.wait(timeout=30):
                sys.stderr.write("the window waited for the data layer before painting\\n")
            self.loader.exec_module(module)

    class HoldSQLAlchemy:
        def find_spec(self, name, path=None, target=None):
            if name != "sqlalchemy":
                return None
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            spec.loader = Held(spec.loader)
            return spec

    class Moments:
        def __init__(self, stream):
            self.stream = stream
        def write(self, text):
            if text.strip() == "window painted":
                painted.set()
            return self.stream.write(text)
        def flush(self):
            self.stream.flush()

    sys.meta_path.insert(0, HoldSQLAlchemy())
    sys.stdout = Moments(sys.stdout)
    from jinshan_desktop.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def test_the_window_frame_paints_without_waiting_for_the_data_layer(database: Path) -> None:
    result = run("--db", str(database), "--exit-after-paint", code=HOLD_THE_DATA_LAYER_UNTIL_PAINTED)
    assert result.returncode == 0, result.stderr
    assert "waited for the data layer" not in result.stderr
    assert result.stdout.splitlines() == ["window painted", "overview filled"]


DIALOGS_PRINTED = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QMessageBox
    QMessageBox.critical = lambda parent, title, text, *rest: print("dialog:", text.splitlines()[0], flush=True)
    from jinshan_desktop.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def test_a_missing_database_in_the_window_is_a_dialog_over_the_frame(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "nowhere.sqlite"), "--exit-after-paint", code=DIALOGS_PRINTED)
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert lines[0] == "window painted" and lines[1].startswith("dialog: ") and len(lines) == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_a_chart_brings_pyqtgraph_in(qtbot, book: FactBook) -> None:
    from jinshan_desktop.ui.trend_chart import TrendChart

    chart = TrendChart()
    qtbot.addWidget(chart)
    assert chart.canvas is None and chart.placeholder.isVisibleTo(chart)
    chart.show_chart(book.chart_for("rural-income-2019"))
    assert chart.canvas is not None and not chart.placeholder.isVisibleTo(chart)
    chart.show_chart(None)
    assert chart.placeholder.isVisibleTo(chart) and not chart.canvas.isVisibleTo(chart)
