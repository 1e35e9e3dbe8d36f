"""Dates as official documents write them (Decree 30/2020/ND-CP, Appendix I: "ngày 05 tháng 02 năm 2026")."""

from __future__ import annotations

from datetime import UTC, date, datetime

from isodesk.i18n.dates import official_date, short_date, short_datetime


def test_official_date_is_zero_padded() -> None:
    assert official_date(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert official_date(date(2026, 11, 22), "Mỹ Tho") == "Mỹ Tho, ngày 22 tháng 11 năm 2026"


def test_short_formats_use_vietnam_time() -> None:
    assert short_date(date(2026, 2, 5)) == "05/02/2026"
    assert short_datetime(datetime(2026, 2, 5, 2, 30, tzinfo=UTC)) == "09:30 05/02/2026"


def test_short_datetime_crosses_midnight_into_vietnam_day() -> None:
    # 18:30 UTC on 31 Dec is already 1 Jan in Vietnam (UTC+7).
    assert short_datetime(datetime(2025, 12, 31, 18, 30, tzinfo=UTC)) == "01:30 01/01/2026"
