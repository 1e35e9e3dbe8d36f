"""The first-run wizard on a real, empty data folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWizard

from isodesk.services.accounts.accounts import list_accounts
from isodesk.services.accounts.signin import Outcome, sign_in
from isodesk.services.context import open_context
from isodesk.services.office.profile import get_profile
from isodesk.services.office.staff import list_staff
from isodesk.ui import ops
from isodesk.ui.office.wizard import SetupWizard
from tests.ui.conftest import type_text


def _open_wizard(qtbot, data_dir: Path) -> SetupWizard:
    wizard = SetupWizard(data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.ctx is not None and wizard.unit_page.province_list.count() > 0, timeout=20000)
    return wizard


def _items(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_wizard_sets_up_office_with_vietnamese_names(qtbot, data_dir: Path) -> None:
    wizard = _open_wizard(qtbot, data_dir)
    assert wizard.unit_page.province_list.count() == 34
    assert not wizard.unit_page.isComplete()

    type_text(wizard.unit_page.province_search, "dong thap")
    assert _items(wizard.unit_page.province_list) == ["Tỉnh Đồng Tháp"]
    wizard.unit_page.province_list.setCurrentRow(0)
    type_text(wizard.unit_page.commune_search, "my tho")
    assert "Phường Mỹ Tho" in _items(wizard.unit_page.commune_list)
    rows = _items(wizard.unit_page.commune_list)
    wizard.unit_page.commune_list.setCurrentRow(rows.index("Phường Mỹ Tho"))
    assert wizard.unit_page.isComplete()
    wizard.next()

    leaders = wizard.leaders_page
    assert not leaders.isComplete()
    assert not leaders.problem.isVisible()  # no complaint before the user has typed anything
    type_text(leaders.edits["leader_name"], "   ")
    assert not leaders.isComplete()
    assert leaders.problem.isVisible()
    assert leaders.problem.text() == "Mục “Người đứng đầu” không được để trống."
    leaders.edits["leader_name"].clear()
    type_text(leaders.edits["leader_name"], "Nguyễn Thị Ánh Tuyết 0912345678")  # the phone in the wrong field
    assert not leaders.isComplete()  # said as it is typed, before the field is left
    assert leaders.checks.fields[0].label.isVisible()
    assert leaders.checks.fields[0].label.text() == (
        "Họ tên “Nguyễn Thị Ánh Tuyết 0912345678” có ký tự “0”: họ tên chỉ gồm chữ cái và khoảng trắng."
    )
    leaders.edits["leader_name"].clear()
    type_text(leaders.edits["leader_name"], "Nguyễn Thị Ánh Tuyết")
    assert not leaders.problem.isVisible()
    assert not leaders.checks.fields[0].label.isVisible()
    type_text(leaders.edits["iso_secretary"], "Đặng Quốc Bảo")
    assert leaders.isComplete()
    wizard.next()

    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    assert admin.username.text() == "admin" and not admin.isComplete()
    admin.username.clear()
    type_text(admin.username, "duc.le")
    type_text(admin.display_name, "Lê Minh Đức")
    type_text(admin.password, "Đức ơi")  # six letters: too short
    assert admin.problem.isVisible() and "ít nhất 8 ký tự" in admin.problem.text()
    assert not admin.isComplete()
    admin.password.clear()
    type_text(admin.password, "Mỹ Tho xanh 2026")
    type_text(admin.repeat, "Mỹ Tho")
    assert not admin.problem.isVisible() and not admin.isComplete()  # still being typed, right so far
    admin.repeat.clear()
    type_text(admin.repeat, "Mỹ Thơ")
    assert admin.problem.text() == "Hai mật khẩu không giống nhau."  # said at the first letter that differs
    admin.repeat.clear()
    type_text(admin.repeat, "Mỹ Tho xanh 2025")
    assert admin.problem.text() == "Hai mật khẩu không giống nhau." and not admin.isComplete()
    admin.repeat.clear()
    type_text(admin.repeat, "Mỹ Tho xanh 2026")
    assert not admin.problem.isVisible() and admin.isComplete()
    wizard.next()

    wizard.start_page.demo.setChecked(True)
    with qtbot.waitSignal(wizard.completed, timeout=30000) as blocker:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    ctx, unit_name = blocker.args
    assert unit_name == "Phường Mỹ Tho"
    assert ctx.actor == "duc.le"  # whoever set the office up is signed in as its administrator
    assert QApplication.overrideCursor() is None  # the wait cursor is gone once the office is saved
    qtbot.waitUntil(lambda: not ops.busy())

    # What the wizard saved is in the database file, read back through a fresh context.
    ctx.close()
    fresh = open_context(data_dir)
    try:
        profile = get_profile(fresh)
        assert (profile.unit_code, profile.province_code, profile.role) == ("28261", "82", "commune")
        assert profile.leader_name == "Nguyễn Thị Ánh Tuyết"
        assert profile.iso_secretary == "Đặng Quốc Bảo"
        assert len(list_staff(fresh)) >= 10  # demo data was chosen
        (account,) = list_accounts(fresh)
        assert (account.username, account.display_name, account.roles) == ("duc.le", "Lê Minh Đức", ["admin"])
        assert sign_in(fresh, "Duc.Le", "Mỹ Tho xanh 2026").outcome is Outcome.SIGNED_IN
        assert [s.name for s in list_staff(fresh) if s.position == "Chủ tịch UBND phường"] == ["Nguyễn Thị Ánh Tuyết"]
    finally:
        fresh.close()
    from isodesk.services.safety.backups import list_backups

    (first,) = list_backups(data_dir)  # a copy made as the wizard finished, with the demo data in it
    assert first.kind == "daily" and first.good and first.unit_code == "28261"


def test_wizard_search_is_accent_insensitive_and_knows_former_names(qtbot, data_dir: Path) -> None:
    wizard = _open_wizard(qtbot, data_dir)
    type_text(wizard.unit_page.province_search, "tien giang")
    found = _items(wizard.unit_page.province_list)
    assert len(found) == 1 and found[0].startswith("Tỉnh Đồng Tháp") and "Tiền Giang" in found[0]

    wizard.unit_page.province_search.clear()
    type_text(wizard.unit_page.province_search, "HỒ CHÍ")
    assert _items(wizard.unit_page.province_list) == ["Thành phố Hồ Chí Minh"]


def test_province_office_needs_no_commune(qtbot, data_dir: Path) -> None:
    wizard = _open_wizard(qtbot, data_dir)
    wizard.unit_page.role_province.setChecked(True)
    assert not wizard.unit_page.commune_list.isVisible()
    type_text(wizard.unit_page.province_search, "can tho")
    wizard.unit_page.province_list.setCurrentRow(0)
    assert wizard.unit_page.isComplete()
