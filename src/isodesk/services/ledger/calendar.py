"""The office's working-day calendar and the due dates computed on it.

Statutory holidays, compensatory days, swapped days off and make-up Saturdays come from the ``holidays``
package (Vietnam, Bộ luật Lao động 2019 art. 112 and the yearly announcements it encodes), always with
``language="vi"``. The office (or the province, which distributes it) keeps an overlay of announced days off
and working days, each with its legal basis (``resources/seed/calendar-overlay.csv``): the 2026 New Year swap
ships confirmed (Công văn 12729/VPCP-KGVX of the Government Office); days not yet announced (Tết 2027) or a swap
only proposed (24 November 2026) ship as unconfirmed entries that change nothing the statutory calendar does not
already say, so they are shown as pending and never move a deadline on a proposal. Every overlay change is
logged.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import CalendarChange, CalendarOverride
from isodesk.domain import validation as v
from isodesk.domain.calendar import DayKind, WorkCalendar
from isodesk.domain.deadlines import Deadline, Note, OfficeHours, ProcessingTime, TimeUnit, compute_due
from isodesk.domain.permissions import Permission
from isodesk.errors import UserError
from isodesk.i18n import _, ngettext
from isodesk.i18n.dates import short_date, short_datetime
from isodesk.resources_path import resource_path
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.settings import read_setting


@lru_cache(maxsize=32)
def statutory_year(year: int) -> tuple[tuple[tuple[date, str], ...], tuple[date, ...]]:
    """Holidays and make-up working days of ``year`` from the ``holidays`` package (cached: it is slow)."""
    import holidays

    table = holidays.country_holidays("VN", years=[year], language="vi")
    days = tuple(sorted((d, str(name)) for d, name in table.items() if d.year == year))
    workdays = tuple(sorted(d for d in table.weekend_workdays if d.year == year))
    return days, workdays


def _seed_overlay(session: Session) -> None:
    seed = resource_path("seed", "calendar-overlay.csv")
    existing = set(session.execute(select(CalendarOverride.day)).scalars())
    with seed.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            day = date.fromisoformat(row["date"])
            if day in existing:
                continue
            session.add(
                CalendarOverride(
                    day=day,
                    kind=row["kind"],
                    note=row["note"],
                    source=row["source"],
                    confirmed=row["confirmed"] == "true",
                )
            )


def seed_overlay(session: Session) -> None:
    """Load the shipped overlay (once, when the office is set up)."""
    _seed_overlay(session)


def work_calendar(session: Session, years: Iterable[int]) -> WorkCalendar:
    holidays_map: dict[date, str] = {}
    workdays: dict[date, str] = {}
    years = sorted(set(years))
    for year in years:
        days, extra = statutory_year(year)
        holidays_map.update(days)
        workdays.update({d: _("Working Saturday (swapped day)") for d in extra})
    days_off: dict[date, str] = {}
    rows = session.execute(
        select(CalendarOverride).where(
            CalendarOverride.day >= date(years[0], 1, 1), CalendarOverride.day <= date(years[-1], 12, 31)
        )
    ).scalars()
    for row in rows:
        if row.kind == "day_off":
            days_off[row.day] = row.note
            workdays.pop(row.day, None)
        else:
            workdays[row.day] = row.note
    return WorkCalendar(holidays_map, days_off, workdays)


def _hhmm(value: str) -> time:
    return time.fromisoformat(value)


def office_hours(session: Session) -> OfficeHours:
    """Office hours and the same-day cut-off, from the settings (defaults in :mod:`services.settings`)."""
    return OfficeHours(
        morning_start=_hhmm(read_setting(session, "ledger.morning_start")),
        morning_end=_hhmm(read_setting(session, "ledger.morning_end")),
        afternoon_start=_hhmm(read_setting(session, "ledger.afternoon_start")),
        afternoon_end=_hhmm(read_setting(session, "ledger.afternoon_end")),
        cutoff=_hhmm(read_setting(session, "ledger.cutoff")),
    )


def deadline_in(
    session: Session, received: datetime, processing: ProcessingTime, hours: OfficeHours | None = None
) -> Deadline:
    """Due date computed inside an open session (one calendar load covers the receipt year and the next)."""
    calendar = work_calendar(session, (received.year, received.year + 1))
    return compute_due(received, processing, calendar, hours or office_hours(session))


def deadline_for(
    ctx: AppContext, received: datetime, processing: ProcessingTime, cutoff: time | None = None
) -> Deadline:
    with ctx.read() as s:
        hours = office_hours(s)
        if cutoff is not None:
            hours = OfficeHours(
                hours.morning_start, hours.morning_end, hours.afternoon_start, hours.afternoon_end, cutoff
            )
        return deadline_in(s, received, processing, hours)


def describe_time(processing: ProcessingTime) -> str:
    value = processing.value.normalize()
    n = int(value) if value == value.to_integral_value() else value
    if processing.unit is TimeUnit.SAME_DAY:
        return _("same day")
    if processing.unit is TimeUnit.WORKING_HOURS:
        return ngettext("{n} working hour", "{n} working hours", int(value)).format(n=n)
    if processing.unit is TimeUnit.CALENDAR_DAYS:
        return ngettext("{n} day", "{n} days", int(value)).format(n=n)
    return ngettext("{n} working day", "{n} working days", int(value)).format(n=n)


def explain(deadline: Deadline) -> str:
    """The due date in words: the rule applied and every day skipped, with its reason."""
    lines = [
        _("Processing time: {time}.").format(time=describe_time(deadline.time)),
        _("Received: {at}.").format(at=short_datetime(deadline.received)),
    ]
    notes = {
        Note.OUTSIDE_HOURS: _("Received outside office hours: the count starts at {at}."),
        Note.CLOSED_DAY: _("Received on a day the office is closed: the count starts at {at}."),
        Note.AFTER_CUTOFF: _("Received after the cut-off hour: the result is due the next working day."),
        Note.LAST_DAY_MOVED: _("The last day is not a working day: it moves to the next working day."),
        Note.CALENDAR_DAYS: _("The time is in days, not working days: weekends and holidays within it count."),
    }
    for note in deadline.rule_notes:
        lines.append(notes[note].format(at=short_datetime(deadline.start)))
    skipped = [c for c in deadline.skipped if c.kind is not DayKind.WEEKEND]
    weekends = len(deadline.skipped) - len(skipped)
    for closed in skipped:
        lines.append(
            _("Skipped {day}: {reason}.").format(day=short_date(closed.day), reason=closed.name or _("day off"))
        )
    if weekends:
        lines.append(ngettext("Skipped {n} weekend day.", "Skipped {n} weekend days.", weekends).format(n=weekends))
    lines.append(_("Due: {at}.").format(at=short_datetime(deadline.due)))
    return "\n".join(lines)


def set_day(ctx: AppContext, day: date, kind: Literal["day_off", "workday"], note: str = "") -> None:
    """Declare ``day`` a day off or a working day in the office's overlay (logged)."""
    if kind not in ("day_off", "workday"):
        raise ValueError(kind)
    note = check(v.text, note, v.CALENDAR_NOTE)
    if not v.EARLIEST <= day <= v.LATEST:
        raise UserError(_("The calendar covers the years 2000 to 2100."))
    with ctx.unit_of_work() as s:
        require(s, Permission.CALENDAR_MANAGE)
        row = s.execute(select(CalendarOverride).where(CalendarOverride.day == day)).scalar_one_or_none()
        old = row.kind if row else ""
        if row is None:
            s.add(CalendarOverride(day=day, kind=kind, note=note, confirmed=True))
        else:
            row.kind, row.note, row.confirmed = kind, note or row.note, True
        s.add(CalendarChange(day=day, old_kind=old, new_kind=kind, note=note))


