"""The office calendar: statutory days, the shipped overlay, edits and their log."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from isodesk.db.models import CalendarChange
from isodesk.domain.deadlines import ProcessingTime, TimeUnit
from isodesk.i18n import set_language
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext
from isodesk.services.ledger.calendar import calendar_year, clear_day, deadline_for, explain, set_day


def test_year_2026(office: AppContext) -> None:
    year = calendar_year(office, 2026)
    for day in ("2026-02-16", "2026-02-20", "2026-04-27", "2026-08-31", "2026-09-02", "2026-11-24"):
        assert day in year["days_off"]
    assert "2026-08-22" in year["workdays"]
    unconfirmed = [d for d in year["details"] if not d["confirmed"]]
    # The New Year swap is confirmed by the Government Office's letter; the 24 November swap is only proposed.
    assert {d["date"] for d in unconfirmed} == {"2026-11-24"}
    assert "đề xuất" in unconfirmed[0]["name"]
    new_year = {d["date"]: d for d in year["details"] if d["date"] in ("2026-01-02", "2026-01-10")}
    assert new_year["2026-01-02"]["kind"] != "workday" and new_year["2026-01-10"]["kind"] == "workday"
    assert all(d["confirmed"] for d in new_year.values())


def test_the_new_year_swap_has_its_basis_and_proposals_move_no_deadline(office: AppContext) -> None:
    from isodesk.db.models import CalendarOverride

    with office.read() as s:
        rows = {r.day: r for r in s.execute(select(CalendarOverride)).scalars()}
    assert "12729/VPCP-KGVX" in rows[date(2026, 1, 2)].source and rows[date(2026, 1, 10)].confirmed
    assert date(2026, 11, 23) not in rows and date(2026, 11, 28) not in rows  # the proposed swap is not applied
    one_day = ProcessingTime(TimeUnit.WORKING_DAYS, __import__("decimal").Decimal(1))
    friday = datetime(2026, 11, 20, 9, 0, tzinfo=LOCAL_TZ)
    assert deadline_for(office, friday, one_day).due.date() == date(2026, 11, 23)  # Monday 23/11 is worked
    tet = calendar_year(office, 2027)
    pending = {d["date"] for d in tet["details"] if not d["confirmed"]}
    assert pending == {f"2027-02-{d:02d}" for d in range(4, 11)}  # Tết 2027: not yet announced


def test_overlay_edit_moves_due_dates_and_is_logged(office: AppContext) -> None:
    received = datetime(2026, 12, 14, 9, 0, tzinfo=LOCAL_TZ)
    one_day = ProcessingTime(TimeUnit.WORKING_DAYS, __import__("decimal").Decimal(1))
    assert deadline_for(office, received, one_day).due.day == 15
    set_day(office, date(2026, 12, 15), "day_off", "Nghỉ theo thông báo của UBND tỉnh")
    deadline = deadline_for(office, received, one_day)
    assert deadline.due.day == 16
    set_language("vi")
    assert "Nghỉ theo thông báo của UBND tỉnh" in explain(deadline)
    clear_day(office, date(2026, 12, 15))
    assert deadline_for(office, received, one_day).due.day == 15
    with office.read() as s:
        log = [
            (c.old_kind, c.new_kind) for c in s.execute(select(CalendarChange).order_by(CalendarChange.id)).scalars()
        ]
    assert log == [("", "day_off"), ("day_off", "")]


def test_explanation_of_a_period_in_days_skips_nothing_it_counts(office: AppContext) -> None:
    fifteen = ProcessingTime(TimeUnit.CALENDAR_DAYS, __import__("decimal").Decimal(15))
    text = explain(deadline_for(office, datetime(2026, 4, 20, 9, 0, tzinfo=LOCAL_TZ), fifteen))
    assert "Không tính" not in text and "ngày nghỉ, ngày lễ trong thời hạn vẫn được tính" in text
    assert "Hẹn trả: 17:00 05/05/2026." in text
