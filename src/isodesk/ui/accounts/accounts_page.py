"""The accounts section of Settings, for the administrator: list, add with roles, change an account's roles,
reset a password, unlock, disable or enable. Other accounts never see it (Settings shows it only with
``accounts.manage``).

A temporary password (new account, reset) is shown once in a box the administrator can copy from; the program
keeps only its hash.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.domain import validation as v
from isodesk.domain.permissions import Role
from isodesk.i18n import _
from isodesk.i18n.dates import local_now, short_time
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.tables import read_only_table
from isodesk.ui.validation import limit

if TYPE_CHECKING:
    from isodesk.services.accounts.accounts import AccountInfo
    from isodesk.services.context import AppContext


class AccountsBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsBox")
        self.ctx: AppContext | None = None
        self.accounts: list[AccountInfo] = []
        self.table = read_only_table(4, "accountsTable", single_row=True, min_height=160)
        self.reset_button, self.unlock_button, self.active_button = QPushButton(), QPushButton(), QPushButton()
        self.roles_button = QPushButton()
        self.roles_button.setObjectName("editRoles")
        self.roles_dialog: RolesDialog | None = None
        self.reset_button.setObjectName("resetPassword")
        self.unlock_button.setObjectName("unlockAccount")
        self.active_button.setObjectName("toggleAccount")
        buttons = QHBoxLayout()
        for button in (self.roles_button, self.reset_button, self.unlock_button, self.active_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.username = QLineEdit()
        self.username.setObjectName("newUsername")
        self.username.setMaxLength(v.USERNAME_LENGTH)
        self.display_name = limit(QLineEdit(), v.PERSON_NAME)
        self.display_name.setObjectName("newDisplayName")
        self.staff = QComboBox()
        self.staff.setObjectName("newStaff")
        self.role_boxes = {role.value: QCheckBox() for role in Role}
        for key, box in self.role_boxes.items():
            box.setObjectName(f"role_{key}")
        self.add_button = QPushButton()
        self.add_button.setObjectName("addAccount")
        add_row = QHBoxLayout()
        add_row.addWidget(self.username, 1)
        add_row.addWidget(self.display_name, 2)
        add_row.addWidget(self.staff, 2)
        roles_row = QHBoxLayout()
        for box in self.role_boxes.values():
            roles_row.addWidget(box)
        roles_row.addStretch(1)
        roles_row.addWidget(self.add_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addLayout(add_row)
        layout.addLayout(roles_row)

        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.roles_button.clicked.connect(self.edit_roles)
        self.reset_button.clicked.connect(self.reset_selected)
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.active_button.clicked.connect(self.toggle_selected)
        self.add_button.clicked.connect(self.add)
        self.retranslate()

    # -- data -----------------------------------------------------------------------------------------
    def set_context(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def load() -> tuple[list[AccountInfo], list[tuple[int, str]]]:
            from isodesk.services.accounts.accounts import list_accounts
            from isodesk.services.office.staff import list_staff

            return list_accounts(ctx), [(p.id, p.name) for p in list_staff(ctx)]

        run_in_background(load, self.show_accounts, lambda exc: show_error(self, exc))

    def show_accounts(self, data: tuple[list[AccountInfo], list[tuple[int, str]]]) -> None:
        from isodesk.services.accounts.auth import role_name

        self.accounts, people = data
        now = local_now()
        self.table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            state = _("active") if account.active else _("disabled")
            if account.locked(now):
                state = _("locked until {time}").format(time=short_time(account.locked_until))  # type: ignore[union-attr]
            elif account.must_change_password:
                state += " · " + _("temporary password")
            elif not account.has_password:
                state += " · " + _("no password yet")
            cells = (account.username, account.display_name, ", ".join(role_name(r) for r in account.roles), state)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, account.username)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.staff.clear()
        self.staff.addItem(_("(not linked to a staff member)"), 0)
        for staff_id, name in people:
            self.staff.addItem(name, staff_id)
        self._selection_changed()

    def selected(self) -> AccountInfo | None:
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) and self.table.selectedItems() else None

    def select(self, username: str) -> None:
        for row, account in enumerate(self.accounts):
            if account.username == username:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        account = self.selected()
        for button in (self.roles_button, self.reset_button, self.unlock_button, self.active_button):
            button.setEnabled(account is not None)
        self.active_button.setText(_("Enable") if account is not None and not account.active else _("Disable"))

    # -- actions --------------------------------------------------------------------------------------
    def _run(self, work: Any, done: Any) -> None:
        def finished(result: object) -> None:
            done(result)
            self.refresh()

        run_in_background(work, finished, lambda exc: show_error(self, exc))

    def show_temporary(self, username: str, password: str) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("temporaryPasswordBox")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_("Temporary password"))
        box.setText(
            _(
                "Temporary password of {name}: <b>{password}</b><br>Hand it to the person; the program asks them "
                "to choose their own at the first sign-in. It is not shown again."
            ).format(name=username, password=password)
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.open()
        self.temporary_box = box
        return box

    def edit_roles(self) -> RolesDialog | None:
        """Open the roles of the selected account, ticked as they are; OK saves them."""
        account, ctx = self.selected(), self.ctx
        if account is None or ctx is None:
            return None
        dialog = RolesDialog(account.username, account.display_name, account.roles, self)
        self.roles_dialog = dialog

        def chosen() -> None:
            from isodesk.services.accounts.accounts import set_roles

            name, roles = account.username, dialog.roles()
            self._run(lambda: set_roles(ctx, name, roles), lambda _info: self.select(name))

        dialog.accepted.connect(chosen)
        dialog.open()
        return dialog

    def reset_selected(self) -> None:
        account, ctx = self.selected(), self.ctx
        if account is None or ctx is None:
            return
        from isodesk.services.accounts.accounts import reset_password

        name = account.username
        self._run(lambda: reset_password(ctx, name), lambda password: self.show_temporary(name, password))

    def unlock_selected(self) -> None:
        account, ctx = self.selected(), self.ctx
        if account is None or ctx is None:
            return
        from isodesk.services.accounts.accounts import unlock

        name = account.username
        self._run(lambda: unlock(ctx, name), lambda _info: None)

    def toggle_selected(self) -> None:
        account, ctx = self.selected(), self.ctx
        if account is None or ctx is None:
            return
        from isodesk.services.accounts.accounts import set_active

        name, active = account.username, not account.active
        self._run(lambda: set_active(ctx, name, active), lambda _info: None)

    def add(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        from isodesk.services.accounts.accounts import add_account

        username, name = self.username.text(), self.display_name.text()
        roles = [key for key, box in self.role_boxes.items() if box.isChecked()]
        staff_id = self.staff.currentData() or None

        def added(made: Any) -> None:
            self.username.clear()
            self.display_name.clear()
            for box in self.role_boxes.values():
                box.setChecked(False)
            if made.temporary_password:
                self.show_temporary(made.account.username, made.temporary_password)

        self._run(lambda: add_account(ctx, username, name, roles, staff_id=staff_id), added)

    def retranslate(self) -> None:
        from isodesk.services.accounts.auth import role_name

        self.setTitle(_("User accounts"))
        self.table.setHorizontalHeaderLabels([_("Username"), _("Display name"), _("Roles"), _("State")])
        self.roles_button.setText(_("Change roles…"))
        self.reset_button.setText(_("Reset password"))
        self.unlock_button.setText(_("Unlock"))
        self._selection_changed()
        self.username.setPlaceholderText(_("Username (e.g. thu.ha)"))
        self.display_name.setPlaceholderText(_("Display name"))
        for key, box in self.role_boxes.items():
            box.setText(role_name(key))
        self.add_button.setText(_("Add account"))


class RolesDialog(QDialog):
    """The roles of one account, as boxes to tick (an account may hold several: docs/DOMAIN.md §1)."""

    def __init__(self, username: str, display_name: str, roles: Iterable[str], parent: QWidget | None = None) -> None:
        from isodesk.services.accounts.auth import role_name

        super().__init__(parent)
        self.setObjectName("rolesDialog")
        self.setWindowTitle(_("Roles of {name}").format(name=username))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("What {name} may do in the program:").format(name=display_name or username)))
        self.boxes: dict[str, QCheckBox] = {}
        held = set(roles)
        for role in Role:
            box = QCheckBox(role_name(role.value))
            box.setObjectName(f"roleOf_{role.value}")
            box.setChecked(role.value in held)
            self.boxes[role.value] = box
            layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Save roles"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def roles(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]
