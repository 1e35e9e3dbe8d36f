"""Decisions of the management review as tracked actions (ISO 9001:2015 9.3.3): each with its owner and due date,
refused with a clear message when it cannot be, marked done; the next review reads their status (9.3.2 a), the
dashboard counts the open ones, and the minutes list them as a table."""

from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from isodesk.db.paths import database_path
from isodesk.errors import UserError
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.audit.decisions import add_decision, complete_decision, list_decisions
from isodesk.services.audit.findings import audit_dashboard
from isodesk.services.audit.reviews import confirm_effectiveness, start_review
from isodesk.services.context import AppContext
from tests import pdfcheck
from tests.services.audit.conftest import People

NOW = datetime(2026, 12, 1, 17, 0, tzinfo=LOCAL_TZ)


def _rows(office: AppContext) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(database_path(Path(office.data_dir)))
    try:
        return conn.execute(
            "SELECT id, review_id, text, owner_id, due_on, status, done_on FROM review_decisions"
        ).fetchall()
    finally:
        conn.close()


def test_a_decision_is_added_marked_done_and_listed_open_first(office: AppContext, people: People) -> None:
    review = start_review(office, date(2026, 12, 1), now=NOW).id
    later = add_decision(office, review, "  Tập huấn lại quy trình tiếp nhận  ", "Nguyễn Văn An", date(2027, 1, 31))
    sooner = add_decision(office, review, "Bổ sung người kiểm tra sổ", str(people.dung), date(2026, 12, 15))
    same_day = add_decision(office, review, "Niêm yết lại thủ tục", "Phạm Thị Dung", date(2026, 12, 1))
    assert (later.text, later.owner, later.due, later.status, later.done_on) == (
        "Tập huấn lại quy trình tiếp nhận", "Nguyễn Văn An", "2027-01-31", "open", None,
    )  # fmt: skip
    assert (sooner.owner, sooner.review, sooner.review_date) == ("Phạm Thị Dung", review, "2026-12-01")

    done = complete_decision(office, same_day.id, day=date(2026, 12, 2))
    assert (done.status, done.done_on, done.overdue) == ("done", "2026-12-02", False)
    assert [d.id for d in list_decisions(office)] == [sooner.id, later.id, same_day.id]
    assert [d.id for d in list_decisions(office, only_open=True)] == [sooner.id, later.id]
    assert [d.id for d in list_decisions(office, review_id=review + 1)] == []

    with pytest.raises(UserError, match="Quyết định 3 đã được hoàn thành"):
        complete_decision(office, same_day.id)
    with pytest.raises(UserError, match="Không có quyết định xem xét của lãnh đạo 99"):
        complete_decision(office, 99)


def test_bad_decisions_are_refused_in_vietnamese_and_change_nothing(office: AppContext, people: People) -> None:
    review = start_review(office, date(2026, 12, 1), now=NOW).id
    add_decision(office, review, "Tập huấn lại", "Nguyễn Văn An", date(2027, 1, 31))
    before = _rows(office)
    refusals = [
        ((review, "   ", "Nguyễn Văn An", date(2027, 1, 31)), "Quyết định không được để trống"),
        ((review, "Tập huấn", "Ai Đó", date(2027, 1, 31)), "Không có cán bộ nào tên “Ai Đó”"),
        ((review, "Tập huấn", "Nguyễn Văn An", date(2026, 11, 30)),
         "Thời hạn 30/11/2026 trước ngày họp xem xét của lãnh đạo 1 (01/12/2026)"),
        ((42, "Tập huấn", "Nguyễn Văn An", date(2027, 1, 31)), "Không có cuộc họp xem xét của lãnh đạo 42"),
    ]  # fmt: skip
    for args, message in refusals:
        with pytest.raises(UserError, match=re.escape(message)):
            add_decision(office, *args)
    confirm_effectiveness(office, review, "Phạm Thị Dung", True, day=date(2026, 12, 1))
    with pytest.raises(UserError, match="đã được lãnh đạo xác nhận"):
        add_decision(office, review, "Tập huấn thêm", "Nguyễn Văn An", date(2027, 1, 31))
    assert _rows(office) == before


