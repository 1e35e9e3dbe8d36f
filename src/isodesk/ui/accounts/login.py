"""Signing in, and choosing a password (first sign-in, temporary password, or one's own change).

The rules (lockout, password length, who may sign in) are in the services; these dialogs show their answers in
place, in red under the fields, so a wrong password does not cost the user a click on a message box. Checking a
password takes tens of milliseconds by design (scrypt), so it runs off the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.validation import password_edit

if TYPE_CHECKING:
    from isodesk.services.accounts.accounts import AccountInfo
    from isodesk.services.context import AppContext


def _problem_label() -> QLabel:
    label = QLabel()
    label.setObjectName("loginProblem")
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


class LoginDialog(QDialog):
    """Who is at the PC. Emits :attr:`signed_in` with the account once the context acts for it."""

    signed_in = Signal(object)

    def __init__(self, ctx: AppContext, office_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("loginDialog")
        self.setModal(True)
        self.setMinimumWidth(420)
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.office = QLabel(office_name)
        self.user = QComboBox()
        self.user.setObjectName("loginUser")
        self.password = password_edit("loginPassword")
        self.problem = _problem_label()
        self.user_label, self.password_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.user_label, self.user)
        form.addRow(self.password_label, self.password)
        self.buttons = QDialogButtonBox()
        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("signIn")
        self.sign_in_button.setDefault(True)
        self.exit_button = QPushButton()
        self.exit_button.setObjectName("exitProgram")
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.exit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.clicked.connect(self.try_sign_in)
        self.exit_button.clicked.connect(self.reject)
        # What was said of the last attempt does not stay on screen once the person tries again or someone else.
        self.password.textEdited.connect(lambda _t: self.show_problem(""))
        self.user.currentIndexChanged.connect(lambda _i: self.show_problem(""))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.office)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.busy = False
        self.preferred = ""
        self.retranslate()
        self._load_accounts()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Sign in — isodesk"))
        self.heading.setText(_("Who is using the program?"))
        self.user_label.setText(_("Account:"))
        self.password_label.setText(_("Password:"))
        self.sign_in_button.setText(_("Sign in"))
        self.exit_button.setText(_("Exit"))

    def _load_accounts(self) -> None:
        from isodesk.services.accounts.accounts import sign_in_choices

        ctx = self.ctx
        run_in_background(lambda: sign_in_choices(ctx), self._fill, lambda exc: show_error(self, exc))

    def _fill(self, choices: list[Any]) -> None:
        self.user.clear()
        for choice in choices:
            self.user.addItem(f"{choice.display_name} ({choice.username})", choice.username)
        self.select_user(self.preferred)
        self.password.setFocus()

    def select_user(self, username: str) -> None:
        """Offer ``username`` first (the previous user when switching); kept until the list has loaded."""
        self.preferred = username
        index = self.user.findData(username)
        if index >= 0:
            self.user.setCurrentIndex(index)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.adjustSize()  # a wrapped message needs more height; without this the fields get squeezed

    def try_sign_in(self) -> None:
        username = self.user.currentData()
        if self.busy or not username:
            return
        from isodesk.services.accounts.signin import sign_in

        ctx, password = self.ctx, self.password.text()
        self.busy = True
        self.sign_in_button.setEnabled(False)
        run_in_background(lambda: sign_in(ctx, username, password), self._answered, self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.busy = False
        self.sign_in_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if isinstance(exc, UserError):
            self.show_problem(exc.message)
        else:
            show_error(self, exc)

    def _answered(self, result: Any) -> None:
        from isodesk.services.accounts.signin import Outcome

        self.busy = False
        self.sign_in_button.setEnabled(True)
        if result.outcome is Outcome.SIGNED_IN:
            self.show_problem("")
            self.signed_in.emit(result.account)
            self.accept()
            return
        needs_old = result.outcome is Outcome.MUST_CHANGE
        dialog = PasswordDialog(self.ctx, result.account, old=self.password.text() if needs_old else None, parent=self)
        dialog.changed.connect(self._password_set)
        self.password_dialog = dialog
        dialog.open()

    def _password_set(self, new_password: str) -> None:
        self.password.setText(new_password)
        self.try_sign_in()


class PasswordDialog(QDialog):
    """Choose a new password. ``old`` given: it is already known (a temporary password was just typed); None with
    an account that has a password: the old one is asked (changing one's own password)."""

    changed = Signal(str)

    def __init__(
        self, ctx: AppContext, account: AccountInfo, *, old: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.account, self.known_old = ctx, account, old
        self.setObjectName("passwordDialog")
        self.setModal(True)
        self.setMinimumWidth(440)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.old, self.new, self.repeat = (
            password_edit(name) for name in ("oldPassword", "newPassword", "repeatPassword")
        )
        self.old_label, self.new_label, self.repeat_label = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        self.asks_old = old is None and account.has_password
        if self.asks_old:
            form.addRow(self.old_label, self.old)
        form.addRow(self.new_label, self.new)
        form.addRow(self.repeat_label, self.repeat)
        self.problem = _problem_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("savePassword")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        from isodesk.domain.lockout import MIN_PASSWORD_LENGTH

        self.setWindowTitle(_("Password — {name}").format(name=self.account.display_name))
        if not self.account.has_password:
            lead = _("The account {name} has no password yet: choose one now.")
        elif self.known_old is not None:
            lead = _("The password of {name} was given by the administrator: choose your own now.")
        else:
            lead = _("Change the password of {name}.")
        rule = _("At least {n} characters; letters with accents are fine.").format(n=MIN_PASSWORD_LENGTH)
        self.explanation.setText(lead.format(name=self.account.username) + "\n" + rule)
        self.old_label.setText(_("Current password:"))
        self.new_label.setText(_("New password:"))
        self.repeat_label.setText(_("Repeat the new password:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Save password"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.adjustSize()  # a wrapped message needs more height; without this the fields get squeezed

    def save(self) -> None:
        new = self.new.text()
        if new != self.repeat.text():
            self.show_problem(_("The two new passwords differ."))
            return
        from isodesk.services.accounts.signin import change_password

        ctx, username = self.ctx, self.account.username
        old = self.known_old if self.known_old is not None else self.old.text()
        self.buttons.setEnabled(False)

        def done(_info: object) -> None:
            self.buttons.setEnabled(True)
            self.changed.emit(new)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            if isinstance(exc, UserError):
                self.show_problem(exc.message)
            else:
                show_error(self, exc)

        run_in_background(lambda: change_password(ctx, username, old, new), done, failed)
