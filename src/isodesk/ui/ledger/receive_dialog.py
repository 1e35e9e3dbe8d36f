"""Receiving a dossier at the desk: pick the procedure, enter the applicant (and who files on their behalf), see the
appointment, save.

Every active procedure of the catalogue is listed. One whose processing time the province has not confirmed cannot
give an appointment: choosing it asks for the time right there (with the reason, and a link to the catalogue), and
the time is saved through the catalogue's use case before the dossier is received.

The documents start unticked (the officer ticks what is handed in) unless the office chose otherwise
(setting ``ledger.documents_ticked``).

A component left unticked is a missing document: the officer says which copy is wanted (original, certified copy,
photocopy) and why, typed or chosen from the form set's usual reasons, and the dossier is received and sent back for
a supplement in the same use case (:func:`isodesk.services.ledger.dossiers.receive_dossier`). What the use case asks
the officer to check (a closed day, a time in the future) is shown once it is saved."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import _
from isodesk.ui.messages import show_error, show_warnings
from isodesk.ui.ops import run_in_background
from isodesk.ui.validation import applicant_checks

if TYPE_CHECKING:
    from isodesk.services.context import AppContext
    from isodesk.services.ledger.procedures import ProcedureInfo


class _ClickLabel(QLabel):
    """A word-wrapped label that ticks its checkbox when clicked, as a checkbox's own text would."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)


