"""Đánh giá nội bộ, driven as a user would: plan an audit, record a checklist item, raise a finding, plan its
corrective action, mark it done and have it verified; a refusal (self-audit, verification by the owner) is shown
in a message box and changes nothing."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QMessageBox

from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.audit.findings import list_actions, list_findings
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier
from isodesk.services.office.staff import add_staff
from isodesk.ui import ops
from isodesk.ui.audit.audit_page import AuditPage
from tests.ui.conftest import type_text


def _error_box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == "errorBox" and widget.isVisible():
            return widget
    return None


def _dismiss(qtbot) -> str:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: _error_box() is not None, timeout=10000)
    box = _error_box()
    assert box is not None
    text = box.text()
    box.close()
    return text


def _page(qtbot, office: AppContext) -> AuditPage:  # type: ignore[no-untyped-def]
    add_staff(office, "Kiều Văn Thẩm", "Văn phòng", "Thư ký ISO")
    add_staff(office, "Lò Văn Hộ", "Tư pháp - Hộ tịch", "Công chức Tư pháp - Hộ tịch")
    add_staff(office, "Mai Thị Đất", "Địa chính", "Công chức Địa chính")
    code = receive_dossier(office, "1.004873", ApplicantInput("Võ Thị Sáu"),
                           received_at=datetime(2026, 3, 2, 9, tzinfo=LOCAL_TZ)).code  # fmt: skip
    move_dossier(office, code, "ready", at=datetime(2026, 3, 3, 9, tzinfo=LOCAL_TZ))
    move_dossier(office, code, "returned", at=datetime(2026, 3, 4, 9, tzinfo=LOCAL_TZ), rating=1)
    page = AuditPage("Đánh giá nội bộ")
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.programme.year.setValue(2026)
    page.set_context(office)
    qtbot.waitUntil(lambda: page.programme.lead.count() == 3 and not ops.busy(), timeout=10000)
    return page


def test_plan_checklist_finding_action_verification(qtbot, office: AppContext) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, office)
    tab = page.programme
    assert tab.matrix.rowCount() == 28 and tab.matrix.columnCount() == 3
    assert "4.1" in tab.uncovered.text() and "Văn phòng" in tab.uncovered.text()
    assert page.summary.text().startswith("Chưa có đợt đánh giá nào sắp tới; phát hiện đang mở: 0")

    # A self-audit is refused with the reason, and nothing is planned.
    tab.plan_date.setDate(QDate(2026, 3, 10))
    tab.area.setCurrentText("Tư pháp - Hộ tịch")
    tab.lead.setCurrentText("Lò Văn Hộ")
    tab.plan_button.click()
    assert "đó là bộ phận của chính mình" in _dismiss(qtbot)
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    assert tab.audits.rowCount() == 0

    tab.lead.setCurrentText("Kiều Văn Thẩm")
    type_text(tab.clauses, "7.5, 8.5")
    type_text(tab.procedures, "1.004873")
    tab.plan_button.click()
    qtbot.waitUntil(lambda: tab.audits.rowCount() == 1, timeout=10000)
    assert tab.audits.item(0, 2).text() == "Tư pháp - Hộ tịch" and tab.audits.item(0, 3).text() == "Kiều Văn Thẩm"
    qtbot.waitUntil(lambda: "7.5" not in tab.uncovered.text().split(";")[0], timeout=10000)

    # The checklist: clauses first, then the procedure; one item is recorded as conforming.
    tab.audits.selectRow(0)
    qtbot.waitUntil(lambda: tab.checklist.rowCount() == 3, timeout=10000)
    assert tab.checklist.item(0, 3).text().startswith("Điều 7.5 (Thông tin dạng văn bản)")
    tab.checklist.selectRow(0)
    tab.result.setCurrentIndex(tab.result.findData("conforms"))
    type_text(tab.evidence, "Sổ đăng ký văn bản đến năm 2026")
    tab.save_check.click()
    qtbot.waitUntil(lambda: tab.checklist.item(0, 2) is not None and tab.checklist.item(0, 2).text() == "Phù hợp",
                    timeout=10000)  # fmt: skip

    # A finding of that audit.
    findings = page.findings
    assert "đợt đánh giá 1" in findings.audit_label.text()
    findings.grade.setCurrentIndex(findings.grade.findData("minor"))
    type_text(findings.clause, "7.5")
    type_text(findings.evidence, "Sổ theo dõi hồ sơ tháng 2 thiếu chữ ký người nhận")
    findings.add.click()
    qtbot.waitUntil(lambda: findings.table.rowCount() == 1, timeout=10000)
    assert findings.table.item(0, 2).text() == "Không phù hợp nhẹ"
    finding = list_findings(office)[0]
    assert (finding.audit, finding.clause) == (1, "7.5")

    # Its corrective action, owned by the audited officer.
    actions = page.actions
    type_text(actions.finding, str(finding.id))
    actions.owner.setCurrentText("Lò Văn Hộ")
    type_text(actions.plan, "Ký bổ sung; kiểm tra sổ hằng tuần")
    type_text(actions.cause, "Chưa phân công người kiểm tra sổ")
    actions.add.click()
    qtbot.waitUntil(lambda: actions.table.rowCount() == 1, timeout=10000)
    actions.table.selectRow(0)
    actions.done.click()
    qtbot.waitUntil(lambda: list_actions(office)[0].status == "done", timeout=10000)
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)

    # The owner cannot verify their own action; someone else can.
    actions.table.selectRow(0)
    actions.verifier.setCurrentText("Lò Văn Hộ")
    actions.effective.click()
    assert "không thể tự xác nhận" in _dismiss(qtbot)
    assert list_actions(office)[0].status == "done"
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    actions.table.selectRow(0)
    actions.verifier.setCurrentText("Mai Thị Đất")
    actions.effective.click()
    qtbot.waitUntil(lambda: list_actions(office)[0].status == "verified", timeout=10000)
    qtbot.waitUntil(lambda: actions.table.item(0, 5) is not None and actions.table.item(0, 5).text() == "Mai Thị Đất",
                    timeout=10000)  # fmt: skip

    # The finding closes now; the review gathers the year's figures.
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    findings.table.selectRow(0)
    findings.close_button.click()
    qtbot.waitUntil(lambda: list_findings(office)[0].status == "closed", timeout=10000)
    review = page.review
    review.day.setDate(QDate(2026, 12, 1))
    review.start.click()
    qtbot.waitUntil(lambda: review.reviews.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: "Hồ sơ đã tiếp nhận 1" in review.inputs.toPlainText(), timeout=10000)
    assert "100.0 %" in review.inputs.toPlainText() and "1 không phù hợp nhẹ" in review.inputs.toPlainText()

    # The chair writes the decisions, the head confirms the QMS is effective.
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    review.reviews.selectRow(0)
    review.decisions.setPlainText("Tập huấn lại quy trình tiếp nhận\nBổ sung người kiểm tra sổ")
    review.save.click()
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    review.reviews.selectRow(0)
    review.chair.setCurrentText("Kiều Văn Thẩm")
    review.effective.click()
    qtbot.waitUntil(lambda: review.reviews.item(0, 3) is not None and review.reviews.item(0, 3).text() == "có hiệu lực",
                    timeout=10000)  # fmt: skip
    from isodesk.services.audit.reviews import list_reviews

    saved = list_reviews(office)[0]
    assert (saved.decisions, saved.effective, saved.confirmed_by) == (
        "Tập huấn lại quy trình tiếp nhận\nBổ sung người kiểm tra sổ", True, "Kiều Văn Thẩm",
    )  # fmt: skip


def test_the_audit_papers_open_in_the_preview(qtbot, office: AppContext) -> None:  # type: ignore[no-untyped-def]
    from isodesk.services.audit.audits import plan_audit
    from isodesk.services.audit.reviews import start_review
    from tests.ui.test_print_screens import text_of, wait_ready

    page = _page(qtbot, office)
    audit = plan_audit(office, datetime(2026, 3, 10).date(), "Tư pháp - Hộ tịch", "Kiều Văn Thẩm", clauses=["7.5"]).id
    page.programme.audit_id = audit
    blank = page.programme.print_paper("checklist")
    qtbot.addWidget(blank)
    wait_ready(qtbot, blank)
    assert "PHIẾU KIỂM TRA ĐÁNH GIÁ NỘI BỘ" in text_of(blank)
    report = page.programme.print_paper("report")
    qtbot.addWidget(report)
    wait_ready(qtbot, report)
    assert "BÁO CÁO ĐÁNH GIÁ NỘI BỘ" in text_of(report) and "SHA-256" in text_of(report)
    start_review(office, datetime(2026, 12, 1).date())
    page.refresh()
    qtbot.waitUntil(lambda: page.review.reviews.rowCount() == 1 and not ops.busy(), timeout=10000)
    page.review.reviews.selectRow(0)
    minutes = page.review.print_review()
    qtbot.addWidget(minutes)
    wait_ready(qtbot, minutes)
    assert "BIÊN BẢN HỌP XEM XÉT CỦA LÃNH ĐẠO" in text_of(minutes)


def test_the_plan_form_sets_the_meeting_times(qtbot, office: AppContext) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTime

    from isodesk.services.audit.audits import get_audit

    page = _page(qtbot, office)
    tab = page.programme
    assert (tab.opening.time().toString("HH:mm"), tab.closing.time().toString("HH:mm")) == ("08:00", "16:30")
    tab.plan_date.setDate(QDate(2026, 3, 10))
    tab.area.setCurrentText("Tư pháp - Hộ tịch")
    tab.lead.setCurrentText("Kiều Văn Thẩm")
    tab.opening.setTime(QTime(14, 0))
    tab.closing.setTime(QTime(9, 0))
    tab.plan_button.click()
    assert "Giờ họp kết thúc 09:00 không sau giờ họp khai mạc 14:00" in _dismiss(qtbot)
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    assert tab.audits.rowCount() == 0

    tab.opening.setTime(QTime(7, 30))
    tab.closing.setTime(QTime(11, 0))
    tab.plan_button.click()
    qtbot.waitUntil(lambda: tab.audits.rowCount() == 1, timeout=10000)
    planned = get_audit(office, int(tab.audits.item(0, 0).text()))
    assert (planned.opening, planned.closing) == ("07:30", "11:00")


def test_a_review_decision_is_added_and_marked_done(qtbot, office: AppContext) -> None:  # type: ignore[no-untyped-def]
    from isodesk.services.audit.decisions import list_decisions
    from isodesk.services.audit.reviews import start_review

    page = _page(qtbot, office)
    review_id = start_review(office, datetime(2026, 12, 1).date()).id
    page.refresh()
    review = page.review
    qtbot.waitUntil(lambda: review.reviews.rowCount() == 1 and not ops.busy(), timeout=10000)
    review.reviews.selectRow(0)
    qtbot.waitUntil(lambda: review.decision_owner.count() == 3 and not ops.busy(), timeout=10000)

    # An empty decision is refused, and nothing is added.
    review.add_decision.click()
    assert "Quyết định không được để trống" in _dismiss(qtbot)
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    assert list_decisions(office) == []

    type_text(review.decision_text, "Tập huấn lại quy trình tiếp nhận")
    review.decision_owner.setCurrentText("Lò Văn Hộ")
    review.decision_due.setDate(QDate(2027, 1, 31))
    review.add_decision.click()
    qtbot.waitUntil(lambda: review.decision_table.rowCount() == 1, timeout=10000)
    assert [review.decision_table.item(0, c).text() for c in range(1, 5)] == [
        "Tập huấn lại quy trình tiếp nhận", "Lò Văn Hộ", "31/01/2027", "đang mở",
    ]  # fmt: skip
    assert review.decision_text.text() == ""
    assert review.decision_done.text() == "Đã xong"
    added = list_decisions(office)
    assert [(d.review, d.text, d.owner, d.due, d.status) for d in added] == [
        (review_id, "Tập huấn lại quy trình tiếp nhận", "Lò Văn Hộ", "2027-01-31", "open")
    ]

    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    review.decision_table.selectRow(0)
    review.decision_done.click()
    qtbot.waitUntil(lambda: list_decisions(office)[0].status == "done", timeout=10000)
    qtbot.waitUntil(
        lambda: (
            review.decision_table.item(0, 4) is not None
            and review.decision_table.item(0, 4).text().startswith("đã xong ngày")
        ),
        timeout=10000,
    )
    assert review.reviews.rowCount() == 1 and _selected_review(review) == review_id


def _selected_review(review) -> int | None:  # type: ignore[no-untyped-def]
    rows = review.reviews.selectionModel().selectedRows()
    return int(review.reviews.item(rows[0].row(), 0).text()) if rows else None
