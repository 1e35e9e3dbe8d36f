"""Printing from the screens where the office works: the ledger, the receive form and the dossier window."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier
from isodesk.services.office.profile import get_profile
from isodesk.ui import ops
from isodesk.ui.ledger.dossier_dialog import DossierDialog
from isodesk.ui.ledger.ledger_page import LedgerPage
from isodesk.ui.printing.preview import PreviewDialog
from tests.ui.conftest import type_text


def text_of(dialog: PreviewDialog) -> str:
    reader = PdfReader(io.BytesIO(dialog.pages.data))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def wait_ready(qtbot, dialog: PreviewDialog) -> None:
    qtbot.waitUntil(lambda: dialog.ready and bool(dialog.drawn_pages()) and not ops.busy(), timeout=30000)


def error_box() -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)


@pytest.fixture
def page(qtbot, office: AppContext) -> LedgerPage:
    page = LedgerPage()
    qtbot.addWidget(page)
    page.show()
    page.set_context(office)
    return page


def test_receipt_of_the_selected_dossier(qtbot, office: AppContext, page: LedgerPage) -> None:
    code = receive_dossier(office, "1.004873", ApplicantInput("Đỗ Thị Hồng Nhung")).code
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.table.selectRow(0)
    preview = page.print_selected_receipt()
    qtbot.addWidget(preview)
    wait_ready(qtbot, preview)
    assert len(preview.pages) == 2 and code in preview.windowTitle()
    text = text_of(preview)
    assert code in text and "Đỗ Thị Hồng Nhung" in text and "GIẤY TIẾP NHẬN HỒ SƠ" in text


def test_nothing_selected_says_what_to_do(qtbot, page: LedgerPage) -> None:
    assert page.print_selected_receipt() is None
    qtbot.waitUntil(lambda: error_box() is not None, timeout=5000)
    box = error_box()
    assert box.text() == "Hãy chọn một hồ sơ trong sổ trước."
    box.close()


def test_batch_of_todays_slips_in_one_document(qtbot, office: AppContext, page: LedgerPage) -> None:
    now = datetime.now(LOCAL_TZ)
    receive_dossier(office, "1.001193", ApplicantInput("Hôm Qua"), received_at=now - timedelta(days=1))
    codes = [
        receive_dossier(office, "1.004873", ApplicantInput(f"Người Nộp {name}")).code for name in ("An", "Bình", "Chi")
    ]
    preview = page.print_receipts_of_today()
    qtbot.addWidget(preview)
    wait_ready(qtbot, preview)
    assert len(preview.pages) == 6  # two copies of each of today's three slips, and none of yesterday's
    text = text_of(preview)
    assert all(code in text for code in codes) and "Hôm Qua" not in text


def test_no_dossier_today_is_a_message_not_an_empty_print(qtbot, page: LedgerPage) -> None:
    page.print_receipts_of_today()
    qtbot.waitUntil(lambda: error_box() is not None, timeout=10000)
    box = error_box()
    assert "chưa tiếp nhận hồ sơ nào" in box.text()
    box.close()


def test_ledger_and_statistics_for_a_period(qtbot, office: AppContext, page: LedgerPage) -> None:
    from isodesk.services.office.demo import fill_demo

    fill_demo(office, 120)
    today = page.today()
    start = date(today.year, 1, 1)
    ledger = page.print_ledger((start, today))
    qtbot.addWidget(ledger)
    wait_ready(qtbot, ledger)
    assert ledger.pages.sizes[0].width() > ledger.pages.sizes[0].height()  # A4 landscape
    assert ledger.views[0].width() <= ledger.scroll.viewport().width()  # opens whole in the window
    assert "SỔ THEO DÕI HỒ SƠ" in text_of(ledger)
    assert ledger.progress.isHidden()

    report = page.print_stats((start, today))
    qtbot.addWidget(report)
    wait_ready(qtbot, report)
    assert "BÁO CÁO" in text_of(report).upper()


def test_receive_and_print_opens_the_slip_of_the_new_dossier(qtbot, page: LedgerPage) -> None:
    dialog = page.open_receive()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() > 10, timeout=15000)
    type_text(dialog.search, "xac nhan tinh trang hon nhan")
    qtbot.waitUntil(lambda: 0 < dialog.list.count() < 5, timeout=5000)
    dialog.list.setCurrentRow(0)
    for check in dialog.component_checks:  # every document handed in
        check.setChecked(True)
    type_text(dialog.name, "Trương Thị Bích Ngọc")
    with qtbot.waitSignal(dialog.received, timeout=15000) as blocker:
        dialog.save_print_button.click()
    code = blocker.args[0]
    preview = dialog.preview
    qtbot.addWidget(preview)
    wait_ready(qtbot, preview)
    text = text_of(preview)
    assert code in text and "Trương Thị Bích Ngọc" in text


def test_dossier_window_offers_the_papers_that_apply(qtbot, office: AppContext) -> None:
    code = receive_dossier(office, "1.004873", ApplicantInput("Phan Văn Đức")).code
    move_dossier(office, code, "supplement", note="Bản sao giấy khai sinh; Tờ khai có chữ ký")
    dialog = DossierDialog(office, code)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=10000)
    assert dialog.timeline.item(0, 1).text() == "đã tiếp nhận"  # the first step, in Vietnamese
    actions = {a.objectName(): a for a in dialog.print_menu.actions()}
    assert set(actions) == {
        "print_receipt",
        "print_supplement",
        "print_refusal",
        "print_apology",
        "print_stop",
        "print_control-sheet",
    }
    assert actions["print_supplement"].isEnabled() and actions["print_receipt"].isEnabled()
    assert not actions["print_refusal"].isEnabled()
    assert "không bị từ chối" in actions["print_refusal"].toolTip()  # why it cannot be printed
    assert actions["print_supplement"].text().startswith("Mẫu số 02")

    def fill_contact() -> None:  # the office has no contact yet: the request asks for it once, before printing
        contact = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "contactDialog" and w.isVisible())
        contact.name.setText("Nguyễn Thị Lan")
        contact.phone.setText("0912345678")
        contact._accept()

    QTimer.singleShot(0, fill_contact)
    actions["print_supplement"].trigger()
    assert get_profile(office).contact_phone == "0912 345 678"  # kept as phone numbers are written
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog) and w.isVisible())
    qtbot.addWidget(preview)
    wait_ready(qtbot, preview)
    text = text_of(preview)
    assert code in text and "Bản sao giấy khai sinh" in text and "Phan Văn Đức" in text
    assert "Nguyễn Thị Lan" in text and "0912 345 678" in text


def test_quality_area_prints_the_scope_and_an_iso_procedure(qtbot, office: AppContext) -> None:
    from isodesk.ui.qms.quality_page import QualityPage

    page = QualityPage("Quality system", "")
    qtbot.addWidget(page)
    page.set_context(office)
    qtbot.waitUntil(lambda: page.procedure.count() > 10, timeout=10000)
    scope = page.print_scope()
    qtbot.addWidget(scope)
    wait_ready(qtbot, scope)
    assert "PHẠM VI ÁP DỤNG" in text_of(scope).upper()

    index = page.procedure.findData("1.004873")
    assert index >= 0
    page.procedure.setCurrentIndex(index)
    document = page.print_procedure()
    qtbot.addWidget(document)
    wait_ready(qtbot, document)
    text = text_of(document)
    assert "Giấy xác nhận tình trạng hôn nhân" in text and "1. MỤC ĐÍCH" in text
