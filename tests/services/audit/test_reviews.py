"""The management review gathers its inputs from the data of its period; the head's confirmation is recorded."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from isodesk.errors import UserError
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.audit.audits import plan_audit
from isodesk.services.audit.findings import add_action, add_finding, complete_action, verify_action
from isodesk.services.audit.papers import audit_report_pdf
from isodesk.services.audit.reviews import (
    confirm_effectiveness,
    latest_effectiveness_confirmation,
    start_review,
)
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier
from tests.services.audit.conftest import CIVIL_STATUS, People

NOW = datetime(2026, 12, 1, 17, 0, tzinfo=LOCAL_TZ)


def at(y: int, m: int, d: int, hh: int = 9) -> datetime:
    return datetime(y, m, d, hh, 0, tzinfo=LOCAL_TZ)


def _settled(office: AppContext, received: datetime, returned: datetime, rating: int) -> None:
    code = receive_dossier(office, "1.004873", ApplicantInput("Ngô Văn Tám"), received_at=received).code
    move_dossier(office, code, "ready", at=returned.replace(hour=8))
    move_dossier(office, code, "returned", at=returned, rating=rating)


def test_the_inputs_are_the_data_of_the_period(office: AppContext, people: People) -> None:
    # Period: 2 Dec 2025 to 1 Dec 2026 (a year, there being no earlier review).
    _settled(office, at(2026, 3, 2), at(2026, 3, 4), 1)  # ahead
    _settled(office, at(2026, 3, 2), at(2026, 3, 5), 2)  # on time (due Thu 5 Mar)
    _settled(office, at(2026, 3, 2), at(2026, 3, 9), 4)  # late
    _settled(office, at(2025, 6, 2), at(2025, 6, 3), 1)  # before the period
    in_period = plan_audit(office, date(2026, 3, 10), CIVIL_STATUS, "Phạm Thị Dung", clauses=["7.5"]).id
    plan_audit(office, date(2025, 10, 1), "Văn phòng", "Hoàng Văn Em", clauses=["8.5"])  # before the period
    major = add_finding(office, in_period, "major", "8.5", "Hồ sơ trả trễ không có phiếu xin lỗi")
    add_finding(office, in_period, "observation", "7.5", "Sổ ghi bằng bút chì")
    late = add_action(office, major.id, "Nguyễn Văn An", date(2026, 4, 1), "Lập phiếu xin lỗi đúng hạn")
    kept = add_action(office, major.id, "Nguyễn Văn An", date(2026, 12, 20), "Tập huấn")
    complete_action(office, kept.id)
    verify_action(office, kept.id, "Phạm Thị Dung", True)
    audit_report_pdf(office, in_period)

    review = start_review(office, date(2026, 12, 1), now=NOW)
    i = review.inputs
    assert (review.period_from, review.period_to) == ("2025-12-02", "2026-12-01")
    assert i["ledger"]["settled"] == 3 and i["ledger"]["late"] == 1
    assert i["on_time_rate"] == round(2 / 3, 4)
    assert i["satisfaction"] == {"very_satisfied": 1, "satisfied": 1, "neutral": 0, "dissatisfied": 1}
    assert i["audits"]["count"] == 1 and i["audits"]["reported"] == 1
    assert i["audits"]["list"] == [{"id": in_period, "date": "2026-03-10", "area": CIVIL_STATUS, "status": "reported"}]
    assert i["findings"]["by_grade"] == {"major": 1, "minor": 0, "observation": 1, "improvement": 0}
    assert i["findings"]["open"] == 2
    assert i["actions"] == {"open": 1, "done": 0, "verified": 1, "overdue": 1, "not_effective": 0}
    assert late.id != kept.id
    assert i["previous_review"] is None

    # The next review covers the time since this one, and names it.
    confirm_effectiveness(office, review.id, "Phạm Thị Dung", True, day=date(2026, 12, 1))
    nxt = start_review(office, date(2027, 6, 1), now=datetime(2027, 6, 1, 9, 0, tzinfo=LOCAL_TZ))
    assert (nxt.period_from, nxt.inputs["previous_review"]["id"]) == ("2026-12-02", review.id)
    assert nxt.inputs["audits"]["count"] == 0 and nxt.inputs["ledger"]["settled"] == 0


def test_the_latest_confirmation_of_effectiveness(office: AppContext, people: People) -> None:
    with office.read() as s:
        assert latest_effectiveness_confirmation(s) is None
    first = start_review(office, date(2026, 6, 1), now=NOW)
    confirm_effectiveness(office, first.id, "Phạm Thị Dung", False, day=date(2026, 6, 1))
    second = start_review(office, date(2026, 12, 1), now=NOW)
    with office.read() as s:
        found = latest_effectiveness_confirmation(s)
    assert found is not None and (found.review_id, found.effective) == (first.id, False)
    confirm_effectiveness(office, second.id, str(people.dung), True, day=date(2026, 12, 2))
    with office.read() as s:
        found = latest_effectiveness_confirmation(s)
    assert found is not None
    assert (found.review_id, found.effective, found.confirmed_by, found.confirmed_on) == (
        second.id, True, "Phạm Thị Dung", date(2026, 12, 2),
    )  # fmt: skip
    with pytest.raises(UserError):
        confirm_effectiveness(office, 999, "Phạm Thị Dung", True)


def test_the_minutes_print_the_inputs_the_decisions_and_the_confirmation(office: AppContext, people: People) -> None:
    from isodesk.services.audit.papers import review_minutes_pdf
    from isodesk.services.audit.reviews import edit_review
    from tests import pdfcheck

    _settled(office, at(2026, 3, 2), at(2026, 3, 4), 1)
    review = start_review(office, date(2026, 12, 1), now=NOW)
    blank = pdfcheck.text(review_minutes_pdf(office, review.id))
    assert "BIÊN BẢN HỌP XEM XÉT CỦA LÃNH ĐẠO" in blank and "Chưa có xác nhận." in blank
    assert "từ 02/12/2025 đến 01/12/2026" in blank and "tỷ lệ đúng hạn 100,0 %" in blank
    dotted = [line.strip() for line in pdfcheck.reader(review_minutes_pdf(office, review.id)).pages[0]
              .extract_text().splitlines() if line.strip().startswith("…")]  # fmt: skip
    assert len(dotted) == 5 and len(set(dotted)) == 1 and set(dotted[0]) == {"…"}  # each line whole, none wrapped
    edit_review(office, review.id, decisions="Tập huấn lại quy trình cho bộ phận một cửa trước 31/01/2027\n"
                                             "Bổ sung người kiểm tra sổ theo dõi")  # fmt: skip
    edit_review(office, review.id, minutes="Các bộ phận báo cáo kết quả năm")
    assert edit_review(office, review.id).decisions.startswith("Tập huấn lại")  # None keeps what was written
    confirm_effectiveness(office, review.id, "Phạm Thị Dung", True, day=date(2026, 12, 1))
    data = review_minutes_pdf(office, review.id)
    text = pdfcheck.text(data)
    lines = pdfcheck.reader(data).pages[0].extract_text().splitlines()
    assert any(line.strip() == "Bổ sung người kiểm tra sổ theo dõi" for line in lines)  # a paragraph of its own
    for words in ("Tập huấn lại quy trình", "Các bộ phận báo cáo kết quả năm", "có hiệu lực", "Phạm Thị Dung",
                  "rất hài lòng 1"):  # fmt: skip
        assert words in text, words
    assert pdfcheck.sizes(data) == {pdfcheck.A4}