class ReceiveDialog(QDialog):
    """Emits :attr:`received` with the saved dossier's code."""

    received = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("receiveDialog")
        self.setWindowTitle(_("Receive a dossier"))
        self.resize(1040, 680)
        self.procedures: list[ProcedureInfo] = []
        self.saving = False
        self.documents_ticked = False  # the office's setting, read with the procedures

        self.search = QLineEdit()
        self.search.setObjectName("procedureSearch")
        self.search.setPlaceholderText(_("Search a procedure, with or without accents (e.g. khai sinh)"))
        self.list = QListWidget()
        self.list.setObjectName("procedureList")
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(240)  # keeps its height whatever the right side holds
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        proc_box = QGroupBox(_("Procedure"))
        proc_box.setMinimumWidth(300)
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
        self.representative = QLineEdit()
        self.representative.setObjectName("representativeName")
        self.representative_id = QLineEdit()
        self.representative_id.setObjectName("representativeIdNumber")
        self.representative_phone = QLineEdit()
        self.representative_phone.setObjectName("representativePhone")
        self.sets = QSpinBox()
        self.sets.setRange(1, 99)
        applicant = QGroupBox(_("Applicant"))
        form = QFormLayout(applicant)
        form.addRow(kind_row)
        self.checks = applicant_checks(self, form, self.organisation.isChecked)
        form.addRow(_("Number of sets:"), self.sets)

        self.time_box = self._time_box()

        self.components_box = QGroupBox(_("Dossier components (tick what was handed in)"))
        self.components_layout = QVBoxLayout(self.components_box)
        self.component_names: list[str] = []
        self.component_checks: list[QCheckBox] = []
        self.component_copies: list[QComboBox] = []
        self.component_rows: list[QWidget] = []
        self.reason = QComboBox()
        self.reason.setObjectName("supplementReason")
        self.reason.setEditable(True)  # a usual reason, or the officer's own words
        self.reason.setEnabled(False)
        self.reason_label = QLabel(_("Reason for the supplement request:"))
        self.reason_label.setWordWrap(True)
        self.components_layout.addWidget(self.reason_label)
        self.components_layout.addWidget(self.reason)

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
        # Form 03 refuses to receive: the dossier gets no receipt slip and no appointment.
        self.refuse_button = self.buttons.addButton(_("Refuse to receive"), QDialogButtonBox.ButtonRole.ActionRole)
        self.refuse_button.setObjectName("refuseButton")
        self.refuse_button.clicked.connect(lambda: self.refuse())
        self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(lambda: self.save())
        self.buttons.rejected.connect(self.reject)

        # The right side scrolls rather than pushing the procedure list aside or squeezing a message.
        right_widget = QWidget()
        right = QVBoxLayout(right_widget)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(applicant)
        right.addWidget(self.time_box)
        right.addWidget(self.components_box)
        right.addWidget(due_box)
        right.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("receiveDetails")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(right_widget)
        top = QHBoxLayout()
        top.addWidget(proc_box, 2)
        top.addWidget(scroll, 3)
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

    def _time_box(self) -> QGroupBox:
        """Asks for the time of a procedure that has none: the appointment on the slip is counted from it."""
        from isodesk.services.ledger.catalogue import TIME_UNITS, time_unit_name

        box = QGroupBox(_("Processing time"))
        box.setObjectName("timeBox")
        self.time_reason = QLabel()
        self.time_reason.setObjectName("timeReason")
        self.time_reason.setWordWrap(True)
        self.time_unit = QComboBox()
        self.time_unit.setObjectName("timeUnit")
        for unit in TIME_UNITS:
            self.time_unit.addItem(time_unit_name(unit), unit)
        self.time_value = QLineEdit("")
        self.time_value.setObjectName("timeValue")
        self.time_value.setPlaceholderText(_("e.g. 3 or 1,5"))
        self.time_unit.currentIndexChanged.connect(
            lambda _i: self.time_value.setEnabled(self.time_unit.currentData() != "same_day")
        )
        self.save_time_button = QPushButton(_("Save this time"))
        self.save_time_button.setObjectName("saveTime")
        self.save_time_button.clicked.connect(lambda: self.save_time())
        link = _("Open the procedure catalogue")
        self.catalogue_link = QLabel(f"<a href='catalogue'>{link}</a>")
        self.catalogue_link.setObjectName("catalogueLink")
        self.catalogue_link.linkActivated.connect(lambda _l: self.open_catalogue())
        row = QHBoxLayout()
        row.addWidget(self.time_value)
        row.addWidget(self.time_unit, 1)
        row.addWidget(self.save_time_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.time_reason)
        layout.addLayout(row)
        layout.addWidget(self.catalogue_link)
        box.hide()
        return box

    def _load(self) -> tuple[list[ProcedureInfo], bool]:
        from isodesk.services.ledger.procedures import list_procedures
        from isodesk.services.settings import get_setting

        return list_procedures(self.ctx), bool(get_setting(self.ctx, "ledger.documents_ticked"))

    def _loaded(self, loaded: tuple[list[ProcedureInfo], bool]) -> None:
        self.procedures, self.documents_ticked = loaded
        self.filter_procedures()

    def filter_procedures(self) -> None:
        from isodesk.i18n.text import search_key

        key = search_key(self.search.text())
        self.list.clear()
        for p in self.procedures:
            if key and key not in search_key(f"{p.code} {p.name} {p.field}"):
                continue
            second = f"{p.code} · {p.field}"
            if p.processing_time is None:
                second += " · " + _("no processing time yet")
            item = QListWidgetItem(f"{p.name}\n{second}")
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
        from isodesk.domain.supplement import COPY_WORDS

        procedure = self.selected()
        for row in self.component_rows:
            row.deleteLater()
        self.component_checks, self.component_copies, self.component_rows = [], [], []
        self.component_names = []
        self._fill_reasons()
        if procedure is None:
            self.time_box.hide()
            return
        for document in procedure.documents:
            name = document.name
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            check = QCheckBox()
            check.setObjectName("componentCheck")
            check.setAccessibleName(name)
            check.setChecked(self.documents_ticked)
            label = _ClickLabel(name + _counts_text(document.originals, document.copies))
            label.setWordWrap(True)
            policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            policy.setHeightForWidth(True)  # the wrapped name takes the lines it needs
            label.setSizePolicy(policy)
            label.clicked.connect(check.toggle)
            copy = QComboBox()
            copy.setObjectName("componentCopy")
            copy.addItem(_("(copy not said)"), None)
            for kind, words in COPY_WORDS.items():
                copy.addItem(words, kind)
            copy.setEnabled(not self.documents_ticked)
            check.toggled.connect(lambda on, c=copy: (c.setEnabled(not on), self._missing_changed()))
            line.addWidget(check)
            line.addWidget(label, 1)
            line.addWidget(copy)
            self.components_layout.insertWidget(self.components_layout.count() - 2, row)
            self.component_names.append(name)
            self.component_checks.append(check)
            self.component_copies.append(copy)
            self.component_rows.append(row)
        self._missing_changed()
        if procedure.processing_time is None:
            self.time_reason.setText(
                _(
                    "“{name}” has no confirmed processing time yet, and the appointment on the receipt slip is "
                    "counted from it. Enter the time the province published for this procedure; it is saved in "
                    "the procedure catalogue."
                ).format(name=procedure.name)
            )
            self.time_box.show()
            self.appointment.setText(_("Enter the processing time to see the appointment."))
            return
        self.time_box.hide()
        self._preview(procedure.code)

    def _preview(self, code: str) -> None:
        ctx = self.ctx

        def preview() -> Any:
            from isodesk.services.ledger.dossiers import preview_due

            return preview_due(ctx, code)

        run_in_background(preview, self._show_due, lambda exc: self.appointment.setText(str(exc)))

    def typed_time(self) -> Any:
        """The time typed in the time box, checked by the catalogue's rules (a UserError says what is wrong)."""
        from isodesk.services.ledger.catalogue import typed_time

        return typed_time(self.time_unit.currentData(), self.time_value.text())

    def save_time(self, then: Any = None) -> None:
        """Save the typed time as the office's time of the chosen procedure, then show its appointment (and run
        ``then``, the receipt waiting for it)."""
        procedure = self.selected()
        if procedure is None:
            return
        ctx, code = self.ctx, procedure.code
        try:
            processing = self.typed_time()
        except Exception as exc:  # a UserError: shown, nothing saved
            self.saving = False
            self._enable_saving(True)
            show_error(self, exc)
            return

        def work() -> Any:
            from isodesk.services.ledger.procedures import set_office_time

            return set_office_time(ctx, code, processing)

        def done(info: ProcedureInfo) -> None:
            self.procedures = [info if p.code == info.code else p for p in self.procedures]
            self.time_box.hide()
            self._preview(info.code)
            if then is not None:
                then()

        self.save_time_button.setEnabled(False)
        run_in_background(work, done, self._failed)

    def open_catalogue(self) -> None:
        """Show the catalogue page of the main window (the form stays open behind it)."""
        window = self.parentWidget().window() if self.parentWidget() else None
        if window is not None and hasattr(window, "show_area"):
            window.show_area("catalogue")

    def _show_due(self, preview: Any) -> None:
        self.appointment.setText(preview.explanation)

    def _fill_reasons(self) -> None:
        from isodesk.services.printing.templates import supplement_reasons

        self.reason.clear()
        self.reason.addItems(supplement_reasons())
        self._missing_changed()

    def _missing_changed(self) -> None:
        self.reason.setEnabled(bool(self.missing_components()))

    def missing_components(self) -> list[str]:
        return [n for n, c in zip(self.component_names, self.component_checks, strict=True) if not c.isChecked()]

    def missing_items(self) -> list[str]:
        """Each missing item with the copy asked for, as the supplement request lists it."""
        from isodesk.domain.supplement import MissingItem, item_text

        rows = zip(self.component_names, self.component_checks, self.component_copies, strict=True)
        return [item_text(MissingItem(name, copy.currentData())) for name, check, copy in rows if not check.isChecked()]

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
        from isodesk.services.ledger.dossiers import ApplicantInput

        applicant = ApplicantInput(
            self.name.text(),
            "organisation" if self.organisation.isChecked() else "person",
            self.address.text(),
            self.phone.text(),
            self.email.text(),
            self.id_number.text(),
            self.representative.text(),
            self.representative_id.text(),
            self.representative_phone.text(),
        )
        missing = self.missing_items()
        reason = self.reason.currentText() if missing else ""
        code, sets = procedure.code, self.sets.value()
        self.saving = True
        self.print_slip = print_slip
        self._enable_saving(False)
        if procedure.processing_time is None:  # the time typed is saved first, then the dossier received
            self.save_time(then=lambda: self._receive(code, applicant, sets, missing, reason))
            return
        self._receive(code, applicant, sets, missing, reason)

    def _receive(self, code: str, applicant: Any, sets: int, missing: list[str], reason: str) -> None:
        from isodesk.services.ledger.dossiers import receive_dossier

        ctx = self.ctx

        def work() -> Any:
            # An incomplete dossier waits for its supplement; the clock starts when it is complete.
            return receive_dossier(ctx, code, applicant, sets=sets, missing=missing, reason=reason)

        run_in_background(work, self._saved, self._failed)

    def refuse(self, reason: str | None = None) -> None:
        """Refuse to receive the dossier (form 03): asks for the reason, records the refusal in the ledger and
        opens the refusal slip's preview; nothing is received."""
        if self.saving:
            return
        procedure = self.selected()
        if procedure is None:
            self.appointment.setText(_("Choose a procedure first."))
            return
        if self.checks.first_problem():
            return
        if reason is None:
            from PySide6.QtWidgets import QInputDialog

            reason, ok = QInputDialog.getText(self, _("Refuse to receive"), _("Reason for refusing:"))
            if not ok:
                return
        from isodesk.services.ledger.dossiers import ApplicantInput, refuse_at_desk

        applicant = ApplicantInput(
            self.name.text(),
            "organisation" if self.organisation.isChecked() else "person",
            self.address.text(),
            self.phone.text(),
        )
        ctx, code, why = self.ctx, procedure.code, reason
        self.saving = True
        self._enable_saving(False)
        run_in_background(lambda: refuse_at_desk(ctx, code, applicant, why), self._refused, self._failed)

    def _refused(self, result: Any) -> None:
        from isodesk.ui.printing.jobs import form_job
        from isodesk.ui.printing.preview import open_preview

        self.saving = False
        self._enable_saving(True)
        self.last_code = result["code"]
        self.received.emit(result["code"])  # the ledger shows it among the refusals
        job = form_job(self.ctx, "refusal", result["code"], _("Refusal slip"))
        self.preview = open_preview(job, self.parentWidget())
        self.accept()

    def _enable_saving(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)
        self.save_print_button.setEnabled(enabled)
        self.refuse_button.setEnabled(enabled)

    def _saved(self, result: Any) -> None:
        self.saving = False
        self._enable_saving(True)
        self.last_code = result.code
        self.received.emit(result.code)
        if result.warnings:
            text = _("Dossier {code} was received.").format(code=result.code)
            self.warnings_box = show_warnings(self.parentWidget(), text, result.warnings)
        if self.print_slip:
            from isodesk.ui.printing.jobs import receipt_job
            from isodesk.ui.printing.preview import open_preview

            self.preview = open_preview(receipt_job(self.ctx, result.code), self.parentWidget())
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        self._enable_saving(True)
        self.save_time_button.setEnabled(True)
        show_error(self, exc)


def _counts_text(originals: int | None, copies: int | None) -> str:
    """ " (1 bản chính, 2 bản sao)" after a document's name, as the catalogue gives the counts."""
    parts = []
    if originals:
        parts.append(_("{n} original").format(n=originals))
    if copies:
        parts.append(_("{n} copy").format(n=copies))
    return f" ({', '.join(parts)})" if parts else ""
