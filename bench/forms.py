"""Printing speed: one receipt slip (target <= 15 ms) and a ledger of 10,000 dossiers (target <= 5 s).

.venv/bin/python bench/forms.py [--runs 20]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, datetime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    from isodesk.i18n.dates import LOCAL_TZ
    from isodesk.services.context import open_context
    from isodesk.services.demo import fill_demo
    from isodesk.services.demo_ledger import fill_demo_ledger
    from isodesk.services.forms import ledger_pdf, receipt_pdf
    from isodesk.services.ledger_query import list_dossiers

    with tempfile.TemporaryDirectory() as folder:
        ctx = open_context(folder)
        fill_demo(ctx, 0)
        now = datetime(2026, 11, 20, 12, 0, tzinfo=LOCAL_TZ)
        fill_demo_ledger(ctx, 10_000, now=now)
        codes = [r.code for r in list_dossiers(ctx, limit=args.runs + 1)]
        receipt_pdf(ctx, codes[0])  # fonts registered once per process
        slips = []
        for code in codes[1:]:
            t = time.perf_counter()
            receipt_pdf(ctx, code)
            slips.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        data = ledger_pdf(ctx, date(2025, 11, 1), date(2026, 11, 30))
        ledger = time.perf_counter() - t
        ctx.close()
    print(f"receipt slip (2 copies, A5):    median {statistics.median(slips):6.1f} ms   (target <= 15)")
    print(f"ledger of 10,000 dossiers:      {ledger:6.2f} s ({len(data) / 2**20:.1f} MB)   (target <= 5)")


if __name__ == "__main__":
    main()
