"""The Một cửa area over a real office with a demo year of dossiers."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext
from isodesk.services.demo import fill_demo
from isodesk.services.dossiers import ApplicantInput, receive_dossier
from isodesk.ui import ops
from isodesk.ui.ledger.ledger_model import COL_APPLICANT, COL_CODE, COL_STATUS, DUE_TODAY, OVERDUE, LedgerModel
from isodesk.ui.ledger.ledger_page import LedgerPage
from isodesk.ui.pages.overview import OverviewPage
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


def test_empty_name_is_refused_with_a_message(qtbot, demo_office: AppContext) -> None:
    page = LedgerPage()
    qtbot.addWidget(page)
    page.set_context(demo_office)
    dialog = page.open_receive()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() > 10, timeout=15000)
    dialog.list.setCurrentRow(0)
    dialog.save_button.click()
    qtbot.waitUntil(
        lambda: any(w.objectName() == "errorBox" and w.isVisible() for w in QApplication.topLevelWidgets()),
        timeout=10000,
    )
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox" and w.isVisible())
    assert "không được để trống" in box.text()
    box.close()
    assert dialog.isVisible()  # nothing saved, the form stays open


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


def test_dashboard_shows_the_month_rate(qtbot, demo_office: AppContext) -> None:
    page = OverviewPage()
    qtbot.addWidget(page)
    page.set_context(demo_office)
    qtbot.waitUntil(lambda: page.tile_values["month_rate"].text() != "—", timeout=15000)
    assert page.tile_values["month_rate"].text().endswith("%")
    assert any(rate is not None for rate in page.chart.rates)
    qtbot.waitUntil(lambda: not ops.busy())


def test_field_and_period_filters(qtbot, demo_office: AppContext) -> None:
    from isodesk.services.ledger_query import DossierFilter, count_dossiers
    from isodesk.services.procedures import list_procedures

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
    from isodesk.services.dossiers import show_dossier
    from isodesk.services.staff import add_staff
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
