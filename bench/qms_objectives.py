"""Quality objectives over a large ledger: every computed objective of a year, together.

Reuses the ledger benchmark's office (built once and cached in bench/out/ledger-<N>/, see bench/ledger.py), adds a
year's objectives of every computed measure (on-time rate for all procedures, for one field and for one procedure,
satisfaction rate, supplement-request rate, average days to settle; quarterly and monthly ones too) and prints the
medians of computing them all (target: 100 ms together) and of the QMS area's data (the journey's facts and the
year's objectives, what the area shows when it opens; target 150 ms for the whole page).

The objectives read the ledger's day counts (one row per day and procedure), so their cost follows the number of
days and procedures with dossiers, not the number of dossiers. ``--full-counts`` fills the day counts of the year
for every weekday and every procedure of the catalogue (what a million dossiers a year fill: a few thousand a day
over every procedure), at a million dossiers' totals, on a smaller built ledger, for a machine where building the
million dossiers takes too long.

    .venv/bin/python bench/qms_objectives.py [--dossiers 1000000] [--runs 15] [--full-counts]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger import OUT, build, median_ms  # the ledger benchmark's cached office

MEASURES = [
    ("Đúng hạn (tất cả)", "on_time_rate", "95", {}),
    ("Đúng hạn (Hộ tịch)", "on_time_rate", "95", {"field_name": "Hộ tịch"}),
    ("Đúng hạn (khai sinh)", "on_time_rate", "98", {"procedures": ["1.001193"]}),
    ("Hài lòng", "satisfaction_rate", "90", {}),
    ("Yêu cầu bổ sung", "supplement_rate", "10", {}),
    ("Số ngày giải quyết", "avg_days", "3", {}),
    ("Đúng hạn theo quý", "on_time_rate", "95", {"period": "quarter"}),
    ("Hài lòng theo tháng", "satisfaction_rate", "90", {"period": "month"}),
]


def fill_full_counts(path: Path, year: int, total: int) -> int:
    """Every (weekday, procedure) of ``year`` in the day counts, the year's ``total`` dossiers spread over them."""
    conn = sqlite3.connect(path)
    try:
        procedures = [r[0] for r in conn.execute("SELECT id FROM procedures")]
        first, length = date(year, 1, 1), (date(year + 1, 1, 1) - date(year, 1, 1)).days
        days = [d for i in range(length) if (d := first + timedelta(days=i)).weekday() < 5]
        per = max(1, total // (len(days) * len(procedures)))
        rng = random.Random(2026)
        rows = []
        for day in days:
            for pid in procedures:
                late = rng.randint(0, max(1, per // 15))
                ahead = rng.randint(0, per)
                rows.append((day.isoformat(), pid, per, ahead, per - ahead, late, per // 2, per // 3, 1, 0,
                             rng.randint(0, max(1, per // 20)), per * 3))  # fmt: skip
        conn.execute("DELETE FROM daily_counts WHERE day BETWEEN ? AND ?", (days[0].isoformat(), days[-1].isoformat()))
        conn.executemany(
            "INSERT INTO daily_counts (day, procedure_id, received, ahead, on_time, late, rating_1, rating_2, "
            "rating_3, rating_4, supplements, settle_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.commit()
        return len(rows)
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--full-counts", action="store_true", help="fill every day and procedure of the year")
    args = parser.parse_args()
    folder = OUT / f"ledger-{args.dossiers}"
    build(folder, args.dossiers)

    from isodesk.db.paths import database_path
    from isodesk.services.context import open_context
    from isodesk.services.ledger.queries import count_dossiers
    from isodesk.services.qms.journey import qms_status
    from isodesk.services.qms.objectives import add_objective, list_objectives

    started = time.perf_counter()
    ctx = open_context(folder)  # migrates a ledger built before the QMS tables (fills the day counts' new columns)
    opened = time.perf_counter() - started
    year = date.today().year
    if args.full_counts:
        rows = fill_full_counts(database_path(folder), year, 1_000_000)
        print(f"day counts of {year}: {rows:,} rows (every weekday and procedure, 1,000,000 dossiers' totals)")
    if not list_objectives(ctx, year):
        for title, measure, target, extra in MEASURES:
            add_objective(ctx, title=title, measure=measure, target=target, year=year, **extra)  # type: ignore[arg-type]
    total = count_dossiers(ctx)
    objectives = list_objectives(ctx, year)
    every = median_ms(lambda: list_objectives(ctx, year), args.runs)
    area = median_ms(lambda: qms_status(ctx), args.runs)
    ctx.close()
    print(f"ledger: {total:,} dossiers (opened and migrated in {opened:.1f} s)")
    for o in objectives:
        periods = f", {len(o.periods)} periods" if o.periods else ""
        print(f"  {o.title:<22} {o.measure:<18} actual {o.actual!s:>6} target {o.target:g}{periods}")
    print(f"every computed objective of {year} ({len(objectives)}): {every:7.1f} ms   (target <= 100, together)")
    print(f"QMS area data (journey + objectives):      {area:7.1f} ms   (the page's target is 150)")


if __name__ == "__main__":
    main()
