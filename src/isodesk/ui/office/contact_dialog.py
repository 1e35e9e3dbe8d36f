"""Asking for the office's contact when a paper needs it and the profile has none.

The supplement request tells the applicant whom to call while completing the dossier (TT 01/2018/TT-VPCP and
TT 03/2025/TT-VPCP, form 02). The name and phone are the office's, kept in its profile; the first time a request is
printed without them, they are asked for here and saved, so the paper is never printed with a blank to call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from isodesk.domain import validation as v
from isodesk.i18n import _
from isodesk.ui.messages import show_error
from isodesk.ui.validation import FormCheck, add_row, limit

if TYPE_CHECKING:
    from isodesk.services.context import AppContext


def _required(rule: object) -> object:
    def check(text: str) -> object:
        if not v.normalise(text):
            raise v.Invalid(v.N_("{field} must not be empty."), v.CONTACT.label)
        return rule(text)  # type: ignore[operator]

    return check


class ContactDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from isodesk.services.office.profile import PROFILE_RULES

        self.setObjectName("contactDialog")
        self.setWindowTitle(_("Contact for supplement requests"))
        intro = QLabel(
            _(
                "A supplement request tells the applicant whom to call. Enter the office's contact once; it is kept "
                "in the office profile (Settings)."
            )
        )
        intro.setWordWrap(True)
        self.name = limit(QLineEdit(), v.CONTACT)
        self.name.setObjectName("contactName")
        self.phone = limit(QLineEdit(), v.PHONE_TYPED_LENGTH)
        self.phone.setObjectName("contactPhone")
        form = QFormLayout()
        self.checks = FormCheck(self)
        add_row(form, self.checks, _("Contact:"), self.name, _required(PROFILE_RULES["contact_name"]))  # type: ignore[arg-type]
        add_row(form, self.checks, _("Phone:"), self.phone, _required(PROFILE_RULES["contact_phone"]))  # type: ignore[arg-type]
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.checks.attach(buttons.button(QDialogButtonBox.StandardButton.Ok))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.checks.summary)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if self.checks.first_problem() is None:
            self.accept()


def ensure_contact(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """True when the office profile names a contact and phone, asking for them (and saving them) when it does not."""
    from isodesk.services.office.profile import get_profile, update_profile

    profile = get_profile(ctx)
    if profile.contact_name and profile.contact_phone:
        return True
    dialog = ContactDialog(parent)
    dialog.name.setText(profile.contact_name)
    dialog.phone.setText(profile.contact_phone)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        update_profile(ctx, contact_name=dialog.name.text(), contact_phone=dialog.phone.text())
    except Exception as exc:  # a refusal (no right to change the profile) is told, nothing is printed
        show_error(parent, exc)
        return False
    return True
