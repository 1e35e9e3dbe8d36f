"""Cold start of isodesk to its first painted main window, against a bare PySide6 window.

Both are started the same way (a new Python process), both print a line on their first paint and exit;
the figure is the wall time from launch to that line. The office is set up first in a temporary data
folder with demo data, so the main window (not the wizard) opens. Prints medians and the ratio
(target: at most 1.5).

    .venv/bin/python bench/startup.py [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = r"""
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            sys.stdout.write("painted\n"); sys.stdout.flush()
            QTimer.singleShot(0, lambda: os._exit(0))
app = QApplication(sys.argv)
w = Window(); w.resize(1100, 720); w.setWindowTitle("bare"); w.show()
app.exec()
"""


def time_to_paint(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds to the first paint, and to the process's exit.

    The exit is queued after the work that follows the first paint (isodesk: the icons and the first
    page of the window, which may load heavier modules), so the second figure includes that work.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    painted = time.perf_counter() - start
    proc.wait(timeout=30)
    done = time.perf_counter() - start
    if line.strip() != "painted":
        raise RuntimeError(f"{cmd} did not paint: {line!r}")
    return painted, done


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as data_dir:
        env["ISODESK_DATA_DIR"] = data_dir
        subprocess.run([sys.executable, "-m", "isodesk", "demo"], env=env, check=True, capture_output=True)
        app_env = dict(env, ISODESK_BENCH_EXIT_ON_PAINT="1")
        bare_cmd = [sys.executable, "-c", BARE]
        app_cmd = [sys.executable, "-m", "isodesk"]
        time_to_paint(bare_cmd, env)  # warm the OS file cache for both
        time_to_paint(app_cmd, app_env)
        bare: list[tuple[float, float]] = []
        app: list[tuple[float, float]] = []
        for _ in range(args.runs):
            bare.append(time_to_paint(bare_cmd, env))
            app.append(time_to_paint(app_cmd, app_env))
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}")
    for i, what in enumerate(("first paint", "first paint and first page built")):
        b = statistics.median(t[i] for t in bare)
        a = statistics.median(t[i] for t in app)
        print(f"{what}:")
        print(f"  bare PySide6 window: median {b * 1000:.0f} ms (min {min(t[i] for t in bare) * 1000:.0f})")
        print(f"  isodesk main window: median {a * 1000:.0f} ms (min {min(t[i] for t in app) * 1000:.0f})")
        print(f"  ratio isodesk / bare: {a / b:.2f}" + ("  (target <= 1.5)" if i == 0 else ""))


if __name__ == "__main__":
    main()
