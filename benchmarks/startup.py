"""Time from launching the app to its first painted window: from source, frozen, and a bare Qt baseline.

    python benchmarks/startup.py [--runs 7]

Each figure is the median of several launches, measured from process start to the "window painted" line the
app prints when started with --exit-after-paint. Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "jinshan-desktop" / "jinshan-desktop"


def time_to_paint(command: list[str], runs: int) -> float:
    environment = dict(os.environ)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=environment
        )
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == "window painted":
                samples.append(time.perf_counter() - start)
                break
        process.wait(timeout=120)
        if process.returncode != 0 or len(samples) < _ + 1:
            raise SystemExit(f"{command[0]} did not paint a window (exit {process.returncode})")
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    arguments = parser.parse_args()
    cases = {
        "bare PySide6 window + one pyqtgraph plot": [sys.executable, str(ROOT / "benchmarks" / "bare_window.py")],
        "fact book from source": [sys.executable, "-m", "jinshan_desktop", "--exit-after-paint"],
    }
    if FROZEN.exists():
        cases["fact book, frozen bundle"] = [str(FROZEN), "--exit-after-paint"]
    else:
        print(f"(no frozen bundle at {FROZEN}: run python packaging/build.py to include it)")
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'case':44} {'median s':>9} {'ratio':>6}")
    baseline = None
    for name, command in cases.items():
        seconds = time_to_paint(command, arguments.runs)
        baseline = baseline or seconds
        print(f"{name:44} {seconds:9.3f} {seconds / baseline:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
