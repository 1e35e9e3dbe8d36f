"""Settings on screen: the office hours and ledger rules saved together, an account's roles changed, and an officer
who sees the office read-only."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QTime

from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.accounts.accounts import add_account, list_accounts
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier
from isodesk.services.settings import get_setting
from isodesk.ui import ops
from isodesk.ui.office.settings_page import SettingsPage
from tests.ui.conftest import type_text


@pytest.fixture
def page(qtbot, office: AppContext) -> SettingsPage:
    add_account(office, "anh", "Phạm Thị Ngọc Ánh", ["officer"], password="Một cửa 2026")
    settings = SettingsPage(lambda _lang: None)
    qtbot.addWidget(settings)
    settings.resize(1366, 768)
    settings.show()
    settings.set_context(office)
    rules = settings.rules_box
    qtbot.waitUntil(lambda: rules.code_pattern.text() != "" and not ops.busy(), timeout=10000)
    return settings


def _save(qtbot, page: SettingsPage) -> str:
    rules = page.rules_box
    rules.status.setText("…")
    rules.save_button.click()
    qtbot.waitUntil(lambda: rules.status.text() not in ("", "…") and not ops.busy(), timeout=10000)
    return rules.status.text()


def test_office_rules_are_shown_saved_and_used(qtbot, page: SettingsPage, office: AppContext) -> None:
    rules = page.rules_box
    assert rules.isVisible() and rules.save_button.isVisible()
    assert rules.times["ledger.cutoff"].time() == QTime(15, 0)
    assert rules.code_pattern.text() == "{agency}-{yymmdd}-{seq:04d}"
    assert "Hồ sơ đầu tiên hôm nay sẽ có mã 28261-" in rules.code_example.text()
    rules.times["ledger.cutoff"].setTime(QTime(16, 0))
    rules.times["ledger.afternoon_end"].setTime(QTime(17, 30))
    rules.code_pattern.clear()
    type_text(rules.code_pattern, "{agency}/{yyyy}/{seq:05d}")
    assert rules.code_example.text().endswith("/00001.") and "28261/" in rules.code_example.text()
    rules.apology_days.setValue(2)
    rules.late_apology.setCurrentIndex(rules.late_apology.findData("refuse"))
    rules.max_extensions.setValue(2)
    assert _save(qtbot, page) == "Đã lưu."
    assert {key: get_setting(office, key) for key in ("ledger.cutoff", "ledger.afternoon_end")} == {
        "ledger.cutoff": "16:00",
        "ledger.afternoon_end": "17:30",
    }
    assert (
        get_setting(office, "ledger.apology_lead_days") == 2 and get_setting(office, "ledger.late_apology") == "refuse"
    )
    assert get_setting(office, "ledger.max_extensions") == 2
    received = receive_dossier(
        office,
        "1.001193",
        ApplicantInput(name="Lê Thị Hồng"),
        received_at=datetime(2026, 11, 20, 15, 30, tzinfo=LOCAL_TZ),
    )
    assert received.code == "28261/2026/00001"
    assert received.due == datetime(2026, 11, 20, 17, 30, tzinfo=LOCAL_TZ)  # before the new cut-off, the same day


def test_wrong_rules_are_explained_and_nothing_is_saved(qtbot, page: SettingsPage, office: AppContext) -> None:
    rules = page.rules_box
    rules.code_pattern.clear()
    type_text(rules.code_pattern, "{agency}")
    assert "{seq}" in rules.code_example.text() and "c62828" in rules.code_example.styleSheet()
    assert "{seq}" in _save(qtbot, page)
    assert get_setting(office, "ledger.code_pattern") == "{agency}-{yymmdd}-{seq:04d}"
    # Hours that overlap are refused as a whole: the pattern, right this time, is not saved either.
    rules.code_pattern.clear()
    type_text(rules.code_pattern, "{agency}-{yyyymmdd}-{seq:04d}")
    rules.times["ledger.morning_end"].setTime(QTime(14, 0))
    message = _save(qtbot, page)
    assert message.startswith("Giờ làm việc phải nối tiếp nhau") and "14:00" in message
    assert get_setting(office, "ledger.code_pattern") == "{agency}-{yymmdd}-{seq:04d}"
    assert get_setting(office, "ledger.morning_end") == "11:30"


def test_administrator_changes_the_roles_of_an_account(qtbot, page: SettingsPage, office: AppContext) -> None:
    box = page.accounts_box
    qtbot.waitUntil(lambda: box.isVisible() and box.table.rowCount() == 2, timeout=10000)
    assert not box.roles_button.isEnabled()
    box.select("anh")
    assert box.roles_button.isEnabled() and box.roles_button.text() == "Đổi vai trò…"
    box.roles_button.click()
    dialog = box.roles_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.boxes["officer"].isChecked() and not dialog.boxes["auditor"].isChecked()
    dialog.boxes["auditor"].setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: "auditor" in next(a.roles for a in list_accounts(office) if a.username == "anh"))
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    row = next(r for r in range(box.table.rowCount()) if box.table.item(r, 0).text() == "anh")
    qtbot.waitUntil(lambda: "Chuyên gia đánh giá nội bộ" in box.table.item(row, 2).text(), timeout=10000)
    # The only administrator keeps the role: the refusal is said, nothing changes.
    box.select("admin")
    box.roles_button.click()
    box.roles_dialog.boxes["admin"].setChecked(False)
    box.roles_dialog.accept()
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    assert "admin" in next(a.roles for a in list_accounts(office) if a.username == "admin")


def test_an_officer_sees_the_office_read_only(qtbot, office: AppContext) -> None:
    add_account(office, "anh", "Phạm Thị Ngọc Ánh", ["officer"], password="Một cửa 2026")
    office.actor = "anh"
    page = SettingsPage(lambda _lang: None)
    qtbot.addWidget(page)
    page.show()
    page.set_context(office)
    rules = page.rules_box
    qtbot.waitUntil(lambda: rules.code_pattern.text() != "" and not ops.busy(), timeout=10000)
    assert page.profile_edits["leader_title"].text() == "Chủ tịch"
    assert all(edit.isReadOnly() for edit in page.profile_edits.values())
    assert not page.save_profile.isVisible() and page.profile_note.isVisible()
    assert rules.code_pattern.isReadOnly() and rules.times["ledger.cutoff"].isReadOnly()
    assert not rules.late_apology.isEnabled() and not rules.save_button.isVisible()
    assert not page.staff_form.isVisible() and not page.accounts_box.isVisible()
    assert page.language.isEnabled()  # a preference of one's own
