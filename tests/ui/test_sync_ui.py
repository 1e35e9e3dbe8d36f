"""Đồng bộ, driven as a user would: the unit key's fingerprint is shown, a package is exported to a folder with
Vietnamese letters and spaces, the history lists it; a folder that does not exist is refused in a message box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from isodesk.services.context import AppContext
from isodesk.services.sync.keys import fingerprint
from isodesk.sync.package import read_package
from isodesk.ui import ops
from isodesk.ui.sync.sync_page import SyncPage


def _page(qtbot, office: AppContext) -> SyncPage:  # type: ignore[no-untyped-def]
    page = SyncPage("Đồng bộ")
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.set_context(office)
    qtbot.waitUntil(lambda: page.fingerprint.text() != "" and not ops.busy(), timeout=10000)
    return page


def _error_box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == "errorBox" and widget.isVisible():
            return widget
    return None


def test_fingerprint_export_and_history(qtbot, office: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, office)
    assert page.fingerprint.text() == fingerprint(office).fingerprint
    assert "dấu vân tay" in page.fingerprint_label.text().lower()
    assert page.table.rowCount() == 0
    folder = tmp_path / "USB gửi Sở KH&CN"
    folder.mkdir()
    page.export_to(folder / "gói số 1.isosync")
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and not ops.busy(), timeout=10000)
    assert "gói số 1" in page.status.text() and page.export_button.isEnabled()
    assert page.table.item(0, 0).text() == "1" and page.table.item(0, 2).text() == "Toàn bộ"
    assert read_package(folder / "gói số 1.isosync").manifest.sequence == 1
    page.full.setChecked(True)
    page.export_to(folder / "gói số 2.isosync")
    qtbot.waitUntil(lambda: page.table.rowCount() == 2 and not ops.busy(), timeout=10000)
    assert page.table.item(0, 0).text() == "2"


def test_a_missing_folder_is_refused_in_a_message(qtbot, office: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, office)
    page.export_to(tmp_path / "không có" / "gói.isosync")
    qtbot.waitUntil(lambda: _error_box() is not None, timeout=10000)
    box = _error_box()
    assert box is not None and "không tồn tại" in box.text()
    box.close()
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    assert page.table.rowCount() == 0 and page.export_button.isEnabled()


def test_the_enrolment_sheet_is_saved(qtbot, office: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, office)
    out = tmp_path / "Phiếu đăng ký khóa.pdf"
    page.save_enrolment(out)
    qtbot.waitUntil(lambda: out.exists() and not ops.busy(), timeout=10000)
    assert out.read_bytes().startswith(b"%PDF") and "Phiếu đăng ký khóa.pdf" in page.status.text()


def test_a_unit_receives_the_provinces_package(qtbot, office: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from isodesk.services.context import open_context
    from isodesk.services.ledger.calendar import calendar_year, set_day
    from isodesk.services.office.profile import init_office
    from isodesk.services.province_updates.export import export_for_units

    folder = tmp_path / "tỉnh"
    folder.mkdir()
    province = open_context(folder)
    try:
        init_office(province, province_code="82", role="province")
        province.actor = "admin"
        set_day(province, date(2026, 12, 28), "day_off", "Nghỉ bù theo Quyết định của UBND tỉnh")
        made = export_for_units(province, tmp_path / "gói của tỉnh.isosync")
        province_fingerprint = fingerprint(province).fingerprint
        province_page = _page(qtbot, province)
        assert province_page.fingerprint.text() == province_fingerprint
        assert (
            not province_page.receive_box.isVisibleTo(province_page) and "đơn vị" in province_page.export_button.text()
        )
        province_page.export_to(tmp_path / "gói 2.isosync")
        qtbot.waitUntil(lambda: province_page.table.rowCount() == 2 and not ops.busy(), timeout=10000)
        assert read_package(tmp_path / "gói 2.isosync").manifest.sequence == 2
    finally:
        province.close()
    office.actor = "admin"
    page = _page(qtbot, office)
    assert page.receive_box.isVisibleTo(page) and page.receive_button.text() == "Nhận gói từ tỉnh…"
    # Cancel: nothing changes.
    page.open_province_package(Path(made.file))
    qtbot.waitUntil(lambda: page.province_dialog is not None and page.province_dialog.isVisible(), timeout=10000)
    dialog = page.province_dialog
    assert dialog is not None and dialog.fingerprint.text() == province_fingerprint
    cells = [dialog.table.item(0, c).text() for c in range(5)]
    assert cells == ["2026-12-28", "thêm", "ngày", "—", "ngày nghỉ"]
    dialog.cancel_button.click()
    assert "2026-12-28" not in calendar_year(office, 2026)["days_off"]
    assert "không có gì thay đổi" in page.receive_status.text()
    # Apply.
    page.province_dialog = None
    page.open_province_package(Path(made.file))
    qtbot.waitUntil(lambda: page.province_dialog is not None and page.province_dialog.isVisible(), timeout=10000)
    page.province_dialog.apply_button.click()
    qtbot.waitUntil(lambda: "Đã áp dụng" in page.receive_status.text() and not ops.busy(), timeout=10000)
    assert "2026-12-28" in calendar_year(office, 2026)["days_off"]
    # Opened again later, the page says what the last package from the province was, the ten last in its tooltip.
    again = _page(qtbot, office)
    qtbot.waitUntil(lambda: "Gói gần nhất nhận từ tỉnh" in again.receive_status.text(), timeout=10000)
    assert "gói của tỉnh.isosync, đã nhập lúc" in again.receive_status.text()
    assert again.receive_status.toolTip().count("gói của tỉnh.isosync") == 1
