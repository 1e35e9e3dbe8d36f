"""Kill points by the hundred: SIGKILL the real command at random moments and check what it leaves.

For each scenario of ``tests/crash/harness.py`` (receiving a dossier, a demo load, a large procedure import,
a migration from schema 0001, a backup, a restore), runs the command ``--kills`` times on a fresh copy of
its template folder, kills it after a random delay within its own running time, and checks integrity,
all-or-nothing and that the program opens the folder again. Prints kill points tried and survived by scenario.

    .venv/bin/python bench/kill.py [--kills 100] [--seed 1] [--workers 2] [--only receive import]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.crash.harness import SCENARIOS, Outcome, prepare, run_scenario


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=100, help="kill points per scenario")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", nargs="*", default=None, help="scenario names")
    args = parser.parse_args()
    chosen = [s for s in SCENARIOS if not args.only or s.name in args.only]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="isodesk-kill-") as tmp:
        work = Path(tmp)
        for scenario in chosen:
            prepare(scenario, work)

        def run(index: int) -> Outcome:
            rng = random.Random(args.seed * 1000 + index)
            return run_scenario(chosen[index], work, args.kills, rng, lambda m: print("FAILED:", m, flush=True))

        with ThreadPoolExecutor(max_workers=args.workers) as pool:
            outcomes = list(pool.map(run, range(len(chosen))))
    print(f"kill points (seed {args.seed}, {time.perf_counter() - started:.0f} s):")
    print(f"  {'scenario':<10} {'tried':>6} {'survived':>9} {'ended before kill':>18}")
    for o in outcomes:
        print(f"  {o.scenario:<10} {o.tried:>6} {o.survived:>9} {o.finished:>18}")
    tried, survived = sum(o.tried for o in outcomes), sum(o.survived for o in outcomes)
    print(f"  {'total':<10} {tried:>6} {survived:>9} {sum(o.finished for o in outcomes):>18}")
    for o in outcomes:
        for failure in o.failures:
            print("  FAILED:", failure)
    sys.exit(1 if tried != survived or any(o.failures for o in outcomes) else 0)


if __name__ == "__main__":
    main()
