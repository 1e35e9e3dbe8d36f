"""The province's package for its units, between a real province office and a real commune office: exported,
held until the province key is trusted, listed change by change in a dry run that writes nothing, applied to the
catalogue and the calendar in one go (and a deadline moves with the new day off), the same package again unchanged,
an older one unchanged, a package signed by another key or from another province rejected, and the unit's own
choices (scope, steps, its own calendar days) left alone."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from isodesk.db.paths import database_path
from isodesk.domain.deadlines import ProcessingTime, TimeUnit
from isodesk.errors import UserError
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext, open_context
from isodesk.services.ledger.calendar import clear_day, deadline_for, set_day
from isodesk.services.ledger.procedures import get_procedure, set_office_time, set_scope, set_steps
from isodesk.services.office.profile import init_office
from isodesk.services.province.imports import import_packages
from isodesk.services.province_updates.apply import (
    import_province_packages,
    preview_province_package,
    trust_province,
)
from isodesk.services.province_updates.export import export_for_units
from isodesk.services.sync.export import export_package
from isodesk.services.sync.keys import fingerprint
from isodesk.sync.format import PROVINCE_TO_UNITS, TEMPLATES
from isodesk.sync.package import read_package

CODE = "1.004873"  # xác nhận tình trạng hôn nhân
NEW_DAY_OFF = date(2026, 12, 28)


def _office(folder: Path, **kwargs: str) -> AppContext:
    folder.mkdir()
    ctx = open_context(folder)
    init_office(ctx, leader_name="Trần Văn Tỉnh", **kwargs)
    ctx.actor = "admin"
    return ctx


@pytest.fixture
def province(tmp_path: Path) -> Iterator[AppContext]:
    ctx = _office(tmp_path / "tỉnh", province_code="82", role="province")
    yield ctx
    ctx.close()


@pytest.fixture
def unit(office: AppContext) -> AppContext:
    office.actor = "admin"
    return office


def _snapshot(ctx: AppContext) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(database_path(ctx.data_dir))
    try:
        return {
            t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in ("procedures", "calendar_overrides", "calendar_changes", "sync_province")
        }
    finally:
        conn.close()


def _province_changes(province: AppContext) -> None:
    set_office_time(province, CODE, ProcessingTime(TimeUnit.WORKING_DAYS, Decimal(4)), fee="Miễn phí")
    set_day(province, NEW_DAY_OFF, "day_off", "Nghỉ bù theo Quyết định của UBND tỉnh")


def test_export_held_then_trusted_dry_run_apply_and_again(
    province: AppContext, unit: AppContext, tmp_path: Path
) -> None:
    _province_changes(province)
    made = export_for_units(province, tmp_path / "tỉnh gửi xã.isosync")
    package = read_package(Path(made.file))
    assert package.manifest.direction == PROVINCE_TO_UNITS and package.manifest.unit_code == "82"
    assert made.sequence == 1 and made.records == sum(package.manifest.counts.values())
    assert package.manifest.counts[TEMPLATES] == 0  # the member is there, empty in this version
    received = datetime(2026, 12, 24, 9, 0, tzinfo=LOCAL_TZ)
    three = ProcessingTime(TimeUnit.WORKING_DAYS, Decimal(3))
    due_before = deadline_for(unit, received, three).due
    set_scope(unit, CODE, False)
    set_steps(unit, CODE, "Tiếp nhận | Bộ phận một cửa | 2h; Thẩm định | Công chức Tư pháp | 1d")
    set_day(unit, date(2026, 12, 31), "day_off", "Ngày riêng của xã")
    before = _snapshot(unit)

    (held,) = import_province_packages(unit, [made.file])
    assert held.status == "held" and held.unit_code == "82"
    assert fingerprint(province).fingerprint in held.reason and "trust-province" in held.reason
    assert held.fingerprint == fingerprint(province).fingerprint
    after_held = _snapshot(unit)
    assert {k: v for k, v in after_held.items() if k != "sync_province"} == {
        k: v for k, v in before.items() if k != "sync_province"
    }  # only the province's key is kept, not confirmed

    (dry,) = import_province_packages(unit, [made.file], dry_run=True, trust_new=True)
    assert dry.status == "imported" and _snapshot(unit) == after_held
    listed = {(c.target, c.key, c.field): c for c in dry.changes}
    time = listed[("procedure", CODE, "office_time")]
    assert time.action == "changed" and "4 ngày làm việc" in time.new
    assert listed[("procedure", CODE, "office_fee")].new == "Miễn phí"
    day = listed[("calendar", NEW_DAY_OFF.isoformat(), "kind")]
    assert (day.action, day.old, day.new) == ("added", "", "ngày nghỉ")
    assert (dry.added, dry.updated) == (1, 1)
    assert {c["field"] for c in dry.to_dict()["changes"]} == {"office_time", "office_fee", "kind"}

    confirmed = trust_province(unit)
    assert confirmed.fingerprint == fingerprint(province).fingerprint and confirmed.province_code == "82"
    (done,) = import_province_packages(unit, [made.file])
    assert (done.status, done.added, done.updated) == ("imported", 1, 1)
    info = get_procedure(unit, CODE)
    assert info.office_time and info.time_value == "4" and info.fee == "Miễn phí"
    assert not info.in_scope and [s["name"] for s in info.steps] == ["Tiếp nhận", "Thẩm định"]  # the unit's own
    due_after = deadline_for(unit, received, three).due
    assert due_after > due_before and NEW_DAY_OFF in {c.day for c in deadline_for(unit, received, three).skipped}
    conn = sqlite3.connect(database_path(unit.data_dir))
    try:
        assert conn.execute("SELECT kind FROM calendar_overrides WHERE day = '2026-12-31'").fetchone() == ("day_off",)
        logged = conn.execute("SELECT old_kind, new_kind FROM calendar_changes WHERE day = '2026-12-28'").fetchall()
        assert logged == [("", "day_off")]
    finally:
        conn.close()

    applied = _snapshot(unit)
    (again,) = import_province_packages(unit, [made.file])
    assert again.status == "unchanged" and "đã được áp dụng" in again.reason and not again.changes
    assert _snapshot(unit) == applied


def test_a_newer_package_withdraws_a_day_and_an_older_one_changes_nothing(
    province: AppContext, unit: AppContext, tmp_path: Path
) -> None:
    _province_changes(province)
    first = export_for_units(province, tmp_path / "1.isosync")
    import_province_packages(unit, [first.file], trust_new=True)
    clear_day(province, NEW_DAY_OFF)
    clear_day(province, date(2026, 1, 10))  # a day of the shipped overlay, withdrawn by the province
    set_office_time(province, CODE, None)
    second = export_for_units(province, tmp_path / "2.isosync")
    assert second.sequence == 2
    dry = preview_province_package(unit, second.file)
    removed = {c.key for c in dry.changes if c.action == "removed"}
    assert removed == {"2026-12-28", "2026-01-10"}
    (done,) = import_province_packages(unit, [second.file])
    assert done.status == "imported" and get_procedure(unit, CODE).office_time is False
    applied = _snapshot(unit)
    (old,) = import_province_packages(unit, [first.file])
    assert old.status == "unchanged" and "cũ hơn" in old.reason
    assert _snapshot(unit) == applied


def test_another_key_another_province_and_a_unit_package_are_rejected(
    province: AppContext, unit: AppContext, tmp_path: Path
) -> None:
    first = export_for_units(province, tmp_path / "1.isosync")
    import_province_packages(unit, [first.file], trust_new=True)
    # An office set up for the same province with another key: not the province the unit trusts.
    forger = _office(tmp_path / "giả", province_code="82", role="province")
    try:
        _province_changes(forger)
        forged = export_for_units(forger, tmp_path / "giả.isosync")
    finally:
        forger.close()
    before = _snapshot(unit)
    (bad,) = import_province_packages(unit, [forged.file], trust_new=True)
    assert bad.status == "rejected" and "khóa" in bad.reason
    assert _snapshot(unit) == before
    # Another province's package.
    other = tmp_path / "tỉnh khác"
    other_ctx = _office(other, province_code="01", role="province")
    try:
        foreign = export_for_units(other_ctx, tmp_path / "khác.isosync")
    finally:
        other_ctx.close()
    (bad,) = import_province_packages(unit, [foreign.file], trust_new=True)
    assert bad.status == "rejected" and "không phải" in bad.reason and bad.unit_code == "01"
    # A unit's own package is not the province's, and the province does not take a province package.
    own = export_package(unit, tmp_path / "xã.isosync")
    (bad,) = import_province_packages(unit, [own.file], trust_new=True)
    assert bad.status == "rejected"
    (bad,) = import_packages(province, [first.file], trust_new=True)
    assert bad.status == "rejected"
    assert _snapshot(unit) == before


def test_each_office_refuses_the_other_side(province: AppContext, unit: AppContext, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="tỉnh"):
        export_for_units(unit, tmp_path / "x.isosync")
    with pytest.raises(UserError, match="province-export"):
        export_package(province, tmp_path / "y.isosync")
    with pytest.raises(UserError):
        import_province_packages(province, [tmp_path / "x.isosync"])
    with pytest.raises(UserError, match="tỉnh"):
        trust_province(unit)  # nothing received yet


def test_the_provinces_enrolment_sheet_names_its_key(province: AppContext) -> None:
    import io

    from pypdf import PdfReader

    from isodesk.services.sync.keys import enrolment_sheet_pdf

    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(enrolment_sheet_pdf(province))).pages)
    assert "KHÓA KÝ GÓI ĐỒNG BỘ CỦA TỈNH" in text and "Đồng Tháp" in text
    assert fingerprint(province).fingerprint.split()[0] in text


def test_the_direction_leaves_a_units_manifest_as_it_was_and_an_unknown_one_is_refused() -> None:
    from dataclasses import replace

    from isodesk.sync.package import PackageError, build_package
    from tests.sync.conftest import DATA, KEY, header

    unit = header()
    assert "direction" not in unit.to_dict()
    body, _manifest = build_package(KEY, replace(unit, direction=PROVINCE_TO_UNITS, unit_code="82"), DATA)
    assert read_package(body).manifest.direction == PROVINCE_TO_UNITS
    body, _manifest = build_package(KEY, replace(unit, direction="sideways"), DATA)
    with pytest.raises(PackageError) as refused:
        read_package(body)
    assert refused.value.code == "manifest"


def test_a_unit_logs_each_province_package_and_quarantines_a_refused_one(
    province: AppContext, unit: AppContext, tmp_path: Path
) -> None:
    from isodesk.services.province.desk import import_log

    first = export_for_units(province, tmp_path / "1.isosync")
    held = import_province_packages(unit, [first.file])
    assert [r.status for r in held] == ["held"]
    (dry,) = import_province_packages(unit, [first.file], dry_run=True, trust_new=True)
    assert dry.status == "imported"
    (done,) = import_province_packages(unit, [first.file], trust_new=True)
    assert done.status == "imported"
    damaged = tmp_path / "hỏng.isosync"
    body = bytearray(Path(first.file).read_bytes())
    body[len(body) // 2] ^= 0xFF
    damaged.write_bytes(bytes(body))
    (refused,) = import_province_packages(unit, [damaged])
    assert refused.status == "rejected"
    log = import_log(unit)  # the dry run is not in it
    assert [(e.status, e.file_name, e.unit_code) for e in log] == [
        ("rejected", "hỏng.isosync", ""),
        ("imported", "1.isosync", "82"),
        ("held", "1.isosync", "82"),
    ]
    assert log[1].added == done.added and log[1].by == "admin"
    kept = sorted((unit.data_dir / "quarantine").iterdir())
    assert [p.name.endswith(("hỏng.isosync", "hỏng.isosync.reason.txt")) for p in kept] == [True, True]
    assert kept[0].read_bytes() == bytes(body)
    assert kept[1].read_text(encoding="utf-8").strip() == refused.reason
