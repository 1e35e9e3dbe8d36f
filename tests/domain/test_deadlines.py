"""Due dates across the 2026 calendar (docs/DOMAIN.md §4) and the rules of isodesk.domain.deadlines."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from isodesk.domain.calendar import DayKind, WorkCalendar
from isodesk.domain.deadlines import (
    Note,
    OfficeHours,
    ProcessingTime,
    TimeUnit,
    compute_due,
    step_due_times,
    working_hours_between,
)
from tests.domain.conftest import at, vn_calendar

WD = TimeUnit.WORKING_DAYS


def due(cal: WorkCalendar, received, unit=WD, value="0"):
    return compute_due(received, ProcessingTime(unit, Decimal(value)), cal).due


def test_tet_2026_is_skipped(cal2026: WorkCalendar) -> None:
    # Thursday 12 Feb + 3 working days: Fri 13, (Tết 14-22), Mon 23, Tue 24.
    deadline = compute_due(at(2026, 2, 12), ProcessingTime(WD, Decimal(3)), cal2026)
    assert deadline.due == at(2026, 2, 24, 17, 0)
    holidays_skipped = [c.day for c in deadline.skipped if c.kind is DayKind.HOLIDAY]
    assert holidays_skipped == [date(2026, 2, d) for d in (16, 17, 18, 19, 20)]


def test_compensatory_day_for_hung_kings(cal2026: WorkCalendar) -> None:
    # Hùng Kings' day fell on Sunday 26 Apr: Monday 27 Apr is off; 30 Apr and 1 May too.
    assert due(cal2026, at(2026, 4, 24), value="1") == at(2026, 4, 28, 17, 0)
    assert due(cal2026, at(2026, 4, 29), value="1") == at(2026, 5, 4, 17, 0)


def test_make_up_saturday_22_august_is_worked(cal2026: WorkCalendar) -> None:
    assert cal2026.is_working_day(date(2026, 8, 22))
    assert not cal2026.is_working_day(date(2026, 8, 31))  # swapped for the Saturday
    assert due(cal2026, at(2026, 8, 21), value="1") == at(2026, 8, 22, 17, 0)
    # Friday 28 Aug + 1: 29-30 weekend, 31 swapped, 1-2 Sep National Day -> Thursday 3 Sep.
    assert due(cal2026, at(2026, 8, 28), value="1") == at(2026, 9, 3, 17, 0)


def test_vietnamese_culture_day_24_november(cal2026: WorkCalendar) -> None:
    assert due(cal2026, at(2026, 11, 23), value="1") == at(2026, 11, 25, 17, 0)


def test_same_day_cut_off(cal2026: WorkCalendar) -> None:
    assert due(cal2026, at(2026, 11, 20, 14, 59), TimeUnit.SAME_DAY) == at(2026, 11, 20, 17, 0)
    late = compute_due(at(2026, 11, 20, 15, 1), ProcessingTime(TimeUnit.SAME_DAY), cal2026)
    assert late.due == at(2026, 11, 23, 17, 0)  # Friday after 15:00 -> Monday
    assert Note.AFTER_CUTOFF in late.rule_notes
    custom = OfficeHours(cutoff=at(2026, 1, 1, 16, 0).timetz().replace(tzinfo=None))
    assert compute_due(at(2026, 11, 20, 15, 30), ProcessingTime(TimeUnit.SAME_DAY), cal2026, custom).due == at(
        2026, 11, 20, 17, 0
    )


def test_hours_skip_lunch_nights_and_weekends(cal2026: WorkCalendar) -> None:
    assert due(cal2026, at(2026, 11, 18, 10, 0), TimeUnit.WORKING_HOURS, "2") == at(2026, 11, 18, 14, 0)
    # Friday 16:00 + 4 h: 1 h Friday, then Monday 07:30 + 3 h.
    assert due(cal2026, at(2026, 11, 20, 16, 0), TimeUnit.WORKING_HOURS, "4") == at(2026, 11, 23, 10, 30)
    # Received at 12:00 (lunch): counting starts 13:30.
    assert due(cal2026, at(2026, 11, 18, 12, 0), TimeUnit.WORKING_HOURS, "1") == at(2026, 11, 18, 14, 30)


def test_receipt_on_a_closed_day_starts_next_working_day(cal2026: WorkCalendar) -> None:
    deadline = compute_due(at(2026, 11, 21, 10, 0), ProcessingTime(WD, Decimal(1)), cal2026)  # Saturday
    assert Note.CLOSED_DAY in deadline.rule_notes
    assert deadline.start == at(2026, 11, 23, 7, 30)
    assert deadline.due == at(2026, 11, 25, 17, 0)  # Monday counts as receipt; Tue 24 is a holiday


def test_calendar_days_move_off_closed_last_day(cal2026: WorkCalendar) -> None:
    deadline = compute_due(at(2026, 11, 16), ProcessingTime(TimeUnit.CALENDAR_DAYS, Decimal(5)), cal2026)
    assert deadline.due == at(2026, 11, 23, 17, 0)  # 21 Nov is Saturday -> Monday 23
    assert Note.LAST_DAY_MOVED in deadline.rule_notes


def test_a_period_in_days_counts_its_days_off(cal2026: WorkCalendar) -> None:
    """15 days from Monday 20 April 2026 cover Hùng Kings' day, 30 April and 1 May: they count, nothing is skipped;
    only the last day moves when it is closed."""
    deadline = compute_due(at(2026, 4, 20), ProcessingTime(TimeUnit.CALENDAR_DAYS, Decimal(15)), cal2026)
    assert deadline.due == at(2026, 5, 5, 17, 0) and deadline.skipped == ()
    assert Note.CALENDAR_DAYS in deadline.rule_notes and Note.LAST_DAY_MOVED not in deadline.rule_notes
    moved = compute_due(at(2026, 11, 16), ProcessingTime(TimeUnit.CALENDAR_DAYS, Decimal(5)), cal2026)
    assert [c.day.day for c in moved.skipped] == [21, 22]  # the Saturday and Sunday the last day moved over


def test_fractional_days(cal2026: WorkCalendar) -> None:
    assert due(cal2026, at(2026, 11, 16), value="1.5") == at(2026, 11, 18, 11, 30)
    assert due(cal2026, at(2026, 11, 16), value="0.5") == at(2026, 11, 17, 11, 30)


def test_overlay_days(cal2026: WorkCalendar) -> None:
    base = due(cal2026, at(2026, 11, 16), value="2")
    closed = vn_calendar(2026, days_off={date(2026, 11, 17): "nghỉ đột xuất"})
    assert due(closed, at(2026, 11, 16), value="2") == base + timedelta(days=1)
    opened = vn_calendar(2026, workdays={date(2026, 11, 21): "làm bù"})
    assert due(opened, at(2026, 11, 19), value="2") == at(2026, 11, 21, 17, 0)


def test_step_due_times_follow_each_other(cal2026: WorkCalendar) -> None:
    steps = step_due_times(
        at(2026, 11, 16, 8),
        [ProcessingTime(TimeUnit.WORKING_HOURS, Decimal(4)), ProcessingTime(WD, Decimal(1))],
        cal2026,
    )
    # 08:00 + 4 h: 3.5 h in the morning, 0.5 h after lunch; then one working day.
    assert steps == [at(2026, 11, 16, 14, 0), at(2026, 11, 17, 17, 0)]


def test_working_hours_between(cal2026: WorkCalendar) -> None:
    hours = OfficeHours()
    assert working_hours_between(at(2026, 11, 20, 16), at(2026, 11, 23, 10, 30), cal2026, hours) == Decimal(4)


def test_naive_or_negative_input_is_refused(cal2026: WorkCalendar) -> None:
    with pytest.raises(ValueError):
        compute_due(at(2026, 1, 5).replace(tzinfo=None), ProcessingTime(WD, Decimal(1)), cal2026)
    with pytest.raises(ValueError):
        ProcessingTime(WD, Decimal(-1))


CAL = vn_calendar(2025, 2026, 2027, 2028)
moments = st.datetimes(min_value=at(2025, 1, 1).replace(tzinfo=None), max_value=at(2027, 6, 30).replace(tzinfo=None))
units = st.sampled_from(list(TimeUnit))
values = st.integers(min_value=0, max_value=40)


@settings(max_examples=300, deadline=None)
@given(moments, units, values)
def test_due_is_never_a_closed_day_nor_before_receipt(moment, unit, value) -> None:
    received = moment.replace(tzinfo=at(2026, 1, 1).tzinfo)
    deadline = compute_due(received, ProcessingTime(unit, Decimal(value)), CAL)
    assert CAL.is_working_day(deadline.due.date())
    assert deadline.due >= received or (unit is TimeUnit.WORKING_HOURS and value == 0)


@settings(max_examples=200, deadline=None)
@given(moments, units, values)
def test_more_time_never_gives_an_earlier_due(moment, unit, value) -> None:
    received = moment.replace(tzinfo=at(2026, 1, 1).tzinfo)
    shorter = compute_due(received, ProcessingTime(unit, Decimal(value)), CAL).due
    longer = compute_due(received, ProcessingTime(unit, Decimal(value + 1)), CAL).due
    assert longer >= shorter
