"""Dates and times as Vietnamese official papers and the screens write them, and Vietnam time.

Every date or time a person reads is written here, and nowhere else: the screens, the command line's text output,
the messages and the printed papers call one of these functions, so a format is decided once.

Official documents write "ngày 05 tháng 02 năm 2026" and "ngày 20 tháng 8 năm 2025": a leading zero only for
days below 10 and for the months 1 and 2 (NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.5: "đối với những số chỉ ngày nhỏ
hơn 10 và tháng 1, 2 phải ghi thêm số 0 ở trước"). Screens and lists write dates day first, as offices do
("05/02/2026"), and times hours first, as receipt slips do ("09:30 05/02/2026"), in both languages: the offices
read them so.

Times are stored in UTC and shown in Vietnam time (Asia/Ho_Chi_Minh) whatever zone the PC is set to
(docs/ARCHITECTURE.md §2). The conversion happens at the edges — where a time is shown, printed, read from what
someone typed, or counted in local days — through :func:`local_datetime`, :func:`local_now` and
:func:`local_today`.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

#: :func:`short_date` and :func:`short_datetime` in Qt's notation, for the GUI's date and time editors.
QT_SHORT_DATE = "dd/MM/yyyy"
QT_SHORT_DATETIME = "HH:mm dd/MM/yyyy"


# -- Vietnam time --------------------------------------------------------------------------------------------------
def local_datetime(moment: datetime) -> datetime:
    """``moment`` in Vietnam time. An aware moment is converted from its zone; a naive one is read as Vietnam wall
    time, which is how a time typed without an offset is meant (docs/ARCHITECTURE.md §8)."""
    return moment.replace(tzinfo=LOCAL_TZ) if moment.tzinfo is None else moment.astimezone(LOCAL_TZ)


def local_now() -> datetime:
    """Now, in Vietnam time."""
    return datetime.now(LOCAL_TZ)


def local_today() -> date:
    """Today's date in Vietnam (a UTC day starts at 07:00 there)."""
    return local_now().date()


# -- papers ----------------------------------------------------------------------------------------------------------
def official_month(month: int) -> str:
    """ "02" for February, "8" for August: months 1 and 2 take a leading zero, the others none (NĐ 30/2020)."""
    return f"{month:02d}" if month <= 2 else str(month)


def official_date(day: date, place: str | None = None) -> str:
    """ "Mỹ Tho, ngày 05 tháng 02 năm 2026", "ngày 20 tháng 8 năm 2025" (always Vietnamese: a legal paper)."""
    text = f"ngày {day.day:02d} tháng {official_month(day.month)} năm {day.year}"
    return f"{place}, {text}" if place else text


def official_time(moment: datetime | time) -> str:
    """ "09 giờ 30 phút": a time of day as slips write it (TT 01/2018/TT-VPCP, form 01), in Vietnam time."""
    if isinstance(moment, datetime):
        moment = local_datetime(moment)
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút"


# -- screens, messages and lists -------------------------------------------------------------------------------------
def short_date(day: date) -> str:
    """ "05/02/2026" in Vietnamese, "05/02/2026" in English too: offices read day-first. A moment gives its day in
    Vietnam."""
    if isinstance(day, datetime):
        day = local_datetime(day).date()
    return day.strftime("%d/%m/%Y")


def month_year(day: date) -> str:
    """ "02/2026": a month, as statistics label it."""
    return day.strftime("%m/%Y")


def short_time(moment: datetime | time) -> str:
    """ "09:30": a moment's time of day in Vietnam, or a time of day as it is (an office's cut-off hour)."""
    if isinstance(moment, datetime):
        moment = local_datetime(moment)
    return moment.strftime("%H:%M")


def short_datetime(moment: datetime) -> str:
    """ "09:30 05/02/2026" in Vietnam time: hours first, as on receipt slips."""
    local = local_datetime(moment)
    return local.strftime("%H:%M %d/%m/%Y")


def exact_datetime(moment: datetime) -> str:
    """ "09:30:15 05/02/2026" in Vietnam time: to the second, where the order of events matters (the trail)."""
    return local_datetime(moment).strftime("%H:%M:%S %d/%m/%Y")


def sortable_datetime(moment: datetime) -> str:
    """ "2026-02-05 09:30:15" in Vietnam time: a column of a text listing that sorts as it reads."""
    return local_datetime(moment).strftime("%Y-%m-%d %H:%M:%S")
