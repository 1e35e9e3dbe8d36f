"""The province imports real packages exported by a real unit office: verified first, applied once, chained by
sequence, the unknown unit held until its fingerprint is confirmed, a forged or foreign package refused and
quarantined with nothing changed, a dry run that writes nothing, and the province's view of its units."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from isodesk.db.models import AdminUnit
from isodesk.db.paths import database_path
from isodesk.errors import UserError
from isodesk.i18n.dates import local_today
from isodesk.services.audit.findings import add_finding
from isodesk.services.context import AppContext, open_context
from isodesk.services.office.profile import init_office
from isodesk.services.province.imports import QUARANTINE, confirm_unit, import_packages
from isodesk.services.province.status import province_status
from isodesk.services.sync.export import export_package
from isodesk.services.sync.keys import fingerprint


def _snapshot(ctx: AppContext) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(database_path(ctx.data_dir))
    try:
        return {
            t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in ("province_units", "province_records")
        }
    finally:
        conn.close()


def _log(ctx: AppContext) -> list[tuple[str, str, int]]:
    conn = sqlite3.connect(database_path(ctx.data_dir))
    try:
        return [tuple(r) for r in conn.execute("SELECT unit_code, status, added FROM province_imports ORDER BY id")]
    finally:
        conn.close()


def test_import_then_again_unchanged_then_a_newer_package(
    unit: AppContext, province: AppContext, tmp_path: Path
) -> None:
    first = export_package(unit, tmp_path / "1.isosync")
    (done,) = import_packages(province, [first.file], trust_new=True)
    assert (done.unit_code, done.status, done.added, done.updated) == ("28261", "imported", first.records, 0)
    before = _snapshot(province)
    (again,) = import_packages(province, [first.file])
    assert again.status == "unchanged" and "đã được nhập" in again.reason and again.added == 0
    assert _snapshot(province) == before
    add_finding(unit, None, "minor", "7.5", "Sổ theo dõi hồ sơ ghi thiếu ngày trả kết quả")
    second = export_package(unit, tmp_path / "2.isosync")
    (newer,) = import_packages(province, [second.file])
    assert (newer.status, newer.added, newer.updated) == ("imported", 1, 0)
    (replay,) = import_packages(province, [first.file])
    assert replay.status == "unchanged" and "cũ hơn" in replay.reason
    full = export_package(unit, tmp_path / "3.isosync", full=True)
    (whole,) = import_packages(province, [full.file])
    assert (whole.status, whole.added, whole.updated) == ("imported", 0, 0)
    assert [s for _u, s, _a in _log(province)] == ["imported", "unchanged", "imported", "unchanged", "imported"]


def test_a_gap_is_held_then_resolved_by_a_full_package(unit: AppContext, province: AppContext, tmp_path: Path) -> None:
    first = export_package(unit, tmp_path / "1.isosync")
    import_packages(province, [first.file], trust_new=True)
    add_finding(unit, None, "minor", "7.5", "Thiếu ngày trả kết quả")
    export_package(unit, tmp_path / "2.isosync")  # lost on the way
    add_finding(unit, None, "observation", "9.1", "Chưa tổng hợp khảo sát")
    third = export_package(unit, tmp_path / "3.isosync")
    before = _snapshot(province)
    (held,) = import_packages(province, [third.file])
    assert held.status == "held" and "gói 2" in held.reason
    assert _snapshot(province) == before
    full = export_package(unit, tmp_path / "4.isosync", full=True)
    (done,) = import_packages(province, [full.file])
    assert (done.status, done.added) == ("imported", 2)
    assert {u.unit_code: u.sequence for u in province_status(province)}["28261"] == 4


def test_an_unknown_unit_is_held_until_confirmed(unit: AppContext, province: AppContext, tmp_path: Path) -> None:
    first = export_package(unit, tmp_path / "1.isosync")
    (held,) = import_packages(province, [first.file])
    assert held.status == "held" and fingerprint(unit).fingerprint in held.reason
    assert _snapshot(province)["province_records"] == []
    assert not (province.data_dir / QUARANTINE).exists()
    confirmed = confirm_unit(province, "28261")
    assert confirmed.fingerprint == fingerprint(unit).fingerprint
    (done,) = import_packages(province, [first.file])
    assert done.status == "imported" and done.added == first.records


def test_dry_run_writes_nothing(unit: AppContext, province: AppContext, tmp_path: Path) -> None:
    first = export_package(unit, tmp_path / "1.isosync")
    before = _snapshot(province)
    (dry,) = import_packages(province, [first.file], dry_run=True, trust_new=True)
    assert (dry.status, dry.added) == ("imported", first.records)
    assert _snapshot(province) == before and _log(province) == []


def test_a_flipped_byte_is_rejected_and_quarantined(unit: AppContext, province: AppContext, tmp_path: Path) -> None:
    first = export_package(unit, tmp_path / "1.isosync")
    import_packages(province, [first.file], trust_new=True)
    add_finding(unit, None, "minor", "7.5", "Thiếu ngày trả kết quả")
    second = Path(export_package(unit, tmp_path / "2.isosync").file)
    body = bytearray(second.read_bytes())
    body[len(body) // 2] ^= 0x01
    second.write_bytes(bytes(body))
    before = _snapshot(province)
    (bad,) = import_packages(province, [second])
    assert bad.status == "rejected" and bad.reason
    assert _snapshot(province) == before
    kept = sorted((province.data_dir / QUARANTINE).iterdir())
    assert [p.name.endswith(".reason.txt") for p in kept] == [False, True]
    assert kept[0].read_bytes() == bytes(body) and bad.reason in kept[1].read_text(encoding="utf-8")


def test_a_unit_of_another_province_is_rejected(province: AppContext, tmp_path: Path) -> None:
    folder = tmp_path / "xã khác"
    folder.mkdir()
    other = open_context(folder)
    try:
        init_office(other, province_code="01", unit_code=_a_commune_of(other, "01"), leader_name="Lê Văn Khác")
        other.actor = "admin"
        done = export_package(other, tmp_path / "khác.isosync")
    finally:
        other.close()
    before = _snapshot(province)
    (bad,) = import_packages(province, [done.file], trust_new=True)
    assert bad.status == "rejected" and "không phải" in bad.reason
    assert _snapshot(province) == before
    assert len(list((province.data_dir / QUARANTINE).iterdir())) == 2


def _a_commune_of(ctx: AppContext, province_code: str) -> str:
    from isodesk.services.office.units import ensure_reference_data

    with ctx.unit_of_work() as s:
        ensure_reference_data(s)
        return s.scalars(select(AdminUnit.code).where(AdminUnit.province_code == province_code).limit(1)).one()


def test_status_lists_every_unit_with_its_figures(unit: AppContext, province: AppContext, tmp_path: Path) -> None:
    first = export_package(unit, tmp_path / "1.isosync")
    import_packages(province, [first.file], trust_new=True)
    units = province_status(province)
    assert len(units) > 50 and all(u.unit_code for u in units)
    row = next(u.to_dict() for u in units if u.unit_code == "28261")
    assert set(row) >= {"unit_code", "unit_name", "enrolled", "last_package_at", "sequence", "received",
                        "on_time_rate", "qms_step"}  # fmt: skip
    assert row["enrolled"] and row["sequence"] == 1 and row["received"] == 30
    conn = sqlite3.connect(database_path(unit.data_dir))
    try:
        good, settled = conn.execute(
            "SELECT sum(timeliness IN ('ahead', 'on_time')), sum(timeliness IN ('ahead', 'on_time', 'late')) "
            "FROM dossiers WHERE settled_on BETWEEN ? AND ?",
            (f"{local_today().year}-01-01", f"{local_today().year}-12-31"),
        ).fetchone()
    finally:
        conn.close()
    assert row["on_time_rate"] == round(good / settled, 4)
    others = [u for u in units if u.unit_code != "28261"]
    assert all(not u.enrolled and u.received == 0 and u.on_time_rate is None for u in others)


def test_a_unit_office_refuses_to_import(unit: AppContext, tmp_path: Path) -> None:
    first = export_package(unit, tmp_path / "1.isosync")
    with pytest.raises(UserError, match="tỉnh"):
        import_packages(unit, [first.file])


def test_a_unit_key_lost_with_its_pc_is_forgotten_then_the_new_one_confirmed(
    unit: AppContext, province: AppContext, tmp_path: Path
) -> None:
    from isodesk.services.province.imports import forget_unit_key

    first = export_package(unit, tmp_path / "1.isosync")
    (done,) = import_packages(province, [first.file], trust_new=True)
    assert done.status == "imported"
    kept = _snapshot(province)["province_records"]
    # The PC is replaced, with no backup: the same commune set up again has a new key and numbers from 1.
    folder = tmp_path / "máy mới"
    folder.mkdir()
    again = open_context(folder)
    try:
        init_office(again, province_code="82", unit_code="28261", leader_name="Nguyễn Văn Mới")
        again.actor = "admin"
        add_finding(again, None, "minor", "7.5", "Sổ theo dõi hồ sơ ghi thiếu ngày trả kết quả")
        new = export_package(again, tmp_path / "máy mới 1.isosync")
        new_print = fingerprint(again).fingerprint
    finally:
        again.close()
    (refused,) = import_packages(province, [new.file], trust_new=True)
    assert refused.status == "rejected" and "khóa" in refused.reason
    forgotten = forget_unit_key(province, "28261")
    assert (forgotten.unit_code, forgotten.fingerprint) == ("28261", fingerprint(unit).fingerprint)
    (held,) = import_packages(province, [new.file])  # a new key is held, as a new unit's is
    assert held.status == "held" and new_print in held.reason
    assert confirm_unit(province, "28261").fingerprint == new_print
    (applied,) = import_packages(province, [new.file])
    assert (applied.status, applied.sequence) == ("imported", 1) and applied.added == new.records
    records = _snapshot(province)["province_records"]
    assert set(kept) <= set(records) and len(records) == len(kept) + new.records  # what came before stays
    with pytest.raises(UserError, match="28303"):
        forget_unit_key(province, "28303")
