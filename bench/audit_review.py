"""The management review's inputs over a large ledger and a busy audit year.

Builds (once, cached in bench/out/ledger-<N>/, shared with bench/ledger.py) an office with N demo dossiers, adds a
year of 12 audits with 200 findings and 150 corrective actions (in a copy, so the cached ledger stays as it was),
then prints the median time to gather a management review's inputs (ISO 9001:2015 9.3.2: on-time rate and
satisfaction from the ledger, audits, findings, actions) and to open a review with them. Target (issue 12): 200 ms.

    .venv/bin/python bench/audit_review.py [--dossiers 1000000] [--runs 15]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger import OUT, build, median_ms

AUDITORS = ("Chuyên gia Một", "Chuyên gia Hai", "Chuyên gia Ba")
GRADES = ("major", "minor", "minor", "observation", "improvement")
CLAUSES = ("4.1", "5.3", "6.1", "7.1", "7.2", "7.5", "8.1", "8.2", "8.5", "8.7", "9.1", "10.2")


def audit_year(folder: Path, year: int) -> None:
    """12 audits (one a month, each department in turn), 200 findings, 150 actions, half of them verified."""
    from isodesk.services.audit.audits import plan_audit
    from isodesk.services.audit.findings import add_action, add_finding, complete_action, verify_action
    from isodesk.services.context import open_context
    from isodesk.services.office.staff import add_staff, list_staff

    ctx = open_context(folder)
    staff = list_staff(ctx)
    departments = sorted({p.department for p in staff})
    for name in AUDITORS:
        add_staff(ctx, name, "Tổ đánh giá nội bộ", "Chuyên gia đánh giá")
    audits = [
        plan_audit(ctx, date(year, m, 10), departments[m % len(departments)], AUDITORS[m % 3], clauses=CLAUSES).id
        for m in range(1, 13)
    ]
    owner = staff[0].name
    for i in range(200):
        finding = add_finding(ctx, audits[i % 12], GRADES[i % 5], CLAUSES[i % 12], f"Bằng chứng số {i + 1}")
        if i < 150:
            action = add_action(ctx, finding.id, owner, date(year, 1, 1) + timedelta(days=i * 2), f"Khắc phục {i}")
            if i % 2:
                complete_action(ctx, action.id)
                verify_action(ctx, action.id, AUDITORS[0], True)
    ctx.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    cached = OUT / f"ledger-{args.dossiers}"
    build(cached, args.dossiers)
    folder = OUT / f"audit-review-{args.dossiers}"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(cached, folder)
    year = date.today().year
    started = time.perf_counter()
    audit_year(folder, year)
    print(f"  12 audits, 200 findings, 150 actions added in {time.perf_counter() - started:.1f} s")

    from isodesk.i18n.dates import local_now
    from isodesk.services.audit.reviews import gather_inputs, start_review
    from isodesk.services.context import open_context
    from isodesk.services.ledger.queries import count_dossiers

    ctx = open_context(folder)
    total = count_dossiers(ctx)
    now = local_now()
    start, end = date(year, 1, 1), date(year, 12, 31)

    def gather() -> dict[str, object]:
        with ctx.read() as s:
            return gather_inputs(s, start, end, now)

    inputs = gather()
    gathered = median_ms(gather, args.runs)
    days = iter(range(10_000))
    opened = median_ms(lambda: start_review(ctx, end + timedelta(days=next(days) + 1), now=now), args.runs)
    ctx.close()
    shutil.rmtree(folder)
    ledger = inputs["ledger"]
    print(f"ledger: {total:,} dossiers; the year {year}: {ledger['settled']:,} settled")  # type: ignore[index]
    print(f"review inputs gathered:         {gathered:7.1f} ms   (target <= 200)")
    print(f"review opened with its inputs:  {opened:7.1f} ms   (target <= 200; one transaction, saved)")
    print(f"  on-time rate {inputs['on_time_rate']}, findings {inputs['findings']}")


if __name__ == "__main__":
    main()
