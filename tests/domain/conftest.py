from __future__ import annotations

from datetime import datetime

import holidays
import pytest

from isodesk.domain.calendar import WorkCalendar
from isodesk.i18n.dates import LOCAL_TZ


def vn_calendar(*years: int, days_off: dict | None = None, workdays: dict | None = None) -> WorkCalendar:
    table = holidays.country_holidays("VN", years=list(years), language="vi")
    extra = {d: "làm bù" for d in table.weekend_workdays if d.year in years}
    extra.update(workdays or {})
    return WorkCalendar(dict(table), days_off or {}, extra)


@pytest.fixture
def cal2026() -> WorkCalendar:
    return vn_calendar(2026, 2027)


def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LOCAL_TZ)