def test_the_next_review_reads_the_earlier_decisions_with_their_status(office: AppContext, people: People) -> None:
    first = start_review(office, date(2026, 6, 1), now=NOW).id
    kept_open = add_decision(office, first, "Tập huấn lại", "Nguyễn Văn An", date(2026, 7, 1))
    finished = add_decision(office, first, "Bổ sung sổ", "Trần Thị Bình", date(2026, 8, 1))
    complete_decision(office, finished.id, day=date(2026, 7, 20))
    second = start_review(office, date(2026, 12, 1), now=NOW)
    assert second.inputs["previous_review"]["id"] == first  # the keys that were there stay
    found = second.inputs["previous_decisions"]
    assert [(d["id"], d["review"], d["text"], d["owner"], d["due"], d["status"], d["overdue"]) for d in found] == [
        (kept_open.id, first, "Tập huấn lại", "Nguyễn Văn An", "2026-07-01", "open", True),
        (finished.id, first, "Bổ sung sổ", "Trần Thị Bình", "2026-08-01", "done", False),
    ]
    # A third review still sees the first one's open decision, not its finished one, nor the second's of its own.
    add_decision(office, second.id, "Rà soát quy trình", "Phạm Thị Dung", date(2027, 3, 1))
    third = start_review(office, date(2027, 6, 1), now=datetime(2027, 6, 1, 9, 0, tzinfo=LOCAL_TZ))
    texts = [(d["review"], d["text"]) for d in third.inputs["previous_decisions"]]
    assert texts == [(first, "Tập huấn lại"), (second.id, "Rà soát quy trình")]
    assert start_review(office, date(2025, 1, 1), now=NOW).inputs["previous_decisions"] == []


def test_the_dashboard_counts_open_decisions_and_their_overdue(office: AppContext, people: People) -> None:
    review = start_review(office, date(2026, 6, 1), now=NOW).id
    add_decision(office, review, "Quá hạn", "Nguyễn Văn An", date(2026, 6, 5))
    add_decision(office, review, "Sắp đến hạn", "Nguyễn Văn An", date(2026, 6, 15))
    complete_decision(office, add_decision(office, review, "Xong", "Nguyễn Văn An", date(2026, 6, 2)).id)
    board = audit_dashboard(office, today=date(2026, 6, 10))
    assert (board.open_actions, board.due_soon, board.overdue) == (2, 1, 1)
    assert audit_dashboard(office, today=date(2026, 6, 1)).to_dict() == {
        "next_audit": None, "next_audit_date": None, "open_findings": 0, "open_actions": 2, "due_soon": 1,
        "overdue": 0,
    }  # fmt: skip


def test_the_minutes_list_the_decisions_as_a_table(office: AppContext, people: People) -> None:
    from isodesk.services.audit.papers import review_minutes_pdf

    first = start_review(office, date(2026, 6, 1), now=NOW).id
    add_decision(office, first, "Rà soát biểu mẫu", "Trần Thị Bình", date(2026, 7, 1))
    review = start_review(office, date(2026, 12, 1), now=NOW).id
    add_decision(office, review, "Tập huấn lại quy trình tiếp nhận", "Nguyễn Văn An", date(2027, 1, 31))
    done = add_decision(office, review, "Bổ sung người kiểm tra sổ", "Phạm Thị Dung", date(2026, 12, 15))
    complete_decision(office, done.id, day=date(2026, 12, 10))
    data = review_minutes_pdf(office, review)
    text = pdfcheck.text(data)
    for words in ("III. Kết luận và quyết định", "Quyết định", "Người thực hiện", "Thời hạn", "Tình trạng",
                  "Tập huấn lại quy trình tiếp nhận", "Nguyễn Văn An", "31/01/2027", "Đang thực hiện",
                  "Bổ sung người kiểm tra sổ", "Phạm Thị Dung", "15/12/2026", "Đã hoàn thành ngày 10/12/2026",
                  "Các quyết định của lần xem xét trước: 0 đã hoàn thành, 1 đang thực hiện (1 quá hạn)."):  # fmt: skip
        assert words in text, words
    section = text.split("III. Kết luận và quyết định")[1].split("IV.")[0]
    assert section.index("Tập huấn lại quy trình") < section.index("Bổ sung người kiểm tra sổ")  # in order decided
    assert "………" not in section
    assert pdfcheck.sizes(data) == {pdfcheck.A4}
