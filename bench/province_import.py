"""The province importing its units' packages: 100 units, 1,000,000 dossier records in all.

Makes N signed unit packages of M dossier records each (plus a few QMS records a unit), for real unit codes of
Đồng Tháp (province 82) from the reference data, each signed with its own unit key, written with the package writer
into a temporary folder. Then, in this one process:

(a) the baseline: plain ``sqlite3`` ``executemany`` of the same rows into a table made with the same statement as
    the province's ``province_dossiers``, in a fresh file, in one transaction;
(b) ``import_packages`` of the N files into a fresh province office set up with the real init service (province
    mode, new units trusted), while the process's peak memory is sampled;

and prints both times and their ratio (target <= 2x), the median time of the province dashboard over that data
(``province_status``, target <= 200 ms) and the peak memory during the import (target < 500 MB).

    .venv/bin/python bench/province_import.py [--units 100] [--per-unit 10000] [--runs 7]
    .venv/bin/python bench/province_import.py --smoke      # 3 units of 200 records: a quick check
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import random
import sqlite3
import statistics
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

PROVINCE = "82"
TIMELINESS = ("ahead", "ahead", "on_time", "on_time", "on_time", "on_time", "late")
ROLES = ("Công chức Tư pháp - Hộ tịch", "Công chức Văn phòng - Thống kê", "Công chức Địa chính - Xây dựng")
FIELDS = ("Hộ tịch", "Chứng thực", "Đất đai", "Xây dựng", "Lao động - Thương binh và Xã hội")


class PeakMemory:
    """The peak resident memory of the process and its worker processes together while it runs (psutil, sampled),
    or the peak of this process's Python allocations (tracemalloc) when psutil is not installed."""

    def __init__(self) -> None:
        try:
            import psutil

            self._process: Any = psutil.Process()
        except ImportError:
            self._process = None
        self.peak = 0
        self.how = "resident memory" if self._process else "Python allocations"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _rss(self) -> int:
        """This process's resident memory and its worker processes' (a batch import reads in two)."""
        total = int(self._process.memory_info().rss)
        for child in self._process.children(recursive=True):
            with contextlib.suppress(Exception):  # a worker that just ended
                total += int(child.memory_info().rss)
        return total

    def _sample(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, self._rss())

    def __enter__(self) -> PeakMemory:
        if self._process:
            self.peak = self._rss()
            self._thread.start()
        else:
            import tracemalloc

            tracemalloc.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._process:
            self._stop.set()
            self._thread.join()
            self.peak = max(self.peak, self._rss())
        else:
            import tracemalloc

            self.peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def dossiers(unit_code: str, n: int, year: int, procedures: list[str]) -> list[dict[str, Any]]:
    """``n`` reduced dossier records of ``unit_code`` over ``year``, the same for the same arguments."""
    rnd = random.Random(f"{unit_code}-{n}-{year}")
    start = datetime(year, 1, 1, 1, 0, tzinfo=UTC)
    out = []
    for i in range(n):
        received = start + timedelta(minutes=rnd.randrange(0, 330 * 24 * 60))
        due = received + timedelta(days=rnd.randrange(1, 15))
        settled = received + timedelta(days=rnd.randrange(0, 20), hours=3) if rnd.random() < 0.9 else None
        timeliness = rnd.choice(TIMELINESS) if settled else None
        out.append(
            {
                "change_seq": i + 1,
                "due_at": _iso(due),
                "extensions": 0,
                "handling_role": ROLES[i % len(ROLES)],
                "procedure_code": procedures[i % len(procedures)],
                "procedure_field": FIELDS[i % len(FIELDS)],
                "rating": rnd.choice((1, 1, 2, 2, 3, 4, None)) if settled else None,
                "received_at": _iso(received),
                "received_on": received.date().isoformat(),
                "settled_at": _iso(settled) if settled else None,
                "settled_on": settled.date().isoformat() if settled else None,
                "status": "returned" if settled else "processing",
                "timeliness": timeliness,
                "unit_code": unit_code,
                "updated_at": _iso(settled or received),
                "uuid": str(uuid.UUID(bytes=hashlib.md5(f"{unit_code}/{i}".encode()).digest(), version=4)),
            }
        )
    return out


