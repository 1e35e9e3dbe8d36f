"""The quality area, walked as an ISO secretary and a chairman would: from the journey to the scope, a policy drafted
from the model and approved by a leader (refused to anyone else), an objective added, the decision recorded and
printed; bad input refused with a message and nothing changed."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from isodesk.services.accounts.accounts import add_account
from isodesk.services.context import AppContext
from isodesk.services.qms.policy import list_policies
from isodesk.services.qms.scope import list_scope_versions
from isodesk.ui import ops
from isodesk.ui.qms.quality_page import QualityPage
from tests.ui.conftest import type_text


def _error(qtbot) -> str:  # type: ignore[no-untyped-def]
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10000)
    box = found[0]
    text = box.text()
    box.close()
    return text


def _state(page: QualityPage, key: str) -> str:
    label = page.journey.states.get(key)
    return label.text() if label is not None else ""


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not ops.busy(), timeout=20000)


@pytest.fixture
def page(qtbot, office: AppContext) -> QualityPage:  # type: ignore[no-untyped-def]
    add_account(office, "hung", "Nguyễn Văn Hùng", ["leader"], password="Chủ tịch 2026")
    made = QualityPage("Quality system", "")
    qtbot.addWidget(made)
    made.resize(1366, 768)
    made.show()
    made.set_context(office)
    qtbot.waitUntil(lambda: _state(made, "scope") == "cần làm", timeout=20000)
    return made


def test_from_the_scope_to_an_approved_policy_and_a_printed_announcement(qtbot, page: QualityPage, office) -> None:  # type: ignore[no-untyped-def]
    # The journey's button opens the scope tab.
    page.journey.buttons["scope"].click()
    assert page.tabs.currentWidget() is page.scope
    qtbot.waitUntil(lambda: page.scope.procedures.count() > 10, timeout=20000)
    _settle(qtbot)

    # A scope with no procedure is refused, and nothing changes.
    page.scope.set_chosen(set())
    page.scope.save_button.click()
    assert "Phạm vi phải có ít nhất một thủ tục" in _error(qtbot)
    assert list_scope_versions(office) == []

    page.scope.set_chosen({"1.004873", "1.001193"})
    type_text(page.scope.note, "Phạm vi ban đầu")
    page.scope.save_button.click()
    qtbot.waitUntil(lambda: _state(page, "scope") == "đã xong", timeout=20000)
    assert set(list_scope_versions(office)[0].procedures) == {"1.004873", "1.001193"}

    # The policy: from the model, saved as a draft, refused to the administrator, approved by the chairman.
    page.journey.buttons["policy"].click()
    assert page.tabs.currentWidget() is page.policy
    page.policy.model_button.click()
    qtbot.waitUntil(lambda: "TCVN ISO 9001:2015" in page.policy.text.toPlainText(), timeout=20000)
    page.policy.draft_button.click()
    qtbot.waitUntil(lambda: page.policy.versions.rowCount() == 1, timeout=20000)
    _settle(qtbot)
    page.policy.approve_button.click()
    assert "không được phê duyệt tài liệu được kiểm soát" in _error(qtbot)
    assert [p.state for p in list_policies(office)] == ["draft"]
    office.actor = "hung"
    page.policy.approve_button.click()
    qtbot.waitUntil(lambda: _state(page, "policy") == "đã xong", timeout=20000)
    assert list_policies(office)[0].approved_by == "Nguyễn Văn Hùng"
    policy = page.print_policy()
    assert policy is not None
    qtbot.addWidget(policy)
    qtbot.waitUntil(lambda: policy.ready and not ops.busy(), timeout=30000)
    assert "CHÍNH SÁCH CHẤT LƯỢNG" in _pdf_text(policy)
    office.actor = "admin"

    # An objective with no target is refused; one with a target is added.
    page.journey.buttons["objectives"].click()
    _settle(qtbot)
    type_text(page.objectives.title, "Giải quyết hồ sơ đúng hạn")
    page.objectives.add_button.click()
    assert "Mục tiêu phải đo lường được" in _error(qtbot)
    type_text(page.objectives.target, "95")
    page.objectives.add_button.click()
    qtbot.waitUntil(lambda: page.objectives.table.rowCount() == 1, timeout=20000)
    assert page.objectives.table.item(0, 2).text() == "≥ 95%"

    # The decision announcing conformity, recorded and printed with its annex.
    page.journey.buttons["announcement"].click()
    assert page.tabs.currentWidget() is page.announcement
    type_text(page.announcement.number, "125/QĐ-UBND")
    page.announcement.day.setDate(QDate(2026, 6, 1))
    page.announcement.announce_button.click()
    qtbot.waitUntil(lambda: _state(page, "announcement") == "đã xong", timeout=20000)
    preview = page.print_announcement()
    assert preview is not None
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.ready and not ops.busy(), timeout=30000)
    text = _pdf_text(preview)
    assert "Số: 125/QĐ-UBND" in text and "PHỤ LỤC" in text
    assert "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân" in text and "Thủ tục đăng ký khai sinh" in text


def test_an_overdue_obligation_stands_out(qtbot, page: QualityPage, office) -> None:  # type: ignore[no-untyped-def]
    from isodesk.services.qms.announcements import announce

    announce(office, "12/QĐ-UBND", date(2020, 1, 6))  # no internal audit since: overdue for years
    page.refresh()
    qtbot.waitUntil(lambda: _state(page, "yearly_audit") == "quá hạn", timeout=20000)
    assert "Quá hạn:" in page.journey.summary.text()
    assert "c62828" in page.journey.states["yearly_audit"].styleSheet()
    page.journey.buttons["yearly_audit"].click()
    assert page.tabs.currentWidget() is page.announcement
    assert page.journey.buttons["yearly_audit"].isEnabled()
    assert Qt.AlignmentFlag.AlignCenter == page.journey.states["yearly_audit"].alignment()


def _pdf_text(dialog) -> str:  # type: ignore[no-untyped-def]
    reader = PdfReader(io.BytesIO(dialog.pages.data))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def test_plan_risks_and_legal_changes(qtbot, page: QualityPage, office) -> None:  # type: ignore[no-untyped-def]
    from isodesk.services.qms.milestones import list_legal_changes

    page.journey.buttons["legal_updates"].click()
    assert page.tabs.currentWidget() is page.plan
    _settle(qtbot)
    tab = page.plan
    tab.add_legal_button.click()  # no legal basis: refused
    assert "Căn cứ pháp lý" in _error(qtbot)
    type_text(tab.basis, "Quyết định số 1234/QĐ-BTP")
    type_text(tab.code, "1.004873")
    tab.effective_on.setDate(QDate(2020, 3, 1))
    tab.add_legal_button.click()
    qtbot.waitUntil(lambda: tab.legal.rowCount() == 1, timeout=20000)
    assert tab.legal.item(0, 3).text() == "01/06/2020"  # three months after its entry into force
    assert tab.legal.item(0, 0).foreground().color().name() == "#c62828"  # passed: it stands out
    qtbot.waitUntil(lambda: _state(page, "legal_updates") == "quá hạn", timeout=20000)
    tab.legal.selectRow(0)
    tab.applied_button.click()
    qtbot.waitUntil(lambda: _state(page, "legal_updates") == "đã xong", timeout=20000)
    assert list_legal_changes(office)[0].applied_on is not None

    type_text(tab.task, "Soạn thảo sổ tay chất lượng")
    tab.add_task_button.click()
    qtbot.waitUntil(lambda: tab.plan.rowCount() == 1, timeout=20000)
    type_text(tab.description, "Thiếu người trực một cửa")
    tab.add_risk_button.click()
    qtbot.waitUntil(lambda: tab.risks.rowCount() == 1, timeout=20000)
    assert tab.risks.item(0, 0).text() == "Rủi ro"


def test_the_problem_log(qtbot, page: QualityPage, office) -> None:  # type: ignore[no-untyped-def]
    from isodesk.services.qms.register import add_problem, list_problems

    page.tabs.setCurrentWidget(page.plan)
    _settle(qtbot)
    tab = page.plan
    tab.add_problem_button.click()  # nothing typed: refused, nothing noted
    assert "Nội dung vướng mắc" in _error(qtbot)
    assert list_problems(office) == []
    add_problem(office, "Máy in một cửa hỏng hai ngày", date(2026, 1, 12))  # a month ago or more: due for review
    type_text(tab.problem, "Công dân phản ánh thiếu ghế chờ")
    type_text(tab.problem_code, "1.001193")
    tab.add_problem_button.click()
    qtbot.waitUntil(lambda: tab.problem_list.rowCount() == 2, timeout=20000)
    assert tab.problem_list.item(0, 1).text() == "1.001193"  # the newest first
    assert tab.problem_list.item(1, 0).foreground().color().name() == "#c62828"  # waited past its month
    tab.review_button.click()
    qtbot.waitUntil(lambda: all(p.reviewed_on for p in list_problems(office)), timeout=20000)
    qtbot.waitUntil(lambda: tab.problem_list.item(1, 3).text() != "", timeout=20000)
    assert tab.problem_list.item(1, 0).foreground().color().name() != "#c62828"


def test_the_document_register(qtbot, page: QualityPage, office, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from isodesk.services.qms.documents import list_documents

    page.open_screen("documents")
    tab = page.documents
    _settle(qtbot)
    type_text(tab.code, "QT 01/VP")
    type_text(tab.title_field, "Quy trình kiểm soát tài liệu")
    tab.add_button.click()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=20000)
    tab.table.selectRow(0)
    tab.issue_button.click()  # the administrator is not the ISO secretary: refused, nothing changed
    assert "Thư ký ISO" in _error(qtbot)
    assert list_documents(office)[0].revisions[0].state == "draft"
    source = tmp_path / "quy-trinh.docx"
    source.write_bytes(b"noi dung")
    tab.attach(source)
    qtbot.waitUntil(lambda: bool(list_documents(office)[0].revisions[0].checksum), timeout=20000)
    add_account(office, "lan", "Trần Thị Lan", ["iso_secretary"], password="Thư ký 2026")
    office.actor = "lan"
    tab.table.selectRow(0)
    tab.issue_button.click()
    qtbot.waitUntil(lambda: _cell(tab.table, 0, 5) == "đã ban hành", timeout=20000)
    tab.table.selectRow(0)
    tab.obsolete_button.click()
    qtbot.waitUntil(lambda: _cell(tab.table, 0, 5) == "hết hiệu lực", timeout=20000)
    type_text(tab.holders, "Văn phòng")
    tab.table.selectRow(0)
    tab.distribute_button.click()
    assert "hết hiệu lực" in _error(qtbot)
    assert list_documents(office)[0].revisions[0].distribution == ()


def _cell(table, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    item = table.item(row, column)
    return item.text() if item is not None else ""


def test_the_overview_warns_of_an_overdue_obligation(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    from isodesk.services.qms.announcements import announce
    from isodesk.ui.ledger.overview_page import OverviewPage

    overview = OverviewPage()
    qtbot.addWidget(overview)
    overview.show()
    overview.set_context(office)
    qtbot.waitUntil(lambda: overview.values["unit_name"].text() == "Phường Mỹ Tho", timeout=20000)
    assert not overview.qms_warning.isVisible()  # nothing overdue in a new office
    announce(office, "12/QĐ-UBND", date(2020, 1, 6))
    overview.refresh()
    qtbot.waitUntil(lambda: overview.qms_warning.isVisible(), timeout=20000)
    assert "Đánh giá nội bộ hằng năm" in overview.qms_warning.text()
