"""Fuzzing at volume: every import and typed input, many more inputs than the test suite tries.

Prints, per target and in total, how many inputs were tried, accepted, refused with a message, and failed any
other way (a crash, a refusal without a message, a write after a refusal, stored text not NFC): that last
column must be 0. The first failures are shown with their input.

    .venv/bin/python bench/fuzz.py [--examples 60000] [--seed N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=60_000, help="inputs in all, shared by the targets' weights")
    parser.add_argument("--seed", type=int, default=None, help="a random seed (default: the fixed derandomised run)")
    parser.add_argument("--only", default="", help="comma-separated target names")
    args = parser.parse_args()

    from tests.fuzz.harness import fuzz
    from tests.fuzz.targets import TARGETS, open_env

    from isodesk.i18n import set_language

    set_language("vi")
    targets = [t for t in TARGETS if not args.only or t.name in args.only.split(",")]
    weight = sum(t.weight for t in targets)
    totals = {"tried": 0, "accepted": 0, "refused": 0, "failed": 0}
    print(f"{'target':<14}{'tried':>9}{'accepted':>10}{'refused':>10}{'failed':>8}{'seconds':>9}")
    shown = 0
    with tempfile.TemporaryDirectory() as folder:
        env = open_env(Path(folder))
        for target in targets:
            started = time.perf_counter()
            counts = fuzz(
                target, env, int(args.examples * target.weight / weight), raise_failures=False, seed=args.seed
            )
            row = {k: counts[k] for k in totals}
            for key in totals:
                totals[key] += row[key]
            print(
                f"{target.name:<14}{row['tried']:>9,}{row['accepted']:>10,}{row['refused']:>10,}{row['failed']:>8,}"
                f"{time.perf_counter() - started:>9.1f}",
                flush=True,
            )
            for example, exc in counts.failures[: max(0, 5 - shown)]:  # type: ignore[attr-defined]
                shown += 1
                print(f"    FAILED {type(exc).__name__}: {exc}\n    input: {example!r}"[:2000])
        env.watcher.close()
        env.ctx.close()
    print(f"{'total':<14}{totals['tried']:>9,}{totals['accepted']:>10,}{totals['refused']:>10,}{totals['failed']:>8,}")
    return 1 if totals["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