def qms_records(unit_code: str, year: int, announced: bool) -> dict[str, list[dict[str, Any]]]:
    """A unit's few QMS records: objectives, an audit, a review, findings, and an announcement for some."""

    def record(kind: str, i: int, **fields: Any) -> dict[str, Any]:
        key = f"{unit_code}/{kind}/{i}"
        return {"uuid": str(uuid.UUID(bytes=hashlib.md5(key.encode()).digest(), version=4)), "unit_code": unit_code,
                "updated_at": f"{year}-06-01T00:00:00+00:00", "change_seq": 1, **fields}  # fmt: skip

    out = {
        "qms_objectives": [
            record(
                "o",
                1,
                year=year,
                title="Tỷ lệ hồ sơ đúng hạn",
                measure="on_time_rate",
                target="80",
                direction="at_least",
                period="year",
                procedures="[]",
                field="",
                actuals="{}",
                active=True,
            ),
            record(
                "o",
                2,
                year=year,
                title="Mức độ hài lòng",
                measure="satisfaction_rate",
                target="90",
                direction="at_least",
                period="year",
                procedures="[]",
                field="",
                actuals="{}",
                active=True,
            ),
        ],
        "audits": [record("a", 1, held_on=f"{year}-05-12", status="reported")],
        "management_reviews": [record("r", 1, held_on=f"{year}-06-20", effective=True, confirmed_on=f"{year}-06-20")],
        "audit_findings": [
            record("f", i, grade=("minor", "major", "observation")[i % 3], status="open") for i in range(3)
        ],
    }
    if announced:
        out["qms_announcements"] = [record("n", 1, number="15/QĐ-UBND", announced_on=f"{year}-08-01",
                                           notified_on=None, scope_version=1)]  # fmt: skip
    return out


