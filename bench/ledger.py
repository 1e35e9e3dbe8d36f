"""The one-stop-shop ledger at scale: a million dossiers.

Builds (once, cached in bench/out/ledger-<N>/) an office with N demo dossiers, then prints medians of:
the ledger's first page (50 rows, newest first, with its count), an accent-insensitive search, a year's statistics,
receiving one dossier (validation, code, deadline, save), and the resident memory of a process holding the ledger
open. Targets (issue): 50 ms, 150 ms, 50 ms, 20 ms, 300 MB.

    .venv/bin/python bench/ledger.py [--dossiers 1000000] [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def cached(folder: Path) -> bool:
    """True when ``folder`` holds a finished build (its "complete" mark); otherwise it is emptied for a new one."""
    if (folder / "complete").exists():
        return True
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return False


def build(folder: Path, n: int) -> None:
    from isodesk.services.context import open_context
    from isodesk.services.office.demo import fill_demo

    if cached(folder):
        return
    ctx = open_context(folder)
    started = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        if time.perf_counter() - last[0] > 10:
            last[0] = time.perf_counter()
            print(f"  building: {done:,}/{total:,} dossiers", flush=True)

    from isodesk.services.ledger import demo_ledger

    fill_demo(ctx, 0)
    demo_ledger.fill_demo_ledger(ctx, n, progress=progress)
    ctx.close()
    (folder / "complete").write_text(str(n))
    print(f"  built {n:,} dossiers in {time.perf_counter() - started:.0f} s")


def median_ms(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    fn()  # warm
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def measure(folder: Path, runs: int) -> None:
    from isodesk.services.context import open_context
    from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier
    from isodesk.services.ledger.queries import DossierFilter, count_dossiers, list_dossiers
    from isodesk.services.ledger.stats import stats

    ctx = open_context(folder)
    total = count_dossiers(ctx)
    year = date.today().year
    first_page = median_ms(lambda: (count_dossiers(ctx), list_dossiers(ctx, limit=50)), runs)
    names = iter(["nguyen van binh", "tran thi thu ha", "le minh duc", "pham ngoc anh", "vo thanh tung"] * 100)

    def search_page() -> None:
        f = DossierFilter(search=next(names))
        count_dossiers(ctx, f)
        list_dossiers(ctx, f, limit=50)

    search = median_ms(search_page, runs)
    found = len(list_dossiers(ctx, DossierFilter(search="nguyen van binh"), limit=50))
    year_stats = median_ms(lambda: stats(ctx, date(year, 1, 1), date(year, 12, 31)), runs)
    receive = median_ms(lambda: receive_dossier(ctx, "1.001193", ApplicantInput("Nguyễn Văn Bình")), runs)
    ctx.close()
    rss = subprocess.run(
        [sys.executable, "-c", RSS_PROBE, str(folder)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
    )
    print(f"ledger: {total:,} dossiers")
    print(f"first page (count + 50 rows):   {first_page:7.1f} ms   (target <= 50)")
    print(f"accent-insensitive search:      {search:7.1f} ms   (target <= 150; count + 50 rows; {found} found)")
    print(f"statistics of {year}:            {year_stats:7.1f} ms   (target <= 50)")
    print(f"receive one dossier:            {receive:7.1f} ms   (target <= 20)")
    print(rss.stdout.strip() or rss.stderr.strip())


RSS_PROBE = r"""
import sys, psutil
from PySide6.QtWidgets import QApplication
from isodesk.services.context import open_context
from isodesk.ui.ledger.ledger_model import LedgerModel
app = QApplication([])
ctx = open_context(sys.argv[1])
model = LedgerModel(ctx)
model.reload_now()
rows = model.rowCount()
for r in range(0, min(rows, 200)):
    model.data(model.index(r, 0))
rss = psutil.Process().memory_info().rss / 2**20
print(f"resident memory, ledger open:   {rss:7.0f} MB   (target < 300; {rows:,} rows)")
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    folder = OUT / f"ledger-{args.dossiers}"
    build(folder, args.dossiers)
    measure(folder, args.runs)


if __name__ == "__main__":
    main()
