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
    assert {d["date"] for d in unconfirmed} == {"2026-01-02", "2026-01-10"}  # the press-reported New Year swap


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
