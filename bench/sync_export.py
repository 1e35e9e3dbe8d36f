"""Exporting a unit's year to the province: a full sync package of an office with 10,000 dossiers.

Builds (once, cached in bench/out/ledger-<N>/, shared with bench/ledger.py) an office with N demo dossiers, adds a
quality policy and a year of findings (in a copy, so the cached ledger stays as it was), then prints the median time
of a full export (records gathered, dossiers reduced, package signed and written) and of an incremental one with
nothing new, and the package's size. Target (issue 13): a year of 10,000 dossiers in at most 1 s.

    .venv/bin/python bench/sync_export.py [--dossiers 10000] [--runs 7]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger import OUT, build, median_ms

CLAUSES = ("4.1", "5.3", "6.1", "7.1", "7.2", "7.5", "8.1", "8.2", "8.5", "8.7", "9.1", "10.2")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cached = OUT / f"ledger-{args.dossiers}"
    build(cached, args.dossiers)
    folder = OUT / f"sync-export-{args.dossiers}"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(cached, folder)

    from isodesk.services.audit.findings import add_finding
    from isodesk.services.context import administrator, open_context
    from isodesk.services.ledger.queries import count_dossiers
    from isodesk.services.qms.policy import draft_policy
    from isodesk.services.sync.export import export_package

    ctx = open_context(folder)
    with ctx.read() as s:
        ctx.actor = administrator(s)
    draft_policy(ctx, "Công khai, minh bạch, đúng hẹn, tận tình phục vụ nhân dân.")
    for i in range(60):
        add_finding(ctx, None, "minor", CLAUSES[i % len(CLAUSES)], f"Phát hiện số {i + 1} của năm")
    total = count_dossiers(ctx)
    out = folder / "gói năm.isosync"
    full = median_ms(lambda: export_package(ctx, out, full=True), args.runs)
    last = export_package(ctx, out, full=True)
    size = out.stat().st_size
    incremental = median_ms(lambda: export_package(ctx, folder / "gói tiếp.isosync"), args.runs)
    ctx.close()
    shutil.rmtree(folder)
    print(f"ledger: {total:,} dossiers; package: {last.records:,} records, {size / 1024:,.0f} KiB")
    print(f"full export (signed, written):  {full:7.1f} ms   (target <= 1000)")
    print(f"incremental, nothing new:       {incremental:7.1f} ms")


if __name__ == "__main__":
    main()
