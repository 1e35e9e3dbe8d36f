"""Signing in, lockout, switching users, the accounts section, a dossier's history and the trail check, on screen."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from isodesk.db.paths import database_path
from isodesk.services.accounts.accounts import add_account
from isodesk.services.accounts.signin import change_password
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier
from isodesk.ui import ops
from isodesk.ui.accounts.login import LoginDialog, PasswordDialog
from isodesk.ui.language import LanguageManager
from isodesk.ui.main_window import AREAS, MainWindow
from tests.ui.conftest import type_text

ADMIN_PASSWORD = "Quản trị 2026"
OFFICER_PASSWORD = "Một cửa 2026"


@pytest.fixture
def accounts(office: AppContext) -> AppContext:
    change_password(office, "admin", "", ADMIN_PASSWORD)
    add_account(office, "anh", "Phạm Thị Ngọc Ánh", ["officer"], password=OFFICER_PASSWORD)
    return office


def _login(qtbot, ctx: AppContext) -> LoginDialog:
    dialog = LoginDialog(ctx, "Phường Mỹ Tho")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.user.count() == 2, timeout=10000)
    return dialog


def _attempt(qtbot, dialog: LoginDialog, password: str) -> None:
    dialog.password.clear()
    type_text(dialog.password, password)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)


def test_wrong_password_is_said_in_the_dialog_then_the_account_waits(qtbot, accounts: AppContext) -> None:
    dialog = _login(qtbot, accounts)
    dialog.select_user("anh")
    _attempt(qtbot, dialog, "sai mật khẩu")
    assert dialog.problem.isVisible() and dialog.problem.text() == "Sai mật khẩu."
    assert dialog.password.text() == "" and dialog.isVisible()
    for _ in range(3):
        _attempt(qtbot, dialog, "sai mật khẩu")
    assert "Nếu nhập sai thêm 1 lần nữa" in dialog.problem.text()
    _attempt(qtbot, dialog, "sai mật khẩu")
    assert "hãy chờ 30 giây" in dialog.problem.text()
    _attempt(qtbot, dialog, OFFICER_PASSWORD)  # even the right one waits
    assert "Hãy chờ" in dialog.problem.text() and dialog.isVisible()
    assert accounts.actor == "admin"


def test_right_password_signs_in(qtbot, accounts: AppContext) -> None:
    dialog = _login(qtbot, accounts)
    dialog.select_user("anh")
    with qtbot.waitSignal(dialog.signed_in, timeout=10000) as blocker:
        _attempt(qtbot, dialog, OFFICER_PASSWORD)
    assert blocker.args[0].username == "anh" and accounts.actor == "anh"
    assert not dialog.isVisible()


def test_first_sign_in_without_password_asks_for_one(qtbot, office: AppContext) -> None:
    dialog = LoginDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.user.count() == 1, timeout=10000)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: isinstance(getattr(dialog, "password_dialog", None), PasswordDialog), timeout=10000)
    setter = dialog.password_dialog
    assert not setter.asks_old and "chưa có mật khẩu" in setter.explanation.text()
    type_text(setter.new, "Mỹ Tho")
    type_text(setter.repeat, "Mỹ Tho")
    setter.buttons.accepted.emit()
    qtbot.waitUntil(lambda: setter.problem.isVisible(), timeout=10000)
    assert "ít nhất 8 ký tự" in setter.problem.text()
    for edit in (setter.new, setter.repeat):
        edit.clear()
        type_text(edit, ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.signed_in, timeout=10000):
        setter.buttons.accepted.emit()
    assert office.actor == "admin"


@pytest.fixture
def window(qtbot, accounts: AppContext, data_dir: Path) -> MainWindow:
    languages = LanguageManager(QApplication.instance())
    languages.apply("vi")
    win = MainWindow(languages, data_dir, "Phường Mỹ Tho")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: "overview" in win.pages, timeout=10000)
    win.set_context(accounts, "Phường Mỹ Tho")  # the administrator is signed in
    qtbot.waitUntil(lambda: win.account is not None and not ops.busy(), timeout=10000)
    yield win
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)


def test_switching_user_hides_the_data_and_signs_in_another(qtbot, window: MainWindow, accounts: AppContext) -> None:
    trail_row = [a[0] for a in AREAS].index("trail")
    assert "Quản trị viên (admin)" in window.user_label.text()
    assert not window.nav.isRowHidden(trail_row)
    window.show_area("settings")
    settings = window.pages["settings"]
    qtbot.waitUntil(lambda: settings.accounts_box.isVisible(), timeout=10000)

    assert window.switch_user_action.shortcut().toString() == "Ctrl+L"
    window.switch_user_action.trigger()
    dialog = window.login_dialog
    assert dialog.isVisible() and not window.centralWidget().isVisible()
    assert accounts.actor == "" and window.user_label.text() == "Chưa có ai đăng nhập"
    qtbot.waitUntil(lambda: dialog.user.count() == 2, timeout=10000)
    assert dialog.user.currentData() == "admin"  # the previous user is offered first
    dialog.select_user("anh")
    _attempt(qtbot, dialog, OFFICER_PASSWORD)
    qtbot.waitUntil(lambda: window.account is not None and window.account.username == "anh", timeout=10000)
    assert window.centralWidget().isVisible()
    assert "Phạm Thị Ngọc Ánh (anh)" in window.user_label.text()
    assert window.nav.isRowHidden(trail_row)  # an officer does not read the whole trail
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    assert not settings.accounts_box.isVisible()  # nor manages accounts


def test_administrator_adds_an_account_and_resets_a_password(qtbot, window: MainWindow) -> None:
    window.show_area("settings")
    box = window.pages["settings"].accounts_box
    qtbot.waitUntil(lambda: box.table.rowCount() == 2, timeout=10000)
    type_text(box.username, "thu.ha")
    type_text(box.display_name, "Trần Thị Thu Hà")
    box.role_boxes["leader"].setChecked(True)
    box.add_button.click()
    qtbot.waitUntil(lambda: box.table.rowCount() == 3, timeout=10000)
    qtbot.waitUntil(lambda: getattr(box, "temporary_box", None) is not None, timeout=10000)
    assert "thu.ha" in box.temporary_box.text() and "<b>" in box.temporary_box.text()
    box.temporary_box.close()
    rows = {box.table.item(r, 0).text(): box.table.item(r, 3).text() for r in range(3)}
    assert "mật khẩu tạm thời" in rows["thu.ha"]
    box.select("anh")
    box.reset_button.click()
    qtbot.waitUntil(lambda: "anh" in box.temporary_box.text(), timeout=10000)
    box.temporary_box.close()


def test_history_tab_of_a_dossier(qtbot, accounts: AppContext) -> None:
    from isodesk.services.ledger.dossier_edit import DossierCorrection, edit_dossier
    from isodesk.ui.ledger.dossier_dialog import DossierDialog

    code = receive_dossier(accounts, "1.004873", ApplicantInput("Võ Văn Kiệt", phone="0912345678")).code
    edit_dossier(accounts, code, DossierCorrection(phone="0987654321", sets=2))
    dialog = DossierDialog(accounts, code)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.history.rowCount() == 5, timeout=10000)  # 3 at receipt, 2 at the correction
    assert dialog.tabs.tabText(1) == "Lịch sử"
    texts = [dialog.history.item(r, 3).text() for r in range(5)]
    assert texts[3] == "Điện thoại: đã thay đổi (dữ liệu cá nhân, không hiển thị)"
    assert texts[4] == "Số bộ hồ sơ: 1 → 2"
    assert dialog.history.item(4, 2).text() == "sửa hồ sơ" and dialog.history.item(4, 1).text() == "admin"
    assert not any("0912345678" in t or "0987654321" in t or "Kiệt" in t for t in texts)
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)


def test_trail_screen_checks_integrity(qtbot, accounts: AppContext, data_dir: Path) -> None:
    from isodesk.ui.safety.trail_page import TrailPage

    page = TrailPage()
    qtbot.addWidget(page)
    page.show()
    page.set_context(accounts)
    qtbot.waitUntil(lambda: page.model.rowCount() > 70, timeout=10000)
    assert page.model.data(page.model.index(0, 2)) == "admin"
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.verdict.text().startswith("✔"), timeout=20000)
    assert "toàn vẹn" in page.verdict.text() and not page.problems.isVisible()
    entries = page.model.rowCount()
    assert page.progress.maximum() == entries and page.progress.value() == entries  # progress was reported

    conn = sqlite3.connect(database_path(data_dir), isolation_level=None)
    conn.execute("DROP TRIGGER audit_trail_no_update")
    conn.execute("UPDATE audit_trail SET label = 'sửa trái phép' WHERE seq = 7")
    conn.close()
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.verdict.text().startswith("✖"), timeout=20000)
    assert page.problems.isVisible() and page.problems.item(0).text() == "mục 7 đã bị sửa"

    type_text(page.record, "28261")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)  # the office profile's entry
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)


def test_trail_screen_refuses_an_officer(qtbot, accounts: AppContext) -> None:
    from isodesk.ui.safety.trail_page import TrailPage

    accounts.actor = "anh"
    page = TrailPage()
    qtbot.addWidget(page)
    page.show()
    page.set_context(accounts)
    qtbot.waitUntil(lambda: page.denied.isVisible(), timeout=10000)
    assert "không được xem và kiểm tra nhật ký thay đổi" in page.denied.text()
    assert page.model.rowCount() == 0 and not page.verify_button.isEnabled()


def test_a_wrong_password_message_goes_once_the_person_types_again_or_changes_account(
    qtbot, accounts: AppContext
) -> None:
    dialog = _login(qtbot, accounts)
    dialog.select_user("anh")
    _attempt(qtbot, dialog, "sai mật khẩu")
    assert dialog.problem.isVisible() and dialog.problem.text() == "Sai mật khẩu."
    qtbot.keyClicks(dialog.password, "x")
    assert not dialog.problem.isVisible() and dialog.problem.text() == ""
    _attempt(qtbot, dialog, "sai lần nữa")
    assert dialog.problem.isVisible()
    dialog.select_user("admin")
    assert not dialog.problem.isVisible()
