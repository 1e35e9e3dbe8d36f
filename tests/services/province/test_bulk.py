"""The province's import writes the units' records in bulk: dossiers in their own columns and counted by month, a
dossier changed at the unit updated (and counted once) at the province, a dry run that counts the same as the import
and writes nothing, and a signed package holding a record that cannot be read refused whole."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from isodesk.db.paths import database_path
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import move_dossier
from isodesk.services.province.imports import import_packages
from isodesk.services.sync.export import export_package
from isodesk.services.sync.keys import unit_key
from isodesk.sync.format import Manifest
from isodesk.sync.package import read_package, write_package


def _rows(ctx: AppContext, sql: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(database_path(ctx.data_dir))
    try:
        return [tuple(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def _tables(ctx: AppContext) -> dict[str, list[tuple[object, ...]]]:
    tables = ("province_units", "province_records", "province_dossiers", "province_dossier_months")
    return {t: sorted(_rows(ctx, f"SELECT * FROM {t}"), key=repr) for t in tables}


def test_dossiers_are_kept_in_columns_and_counted_by_month(
    unit: AppContext, province: AppContext, tmp_path: Path
) -> None:
    first = export_package(unit, tmp_path / "1.isosync")
    import_packages(province, [first.file], trust_new=True)
    sent = {r["uuid"]: r for r in read_package(Path(first.file)).records("dossiers")}
    kept = _rows(province, "SELECT uuid, procedure_code, procedure_field, received_on, settled_on, status, timeliness, "
                 "rating, handling_role, unit_change_seq FROM province_dossiers WHERE unit_code = '28261'")  # fmt: skip
    assert len(kept) == len(sent) == 30
    for uuid, *values in kept:
        r = sent[str(uuid)]
        assert values == [r["procedure_code"], r["procedure_field"], r["received_on"], r["settled_on"], r["status"],
                          r["timeliness"], r["rating"], r["handling_role"], r["change_seq"]]  # fmt: skip
    assert _rows(province, "SELECT count(*) FROM province_records WHERE kind = 'dossiers'") == [(0,)]
    months = _rows(province, "SELECT sum(received), sum(ahead + on_time + late) FROM province_dossier_months")
    settled = sum(1 for r in sent.values() if r["settled_on"] and r["timeliness"] in ("ahead", "on_time", "late"))
    assert months == [(30, settled)]


def test_a_dossier_changed_at_the_unit_is_updated_once(unit: AppContext, province: AppContext, tmp_path: Path) -> None:
    first = export_package(unit, tmp_path / "1.isosync")
    import_packages(province, [first.file], trust_new=True)
    code, status = _rows(unit, "SELECT code, status FROM dossiers WHERE status IN ('received', 'processing') "
                         "ORDER BY id LIMIT 1")[0]  # fmt: skip
    moved = {"received": "processing", "processing": "ready"}[str(status)]
    move_dossier(unit, str(code), moved, at=datetime.now(UTC))
    second = export_package(unit, tmp_path / "2.isosync")
    before = _tables(province)
    (dry,) = import_packages(province, [second.file], dry_run=True)
    assert (dry.status, dry.added, dry.updated) == ("imported", 0, second.records)
    assert _tables(province) == before
    (done,) = import_packages(province, [second.file])
    assert (done.status, done.added, done.updated) == ("imported", 0, second.records)
    by_status = "SELECT status, count(*) FROM {} GROUP BY status ORDER BY status"
    assert _rows(province, by_status.format("province_dossiers")) == _rows(unit, by_status.format("dossiers"))
    assert _rows(province, "SELECT count(*) FROM province_dossiers") == [(30,)]
    full = export_package(unit, tmp_path / "3.isosync", full=True)
    after = _tables(province)
    (again,) = import_packages(province, [full.file])
    assert (again.status, again.added, again.updated) == ("imported", 0, 0)
    assert {k: v for k, v in _tables(province).items() if k != "province_units"} == {
        k: v for k, v in after.items() if k != "province_units"
    }


def test_a_signed_package_with_a_record_that_cannot_be_read_is_refused_whole(
    unit: AppContext, province: AppContext, tmp_path: Path
) -> None:
    first = export_package(unit, tmp_path / "1.isosync")
    import_packages(province, [first.file], trust_new=True)
    good = read_package(Path(first.file))
    data = dict(good.data)
    lines = data["dossiers"].splitlines(keepends=True)
    record = json.loads(lines[0])
    record["change_seq"] = 10**6
    data["dossiers"] = b"".join([json.dumps(record).encode() + b"\n", *lines[1:-1], b'{"uuid": \n'])
    header = Manifest(**{**good.manifest.__dict__, "sequence": 2, "previous_sha256": good.sha256, "members": {}})
    bad = write_package(tmp_path / "2.isosync", unit_key(unit), header, data)
    before = _tables(province)
    (refused,) = import_packages(province, [bad.path])
    assert refused.status == "rejected" and "không đọc được" in refused.reason
    assert _tables(province) == before
