"""Dates, times and numbers as people type them."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from isodesk.domain.validation.text import N_, Invalid, normalise

# -- dates and times ---------------------------------------------------------------------------------------------
DATE = N_("The date")
#: Dates outside these years are typing slips (0226 for 2026); nothing in a commune's records is older or later.
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_VN_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{1,4})")
_CLOCK = re.compile(r"(\d{1,2})[:hH](\d{2})(?::(\d{2}))?")


def _check_range(day: date, raw: str, label: str, earliest: date, latest: date) -> None:
    if not earliest <= day <= latest:
        raise Invalid(
            N_("{field} “{value}” is outside {earliest} – {latest}: check the year."),
            label,
            raw,
            earliest=earliest,  # dates: written in the user's format where the message is shown
            latest=latest,
        )


def _date_of(raw: str, label: str) -> date:
    iso, vn = _ISO_DATE.fullmatch(raw), _VN_DATE.fullmatch(raw)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif vn:
        if len(vn.group(3)) != 4:
            raise Invalid(
                N_("{field} “{value}” is not valid: write the year with four digits, e.g. 12/02/2026."), label, raw
            )
        day, month, year = (int(g) for g in vn.groups())
    else:
        raise Invalid(N_("{field} “{value}” is not a date: write it as 12/02/2026 or 2026-02-12."), label, raw)
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise Invalid(
            N_("{field} “{value}” is not a day of the calendar (check the day and the month)."), label, raw
        ) from exc


def parse_date(value: str, label: str = DATE, *, earliest: date = EARLIEST, latest: date = LATEST) -> date:
    """A day typed as ISO 8601 (2026-02-12, docs/ARCHITECTURE.md §8) or as Vietnamese papers write it (12/02/2026)."""
    raw = normalise(value)
    day = _date_of(raw, label)
    _check_range(day, raw, label, earliest, latest)
    return day


def parse_time(value: str, label: str = N_("The time")) -> time:
    """A time of day: 15:00, 7:30 or 15h00 (how offices write hours)."""
    raw = normalise(value)
    match = _CLOCK.fullmatch(raw)
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59 or int(match.group(3) or 0) > 59:
        raise Invalid(N_("{field} “{value}” is not a time of day: write it as 15:00."), label, raw)
    return time(int(match.group(1)), int(match.group(2)), int(match.group(3) or 0))


def parse_datetime(
    value: str, label: str = N_("The date and time"), *, earliest: date = EARLIEST, latest: date = LATEST
) -> datetime:
    """A moment: ISO 8601 (2026-02-12T09:30, with an optional offset) or "09:30 12/02/2026" / "12/02/2026 09:30".

    Without an offset the moment is naive: the caller reads it as Vietnam time (docs/ARCHITECTURE.md §8).
    """
    raw = normalise(value)
    moment: datetime | None = None
    if _ISO_DATE.match(raw):
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError:
            moment = None
    if moment is None:
        parts = raw.split(" ")
        if len(parts) == 2 and _CLOCK.fullmatch(parts[1]):
            parts.reverse()
        if len(parts) == 1:
            moment = datetime.combine(_date_of(raw, label), time())
        elif len(parts) == 2 and _CLOCK.fullmatch(parts[0]):
            try:
                moment = datetime.combine(_date_of(parts[1], label), parse_time(parts[0], label))
            except Invalid as exc:  # quote what was typed, not the half that was wrong
                raise Invalid(exc.message, label, raw, **exc.params) from exc
        else:
            raise Invalid(
                N_("{field} “{value}” is not a date and time: write it as 2026-02-12T09:30 or 09:30 12/02/2026."),
                label,
                raw,
            )
    _check_range(moment.date(), raw, label, earliest, latest)
    return moment


# -- numbers -----------------------------------------------------------------------------------------------------
def whole_number(value: str, label: str, low: int, high: int) -> int:
    """A whole number between ``low`` and ``high`` (both included)."""
    raw = normalise(value)
    if not re.fullmatch(r"[+-]?[0-9]{1,9}", raw) or not low <= int(raw) <= high:
        raise Invalid(
            N_("{field} “{value}” is not valid: a whole number from {low} to {high}."), label, raw, low=low, high=high
        )
    return int(raw)


def decimal_number(value: str, label: str, low: Decimal, high: Decimal) -> Decimal:
    """A number with an optional decimal part, written 1.5 or 1,5 (the Vietnamese decimal comma)."""
    raw = normalise(value)
    if not re.fullmatch(r"[+-]?([0-9]{1,9}([.,][0-9]{1,6})?|[.,][0-9]{1,6})", raw):
        raise Invalid(N_("{field} “{value}” is not a number (e.g. 3 or 1,5)."), label, raw)
    try:
        number = Decimal(raw.replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only plain decimals
        raise Invalid(N_("{field} “{value}” is not a number (e.g. 3 or 1,5)."), label, raw) from exc
    if not low <= number <= high:
        raise Invalid(
            N_("{field} “{value}” is not valid: a number from {low} to {high}."), label, raw, low=low, high=high
        )
    return number
