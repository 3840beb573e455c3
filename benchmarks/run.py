"""Speed and memory of the fact book at scale: a synthetic database of N figures, measured and printed.

    python benchmarks/run.py [--observations 1000000] [--runs 3] [--json results.json] [--db URL]

Each figure is the median of --runs. Start-up is timed from launch to the first painted window against a bare
PySide6 window with one pyqtgraph plot started the same way; the CSV export against `sqlite3 -csv` writing the
same rows. The in-app figures are measured in a separate app process, whose peak memory is reported too.

With --db postgresql+psycopg://user@host/db the same synthetic fact book is published into that (empty) team
database and measured there too, side by side with the file; the export is compared with psql's copy, and
Find and the filter box are timed with and without the pg_trgm indexes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from startup import time_to_paint  # noqa: E402

TARGETS = {  # the targets at a million figures
    "startup_large_ratio": ("≤", 1.3),
    "first_screen_ms": ("<", 100),
    "search_ms": ("<", 50),
    "export_ratio": ("≤", 2.0),
    "peak_memory_mb": ("<", 400),
    "import_s": ("≤", 30),
    "import_peak_memory_mb": ("≤", 500),
}
EXPORT_SQL = """
SELECT o.id, th.name_en, t.name_en, i.name_en, e.name_en, o.period_label, o.period_kind, o.period_year,
       printf('%.*f', o.decimals, o.value), u.name_en, o.qualifier, o.derived, o.formula, o.provisional,
       o.source_id, o.locator, o.note
