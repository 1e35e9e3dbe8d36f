"""The Một cửa area over a real office with a demo year of dossiers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt

from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier
from isodesk.services.office.demo import fill_demo
from isodesk.ui import ops
from isodesk.ui.ledger.ledger_model import COL_APPLICANT, COL_CODE, COL_STATUS, DUE_TODAY, OVERDUE, LedgerModel
from isodesk.ui.ledger.ledger_page import LedgerPage
from isodesk.ui.ledger.overview_page import OverviewPage
from tests.ui.conftest import type_text


@pytest.fixture
def demo_office(office: AppContext) -> AppContext:
    fill_demo(office, 300)
    return office


def test_receive_a_dossier_and_find_it_without_accents(qtbot, demo_office: AppContext) -> None:
    page = LedgerPage()
    qtbot.addWidget(page)
    page.show()
    page.set_context(demo_office)
    qtbot.waitUntil(lambda: page.model.rowCount() == 300, timeout=15000)

    dialog = page.open_receive()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() > 10, timeout=15000)
    type_text(dialog.search, "dang ky khai sinh")
    qtbot.waitUntil(lambda: 0 < dialog.list.count() < 10, timeout=5000)
    dialog.list.setCurrentRow(0)
    assert "khai sinh" in dialog.selected().name.lower()
    qtbot.waitUntil(lambda: "Hẹn trả" in dialog.appointment.text(), timeout=10000)
    type_text(dialog.name, "Nguyễn Thị Ánh Nguyệt")
    type_text(dialog.phone, "0912345678")
    with qtbot.waitSignal(dialog.received, timeout=15000) as blocker:
        dialog.save_button.click()
    code = blocker.args[0]
    qtbot.waitUntil(lambda: page.model.rowCount() == 301, timeout=15000)

    type_text(page.search, "nguyen thi anh nguyet")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=15000)
    assert page.model.data(page.model.index(0, COL_APPLICANT)) == "Nguyễn Thị Ánh Nguyệt"
    assert page.model.data(page.model.index(0, COL_CODE)) == code
    qtbot.waitUntil(lambda: not ops.busy())


def test_receive_form_checks_as_you_type(qtbot, demo_office: AppContext) -> None:
    from isodesk.services.ledger.queries import count_dossiers

    page = LedgerPage()
    qtbot.addWidget(page)
    page.set_context(demo_office)
    dialog = page.open_receive()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() > 10, timeout=15000)
    dialog.list.setCurrentRow(0)
    phone_problem = dialog.checks.fields[2].label
    type_text(dialog.phone, "0912 34")
    assert not phone_problem.isVisible()  # not while the first digits are typed
    dialog.phone.editingFinished.emit()  # the officer moves to the next field
    message = "Số điện thoại “0912 34” không hợp lệ: số di động cần 10 chữ số, bắt đầu bằng 0; "
    assert phone_problem.isVisible() and phone_problem.text().startswith(message)
    assert message in dialog.save_button.toolTip()
    type_text(dialog.id_number, "123456789")
    dialog.save_button.click()  # empty name, short phone, old ID card: nothing is saved, the form says why
    assert dialog.checks.summary.isVisible()
    assert dialog.checks.summary.text() == "Họ tên người nộp hồ sơ không được để trống."
    assert "chứng minh nhân dân 9 số" in dialog.checks.fields[4].label.text()
    assert dialog.isVisible() and count_dossiers(demo_office) == 300
    type_text(dialog.name, "Nguyễn Văn 2")
    assert "có ký tự “2”" in dialog.checks.fields[0].label.text()
    dialog.organisation.setChecked(True)  # an organisation's name may hold digits
    dialog.name.setText("Công ty TNHH 3A")
    assert not dialog.checks.fields[0].label.isVisible()
    type_text(dialog.phone, "5678")  # now "0912 345678"
    dialog.id_number.clear()
    assert not phone_problem.isVisible() and dialog.save_button.toolTip() == ""
    assert not dialog.checks.summary.isVisible()
    with qtbot.waitSignal(dialog.received, timeout=15000):
        dialog.save_button.click()
    assert count_dossiers(demo_office) == 301
    qtbot.waitUntil(lambda: not ops.busy())


def test_receive_with_a_representative_and_a_missing_component(qtbot, demo_office: AppContext) -> None:
    """The officer names who filed for an organisation, unticks a component, says which copy is wanted and why:
    the dossier waits for its supplement, and the request prints each of them where the form puts it."""
    from isodesk.services.ledger.dossiers import show_dossier
    from isodesk.services.printing import form_pdf
    from tests.pdfcheck import text

    page = LedgerPage()
    qtbot.addWidget(page)
    page.set_context(demo_office)
    dialog = page.open_receive()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() > 10, timeout=15000)
    type_text(dialog.search, "1.001612")  # registering a household business
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=5000)
    qtbot.waitUntil(lambda: len(dialog.component_checks) == 2, timeout=5000)
    # The documents start unticked: the officer ticks what is handed in (setting ledger.documents_ticked).
    assert not any(check.isChecked() for check in dialog.component_checks) and dialog.reason.isEnabled()
    for check in dialog.component_checks:
        check.setChecked(True)
    assert not dialog.reason.isEnabled()  # nothing missing, no reason to give
    dialog.organisation.setChecked(True)
    type_text(dialog.name, "Hộ kinh doanh Bảy Ơn")
    type_text(dialog.representative, "Nguyễn Văn Bảy")
    type_text(dialog.representative_id, "082085001234")
    dialog.component_checks[0].setChecked(False)
    copy = dialog.component_copies[0]
    assert copy.isEnabled() and dialog.reason.isEnabled()
    copy.setCurrentIndex(copy.findText("bản chính"))
    assert dialog.reason.currentText() == "Hồ sơ chưa đầy đủ, hợp lệ theo quy định."  # the form set's default
    dialog.reason.setCurrentIndex(dialog.reason.findText("Giấy tờ chưa đúng mẫu quy định."))
    with qtbot.waitSignal(dialog.received, timeout=15000) as blocker:
        dialog.save_button.click()
    code = blocker.args[0]
    qtbot.waitUntil(lambda: not ops.busy())
    shown = show_dossier(demo_office, code)
    assert shown["status"] == "supplement"
    assert shown["applicant"]["representative"] == "Nguyễn Văn Bảy"
    assert shown["events"][-1]["note"] == (
        "Giấy đề nghị đăng ký hộ kinh doanh (bản chính). Lý do: Giấy tờ chưa đúng mẫu quy định."
    )
    from isodesk.services.office.profile import update_profile

    update_profile(demo_office, contact_name="Võ Thanh Tùng", contact_phone="0273 3872 135")
    request = text(form_pdf(demo_office, "supplement", code))
    assert "1 Giấy đề nghị đăng ký hộ kinh doanh x" in request  # marked in the first copy column
    assert "Lý do: Giấy tờ chưa đúng mẫu quy định." in request


def test_model_rows_and_highlighting(qtbot, office: AppContext) -> None:
    now = datetime.now(LOCAL_TZ)
    past = now.replace(year=now.year - 1, month=11, day=2, hour=9, minute=0)
    late = receive_dossier(office, "1.004873", ApplicantInput("Trần Văn Trễ"), received_at=past).code
    model = LedgerModel(office)
    model.reload_now()
    assert model.rowCount() == 1 and model.columnCount() == 7
    assert model.data(model.index(0, COL_CODE)) == late
    assert model.data(model.index(0, COL_STATUS)) == "đã tiếp nhận"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole).color() == OVERDUE
    assert DUE_TODAY != OVERDUE
    assert model.headerData(COL_APPLICANT, Qt.Orientation.Horizontal) == "Người nộp"


def test_model_fetches_pages_as_they_are_shown_and_keeps_only_the_latest(qtbot, office: AppContext) -> None:
    from isodesk.services.ledger.queries import DossierFilter, list_dossiers
    from isodesk.ui.paged_model import MAX_PAGES, PAGE

    fill_demo(office, PAGE * (MAX_PAGES + 2))
    fetched: list[int] = []

    class Watched(LedgerModel):
        def fetch_page(self, number: int) -> list[Any]:
            fetched.append(number)
            return super().fetch_page(number)

    model = Watched(office)
    model.reload_now()
    total = model.rowCount()
    codes = [r.code for r in list_dossiers(office, limit=total)]
    assert total == len(codes) >= PAGE * (MAX_PAGES + 2) and fetched == [0]
    last = (total - 1) // PAGE
    rows = (0, PAGE - 1, PAGE, total - 1)
    assert [model.row_at(r).code for r in rows] == [codes[r] for r in rows]
    assert fetched == [0, 1, last] and model.row_at(total) is None
    fetched.clear()
    for number in range(2, MAX_PAGES + 2):
        model.row_at(number * PAGE)
    assert fetched == list(range(2, MAX_PAGES + 2))  # the last page, read long ago, was dropped meanwhile
    model.row_at(2 * PAGE + 1)  # the pages just read are all held
    model.row_at(PAGE + 1)  # an older one was dropped: read again
    assert fetched == [*range(2, MAX_PAGES + 2), 1]

    loads: list[int] = []
    model.loaded.connect(loads.append)
    model.set_filter(DossierFilter(status="returned"))
    model.set_filter(DossierFilter())  # chosen before the first answer came: only the newest is shown
    qtbot.waitUntil(lambda: bool(loads) and not ops.busy(), timeout=15000)
    assert loads == [total] and model.rowCount() == total


def test_dashboard_shows_the_month_rate(qtbot, demo_office: AppContext) -> None:
    page = OverviewPage()
    qtbot.addWidget(page)
    page.set_context(demo_office)
    qtbot.waitUntil(lambda: page.tile_values["month_rate"].text() != "—", timeout=15000)
    assert page.tile_values["month_rate"].text().endswith("%")
    assert any(rate is not None for rate in page.chart.rates)
    qtbot.waitUntil(lambda: not ops.busy())


def test_field_and_period_filters(qtbot, demo_office: AppContext) -> None:
    from isodesk.services.ledger.procedures import list_procedures
    from isodesk.services.ledger.queries import DossierFilter, count_dossiers

    page = LedgerPage()
    qtbot.addWidget(page)
    page.set_context(demo_office)
    qtbot.waitUntil(lambda: page.model.rowCount() == 300 and page.field.count() > 2, timeout=15000)
    page.field.setCurrentIndex(page.field.findData("Hộ tịch"))
    qtbot.waitUntil(lambda: 0 < page.model.rowCount() < 300, timeout=15000)
    civil_status = {p.code for p in list_procedures(demo_office) if p.field == "Hộ tịch"}
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert rows and all(row.procedure_code in civil_status for row in rows)

    page.period.setChecked(True)
    page.date_from.setDate(page.date_to.date().addDays(-30))
    window = DossierFilter(
        field="Hộ tịch", received_from=page.date_from.date().toPython(), received_to=page.date_to.date().toPython()
    )
    expected = count_dossiers(demo_office, window)
    qtbot.waitUntil(lambda: page.model.rowCount() == expected, timeout=15000)
    assert expected < len(rows)
    qtbot.waitUntil(lambda: not ops.busy())


def test_dossier_dialog_hands_over_and_records_the_step(qtbot, office: AppContext) -> None:
    from isodesk.services.ledger.dossiers import show_dossier
    from isodesk.services.office.staff import add_staff
    from isodesk.ui.ledger.dossier_dialog import DossierDialog

    officer = add_staff(office, "Huỳnh Thị Mỹ Linh", "Tư pháp - Hộ tịch", "Công chức Tư pháp - Hộ tịch")
    code = receive_dossier(office, "1.004873", ApplicantInput("Võ Văn Kiệt")).code
    dialog = DossierDialog(office, code)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.action.count() > 0 and dialog.to_staff.count() > 1, timeout=10000)
    dialog.action.setCurrentIndex(dialog.action.findData("processing"))
    dialog.to_staff.setCurrentIndex(dialog.to_staff.findData(officer.id))
    type_text(dialog.note, "Chuyển thẩm định hồ sơ")
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        dialog.apply.click()
    qtbot.waitUntil(lambda: dialog.timeline.rowCount() == 2, timeout=10000)
    assert dialog.timeline.item(1, 3).text() == "Huỳnh Thị Mỹ Linh"
    shown = show_dossier(office, code)
    assert shown["status"] == "processing" and shown["handler"] == "Huỳnh Thị Mỹ Linh"
    assert shown["events"][-1]["note"] == "Chuyển thẩm định hồ sơ"
    qtbot.waitUntil(lambda: not ops.busy())


def test_a_supplement_request_asks_for_the_office_contact_once(qtbot, office: AppContext, monkeypatch) -> None:
    from isodesk.services.office.profile import get_profile
    from isodesk.ui.office import contact_dialog

    typed: dict[str, str] = {"name": "", "phone": "0273 3872 135"}

    def fill_and_press_ok(dialog: Any) -> int:
        qtbot.addWidget(dialog)
        type_text(dialog.name, typed["name"])
        type_text(dialog.phone, typed["phone"])
        dialog._accept()  # OK: accepted only when both are right
        return dialog.result()

    monkeypatch.setattr(contact_dialog.ContactDialog, "exec", fill_and_press_ok)
    assert contact_dialog.ensure_contact(office) is False  # no name: not accepted, nothing printed
    assert get_profile(office).contact_phone == ""
    typed["name"] = "Võ Thanh Tùng"
    assert contact_dialog.ensure_contact(office) is True
    profile = get_profile(office)
    assert (profile.contact_name, profile.contact_phone) == ("Võ Thanh Tùng", "0273 3872 135")
    monkeypatch.setattr(contact_dialog.ContactDialog, "exec", lambda _d: pytest.fail("asked again"))
    assert contact_dialog.ensure_contact(office) is True
