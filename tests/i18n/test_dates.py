"""Dates as official documents write them (Decree 30/2020/ND-CP, Appendix I: "ngày 05 tháng 02 năm 2026")."""

from __future__ import annotations

import time as time_module
from datetime import UTC, date, datetime, time

import pytest

from isodesk.i18n.dates import (
    LOCAL_TZ,
    exact_datetime,
    local_datetime,
    local_now,
    local_today,
    month_year,
    official_date,
    official_time,
    short_date,
    short_datetime,
    short_time,
    sortable_datetime,
)


def test_official_date_is_zero_padded() -> None:
    assert official_date(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert official_date(date(2026, 11, 22), "Mỹ Tho") == "Mỹ Tho, ngày 22 tháng 11 năm 2026"


def test_only_january_and_february_take_a_leading_zero() -> None:
    """NĐ 30/2020, Phụ lục I, mục II.5: a zero before days below 10 and the months 1 and 2, before no other month."""
    assert official_date(date(2025, 8, 20)) == "ngày 20 tháng 8 năm 2025"
    assert official_date(date(2026, 1, 9)) == "ngày 09 tháng 01 năm 2026"
    for month in range(3, 13):
        assert official_date(date(2026, month, 5)) == f"ngày 05 tháng {month} năm 2026"
        assert f"tháng 0{month}" not in official_date(date(2026, month, 5))


def test_short_formats_use_vietnam_time() -> None:
    assert short_date(date(2026, 2, 5)) == "05/02/2026"
    assert short_datetime(datetime(2026, 2, 5, 2, 30, tzinfo=UTC)) == "09:30 05/02/2026"


def test_short_datetime_crosses_midnight_into_vietnam_day() -> None:
    # 18:30 UTC on 31 Dec is already 1 Jan in Vietnam (UTC+7).
    assert short_datetime(datetime(2025, 12, 31, 18, 30, tzinfo=UTC)) == "01:30 01/01/2026"


def test_a_naive_moment_is_vietnam_wall_time_whatever_the_pc_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A time typed without an offset means Vietnam time (docs/ARCHITECTURE.md §8), even on a PC set to UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time_module.tzset()
    try:
        assert local_datetime(datetime(2026, 2, 5, 9, 30)) == datetime(2026, 2, 5, 9, 30, tzinfo=LOCAL_TZ)
        assert short_datetime(datetime(2026, 2, 5, 9, 30)) == "09:30 05/02/2026"
    finally:
        monkeypatch.undo()
        time_module.tzset()


def test_the_other_screen_formats() -> None:
    moment = datetime(2025, 12, 31, 18, 30, 15, tzinfo=UTC)  # 01:30:15 on 1 Jan 2026 in Vietnam
    assert short_date(moment) == "01/01/2026"  # a moment's day is its day in Vietnam
    assert short_time(moment) == "01:30" and short_time(time(15, 0)) == "15:00"
    assert exact_datetime(moment) == "01:30:15 01/01/2026"
    assert sortable_datetime(moment) == "2026-01-01 01:30:15"
    assert month_year(date(2026, 2, 5)) == "02/2026"


def test_papers_write_the_time_in_words() -> None:
    assert official_time(datetime(2026, 2, 5, 2, 5, tzinfo=UTC)) == "09 giờ 05 phút"
    assert official_time(time(15, 0)) == "15 giờ 00 phút"


def test_today_is_the_day_in_vietnam() -> None:
    assert local_today() == datetime.now(UTC).astimezone(LOCAL_TZ).date()
    assert local_now().utcoffset() == LOCAL_TZ.utcoffset(datetime.now())
