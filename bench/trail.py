"""The audit trail at scale: verifying and listing 100,000 entries.

Builds (once, cached in bench/out/trail-<N>/) an office whose trail holds about N entries, written by the real
session hooks: dossiers with their applicant and first step are added through the ORM in transactions of 1,000, so
each entry has the size and shape of a real receipt. Then prints the median time of a full integrity check
(``isodesk trail verify``), its rate, and the trail screen's first page (count + 100 newest entries).

    .venv/bin/python bench/trail.py [--entries 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ledger import OUT, cached


def build(folder: Path, entries: int) -> None:
    from sqlalchemy import select

    from isodesk.db.models import Applicant, Dossier, DossierEvent, Procedure
    from isodesk.i18n.text import search_key
    from isodesk.services.context import open_context
    from isodesk.services.ledger.demo_ledger import person_name
    from isodesk.services.office.demo import fill_demo

    if cached(folder):
        return
    ctx = open_context(folder)
    fill_demo(ctx, 0)
    import random

    rng = random.Random(7)
    with ctx.read() as s:
        procedure = s.execute(select(Procedure.id).limit(1)).scalar_one()
    started = time.perf_counter()
    dossiers = entries // 3
    now = datetime.now(UTC)
    for chunk in range(0, dossiers, 1000):
        with ctx.unit_of_work() as s:
            for i in range(chunk, min(chunk + 1000, dossiers)):
                name = person_name(rng)
                applicant = Applicant(name=name, address=f"Số {i % 300} đường Hùng Vương", phone="0912345678")
                s.add(applicant)
                s.flush()
                code = f"BENCH-{i:07d}"
                dossier = Dossier(
                    code=code,
                    book_year=2026,
                    book_seq=i + 1,
                    procedure_id=procedure,
                    applicant_id=applicant.id,
                    status="received",
                    received_at=now,
                    received_on=now.date(),
                    due_at=now + timedelta(days=3),
                    search_key=search_key(f"{code} {name}"),
                )
                s.add(dossier)
                s.flush()
                s.add(DossierEvent(dossier_id=dossier.id, at=now, action="received", to_state="received"))
        if chunk % 10000 == 0:
            print(f"  building: {chunk:,}/{dossiers:,} dossiers", flush=True)
    ctx.close()
    (folder / "complete").write_text(str(entries))
    print(f"  built in {time.perf_counter() - started:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = OUT / f"trail-{args.entries}"
    build(folder, args.entries)

    from isodesk.services.context import open_context
    from isodesk.services.safety.trail import count_trail, list_trail
    from isodesk.services.safety.trail_verify import verify_trail

    ctx = open_context(folder)
    result = verify_trail(ctx)
    assert result.ok, result.to_dict()
    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        verify_trail(ctx)
        times.append(time.perf_counter() - t)
    verify = statistics.median(times)
    pages = []
    for _ in range(args.runs * 3):
        t = time.perf_counter()
        count_trail(ctx)
        list_trail(ctx, limit=100)
        pages.append((time.perf_counter() - t) * 1000)
    ctx.close()
    print(f"audit trail: {result.entries:,} entries")
    print(f"verify (every hash, chain, head): {verify:7.2f} s   ({result.entries / verify:,.0f} entries/s)")
    print(f"trail screen first page:          {statistics.median(pages):7.1f} ms   (count + 100 newest)")


if __name__ == "__main__":
    main()
