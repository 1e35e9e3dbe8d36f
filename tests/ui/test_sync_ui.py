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
