"""The province's view of its units, from real packages exported by a real unit office: the QMS step, the
announcement, the last audit and review, the year's objectives met, the open nonconformities, the on-time rate of the
year and whether the unit reported this year, each as the unit's own records say it."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from isodesk.db.paths import database_path
from isodesk.errors import UserError
from isodesk.i18n.dates import local_today
from isodesk.services.audit.findings import add_finding, close_finding
from isodesk.services.audit.reviews import start_review
from isodesk.services.context import AppContext
from isodesk.services.province.imports import import_packages
from isodesk.services.province.status import UnitStatus, province_status
from isodesk.services.qms.announcements import announce
from isodesk.services.qms.milestones import record_milestone
from isodesk.services.qms.objectives import add_objective, set_actual
from isodesk.services.sync.export import export_package


def _row(province: AppContext, year: int | None = None, code: str = "28261") -> UnitStatus:
    return next(u for u in province_status(province, year) if u.unit_code == code)


def _on_time(unit: AppContext, year: int) -> tuple[float | None, int]:
    conn = sqlite3.connect(database_path(unit.data_dir))
    try:
        good, settled = conn.execute(
            "SELECT sum(timeliness IN ('ahead', 'on_time')), sum(timeliness IN ('ahead', 'on_time', 'late')) "
            "FROM dossiers WHERE settled_on BETWEEN ? AND ?",
            (f"{year}-01-01", f"{year}-12-31"),
        ).fetchone()
    finally:
        conn.close()
    return (round(good / settled, 4) if settled else None), settled or 0


def test_a_unit_that_only_keeps_its_ledger_is_building(unit: AppContext, province: AppContext, tmp_path: Path) -> None:
    year = local_today().year
    before = _row(province)
    assert (before.qms_step, before.reported_this_year, before.objectives_total) == (None, False, 0)
    first = export_package(unit, tmp_path / "1.isosync")
    import_packages(province, [first.file], trust_new=True)
    row = _row(province)
    rate, settled = _on_time(unit, year)
    assert (row.qms_step, row.confirmed, row.reported_this_year) == ("build", True, True)
    assert (row.announced_on, row.last_audit_on, row.last_review_on) == (None, None, None)
    assert (row.objectives_met, row.objectives_total, row.open_nonconformities) == (None, 0, 0)
    assert row.received == 30 and row.on_time_rate == rate and row.settled_in_year == settled
    last_year = _row(province, year - 1)
    assert last_year.reported_this_year is False and last_year.on_time_rate == _on_time(unit, year - 1)[0]
    assert last_year.received == 30  # every record sent, whatever the year


def test_the_qms_records_sent_make_the_unit_s_figures(unit: AppContext, province: AppContext, tmp_path: Path) -> None:
    year = local_today().year
    rate, _settled = _on_time(unit, year)
    assert rate is not None
    record_milestone(unit, "audit", date(year, 3, 10), "01/BC-ĐGNB")
    record_milestone(unit, "audit", date(year, 9, 15), "02/BC-ĐGNB")
    start_review(unit, date(year, 10, 2))
    announce(unit, "12/QĐ-UBND", date(year, 11, 20))
    add_objective(unit, title="Đúng hạn", measure="on_time_rate", target=str(int(rate * 100) - 1), year=year)
    add_objective(unit, title="Đúng hạn tuyệt đối", measure="on_time_rate", target="100", year=year)
    manual = add_objective(unit, title="Tập huấn", measure="manual", target="4", year=year)
    set_actual(unit, manual.id, "5")
    add_objective(unit, title="Năm sau", measure="manual", target="1", year=year + 1)
    add_finding(unit, None, "minor", "7.5", "Sổ theo dõi hồ sơ ghi thiếu ngày trả kết quả")
    add_finding(unit, None, "major", "8.5", "Trả kết quả không qua sổ")
    closed = add_finding(unit, None, "minor", "9.1", "Chưa tổng hợp khảo sát")
    close_finding(unit, closed.id)
    add_finding(unit, None, "observation", "7.1", "Máy in cũ")
    done = export_package(unit, tmp_path / "1.isosync")
    import_packages(province, [done.file], trust_new=True)
    row = _row(province).to_dict()
    assert row["qms_step"] == "maintain" and row["announced_on"] == f"{year}-11-20"
    assert (row["last_audit_on"], row["last_review_on"]) == (f"{year}-09-15", f"{year}-10-02")
    met = 1 + (rate * 100 >= 100)  # the rate over its target minus one point; the manual one; 100 % only if so
    assert (row["objectives_met"], row["objectives_total"]) == (met + 1, 3)
    assert row["open_nonconformities"] == 2 and row["reported_this_year"] is True
    assert row["on_time_rate"] == rate


def test_a_year_that_cannot_be_is_refused(province: AppContext) -> None:
    with pytest.raises(UserError):
        province_status(province, 1700)
