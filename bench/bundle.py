"""Cold start of the one-folder bundle against the program run from source, command by command.

Each command, and the window up to its first paint (offscreen), is started as a new process, from the bundle
(``dist/isodesk/isodesk-cli``, ``isodesk``) and from the source (``python -m isodesk``) in turn, so a machine that
slows down during the run slows both alike; the figure is each one's median wall time and the median of the pairs'
ratios. An office is set up first in a temporary data folder.
Build the bundle first (``python3 dev.py bundle``); without one, this says so and stops.

    .venv/bin/python bench/bundle.py [--runs 10] [--bundle dist/isodesk]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = ".exe" if os.name == "nt" else ""


def wall(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def to_window(cmd: list[str], env: dict[str, str], data_dir: Path) -> float:
    """Seconds until the window's program holds the data folder's lock, which it takes once its window is painted."""
    from filelock import FileLock, Timeout

    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while proc.poll() is None:
            try:
                with FileLock(str(data_dir / "isodesk.lock"), timeout=0):
                    pass
            except Timeout:
                return time.perf_counter() - started
            time.sleep(0.005)
        raise RuntimeError(f"{cmd[0]} ended before its window was painted")
    finally:
        proc.kill()
        proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "isodesk")
    args = parser.parse_args()
    cli = args.bundle / f"isodesk-cli{EXE}"
    if not cli.exists():
        print(f"no bundle at {args.bundle}: build it with `python3 dev.py bundle`")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, ISODESK_DATA_DIR=str(Path(tmp) / "data"), QT_QPA_PLATFORM="offscreen")
        env.pop("PYTHONPATH", None)
        source = [sys.executable, "-m", "isodesk"]
        subprocess.run([*source, "init", "--province", "82", "--unit", "28261"], env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        print(f"{'command':<16} {'bundle ms':>10} {'source ms':>10} {'ratio':>7}")
        for command in (["--version"], ["info", "--json"], ["check", "--json"]):
            wall([str(cli), *command], env)  # warm the file cache for both
            wall([*source, *command], env)
            pairs = [(wall([str(cli), *command], env), wall([*source, *command], env)) for _ in range(args.runs)]
            bundle = statistics.median(b for b, _ in pairs) * 1000
            src = statistics.median(s for _, s in pairs) * 1000
            ratio = statistics.median(b / s for b, s in pairs)
            print(f"{' '.join(command):<16} {bundle:>10.0f} {src:>10.0f} {ratio:>7.2f}")
        data_dir = Path(env["ISODESK_DATA_DIR"])
        window = [str(args.bundle / f"isodesk{EXE}")]
        pairs = [(to_window(window, env, data_dir), to_window(source, env, data_dir)) for _ in range(args.runs)]
        bundle = statistics.median(b for b, _ in pairs) * 1000
        src = statistics.median(s for _, s in pairs) * 1000
        ratio = statistics.median(b / s for b, s in pairs)
        print(f"{'window painted':<16} {bundle:>10.0f} {src:>10.0f} {ratio:>7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
