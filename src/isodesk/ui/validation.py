"""Checking fields as people type: the service's own rule, its message beside the field, the form's button explains.

The rules are the services' (:mod:`isodesk.domain.validation` through :func:`isodesk.services.inputs.problem`), so
the GUI never accepts what a service would refuse, nor says it differently. A field's problem is shown once the
user has left the field (or pressed the form's button), then follows every keystroke until it is right: a phone
number is not reported wrong while its first digits are being typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QLineEdit, QWidget

from isodesk.domain import validation as v
from isodesk.domain.lockout import MAX_PASSWORD_LENGTH
from isodesk.domain.validation import TextField
from isodesk.i18n import _
from isodesk.i18n.dates import local_today
from isodesk.services.inputs import problem

Rule = Callable[[str], object]

_INVALID_STYLE = 'QLineEdit[invalid="true"] { border: 1px solid #c62828; background: #fff5f5; }'


def limit(edit: QLineEdit, field: TextField | int) -> QLineEdit:
    """Give ``edit`` the service's limit (the service counts NFC characters, never more than Qt's units)."""
    edit.setMaxLength(field if isinstance(field, int) else field.limit)
    return edit


class FieldCheck(QObject):
    """One line edit, the rule it must pass, and the label that says what is wrong."""

    def __init__(self, edit: QLineEdit, rule: Rule, parent: QObject | None = None) -> None:
        super().__init__(parent or edit)
        self.edit = edit
        self.rule = rule
        self.touched = False
        self.label = QLabel()
        self.label.setObjectName(f"{edit.objectName() or 'field'}Problem")
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #c62828;")
        self.label.hide()
        edit.setStyleSheet(_INVALID_STYLE)
        edit.textChanged.connect(lambda _t: self.refresh())
        edit.editingFinished.connect(self._left)

    def _left(self) -> None:
        self.touched = True
        self.refresh()

    def message(self) -> str | None:
        return problem(self.rule, self.edit.text())

    def refresh(self) -> str | None:
        message = self.message() if self.touched else None
        self.label.setText(message or "")
        self.label.setVisible(bool(message))
        self.edit.setProperty("invalid", bool(message))
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)
        self.edit.setToolTip(message or "")
        return message


class FormCheck(QObject):
    """The checked fields of a form; its button's tooltip lists what is still wrong."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.fields: list[FieldCheck] = []
        self.button: QAbstractButton | None = None
        self._button_tip = ""
        #: Beside the form's button: what still stops it, once the user has pressed it.
        self.summary = QLabel()
        self.summary.setObjectName("formProblem")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #c62828;")
        self.summary.hide()

    def add(self, edit: QLineEdit, rule: Rule) -> QLabel:
        """Check ``edit`` with ``rule``; returns the problem label to place under the field."""
        check = FieldCheck(edit, rule, self)
        edit.textChanged.connect(lambda _t: self._explain())
        self.fields.append(check)
        return check.label

    def attach(self, button: QAbstractButton) -> None:
        self.button = button
        self._button_tip = button.toolTip()
        self._explain()

    def problems(self) -> list[str]:
        return [m for m in (f.message() for f in self.fields) if m]

    def first_problem(self) -> str | None:
        """Show every field's problem and put the cursor in the first wrong field; None when all are right."""
        first: str | None = None
        for check in self.fields:
            check.touched = True
            message = check.refresh()
            if message and first is None:
                first = message
                check.edit.setFocus()
        self.summary.setText(first or "")
        self.summary.setVisible(bool(first))
        return first

    def _explain(self) -> None:
        problems = self.problems()
        if self.button is not None:
            self.button.setToolTip("\n".join(problems) if problems else self._button_tip)
        if self.summary.isVisibleTo(self.summary.parentWidget() or self.summary):
            self.summary.setText(problems[0] if problems else "")
            self.summary.setVisible(bool(problems))


def password_edit(name: str) -> QLineEdit:
    """A masked field taking at most the longest password the accounts accept."""
    edit = limit(QLineEdit(), MAX_PASSWORD_LENGTH)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def add_row(form: QFormLayout, check: FormCheck, label: str | QLabel, edit: QLineEdit, rule: Rule) -> None:
    """A form row for ``edit``, and under it a row as wide as the form for its problem (hidden while right)."""
    form.addRow(label, edit)
    form.addRow(check.add(edit, rule))


def applicant_checks(dialog: Any, form: QFormLayout, is_organisation: Callable[[], bool]) -> FormCheck:
    """The applicant's fields of the receive form (``dialog.name`` ... ``dialog.id_number``, then who filed on their
    behalf: ``dialog.representative``, ``dialog.representative_id``, ``dialog.representative_phone``), checked as
    typed."""
    check = FormCheck(dialog)

    def name_rule(text: str) -> object:
        return v.text(text, v.APPLICANT_NAME) if is_organisation() else v.person_name(text, v.APPLICANT_NAME)

    today = local_today()
    limit(dialog.name, v.APPLICANT_NAME)
    limit(dialog.address, v.ADDRESS)
    limit(dialog.phone, v.PHONE_TYPED_LENGTH)
    limit(dialog.email, v.EMAIL_LENGTH)
    limit(dialog.id_number, v.CITIZEN_ID_TYPED_LENGTH)
    add_row(form, check, _("Full name:"), dialog.name, name_rule)
    add_row(form, check, _("Address:"), dialog.address, lambda t: v.text(t, v.ADDRESS))
    add_row(form, check, _("Phone:"), dialog.phone, v.phone_number)
    add_row(form, check, _("Email:"), dialog.email, v.email_address)
    add_row(form, check, _("Citizen ID (optional):"), dialog.id_number, lambda t: v.citizen_id(t, today))
    limit(dialog.representative, v.REPRESENTATIVE_NAME)
    limit(dialog.representative_id, v.CITIZEN_ID_TYPED_LENGTH)
    limit(dialog.representative_phone, v.PHONE_TYPED_LENGTH)
    add_row(
        form,
        check,
        _("Filed on their behalf by (optional):"),
        dialog.representative,
        lambda t: v.person_name(t, v.REPRESENTATIVE_NAME),
    )
    add_row(
        form,
        check,
        _("Representative's citizen ID:"),
        dialog.representative_id,
        lambda t: v.citizen_id(t, today, v.REPRESENTATIVE_ID),
    )
    add_row(
        form,
        check,
        _("Representative's phone:"),
        dialog.representative_phone,
        lambda t: v.phone_number(t, v.REPRESENTATIVE_PHONE),
    )
    return check
