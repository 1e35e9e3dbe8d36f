"""The window locks after the office's period without use and asks the same person's password, or offers to switch
user, with nothing typed lost. Time is a parameter: the lock's clock is a counter the test moves, nothing sleeps."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from isodesk.services.accounts.accounts import add_account
from isodesk.services.accounts.signin import change_password
from isodesk.services.context import AppContext
from isodesk.services.settings import get_setting, set_setting
from isodesk.ui import ops
from isodesk.ui.main_window import MainWindow
from tests.ui.conftest import shown_window, type_text

ADMIN_PASSWORD = "Quản trị 2026"
OFFICER_PASSWORD = "Một cửa 2026"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def window(qtbot, office: AppContext, data_dir: Path) -> Iterator[MainWindow]:
    change_password(office, "admin", "", ADMIN_PASSWORD)
    add_account(office, "anh", "Phạm Thị Ngọc Ánh", ["officer"], password=OFFICER_PASSWORD)
    with shown_window(qtbot, office, data_dir) as win:
        qtbot.waitUntil(lambda: win.account is not None, timeout=10000)
        yield win


def _locked_dialog(win: MainWindow):  # type: ignore[no-untyped-def]
    return win.idle_lock.dialog


def test_the_default_period_is_fifteen_minutes(office: AppContext) -> None:
    assert get_setting(office, "security.idle_lock_minutes") == 15


@pytest.mark.parametrize("minutes", [1, 15])
def test_locks_after_the_period_and_the_same_person_unlocks_with_nothing_lost(
    qtbot, window: MainWindow, minutes: int
) -> None:
    clock = Clock()
    lock = window.start_idle_lock(minutes, clock)
    lock.clock = clock
    lock.start(minutes)
    # A half-typed form in another window of the program.
    draft = QDialog(window)
    field = QLineEdit(draft)
    draft.show()
    type_text(field, "Nguyễn Thị Lan, số 5 đường Ấp Bắc")

    clock.now += minutes * 60 - 1
    assert not lock.check()  # a second before the period: still open
    QApplication.sendEvent(
        field,
        QMouseEvent(
            QEvent.Type.MouseButtonPress,
            QPointF(2, 2),
            QPointF(2, 2),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )  # use: the period starts again
    clock.now += minutes * 60 - 1
    assert not lock.check()
    clock.now += 1
    assert lock.check()

    dialog = _locked_dialog(window)
    assert dialog is not None and dialog.isVisible()
    assert not window.centralWidget().isVisible() and not draft.isVisible()  # hidden, not closed
    assert "Quản trị viên (admin)" in dialog.explanation.text()
    assert dialog.unlock_button.text() == "Mở khóa" and dialog.switch_button.text() == "Đổi người dùng…"

    dialog.reject()  # Escape does not unlock
    assert lock.is_locked and dialog.isVisible()

    type_text(dialog.password, OFFICER_PASSWORD)  # someone else's password
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    assert lock.is_locked and "Sai mật khẩu" in dialog.problem.text()
    assert not window.centralWidget().isVisible()

    type_text(dialog.password, ADMIN_PASSWORD)
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: not lock.is_locked, timeout=10000)
    assert window.centralWidget().isVisible() and draft.isVisible()
    assert field.text() == "Nguyễn Thị Lan, số 5 đường Ấp Bắc"  # nothing typed was lost
    assert window.ctx is not None and window.ctx.actor == "admin"
    assert not lock.check()  # the period starts again from the unlock


def test_switching_user_from_the_lock(qtbot, window: MainWindow) -> None:
    clock = Clock()
    lock = window.start_idle_lock(15, clock)
    lock.clock = clock
    lock.start(15)
    clock.now += 15 * 60
    assert lock.check()
    _locked_dialog(window).switch_button.click()
    login = window.login_dialog
    assert login.isVisible() and not lock.is_locked
    assert window.ctx is not None and window.ctx.actor == ""  # nobody acts until the next sign-in
    qtbot.waitUntil(lambda: login.user.count() == 2, timeout=10000)
    login.select_user("anh")
    type_text(login.password, OFFICER_PASSWORD)
    login.sign_in_button.click()
    qtbot.waitUntil(lambda: window.account is not None and window.account.username == "anh", timeout=10000)
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10000)
    assert window.centralWidget().isVisible()


def test_zero_never_locks_and_the_office_setting_is_read_at_sign_in(
    qtbot, window: MainWindow, office: AppContext
) -> None:
    clock = Clock()
    lock = window.start_idle_lock(0, clock)
    lock.clock = clock
    lock.start(0)
    clock.now += 24 * 3600
    assert not lock.check()

    set_setting(office, "security.idle_lock_minutes", 5)
    window.set_context(office, "Phường Mỹ Tho")  # signed in again: the setting is read with the account
    qtbot.waitUntil(lambda: not ops.busy() and window.idle_minutes == 5, timeout=10000)
    assert lock.minutes == 5 and lock.timer.isActive()
