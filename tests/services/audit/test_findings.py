"""Findings and corrective actions with their gates, and the issued audit report read back from its PDF."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from isodesk.db.paths import database_path
from isodesk.errors import UserError
from isodesk.services.audit.audits import plan_audit, record_check, reopen_audit_report
from isodesk.services.audit.findings import (
    acknowledge_finding,
    add_action,
    add_finding,
    close_finding,
    complete_action,
    list_actions,
    list_findings,
    verify_action,
)
from isodesk.services.audit.papers import audit_report_pdf, checklist_pdf
from isodesk.services.context import AppContext
from tests import pdfcheck
from tests.services.audit.conftest import CIVIL_STATUS, People

DAY = date(2026, 3, 10)


def _rows(office: AppContext, table: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(database_path(Path(office.data_dir)))
    try:
        return list(conn.execute(f"SELECT * FROM {table} ORDER BY id"))
    finally:
        conn.close()


@pytest.fixture
def audit_id(office: AppContext, people: People) -> int:
    return plan_audit(office, DAY, CIVIL_STATUS, "Phạm Thị Dung", clauses=["7.5", "8.5"]).id


def test_a_finding_needs_evidence_a_known_grade_and_a_clause(office: AppContext, audit_id: int) -> None:
    for grade, clause, evidence, words in (
        ("minor", "7.5", "   ", "Bằng chứng không được để trống"),
        ("serious", "7.5", "Sổ thiếu chữ ký", "serious"),
        ("minor", "12", "Sổ thiếu chữ ký", "12"),
        ("minor", "bảy", "Sổ thiếu chữ ký", "bảy"),
    ):
        with pytest.raises(UserError) as refused:
            add_finding(office, audit_id, grade, clause, evidence)
        assert words in refused.value.message
    with pytest.raises(UserError):
        add_finding(office, 999, "minor", "7.5", "Sổ thiếu chữ ký")
    assert _rows(office, "audit_findings") == []


def test_the_finding_and_action_workflow_with_its_gates(office: AppContext, audit_id: int) -> None:
    finding = add_finding(office, audit_id, "minor", "7.5.3", "Sổ theo dõi hồ sơ tháng 2 thiếu chữ ký", "1.004873")
    assert (finding.audit, finding.clause, finding.procedure, finding.raised_on) == (audit_id, "7.5.3", "1.004873",
                                                                                     "2026-03-10")  # fmt: skip
    action = add_action(office, finding.id, "Nguyễn Văn An", date(2026, 4, 10), "Ký bổ sung và kiểm tra hằng tuần",
                        cause="Chưa phân công người kiểm tra sổ")  # fmt: skip
    acknowledged = acknowledge_finding(office, finding.id, "Nguyễn Văn An", day=date(2026, 3, 10))
    assert (acknowledged.acknowledged_by, acknowledged.acknowledged_on) == ("Nguyễn Văn An", "2026-03-10")
    with pytest.raises(UserError):
        acknowledge_finding(office, finding.id, "Không Có Ai")
    # Closing with the action open is refused, and changes nothing.
    before = _rows(office, "audit_findings")
    with pytest.raises(UserError) as refused:
        close_finding(office, finding.id)
    assert f"Phát hiện {finding.id} chưa thể đóng: 1 hành động khắc phục chưa được xác nhận có hiệu lực" in (
        refused.value.message
    )
    assert _rows(office, "audit_findings") == before
    # Verified before it is done: refused.
    with pytest.raises(UserError):
        verify_action(office, action.id, "Phạm Thị Dung", True)
    complete_action(office, action.id)
    with pytest.raises(UserError):
        complete_action(office, action.id)
    # Done but not verified still holds the finding open.
    with pytest.raises(UserError):
        close_finding(office, finding.id)
    # The owner may not verify their own action.
    before_actions = _rows(office, "corrective_actions")
    with pytest.raises(UserError) as own:
        verify_action(office, action.id, "Nguyễn Văn An", True)
    assert "Nguyễn Văn An" in own.value.message and "người khác" in own.value.message
    assert _rows(office, "corrective_actions") == before_actions
    # Not effective: open again, for the owner to do more.
    again = verify_action(office, action.id, "Phạm Thị Dung", False)
    assert (again.status, again.effective, again.verified_by) == ("open", False, "Phạm Thị Dung")
    complete_action(office, action.id)
    verified = verify_action(office, action.id, str(office_staff_id(office, "Hoàng Văn Em")), True)
    assert (verified.status, verified.effective) == ("verified", True)
    assert [f.id for f in list_findings(office, only_open=True)] == [finding.id]
    closed = close_finding(office, finding.id)
    assert closed.status == "closed"
    assert list_findings(office, only_open=True) == []
    with pytest.raises(UserError):
        close_finding(office, finding.id)
    with pytest.raises(UserError):
        add_action(office, finding.id, "Nguyễn Văn An", date(2026, 5, 1), "Thêm nữa")


def office_staff_id(office: AppContext, name: str) -> int:
    from isodesk.services.office.staff import list_staff

    return next(p.id for p in list_staff(office) if p.name == name)


def test_a_finding_without_actions_closes_and_overdue_actions_stand_out(office: AppContext, audit_id: int) -> None:
    observation = add_finding(office, audit_id, "observation", "8.5", "Bảng niêm yết thủ tục đã cũ")
    assert close_finding(office, observation.id).status == "closed"
    outside = add_finding(office, None, "minor", "8.5", "Khiếu nại của công dân về thời gian chờ", day=DAY)
    assert outside.audit is None
    late = add_action(office, outside.id, "Trần Thị Bình", date(2026, 1, 5), "Bố trí thêm người trực")
    later = add_action(office, outside.id, "Trần Thị Bình", date(2099, 1, 5), "Lấy số thứ tự tự động")
    rows = list_actions(office, only_open=True)
    assert [(r.id, r.overdue) for r in rows] == [(late.id, True), (later.id, False)]


def test_the_report_is_issued_locked_and_its_checksum_read_back(office: AppContext, audit_id: int) -> None:
    add_finding(office, audit_id, "major", "8.5", "Hồ sơ 28261-260302-0001 trả trễ 4 ngày, không có phiếu xin lỗi")
    add_finding(office, audit_id, "improvement", "7.5", "Có thể số hóa sổ theo dõi")
    blank = checklist_pdf(office, audit_id)
    assert pdfcheck.sizes(blank) == {pdfcheck.A4_LANDSCAPE}
    assert "PHIẾU KIỂM TRA ĐÁNH GIÁ NỘI BỘ" in pdfcheck.text(blank)
    data, issued = audit_report_pdf(office, audit_id, day=date(2026, 3, 11))
    assert issued.revision == 1 and issued.newly_issued
    text = pdfcheck.text(data)
    for words in ("BÁO CÁO ĐÁNH GIÁ NỘI BỘ", "Lần ban hành: 1", f"Bộ phận được đánh giá: {CIVIL_STATUS}",
                  "Trưởng đoàn: Phạm Thị Dung", "Không phù hợp nặng", "trả trễ 4 ngày", "Cơ hội cải tiến",
                  "1 điểm không phù hợp nặng", "10/03/2026", "Điều khoản của tiêu chuẩn: 7.5, 8.5"):  # fmt: skip
        assert words in text, words
    printed = re.search(r"SHA-256\)[^:]*: ([0-9a-f ]{64,})", text)
    assert printed is not None
    digest = printed.group(1).replace(" ", "")[:64]
    ((content, stored),) = [(r[0], r[1]) for r in _report_rows(office)]
    assert digest == stored == hashlib.sha256(content.encode("utf-8")).hexdigest() == issued.sha256
    assert json.loads(content)["findings"][0]["evidence"].startswith("Hồ sơ 28261-260302-0001")
    pdfcheck.assert_fonts_embedded_subsets(data)
    # Locked: nothing in the audit changes; a reprint gives the same revision and checksum.
    before = (_rows(office, "audit_findings"), _rows(office, "audit_checklist"))
    with pytest.raises(UserError) as locked:
        add_finding(office, audit_id, "minor", "7.5", "Phát hiện muộn")
    assert "đã ban hành" in locked.value.message
    item = _rows(office, "audit_checklist")[0][0]
    with pytest.raises(UserError):
        record_check(office, int(item), "conforms", "muộn")  # type: ignore[call-overload]
    assert (_rows(office, "audit_findings"), _rows(office, "audit_checklist")) == before
    _again, reprint = audit_report_pdf(office, audit_id)
    assert (reprint.revision, reprint.sha256, reprint.newly_issued) == (1, issued.sha256, False)
    # Reopened, a change makes the next report revision 2; revision 1 stays as it was.
    reopen_audit_report(office, audit_id)
    add_finding(office, audit_id, "minor", "7.5", "Phát hiện bổ sung")
    _data2, second = audit_report_pdf(office, audit_id)
    assert second.revision == 2 and second.sha256 != issued.sha256
    assert [r[1] for r in _report_rows(office)] == [issued.sha256, second.sha256]


def _report_rows(office: AppContext) -> list[tuple[str, str]]:
    conn = sqlite3.connect(database_path(Path(office.data_dir)))
    try:
        return list(conn.execute("SELECT content, sha256 FROM audit_reports ORDER BY revision"))
    finally:
        conn.close()


def test_a_procedure_often_late_is_proposed_with_its_figures(office: AppContext, people: People) -> None:
    from datetime import datetime

    from isodesk.i18n.dates import LOCAL_TZ
    from isodesk.services.audit.findings import proposal_evidence, propose_findings
    from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier

    def settle(code: str, returned_day: int) -> None:
        received = receive_dossier(office, code, ApplicantInput("Ngô Văn Tám"),
                                   received_at=datetime(2026, 3, 2, 9, tzinfo=LOCAL_TZ)).code  # fmt: skip
        move_dossier(office, received, "ready", at=datetime(2026, 3, returned_day, 8, tzinfo=LOCAL_TZ))
        move_dossier(office, received, "returned", at=datetime(2026, 3, returned_day, 9, tzinfo=LOCAL_TZ))

    for day in (3, 4, 5, 9, 10):  # due Thu 5 Mar: two late of five
        settle("1.004873", day)
    for _i in range(4):  # late, but too few to judge
        settle("1.000656", 9)
    found = propose_findings(office, date(2026, 1, 1), date(2026, 12, 31))
    assert [p.to_dict() for p in found] == [
        {"procedure": "1.004873", "settled": 5, "late": 2, "late_share": 0.4, "clause": "8.5"}
    ]
    assert propose_findings(office, date(2026, 1, 1), date(2026, 12, 31), share=0.5) == []
    assert [p.procedure for p in propose_findings(office, date(2026, 1, 1), date(2026, 12, 31), minimum=4)] == [
        "1.000656", "1.004873",
    ]  # fmt: skip
    evidence = proposal_evidence(found[0], date(2026, 1, 1), date(2026, 12, 31))
    assert evidence == "Thủ tục 1.004873: 2/5 hồ sơ giải quyết trễ hạn (40.0 %) từ 01/01/2026 đến 31/12/2026."
    raised = add_finding(office, None, "minor", found[0].clause, evidence, found[0].procedure)
    assert (raised.audit, raised.procedure) == (None, "1.004873")


def test_the_dashboard_counts_what_is_open_due_and_overdue(office: AppContext, audit_id: int) -> None:
    from isodesk.services.audit.findings import audit_dashboard

    later = plan_audit(office, date(2026, 9, 15), "Văn phòng", "Hoàng Văn Em").id
    finding = add_finding(office, audit_id, "minor", "7.5", "Sổ thiếu chữ ký")
    add_finding(office, audit_id, "observation", "8.5", "Bảng niêm yết cũ")
    add_action(office, finding.id, "Nguyễn Văn An", date(2026, 6, 1), "Ký bổ sung")  # overdue on 10 June
    add_action(office, finding.id, "Nguyễn Văn An", date(2026, 6, 15), "Kiểm tra hằng tuần")  # due within a week
    done = add_action(office, finding.id, "Nguyễn Văn An", date(2026, 5, 1), "Tập huấn")
    complete_action(office, done.id)  # done, waiting for verification: not overdue
    board = audit_dashboard(office, today=date(2026, 6, 10))
    assert board.to_dict() == {
        "next_audit": later, "next_audit_date": "2026-09-15", "open_findings": 2, "open_actions": 3,
        "due_soon": 1, "overdue": 1,
    }  # fmt: skip
    assert audit_dashboard(office, today=date(2026, 10, 1)).next_audit is None
