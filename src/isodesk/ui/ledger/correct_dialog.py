"""Correcting a dossier after receipt: the applicant's contact details, the number of sets, the ledger note.

Whether this account may correct this dossier (an officer, another's closed dossier) is the service's rule; a
refusal comes back as a message and nothing is saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from isodesk.domain import validation as v
from isodesk.i18n import _
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.validation import FormCheck, add_row, limit

if TYPE_CHECKING:
    from isodesk.services.context import AppContext
    from isodesk.services.ledger.dossier_view import DossierView


class CorrectDialog(QDialog):
    saved = Signal(str)

    def __init__(self, ctx: AppContext, view: DossierView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.code = ctx, view.code
        self.setObjectName("correctDialog")
        self.setWindowTitle(_("Correct dossier {code}").format(code=self.code))
        self.setMinimumWidth(480)
        applicant = view.applicant
        self.address = limit(QLineEdit(applicant.address if applicant else ""), v.ADDRESS)
        self.phone = QLineEdit(applicant.phone if applicant else "")
        self.phone.setObjectName("correctPhone")
        self.email = QLineEdit(applicant.email if applicant else "")
        self.sets = QSpinBox()
        self.sets.setRange(1, 99)
        self.sets.setValue(view.sets or 1)
        self.note = QLineEdit(view.note)
        self.note.setObjectName("correctNote")
        limit(self.note, v.LEDGER_NOTE)
        has_applicant = applicant is not None
        for edit in (self.address, self.phone, self.email):
            edit.setEnabled(has_applicant)
        form = QFormLayout(self)
        self.checks = FormCheck(self)
        add_row(form, self.checks, _("Address:"), self.address, lambda t: v.text(t, v.ADDRESS))
        add_row(form, self.checks, _("Phone:"), self.phone, v.phone_number)
        add_row(form, self.checks, _("Email:"), self.email, v.email_address)
        form.addRow(_("Number of sets:"), self.sets)
        form.addRow(_("Note:"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.has_applicant = has_applicant

    def save(self) -> None:
        from isodesk.services.ledger.dossier_edit import DossierCorrection, edit_dossier

        if self.checks.first_problem():
            return
        contact = (self.address.text(), self.phone.text(), self.email.text()) if self.has_applicant else (None,) * 3
        change = DossierCorrection(*contact, sets=self.sets.value(), note=self.note.text())
        ctx, code = self.ctx, self.code
        self.buttons.setEnabled(False)

        def done(_result: object) -> None:
            self.buttons.setEnabled(True)
            self.saved.emit(code)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            show_error(self, exc)

        run_in_background(lambda: edit_dossier(ctx, code, change), done, failed)