def clear_day(ctx: AppContext, day: date) -> None:
    with ctx.unit_of_work() as s:
        require(s, Permission.CALENDAR_MANAGE)
        row = s.execute(select(CalendarOverride).where(CalendarOverride.day == day)).scalar_one_or_none()
        if row is None:
            raise UserError(_("{day} has no entry in the office's calendar.").format(day=short_date(day)))
        s.add(CalendarChange(day=day, old_kind=row.kind, new_kind="", note=""))
        s.delete(row)


def calendar_year(ctx: AppContext, year: int) -> dict[str, Any]:
    """Days off (not counting ordinary weekends) and declared working weekend days of ``year``."""
    if not v.EARLIEST.year <= year <= v.LATEST.year:
        raise UserError(_("The calendar covers the years 2000 to 2100."))
    with ctx.read() as s:
        cal = work_calendar(s, [year])
        unconfirmed = {
            r.day for r in s.execute(select(CalendarOverride).where(CalendarOverride.confirmed.is_(False))).scalars()
        }
    details = []
    day = date(year, 1, 1)
    from datetime import timedelta

    while day.year == year:
        closed = cal.closed(day)
        if closed is not None and closed.kind is not DayKind.WEEKEND:
            details.append(
                {
                    "date": day.isoformat(),
                    "kind": closed.kind.value,
                    "name": closed.name,
                    "confirmed": day not in unconfirmed,
                }
            )
        elif closed is None and day.weekday() >= 5:
            details.append(
                {
                    "date": day.isoformat(),
                    "kind": "workday",
                    "name": cal.extra_workdays.get(day, ""),
                    "confirmed": day not in unconfirmed,
                }
            )
        day += timedelta(days=1)
    return {
        "year": year,
        "days_off": [d["date"] for d in details if d["kind"] != "workday"],
        "workdays": [d["date"] for d in details if d["kind"] == "workday"],
        "details": details,
    }
