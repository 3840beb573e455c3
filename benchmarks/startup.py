"""Start-up of the fact book against a bare PySide6 + pyqtgraph window, measured in the same run.

    python benchmarks/startup.py [--runs 9] [--observations 1000000]

Two moments of each launch, from process start: "window painted" (the window's frame: title, menus, tabs, the
Overview's heading) and "overview filled" (the main window with its first view's data has painted), as the app
prints them when started with --exit-after-paint. Each is the median of several launches, and each launch of
every case is interleaved with the others so the shared machine's drift hits them alike. The app runs from
source and, when dist/jinshan-desktop/ exists, frozen; with the bundled data and with a synthetic database of
--observations figures (benchmarks/synthetic.py, made once into benchmarks/out/). Offscreen unless
QT_QPA_PLATFORM says otherwise. The package's bytecode is compiled first, as pip compiles an installed app's
and a checkout's first run caches it: with PYTHONDONTWRITEBYTECODE set (as on some CI machines) every
launch from source would otherwise compile each module again, which no installed copy does.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "jinshan-desktop" / "jinshan-desktop"
MOMENTS = ("window painted", "overview filled")


def moments_of_one_launch(command: list[str]) -> dict[str, float]:
    environment = dict(os.environ)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    seen: dict[str, float] = {}
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=environment)
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() in MOMENTS:
            seen.setdefault(line.strip(), time.perf_counter() - start)
    process.wait(timeout=120)
    if process.returncode != 0 or "window painted" not in seen:
        raise SystemExit(f"{' '.join(command)} did not paint a window (exit {process.returncode})")
    return seen


def median_moments(commands: dict[str, list[str]], runs: int) -> dict[str, dict[str, float]]:
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(moments_of_one_launch(command))
    return {
        name: {moment: statistics.median(run[moment] for run in runs_of_case) for moment in runs_of_case[0]}
        for name, runs_of_case in samples.items()
    }


def time_to_paint(command: list[str], runs: int) -> float:
    """Median seconds to the last moment a launch prints (the filled window, for the fact book)."""
    return statistics.median(max(moments_of_one_launch(command).values()) for _ in range(runs))


def cases(database: Path | None, frozen: Path) -> dict[str, list[str]]:
    app = {"from source": [sys.executable, "-m", "jinshan_desktop"]}
    if frozen.exists():
        app["frozen"] = [str(frozen)]
    found = {"bare PySide6 window + one pyqtgraph plot": [sys.executable, str(ROOT / "benchmarks" / "bare_window.py")]}
    for how, command in app.items():
        found[f"fact book {how}, bundled data"] = [*command, "--exit-after-paint"]
        if database is not None:
            found[f"fact book {how}, {database.stem}"] = [*command, "--db", str(database), "--exit-after-paint"]
    return found


def synthetic_database(observations: int) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    database = ROOT / "benchmarks" / "out" / f"synthetic-{observations}.sqlite"
    if not database.exists():
        database.parent.mkdir(exist_ok=True)
        print(f"generating {observations:,} figures into {database} …", flush=True)
        generate(database, observations)
    return database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--observations", type=int, default=1_000_000, help="0: the bundled data only")
    parser.add_argument("--frozen", type=Path, default=FROZEN, help="the frozen app's executable")
    arguments = parser.parse_args()
    database = synthetic_database(arguments.observations) if arguments.observations else None
    compileall.compile_dir(ROOT / "jinshan_desktop", quiet=1)
    if not arguments.frozen.exists():
        print(f"(no frozen bundle at {arguments.frozen}: run python packaging/build.py to include it)")
    results = median_moments(cases(database, arguments.frozen), arguments.runs)
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"median of {arguments.runs} launches; ratio to the bare window's first paint")
    print(f"{'case':58} {'painted s':>9} {'ratio':>6} {'filled s':>9} {'ratio':>6}")
    baseline = None
    for name, moments in results.items():
        painted = moments["window painted"]
        baseline = baseline or painted
        filled = moments.get("overview filled")
        filled_text = f"{filled:9.3f} {filled / baseline:6.2f}" if filled is not None else ""
        print(f"{name:58} {painted:9.3f} {painted / baseline:6.2f} {filled_text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
