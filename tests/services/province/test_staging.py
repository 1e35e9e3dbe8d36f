"""The province reads its units' packages ahead on worker processes and stages their dossiers: the tables come out
the same as when every record is read by the careful reader in the package's transaction, the months counted ahead
are SQL's own count, a record that is not what a unit writes is left to the careful reader, and a worker that stops
leaves its files to be read here."""

from __future__ import annotations

import pickle
import random
import sqlite3
from collections.abc import Iterator
from concurrent.futures import BrokenExecutor, Future, ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from isodesk.db.paths import database_path
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import move_dossier
from isodesk.services.province import imports, staging
from isodesk.services.province.imports import import_packages
from isodesk.services.province.staging import DossierRecord, count_months, decode_dossiers
from isodesk.services.sync.export import export_package
from isodesk.sync.package import PackageError, read_package
from tests.services.province.conftest import province_office

TABLES = ("province_units", "province_records", "province_dossiers", "province_dossier_months", "province_imports")
#: What differs between two provinces importing the same files: row ids, times and who imported.
_SKIP = {"id", "at", "last_package_at", "enrolled_at", "file_name"}


def _table(ctx: AppContext, table: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(database_path(ctx.data_dir))
    try:
        cur = conn.execute(f"SELECT * FROM {table}")
        keep = [i for i, d in enumerate(cur.description) if d[0] not in _SKIP]
        return sorted((tuple(row[i] for i in keep) for row in cur), key=repr)
    finally:
        conn.close()


def _tables(ctx: AppContext) -> dict[str, list[tuple[object, ...]]]:
    return {t: _table(ctx, t) for t in TABLES}


@pytest.fixture
def other_province(tmp_path: Path) -> Iterator[AppContext]:
    ctx = province_office(tmp_path / "tỉnh khác")
    yield ctx
    ctx.close()


@pytest.fixture
def three_packages(unit: AppContext, tmp_path: Path) -> list[Path]:
    """A unit's first package (every dossier added), the next after a dossier moved on (one changed), then a full
    one (nothing changed)."""
    files = [Path(export_package(unit, tmp_path / "1.isosync").file)]
    conn = sqlite3.connect(database_path(unit.data_dir))
    code, status = conn.execute(
        "SELECT code, status FROM dossiers WHERE status IN ('received', 'processing') ORDER BY id LIMIT 1"
    ).fetchone()
    conn.close()
    move_dossier(unit, str(code), {"received": "processing", "processing": "ready"}[status], at=datetime.now(UTC))
    files.append(Path(export_package(unit, tmp_path / "2.isosync").file))
    files.append(Path(export_package(unit, tmp_path / "3.isosync", full=True).file))
    return files


def test_worker_processes_give_the_tables_the_careful_reader_gives(
    three_packages: list[Path], province: AppContext, other_province: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    pools: list[str] = []
    workers = staging._workers
    monkeypatch.setattr(staging, "_workers", lambda files: pools.append(type(pool := workers(files)).__name__) or pool)
    ahead = import_packages(province, three_packages, trust_new=True)
    assert pools == ["ProcessPoolExecutor"]  # read by worker processes, their dossiers staged
    assert [r.status for r in ahead] == ["imported"] * 3
    assert ahead[0].added == sum(m.records for m in read_package(three_packages[0]).manifest.members.values())
    assert (ahead[1].added, ahead[1].updated) == (0, read_package(three_packages[1]).manifest.members[
        "data/dossiers.jsonl"].records)  # fmt: skip
    assert (ahead[2].added, ahead[2].updated) == (0, 0)
    # the same files, one call each (read on a thread), none staged: every record read in the transaction
    monkeypatch.setattr(staging, "decode_dossiers", lambda _member: None)
    careful = [import_packages(other_province, [f], trust_new=True)[0] for f in three_packages]
    assert [(r.status, r.added, r.updated) for r in careful] == [(r.status, r.added, r.updated) for r in ahead]
    assert _tables(province) == _tables(other_province)
    assert _table(province, "province_dossiers")  # not two empty tables


def test_a_package_that_only_adds_dossiers_adds_its_months(
    three_packages: list[Path], province: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    staged: list[int] = []
    stage = staging.stage
    monkeypatch.setattr(staging, "stage", lambda records, path: staged.append(len(records)) or stage(records, path))
    import_packages(province, three_packages[:1], trust_new=True)  # one file: read on a thread of this process
    assert staged == [read_package(three_packages[0]).manifest.members["data/dossiers.jsonl"].records]
    kept = _table(province, "province_dossier_months")
    conn = sqlite3.connect(database_path(province.data_dir))
    with conn:
        conn.execute("DELETE FROM province_dossier_months")
        conn.execute(imports._MONTHS_RECEIVED, {"unit": "28261"})
        conn.execute(imports._MONTHS_SETTLED, {"unit": "28261"})
    conn.close()
    assert kept and kept == _table(province, "province_dossier_months")


def _records(n: int, seed: int) -> list[DossierRecord]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        received = date(2026, 1, 1) + timedelta(days=rnd.randrange(0, 400))
        settled = received + timedelta(days=rnd.randrange(0, 40)) if rnd.random() < 0.8 else None
        out.append(
            DossierRecord(
                uuid=f"u{i}",
                unit_code="28261",
                updated_at="2026-12-01T00:00:00+00:00",
                change_seq=i + 1,
                procedure_code=rnd.choice(("1.001193", "2.000908", "1.004227")),
                procedure_field=rnd.choice(("Hộ tịch", "Chứng thực")),
                received_on=received.isoformat() if settled or rnd.random() < 0.9 else None,
                settled_on=settled.isoformat() if settled else None,
                timeliness=rnd.choice(("ahead", "on_time", "late", None, "")) if settled else None,
                rating=rnd.choice((1, 2, 3, 4, 5, None)),
            )
        )
    return out


def _sql_months(records: list[DossierRecord]) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE TABLE province_dossiers (unit_code, {', '.join(staging.DOSSIER_KEYS)})")
    conn.execute(
        "CREATE TABLE province_dossier_months (month, unit_code, procedure_code, procedure_field, received, ahead, "
        "on_time, late, rating_1, rating_2, rating_3, rating_4, settle_days, "
        "PRIMARY KEY (month, unit_code, procedure_code, procedure_field))"
    )
    keys = staging.DOSSIER_KEYS
    conn.executemany(
        f"INSERT INTO province_dossiers VALUES ({', '.join('?' * (len(keys) + 1))})",
        [("28261", *(getattr(r, k) for k in keys)) for r in records],
    )
    conn.execute(imports._MONTHS_RECEIVED, {"unit": "28261"})
    conn.execute(imports._MONTHS_SETTLED, {"unit": "28261"})
    return sorted(
        tuple(r)
        for r in conn.execute(
            f"SELECT {staging.MONTH_COLUMNS} FROM province_dossier_months WHERE received + ahead + on_time + late > 0"
        )
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_months_counted_ahead_are_sql_s_count(seed: int) -> None:
    records = _records(600, seed)
    counted = count_months(records)
    assert counted is not None
    assert sorted(r for r in counted if sum(r[3:7]) > 0) == _sql_months(records)
    assert sum(r[3] for r in counted) == sum(1 for r in records if r.received_on is not None)


@pytest.mark.parametrize("day", ["2026-02-30", "20260105", "2026-01-05T08:00", ""])
def test_a_date_sql_may_read_otherwise_leaves_the_count_to_sql(day: str) -> None:
    records = _records(20, 4)
    settled = next(i for i, r in enumerate(records) if r.settled_on and r.timeliness and r.received_on)
    record = records[settled]
    records[settled] = DossierRecord(**{**{f: getattr(record, f) for f in record.__struct_fields__}, "settled_on": day})
    assert count_months(records) is None


def test_only_records_as_a_unit_writes_them_are_staged(unit: AppContext, tmp_path: Path) -> None:
    member = read_package(Path(export_package(unit, tmp_path / "1.isosync").file)).data["dossiers"]
    decoded = decode_dossiers(member)
    assert decoded is not None and len(decoded) == member.count(b"\n") == 30
    first, rest = member.split(b"\n", 1)
    for odd in (
        first.replace(b'"extensions":0', b'"extensions":{"n":1}'),  # a value of another type
        first.replace(b'"change_seq":', b'"change_seq":"7","x":'),  # a number as text
        b"",  # an empty line
        first.replace(b'"uuid":', b'"id":'),  # a sync field missing
    ):
        assert odd != first or odd == b""
        assert decode_dossiers(odd + b"\n" + rest) is None
    assert decode_dossiers(first.replace(b"{", b'{"added_later":[1,2],', 1) + b"\n" + rest) is not None


def test_a_worker_that_stops_leaves_its_files_to_be_read_here(
    three_packages: list[Path], province: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Stopping(ThreadPoolExecutor):
        calls = 0

        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
            Stopping.calls += 1
            if Stopping.calls == 1:
                future: Future[Any] = Future()
                future.set_exception(BrokenExecutor("stopped"))
                return future
            raise BrokenExecutor("stopped")

    monkeypatch.setattr(staging, "_workers", lambda _files: Stopping(max_workers=1))
    results = import_packages(province, three_packages, trust_new=True)
    assert [r.status for r in results] == ["imported"] * 3
    assert _table(province, "province_dossiers")


def test_a_refusal_read_by_a_worker_keeps_its_reason() -> None:
    error = PackageError("format_version", found=9)
    again = pickle.loads(pickle.dumps(error))
    assert (again.code, again.reason, again.values) == ("format_version", error.reason, {"found": 9})


def test_a_unit_of_work_reads_an_attached_file_and_lets_it_go(province: AppContext, tmp_path: Path) -> None:
    extra = tmp_path / "thêm dữ liệu.sqlite"
    conn = sqlite3.connect(extra)
    with conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (42)")
    conn.close()
    with province.unit_of_work(attach={"extra": extra}) as s:
        driver = s.connection().connection.driver_connection
        assert driver is not None
        assert driver.execute("SELECT x FROM extra.t").fetchall() == [(42,)]
    with province.unit_of_work() as s:
        driver = s.connection().connection.driver_connection
        assert driver is not None
        assert "extra" not in [row[1] for row in driver.execute("PRAGMA database_list")]
    extra.unlink()  # nothing holds it open
