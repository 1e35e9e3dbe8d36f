"""How official papers write times, durations and fees: always in Vietnamese, whatever the screen language.

Days below 10 and the months 1 and 2 take a leading zero, other months none (NĐ 30/2020/NĐ-CP, Phụ lục I, mục
II.5); slips write times as "09 giờ 30 phút, ngày 05 tháng 02 năm 2026" or "…, ngày 20 tháng 8 năm 2025" and
durations as "03 ngày làm việc" (TT 01/2018/TT-VPCP, form 01).
Fees follow the catalogue's convention (docs/DOMAIN.md §2): "0" free, a number with its unit, "HĐND" set
by the provincial People's Council, "0|HĐND" free in the usual case and otherwise set by the Council, "?" unknown.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from isodesk.domain.deadlines import ProcessingTime, TimeUnit
from isodesk.i18n.dates import local_datetime, official_date, official_time

COUNCIL = "Theo Nghị quyết của Hội đồng nhân dân tỉnh"
_AMOUNT = re.compile(r"(\d+)/")


def time_words(moment: datetime) -> str:
    """ "09 giờ 30 phút, ngày 05 tháng 02 năm 2026", in Vietnam time."""
    local = local_datetime(moment)
    return f"{official_time(local)}, {official_date(local.date())}"


def _number(value: Decimal) -> str:
    value = value.normalize()
    if value == value.to_integral_value():
        return f"{int(value):02d}"
    return str(value).replace(".", ",")


def duration_words(processing: ProcessingTime | None) -> str:
    """ "03 ngày làm việc", "08 giờ làm việc", "Trong ngày", "30 ngày"; empty when the time is not known."""
    if processing is None:
        return ""
    n = _number(processing.value)
    if processing.unit is TimeUnit.SAME_DAY:
        return "Trong ngày làm việc"
    if processing.unit is TimeUnit.WORKING_HOURS:
        return f"{n} giờ làm việc"
    if processing.unit is TimeUnit.CALENDAR_DAYS:
        return f"{n} ngày"
    return f"{n} ngày làm việc"


def _money(text: str) -> str:
    """ "2000/trang" -> "2.000 đồng/trang" (Vietnamese thousands separator)."""
    return _AMOUNT.sub(lambda m: f"{int(m.group(1)):,}".replace(",", ".") + " đồng/", text)


def fee_words(fee: str) -> str:
    fee = fee.strip()
    if fee in ("", "?"):
        return ""
    if fee == "0":
        return "Không thu phí, lệ phí"
    if fee == "HĐND":
        return COUNCIL
    if fee == "0|HĐND":
        return f"Miễn lệ phí (trường hợp khác: {COUNCIL[0].lower()}{COUNCIL[1:]})"
    if fee.isdigit():
        return f"{int(fee):,} đồng".replace(",", ".")
    if _AMOUNT.match(fee):
        return _money(fee)
    return fee


def legal_reference(kind: str, number: str, day: date | None, title: str = "") -> str:
    """ "Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ quy định …", as a reference cites a
    legal document (number, date, title); a date not known is a dotted line to fill in by hand."""
    when = official_date(day) if day else "ngày ……"
    return " ".join(part for part in (f"{kind} số {number}", when, title) if part)
