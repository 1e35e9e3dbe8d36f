"""Due dates of administrative procedures.

Rules and their sources:
- A period counted in days starts on the day after the event (Bộ luật Dân sự 2015, art. 147.1); when its last
  day is not a working day, it ends on the next working day (art. 148.5). Processing times published in working
  days ("ngày làm việc") count only working days (see :mod:`isodesk.domain.calendar`).
- The clock starts when a complete, valid dossier is received (NĐ 118/2025/NĐ-CP on the one-stop shop; an
  incomplete one gets a supplement request first). A dossier received outside office hours or on a closed day
  counts as received when the office next opens (the rule NĐ 45/2020/NĐ-CP applies to online dossiers; the
  office hours are settings).
- "Same day" procedures: received before the cut-off hour (commonly 15:00, published with the procedure: "nhận
  hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo"), due at the end of the same working day;
  otherwise at the end of the next working day.
- Hours are counted within office hours only (default 07:30–11:30 and 13:30–17:00, settings).
- A fraction of a working day (Hải Phòng publishes "1,5 ngày làm việc") is counted in sessions: up to half a
  day ends with the next morning session, more than half ends with that whole day.
A due moment is the end of the afternoon session of the due day unless counted in hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum

from isodesk.domain.calendar import ClosedDay, WorkCalendar


class TimeUnit(StrEnum):
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    WORKING_HOURS = "working_hours"
    SAME_DAY = "same_day"


@dataclass(frozen=True)
class ProcessingTime:
    unit: TimeUnit
    value: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("a processing time cannot be negative")


@dataclass(frozen=True)
class OfficeHours:
    morning_start: time = time(7, 30)
    morning_end: time = time(11, 30)
    afternoon_start: time = time(13, 30)
    afternoon_end: time = time(17, 0)
    cutoff: time = time(15, 0)

    def sessions(self) -> tuple[tuple[time, time], tuple[time, time]]:
        return (self.morning_start, self.morning_end), (self.afternoon_start, self.afternoon_end)


class Note(StrEnum):
    """Why the start of the count was moved; the services turn these into sentences."""

    OUTSIDE_HOURS = "outside_hours"
    CLOSED_DAY = "closed_day"
    AFTER_CUTOFF = "after_cutoff"
    LAST_DAY_MOVED = "last_day_moved"
    CALENDAR_DAYS = "calendar_days"  # every day of the period counts, days off included


@dataclass(frozen=True)
class Deadline:
    received: datetime
    start: datetime  # when the count really starts (receipt moved into office hours)
    due: datetime
    time: ProcessingTime
    skipped: tuple[ClosedDay, ...] = ()
    rule_notes: tuple[Note, ...] = field(default_factory=tuple)


def _at(day: date, moment: time, tz: object) -> datetime:
    return datetime.combine(day, moment, tzinfo=tz)  # type: ignore[arg-type]


def _closed_between(calendar: WorkCalendar, first: date, last: date) -> tuple[ClosedDay, ...]:
    out: list[ClosedDay] = []
    day = first
    while day <= last:
        closed = calendar.closed(day)
        if closed is not None:
            out.append(closed)
        day += timedelta(days=1)
    return tuple(out)


def effective_start(received: datetime, calendar: WorkCalendar, hours: OfficeHours) -> tuple[datetime, list[Note]]:
    """The moment the count starts: the receipt, or the next opening when it came outside office hours."""
    notes: list[Note] = []
    tz = received.tzinfo
    day, moment = received.date(), received.timetz().replace(tzinfo=None)
    if not calendar.is_working_day(day):
        notes.append(Note.CLOSED_DAY)
        nxt = calendar.next_working_day(day)
        return _at(nxt, hours.morning_start, tz), notes
    if moment < hours.morning_start:
        notes.append(Note.OUTSIDE_HOURS)
        return _at(day, hours.morning_start, tz), notes
    if hours.morning_end <= moment < hours.afternoon_start:
        notes.append(Note.OUTSIDE_HOURS)
        return _at(day, hours.afternoon_start, tz), notes
    if moment >= hours.afternoon_end:
        notes.append(Note.OUTSIDE_HOURS)
        nxt = calendar.next_working_day(day + timedelta(days=1))
        return _at(nxt, hours.morning_start, tz), notes
    return received, notes


def _add_working_days(calendar: WorkCalendar, day: date, n: int) -> date:
    for _ in range(n):
        day = calendar.next_working_day(day + timedelta(days=1))
    return day


def add_working_hours(start: datetime, amount: Decimal, calendar: WorkCalendar, hours: OfficeHours) -> datetime:
    """The moment ``amount`` office hours after ``start``, skipping lunch, nights and closed days."""
    remaining = timedelta(seconds=float(amount * 3600))
    tz = start.tzinfo
    current = start
    while True:
        day = current.date()
        for begin, end in hours.sessions():
            s_begin, s_end = _at(day, begin, tz), _at(day, end, tz)
            if current >= s_end:
                continue
            current = max(current, s_begin)
            available = s_end - current
            if remaining <= available:
                return current + remaining
            remaining -= available
            current = s_end
        current = _at(calendar.next_working_day(day + timedelta(days=1)), hours.morning_start, tz)


def working_hours_between(start: datetime, end: datetime, calendar: WorkCalendar, hours: OfficeHours) -> Decimal:
    """Office hours between two moments (used to move a due date by the time a dossier was paused)."""
    if end <= start:
        return Decimal(0)
    total = timedelta()
    tz = start.tzinfo
    day = start.date()
    while day <= end.date():
        if calendar.is_working_day(day):
            for begin, finish in hours.sessions():
                lo = max(start, _at(day, begin, tz))
                hi = min(end, _at(day, finish, tz))
                if hi > lo:
                    total += hi - lo
        day += timedelta(days=1)
    return Decimal(total.total_seconds()) / Decimal(3600)


def compute_due(
    received: datetime, time: ProcessingTime, calendar: WorkCalendar, hours: OfficeHours | None = None
) -> Deadline:
    """The due moment of a dossier received at ``received`` (timezone-aware, Vietnam time)."""
    if received.tzinfo is None:
        raise ValueError("received must be timezone-aware")
    hours = hours or OfficeHours()
    tz = received.tzinfo
    start, notes = effective_start(received, calendar, hours)
    value = time.value
    if time.unit is TimeUnit.SAME_DAY:
        day = start.date()
        if start.timetz().replace(tzinfo=None) >= hours.cutoff:
            notes.append(Note.AFTER_CUTOFF)
            day = _add_working_days(calendar, day, 1)
        due = _at(day, hours.afternoon_end, tz)
    elif time.unit is TimeUnit.WORKING_HOURS:
        due = add_working_hours(start, value, calendar, hours)
    elif time.unit is TimeUnit.CALENDAR_DAYS:
        # A period in days ("ngày", not "ngày làm việc") counts every day (Bộ luật Dân sự 2015, art. 147-148):
        # only a last day that is not a working day moves to the next one, so only those days are skipped.
        last = start.date() + timedelta(days=int(value))
        day = calendar.next_working_day(last)
        notes.append(Note.CALENDAR_DAYS)
        if day != last:
            notes.append(Note.LAST_DAY_MOVED)
        due = _at(day, hours.afternoon_end, tz)
        return Deadline(received, start, due, time, _closed_between(calendar, last, due.date()), tuple(notes))
    else:
        whole = int(value)
        fraction = value - whole
        day = _add_working_days(calendar, start.date(), whole)
        if fraction > 0:
            day = _add_working_days(calendar, day, 1)
            end = hours.morning_end if fraction <= Decimal("0.5") else hours.afternoon_end
            due = _at(day, end, tz)
        else:
            due = _at(day, hours.afternoon_end, tz)
    skipped = _closed_between(calendar, received.date(), due.date())
    return Deadline(received, start, due, time, skipped, tuple(notes))


def step_due_times(
    start: datetime, budgets: Sequence[ProcessingTime], calendar: WorkCalendar, hours: OfficeHours | None = None
) -> list[datetime]:
    """Due moments of the internal steps of a procedure, each step starting when the previous one is due."""
    out: list[datetime] = []
    current = start
    for budget in budgets:
        current = compute_due(current, budget, calendar, hours).due
        out.append(current)
    return out