def jsonl(records: list[dict[str, Any]]) -> bytes:
    return b"".join(
        json.dumps(r, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode() + b"\n" for r in records
    )


def make_packages(folder: Path, codes: list[tuple[str, str]], per_unit: int, year: int, procedures: list[str]) -> None:
    from isodesk import __version__
    from isodesk.db.migrate import HEAD_REVISION
    from isodesk.sync import signing
    from isodesk.sync.format import FORMAT_VERSION, Manifest
    from isodesk.sync.package import write_package

    for i, (code, name) in enumerate(codes):
        data = {k: jsonl(v) for k, v in qms_records(code, year, announced=i % 2 == 0).items()}
        data["dossiers"] = jsonl(dossiers(code, per_unit, year, procedures))
        header = Manifest(
            format_version=FORMAT_VERSION, schema_version=HEAD_REVISION, unit_code=code, unit_name=name, sequence=1,
            previous_sha256="", created_at=datetime.now(UTC).isoformat(), program_version=__version__,
            period_start="", period_end=datetime.now(UTC).isoformat(), changes_from=0, changes_to=per_unit,
            full=True, public_key="",
        )  # fmt: skip
        write_package(folder / f"{code}.isosync", signing.generate_key(), header, data)


def baseline(path: Path, table_sql: list[str], codes: list[tuple[str, str]], per_unit: int, year: int,
             procedures: list[str]) -> float:  # fmt: skip
    """Seconds to insert the same dossier rows with plain executemany into the same table, in one transaction."""
    from isodesk.services.province.imports import DOSSIER_COLUMNS

    conn = sqlite3.connect(path, isolation_level=None)
    for statement in table_sql:
        conn.execute(statement)
    columns = ("unit_code", "uuid", "unit_change_seq", "unit_updated_at", *DOSSIER_COLUMNS)
    sql = f"INSERT INTO province_dossiers ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    spent = 0.0
    conn.execute("BEGIN")
    for code, _name in codes:
        rows = [
            (code, r["uuid"], r["change_seq"], r["updated_at"], *(r[c] for c in DOSSIER_COLUMNS))
            for r in dossiers(code, per_unit, year, procedures)
        ]
        t = time.perf_counter()
        conn.executemany(sql, rows)
        spent += time.perf_counter() - t
    t = time.perf_counter()
    conn.execute("COMMIT")
    spent += time.perf_counter() - t
    conn.close()
    return spent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--per-unit", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--smoke", action="store_true", help="3 units of 200 records, 3 runs")
    args = parser.parse_args()
    if args.smoke:
        args.units, args.per_unit, args.runs = 3, 200, 3

    from sqlalchemy import select

    from isodesk.db.models import AdminUnit, Procedure
    from isodesk.db.paths import database_path
    from isodesk.i18n.dates import local_today
    from isodesk.services.context import open_context
    from isodesk.services.office.profile import init_office
    from isodesk.services.province.imports import import_packages
    from isodesk.services.province.status import province_status

    year = local_today().year
    with tempfile.TemporaryDirectory(prefix="isodesk-province-") as tmp:
        root = Path(tmp)
        office = root / "tỉnh"
        office.mkdir()
        ctx = open_context(office)
        init_office(ctx, province_code=PROVINCE, role="province", leader_name="Trần Văn Tỉnh")
        ctx.actor = "admin"
        with ctx.read() as s:
            codes = [
                (c, n)
                for c, n in s.execute(
                    select(AdminUnit.code, AdminUnit.name)
                    .where(AdminUnit.province_code == PROVINCE)
                    .order_by(AdminUnit.code)
                )
            ]
            procedures = list(s.scalars(select(Procedure.code).order_by(Procedure.code).limit(60))) or ["1.001193"]
        if args.units > len(codes):
            raise SystemExit(f"province {PROVINCE} has {len(codes)} units")
        codes = codes[: args.units]
        packages = root / "gói"
        packages.mkdir()
        t = time.perf_counter()
        make_packages(packages, codes, args.per_unit, year, procedures)
        made = time.perf_counter() - t
        size = sum(p.stat().st_size for p in packages.iterdir())
        total = args.units * args.per_unit
        print(f"packages: {args.units} units x {args.per_unit:,} dossiers = {total:,} records, "
              f"{size / 1024 / 1024:,.1f} MiB, made in {made:.1f} s")  # fmt: skip

        conn = sqlite3.connect(database_path(office))
        table_sql = [
            sql
            for (sql,) in conn.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'province_dossiers' AND sql IS NOT NULL "
                "ORDER BY type DESC"
            )
        ]
        conn.close()
        plain = baseline(root / "baseline.sqlite", table_sql, codes, args.per_unit, year, procedures)

        files = sorted(packages.iterdir())
        with PeakMemory() as memory:
            t = time.perf_counter()
            results = import_packages(ctx, files, trust_new=True)
            imported = time.perf_counter() - t
        bad = [r for r in results if r.status != "imported"]
        if bad:
            raise SystemExit(f"not imported: {bad[0]}")
        added = sum(r.added for r in results)

        def dashboard() -> None:
            province_status(ctx, year)

        dashboard()
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            dashboard()
            times.append((time.perf_counter() - t) * 1000)
        ctx.close()

    print(f"baseline (sqlite3 executemany, {total:,} rows):  {plain:8.3f} s")
    print(f"import_packages ({len(files)} files, {added:,} records): {imported:8.3f} s")
    print(f"ratio import / baseline:                       {imported / max(plain, 1e-9):8.2f} x   (target <= 2)")
    print(f"province dashboard (median of {args.runs}):            {statistics.median(times):8.1f} ms  (target <= 200)")
    print(f"peak memory during the import ({memory.how}): {memory.peak / 1024 / 1024:8.1f} MB  (target < 500)")


if __name__ == "__main__":
    main()