FROM observations o JOIN indicators i ON o.indicator_id = i.id JOIN topics t ON i.topic_id = t.id
JOIN themes th ON t.theme_id = th.id JOIN units u ON i.unit_id = u.id LEFT JOIN entities e ON i.entity_id = e.id
ORDER BY th.position, t.position, o.position
"""


def median_time(action, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def measure_in_app(database: str, runs: int) -> dict[str, float]:
    """Runs inside the app process (--measure-app): table, search, chart and export timings, peak memory."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from jinshan_desktop.data.queries import open_fact_book
    from jinshan_desktop.ui.app import create_application
    from jinshan_desktop.ui.table_model import ObservationTableModel
    from jinshan_desktop.ui.theme_view import ThemeView
    from jinshan_desktop.ui.trend_chart import TrendChart

    app = create_application()
    book = open_fact_book(database)
    theme = next(theme for theme in book.themes() if theme.id == "manufacturing")
    results: dict[str, float] = {}
    views: list[ThemeView] = []

    def open_tab() -> None:
        view = ThemeView(book, theme)
        view.resize(1200, 800)
        view.show()
        while not view.model.count_known:  # the count arrives from the view's reader thread
            QApplication.processEvents()
        QApplication.processEvents()
        views.append(view)

    results["first_screen_ms"] = 1000 * median_time(open_tab, runs)
    view = views[-1]
    results["theme_rows"] = view.model.match_count

    def scroll_to_end() -> float:
        """Ctrl+End from the first row, with only the first page fetched: the last figure selected, its chart
        drawn and the screen painted. The reset before it is not timed."""
        view.model.set_query(view.model.query)
        view.select_observation_at(0)
        QApplication.processEvents()
        start = time.perf_counter()
        QTest.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        assert view.table.currentIndex().row() == view.model.match_count - 1
        return time.perf_counter() - start

    results["scroll_to_last_row_ms"] = 1000 * statistics.median(scroll_to_end() for _ in range(runs))

    def sort_by_value() -> None:
        view.model.sort(ObservationTableModel.COL_VALUE)
        QApplication.processEvents()
        view.model.sort(-1)

    results["sort_by_value_ms"] = 1000 * median_time(sort_by_value, runs)
    results["search_ms"] = 1000 * median_time(lambda: book.search("Synthetic indicator 4321"), runs)
    results["search_chinese_ms"] = 1000 * median_time(lambda: book.search("合成指标4321"), runs)

    def filter_table() -> None:
        view.model.set_text("edition 3217")
        QApplication.processEvents()
        view.model.set_text("")

    results["filter_ms"] = 1000 * median_time(filter_table, runs)
    with book.reading().store.engine.connect() as connection:
        longest = connection.execute(
            __import__("sqlalchemy").text(
                "SELECT id FROM observations WHERE indicator_id = (SELECT indicator_id FROM observations"
                " GROUP BY indicator_id ORDER BY count(*) DESC LIMIT 1) LIMIT 1"
            )
        ).scalar_one()
    chart = TrendChart()
    chart.resize(600, 400)
    chart.show()

    def draw_longest() -> None:
        chart.show_chart(book.chart_for(longest))
        QApplication.processEvents()

    results["longest_series_ms"] = 1000 * median_time(draw_longest, runs)
    results["longest_series_points"] = len(chart.chart.points) if chart.chart else 0
    results.update(export_timings(book, database, runs))
    results["peak_memory_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    app.processEvents()
    return results


def export_timings(book: Any, database: str, runs: int) -> dict[str, float]:
    """Our export of every figure and the engine's own tool writing the same rows (sqlite3 -csv, or psql's
    copy), interleaved run for run so that both see the machine in the same state."""
    from jinshan_desktop.data import exporting

    ours, theirs = [], []
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "observations.csv"
        for _ in range(runs):
            ours.append(median_time(lambda: exporting.export_table(exporting.observations_table(book), target), 1))
            if book.on_server:
                from team import psql_export_seconds

                theirs.append(psql_export_seconds(database))
            else:
                theirs.append(sqlite3_export_seconds(Path(database), 1))
    return {"export_s": statistics.median(ours), "export_baseline_s": statistics.median(theirs)}


IMPORT_CHILD = """
import json, resource, sys, time
from pathlib import Path
from jinshan_desktop.data.importing import apply_import, plan_import
from jinshan_desktop.data.queries import open_fact_book
bundled, store, source = (Path(a) for a in sys.argv[1:4])
book = open_fact_book(bundled, user_store=store)
start, start_cpu = time.perf_counter(), time.process_time()
plan = plan_import(book, source)
checked, checked_cpu = time.perf_counter(), time.process_time()
assert plan.accepted, plan.summary()[:5]
apply_import(plan, store)
done, done_cpu = time.perf_counter(), time.process_time()
print(json.dumps({"figures": len(plan.figures), "check_s": checked - start, "apply_s": done - checked,
                  "check_cpu_s": checked_cpu - start_cpu, "apply_cpu_s": done_cpu - checked_cpu,
                  "staging_worker": int(plan.staging is not None and plan.staging.worker_used),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def measure_import(database: Path) -> dict[str, float]:
    """A full export of the large fact book imported back over the bundled data into a fresh user database
    (in its own process, for its peak memory), beside sqlite3's own .import of the same file."""
    from jinshan_desktop.data.build import build_database
    from jinshan_desktop.data.exporting import export_table, observations_table
    from jinshan_desktop.data.queries import open_fact_book

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = work / "observations.csv"
        with open_fact_book(database) as book:
            export_table(observations_table(book), source, "utf-8")
        bundled = work / "bundled.sqlite"
        build_database(ROOT / "db", bundled)
        child = subprocess.run(
            [sys.executable, "-c", IMPORT_CHILD, str(bundled), str(work / "user.sqlite"), str(source)],
            capture_output=True,
            text=True,
            check=True,
        )
        measured = json.loads(child.stdout.strip().splitlines()[-1])
        start = time.perf_counter()
        subprocess.run(
            [_sqlite3(), str(work / "plain.sqlite"), ".mode csv", f".import {source} observations"], check=True
        )
        theirs = time.perf_counter() - start
        return {
            "import_file_mb": source.stat().st_size / 1e6,
            "import_figures": measured["figures"],
            "import_check_s": measured["check_s"],
            "import_apply_s": measured["apply_s"],
            # CPU time of the importing process: on a shared machine, less disturbed by other work than wall time
            "import_staging_worker_used": measured["staging_worker"],  # 1: a core was free for it
            "import_check_cpu_s": measured["check_cpu_s"],
            "import_apply_cpu_s": measured["apply_cpu_s"],
            "import_s": measured["check_s"] + measured["apply_s"],
            "import_sqlite3_s": theirs,
            "import_ratio": (measured["check_s"] + measured["apply_s"]) / theirs,
            "import_peak_memory_mb": measured["peak_mb"],
            "import_worker_peak_memory_mb": measured["worker_peak_mb"],  # the staging process, when a core was free
            "load_average_1min": os.getloadavg()[0],  # other work on the machine while it ran
        }


def _sqlite3() -> str:
    program = shutil.which("sqlite3")
    if program is None:
        raise SystemExit("the sqlite3 command-line program is needed for the comparisons (apt-get install sqlite3)")
    return program


def sqlite3_export_seconds(database: Path, runs: int) -> float:
    program = shutil.which("sqlite3")
    if program is None:
        raise SystemExit(
            "the sqlite3 command-line program is needed for the export comparison (apt-get install sqlite3)"
        )
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "sqlite3.csv"

        def export() -> None:
            with target.open("w") as handle:
                subprocess.run([program, "-csv", "-header", str(database), EXPORT_SQL], stdout=handle, check=True)

        return median_time(export, runs)


def measure(target: str, runs: int) -> dict[str, float]:
    """Start-up and the in-app figures of one database (a file or a team database's URL)."""
    bare = time_to_paint([sys.executable, str(ROOT / "benchmarks" / "bare_window.py")], runs)
    started = time_to_paint([sys.executable, "-m", "jinshan_desktop", "--db", target, "--exit-after-paint"], runs)
    measured = subprocess.run(
        [sys.executable, __file__, "--measure-app", target, "--runs", str(runs)],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen")),
    )
    if measured.returncode != 0:
        raise SystemExit(f"measuring {target.split('@')[-1]} failed:\n{measured.stderr[-3000:]}")
    in_app = json.loads(measured.stdout.strip().splitlines()[-1])
    return {
        "startup_bare_s": bare,
        "startup_large_s": started,
        "startup_large_ratio": started / bare,
        **in_app,
        "export_ratio": in_app["export_s"] / in_app["export_baseline_s"],
    }


def _verdict(key: str, value: float) -> str:
    target = TARGETS.get(key)
    if not target:
        return ""
    comparison, limit = target
    met = value <= limit if comparison == "≤" else value < limit
    return f"{comparison} {limit} {'met' if met else 'missed'}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--observations", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--db", help="also measure a team database on PostgreSQL (its URL; published if empty)")
    parser.add_argument("--measure-app", help=argparse.SUPPRESS)
    parser.add_argument("--only-import", action="store_true", help="measure only the import of a full export")
    arguments = parser.parse_args()
    if arguments.measure_app:
        print(json.dumps(measure_in_app(arguments.measure_app, arguments.runs)))
        return 0

    from synthetic import generate

    out = ROOT / "benchmarks" / "out"
    out.mkdir(exist_ok=True)
    database = out / f"synthetic-{arguments.observations}.sqlite"
    if not database.exists():
        print(f"generating {arguments.observations:,} figures into {database} …", flush=True)
        generate(database, arguments.observations)
    if arguments.only_import:
        for key, value in measure_import(database).items():
            print(f"{key:28} {value:10.3f}")
        return 0
    runs = arguments.runs
    columns = {"SQLite file": measure(str(database), runs)}
    print(json.dumps(columns["SQLite file"]), flush=True)  # a later failure keeps these
    columns["SQLite file"]["startup_bundled_s"] = time_to_paint(
        [sys.executable, "-m", "jinshan_desktop", "--exit-after-paint"], runs
    )
    extra: dict[str, float] = {}
    extra.update(measure_import(database))  # a full export of every figure imported back, beside sqlite3 .import
    if arguments.db:
        from team import ensure_published, trigram_worth

        published = ensure_published(database, arguments.db)
        if published is not None:
            extra["publish_s"] = published
        columns["PostgreSQL"] = measure(arguments.db, runs)
        extra.update(trigram_worth(arguments.db, runs))
    machine = f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"{arguments.observations:,} figures; {machine}; median of {runs}")
    names = list(columns)
    print(f"{'measure':28} " + " ".join(f"{name:>22}" for name in names))
    for key in columns["SQLite file"]:
        cells = []
        for name in names:
            value = columns[name].get(key, float("nan"))
            cells.append(f"{value:10.3f} {_verdict(key, value):>11}")
        print(f"{key:28} " + " ".join(f"{cell:>22}" for cell in cells))
    for key, value in extra.items():
        print(f"{key:28} {value:10.3f}")
    if arguments.json:
        record = {"observations": arguments.observations, "machine": machine, **columns, "postgresql_extra": extra}
        arguments.json.write_text(json.dumps(record, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
