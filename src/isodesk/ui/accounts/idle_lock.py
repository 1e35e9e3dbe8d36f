"""Locking the window after a period without use, on a PC several officers share (often under one Windows account).

After ``security.idle_lock_minutes`` without a key or a click (the office sets it; 15 by default, 0 for never) the
window hides the office's data and asks the same person's password again, or offers to switch user. Nothing is
closed while it is locked: a half-typed dossier stays as it was, hidden, and comes back when the same person
unlocks. Switching user goes through the ordinary sign-in, which closes the previous person's windows.

The clock is a parameter (``clock``) and :meth:`IdleLock.check` can be called with any moment, so tests need not
wait: the timer only calls it every few seconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.validation import password_edit

#: What counts as use: a key, a click, the wheel, a move of the mouse over the program.
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
CHECK_MS = 5000


class IdleLock(QObject):
    """Watches the application's input and locks ``window`` after ``minutes`` without any."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QMainWindow, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.minutes = 0
        self.last_use = clock()
        self.dialog: UnlockDialog | None = None
        self.hidden: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def start(self, minutes: int) -> None:
        """Lock after ``minutes`` without use from now on (0: never)."""
        self.minutes = max(0, int(minutes))
        self.last_use = self.clock()
        if self.minutes:
            self.timer.start()
        else:
            self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and not self.is_locked:
            self.last_use = self.clock()
        return False

    def check(self, now: float | None = None) -> bool:
        """Lock if the window has not been used for the set period; True when it is locked (now or before)."""
        if self.is_locked:
            return True
        moment = self.clock() if now is None else now
        if not self.minutes or moment - self.last_use < self.minutes * 60:
            return False
        self.lock()
        return True

    def lock(self) -> UnlockDialog | None:
        window: Any = self.window
        account = getattr(window, "account", None)
        ctx = getattr(window, "ctx", None)
        if self.is_locked or account is None or ctx is None:
            return self.dialog
        # Hide, never close: a dossier half typed in another window stays as it is, out of sight.
        self.hidden = [d for d in window.findChildren(QDialog) if d.isVisible()]
        for dialog in self.hidden:
            dialog.hide()
        window.centralWidget().hide()
        self.dialog = UnlockDialog(ctx, account, window)
        self.dialog.unlocked.connect(self._unlocked)
        self.dialog.switch_user.connect(self._switch_user)
        self.dialog.open()
        self.locked.emit()
        return self.dialog

    def _unlocked(self) -> None:
        self.dialog = None
        self.window.centralWidget().show()
        for dialog in self.hidden:
            dialog.show()
        self.hidden = []
        self.last_use = self.clock()
        self.unlocked.emit()

    def _switch_user(self) -> None:
        self.dialog = None
        self.hidden = []
        self.last_use = self.clock()
        window: Any = self.window
        window.sign_in()


class UnlockDialog(QDialog):
    """The locked window: the same person's password, or switching user."""

    unlocked = Signal()
    switch_user = Signal()

    def __init__(self, ctx: Any, account: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.account = ctx, account
        self.setObjectName("unlockDialog")
        self.setModal(True)
        self.setMinimumWidth(420)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.password = password_edit("unlockPassword")
        self.password_label = QLabel()
        form = QFormLayout()
        form.addRow(self.password_label, self.password)
        self.problem = QLabel()
        self.problem.setObjectName("unlockProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox()
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton()
        self.switch_button.setObjectName("unlockSwitchUser")
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.switch_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button.clicked.connect(self._switch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.busy = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Locked — isodesk"))
        self.explanation.setText(
            _(
                "The program was locked after a period without use, to keep citizens' data from whoever passes by. "
                "{name} ({username}): type your password to go on where you left off, or switch user."
            ).format(name=self.account.display_name, username=self.account.username)
        )
        self.password_label.setText(_("Password:"))
        self.unlock_button.setText(_("Unlock the window"))
        self.switch_button.setText(_("Switch user…"))

    def reject(self) -> None:
        """Escape does not unlock."""

    def try_unlock(self) -> None:
        if self.busy:
            return
        from isodesk.services.accounts.signin import Outcome, sign_in

        ctx, username, password = self.ctx, self.account.username, self.password.text()
        self.busy = True
        self.unlock_button.setEnabled(False)

        def work() -> Any:
            result = sign_in(ctx, username, password)
            if result.outcome is not Outcome.SIGNED_IN:  # a password reset meanwhile: sign in again from the start
                raise UserError(_("The password of this account was reset: switch user to sign in again."))
            return result

        run_in_background(work, self._answered, self._refused)

    def _answered(self, _result: object) -> None:
        self.busy = False
        self.unlocked.emit()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.busy = False
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if isinstance(exc, UserError):
            self.problem.setText(exc.message)
            self.problem.show()
        else:
            show_error(self, exc)

    def _switch(self) -> None:
        self.switch_user.emit()
        self.accept()
