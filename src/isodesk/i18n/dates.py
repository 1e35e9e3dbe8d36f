"""Dates as Vietnamese official papers and the screens write them.

Official documents write "ngày 05 tháng 02 năm 2026", with day and month below 10 zero-padded
(NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.5: "đối với những số chỉ ngày nhỏ hơn 10 và tháng 1, 2 phải ghi
thêm số 0 ở trước"). Screen formats come from Babel's CLDR data for the current language.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime

from isodesk.i18n import current_language

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def official_date(day: date, place: str | None = None) -> str:
    """ "Mỹ Tho, ngày 05 tháng 02 năm 2026" (always Vietnamese: it is printed on a legal paper)."""
    text = f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
    return f"{place}, {text}" if place else text


def short_date(day: date) -> str:
    """ "05/02/2026" in Vietnamese, "05/02/2026" in English too: offices read day-first."""
    return day.strftime("%d/%m/%Y")


def long_date(day: date) -> str:
    return _babel_date(day, format="long", locale=current_language())


def local_datetime(moment: datetime) -> datetime:
    """``moment`` (aware, any zone) in Vietnam time."""
    return moment.astimezone(LOCAL_TZ)


def short_datetime(moment: datetime) -> str:
    """ "09:30 05/02/2026" in Vietnam time: hours first, as on receipt slips."""
    local = local_datetime(moment)
    return local.strftime("%H:%M %d/%m/%Y")


def medium_datetime(moment: datetime) -> str:
    return _babel_datetime(local_datetime(moment), format="medium", locale=current_language())
