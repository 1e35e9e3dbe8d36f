"""Receiving a dossier at the desk: pick the procedure, enter the applicant, see the appointment, save."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import _
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.validation import applicant_checks

if TYPE_CHECKING:
    from isodesk.services.context import AppContext
    from isodesk.services.ledger.procedures import ProcedureInfo


class ReceiveDialog(QDialog):
    """Emits :attr:`received` with the saved dossier's code."""

    received = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("receiveDialog")
        self.setWindowTitle(_("Receive a dossier"))
        self.resize(860, 640)
        self.procedures: list[ProcedureInfo] = []
        self.saving = False

        self.search = QLineEdit()
        self.search.setObjectName("procedureSearch")
        self.search.setPlaceholderText(_("Search a procedure, with or without accents (e.g. khai sinh)"))
        self.list = QListWidget()
        self.list.setObjectName("procedureList")
        proc_box = QGroupBox(_("Procedure"))
        proc_layout = QVBoxLayout(proc_box)
        proc_layout.addWidget(self.search)
        proc_layout.addWidget(self.list, 1)

        self.person = QRadioButton(_("Person"))
        self.person.setChecked(True)
        self.organisation = QRadioButton(_("Organisation"))
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.person)
        kind_row.addWidget(self.organisation)
        kind_row.addStretch(1)
        self.name = QLineEdit()
        self.name.setObjectName("applicantName")
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setObjectName("applicantPhone")
        self.email = QLineEdit()
        self.email.setObjectName("applicantEmail")
        self.id_number = QLineEdit()
        self.id_number.setObjectName("applicantIdNumber")
        self.sets = QSpinBox()
        self.sets.setRange(1, 99)
        applicant = QGroupBox(_("Applicant"))
        form = QFormLayout(applicant)
        form.addRow(kind_row)
        self.checks = applicant_checks(self, form, self.organisation.isChecked)
        form.addRow(_("Number of sets:"), self.sets)

        self.components_box = QGroupBox(_("Dossier components (tick what was handed in)"))
        self.components_layout = QVBoxLayout(self.components_box)
        self.component_checks: list[QCheckBox] = []

        self.appointment = QLabel(_("Choose a procedure to see the appointment."))
        self.appointment.setObjectName("appointment")
        self.appointment.setWordWrap(True)
        self.appointment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        due_box = QGroupBox(_("Appointment"))
        QVBoxLayout(due_box).addWidget(self.appointment)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(_("Receive"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("receiveButton")
        self.save_print_button = self.buttons.addButton(
            _("Receive and print the slip"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_print_button.setObjectName("receiveAndPrint")
        self.save_print_button.clicked.connect(lambda: self.save(print_slip=True))
        self.checks.attach(self.save_button)
        self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(lambda: self.save())
        self.buttons.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(applicant)
        right.addWidget(self.components_box)
        right.addWidget(due_box, 1)
        top = QHBoxLayout()
        top.addWidget(proc_box, 1)
        top.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.checks.summary)
        layout.addWidget(self.buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.filter_procedures)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.list.currentItemChanged.connect(lambda *_: self.procedure_chosen())
        run_in_background(self._load, self._loaded)

    def _load(self) -> list[ProcedureInfo]:
        from isodesk.services.ledger.procedures import list_procedures

        return [p for p in list_procedures(self.ctx) if p.processing_time is not None]

    def _loaded(self, procedures: list[ProcedureInfo]) -> None:
        self.procedures = procedures
        self.filter_procedures()

    def filter_procedures(self) -> None:
        from isodesk.i18n.text import search_key

        key = search_key(self.search.text())
        self.list.clear()
        for p in self.procedures:
            if key and key not in search_key(f"{p.code} {p.name} {p.field}"):
                continue
            item = QListWidgetItem(f"{p.name}\n{p.code} · {p.field}")
            item.setData(Qt.ItemDataRole.UserRole, p.code)
            item.setToolTip(p.name)
            self.list.addItem(item)
        if self.list.count() == 1:
            self.list.setCurrentRow(0)

    def selected(self) -> ProcedureInfo | None:
        item = self.list.currentItem()
        if item is None:
            return None
        code = item.data(Qt.ItemDataRole.UserRole)
        return next((p for p in self.procedures if p.code == code), None)

    def procedure_chosen(self) -> None:
        procedure = self.selected()
        for check in self.component_checks:
            check.deleteLater()
        self.component_checks = []
        if procedure is None:
            return
        for name in procedure.components:
            check = QCheckBox(name)
            check.setChecked(True)
            self.components_layout.addWidget(check)
            self.component_checks.append(check)
        code = procedure.code
        ctx = self.ctx

        def preview() -> Any:
            from isodesk.services.ledger.dossiers import preview_due

            return preview_due(ctx, code)

        run_in_background(preview, self._show_due, lambda exc: self.appointment.setText(str(exc)))

    def _show_due(self, preview: Any) -> None:
        self.appointment.setText(preview.explanation)

    def missing_components(self) -> list[str]:
        return [c.text() for c in self.component_checks if not c.isChecked()]

    def save(self, print_slip: bool = False) -> None:
        """Receive the dossier; with ``print_slip`` the receipt slip's preview opens as soon as it is saved."""
        if self.saving:
            return
        procedure = self.selected()
        if procedure is None:
            self.appointment.setText(_("Choose a procedure first."))
            return
        if self.checks.first_problem():
            return
        from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier

        applicant = ApplicantInput(
            self.name.text(),
            "organisation" if self.organisation.isChecked() else "person",
            self.address.text(),
            self.phone.text(),
            self.email.text(),
            self.id_number.text(),
        )
        missing = self.missing_components()
        ctx, code, sets = self.ctx, procedure.code, self.sets.value()
        self.saving = True
        self.print_slip = print_slip
        self._enable_saving(False)

        def work() -> Any:
            from isodesk.services.ledger.dossiers import move_dossier

            result = receive_dossier(ctx, code, applicant, sets=sets)
            if missing:
                # An incomplete dossier waits for its supplement; the clock starts when it is complete.
                move_dossier(ctx, result.code, "supplement", note="; ".join(missing))
            return result

        run_in_background(work, self._saved, self._failed)

    def _enable_saving(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)
        self.save_print_button.setEnabled(enabled)

    def _saved(self, result: Any) -> None:
        self.saving = False
        self._enable_saving(True)
        self.last_code = result.code
        self.received.emit(result.code)
        if self.print_slip:
            from isodesk.ui.printing.jobs import receipt_job
            from isodesk.ui.printing.preview import open_preview

            self.preview = open_preview(receipt_job(self.ctx, result.code), self.parentWidget())
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        self._enable_saving(True)
        show_error(self, exc)
