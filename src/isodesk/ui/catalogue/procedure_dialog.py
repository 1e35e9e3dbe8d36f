"""One procedure of the catalogue, edited or added: the office's time and fee beside the published ones, the
exemptions, the documents with their originals and copies, the internal steps with their time budgets, the ISO
scope and the legal basis with each document's effective date. Saved together through
:func:`isodesk.services.ledger.catalogue.edit_procedure`, which checks every part first; a refusal is shown and the
form stays open as typed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from isodesk.domain import validation as v
from isodesk.i18n import N_, _
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.validation import limit

if TYPE_CHECKING:
    from isodesk.services.context import AppContext
    from isodesk.services.ledger.catalogue import ProcedureEdit
    from isodesk.services.ledger.procedures import ProcedureInfo

DOCUMENT_HEADERS = (N_("Document"), N_("Originals"), N_("Copies"))
STEP_HEADERS = (N_("Step"), N_("Responsible"), N_("Time"), N_("Unit"))
BASIS_HEADERS = (N_("Kind"), N_("Number"), N_("Dated"), N_("Effective from"), N_("Title"))


class _RowsTable(QWidget):
    """An editable table with buttons to add and remove rows; each row is read back as text."""

    def __init__(self, name: str, headers: tuple[str, ...], stretch: int, units: int | None = None) -> None:
        super().__init__()
        self.units = units  # the column holding a unit chooser, if any
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName(name)
        self.table.verticalHeader().setVisible(False)
        self.table.setHorizontalHeaderLabels([_(h) for h in headers])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(_("Add a row"))
        self.remove_button = QPushButton(_("Remove the row"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def add_row(self, values: tuple[str, ...] = ()) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(self.table.columnCount()):
            text = values[column] if column < len(values) else ""
            if column == self.units:
                from isodesk.services.ledger.catalogue import STEP_UNITS, time_unit_name

                combo = QComboBox()
                for unit in STEP_UNITS:
                    combo.addItem(time_unit_name(unit), unit)
                combo.setCurrentIndex(max(combo.findData(text), 0))
                self.table.setCellWidget(row, column, combo)
            else:
                self.table.setItem(row, column, QTableWidgetItem(text))
        return row

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def rows(self) -> list[tuple[str, ...]]:
        out = []
        for row in range(self.table.rowCount()):
            cells = []
            for column in range(self.table.columnCount()):
                widget = self.table.cellWidget(row, column)
                if isinstance(widget, QComboBox):
                    cells.append(str(widget.currentData()))
                else:
                    item = self.table.item(row, column)
                    cells.append(item.text() if item else "")
            out.append(tuple(cells))
        return out


class ProcedureDialog(QDialog):
    """Emits :attr:`saved` with the procedure's code once it is saved."""

    saved = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        procedure: ProcedureInfo | None,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        from isodesk.services.ledger.catalogue import (
            TIME_UNITS,
            confidence_name,
            number_text,
            time_unit_name,
            time_words,
        )

        self.ctx = ctx
        self.procedure = procedure
        self.new = procedure is None
        self.setObjectName("procedureDialog")
        self.setWindowTitle(_("Add a procedure") if self.new else _("Procedure {code}").format(code=procedure.code))
        self.resize(920, 620)

        self.code = QLineEdit(procedure.code if procedure else "")
        self.code.setObjectName("procedureCode")
        self.code.setReadOnly(not self.new)
        self.code.setMaxLength(v.PROCEDURE_CODE_LENGTH)
        self.name = QLineEdit(procedure.name if procedure else "")
        self.name.setObjectName("procedureName")
        limit(self.name, v.PROCEDURE_NAME)
        self.field = QLineEdit(procedure.field if procedure else "")
        self.field.setObjectName("procedureField")
        limit(self.field, v.PROCEDURE_FIELD)
        self.time_unit = QComboBox()
        self.time_unit.setObjectName("procedureTimeUnit")
        self.time_unit.addItem(_("as the catalogue publishes it"), "")
        for unit in TIME_UNITS:
            self.time_unit.addItem(time_unit_name(unit), unit)
        self.time_value = QLineEdit()
        self.time_value.setObjectName("procedureTimeValue")
        self.time_value.setPlaceholderText(_("e.g. 3 or 1,5"))
        self.time_unit.currentIndexChanged.connect(lambda _i: self._unit_changed())
        if procedure is not None and procedure.office_time:
            self.time_unit.setCurrentIndex(self.time_unit.findData(procedure.time_unit))
            self.time_value.setText(number_text(procedure.time_value))
        elif self.new:
            self.time_unit.setCurrentIndex(self.time_unit.findData("working_days"))
        self._unit_changed()
        self.fee = QLineEdit(procedure.fee if procedure else "")
        self.fee.setObjectName("procedureFee")
        limit(self.fee, v.FEE)
        self.exemptions = QPlainTextEdit(procedure.exemptions if procedure else "")
        self.exemptions.setObjectName("procedureExemptions")
        self.exemptions.setFixedHeight(60)
        self.in_scope = QCheckBox(_("In the scope of the office's quality management system (ISO 9001, 4.3)"))
        self.in_scope.setObjectName("procedureInScope")
        self.in_scope.setChecked(procedure.in_scope if procedure else True)

        general = QWidget()
        general_layout = QVBoxLayout(general)
        form = QFormLayout()
        general_layout.addLayout(form)
        general_layout.addStretch(1)
        form.addRow(_("Code:"), self.code)
        form.addRow(_("Name:"), self.name)
        form.addRow(_("Field:"), self.field)
        if procedure is not None:
            published = QLabel(
                _("{time}; fee “{fee}” — source: {source} ({confidence})").format(
                    time=time_words(procedure.published_unit, procedure.published_value),
                    fee=procedure.published_fee or "—",
                    source=procedure.source or "—",
                    confidence=confidence_name(procedure.confidence),
                )
            )
            published.setObjectName("procedurePublished")
            published.setWordWrap(True)
            form.addRow(_("Published:"), published)
        time_row = QHBoxLayout()
        time_row.addWidget(self.time_value)
        time_row.addWidget(self.time_unit, 1)
        form.addRow(_("The office's time:"), time_row)
        form.addRow(_("Fee:"), self.fee)
        form.addRow(_("Exemptions:"), self.exemptions)
        form.addRow(self.in_scope)

        self.documents = _RowsTable("procedureDocuments", DOCUMENT_HEADERS, 0)
        self.steps = _RowsTable("procedureSteps", STEP_HEADERS, 0, units=3)
        self.basis = _RowsTable("procedureBasis", BASIS_HEADERS, 4)
        if procedure is not None:
            for d in procedure.documents:
                self.documents.add_row((d.name, _count(d.originals), _count(d.copies)))
            for step in procedure.steps:
                values = (step["name"], step["responsible"], number_text(step["value"]), step["unit"])
                self.steps.add_row(values)
            for b in procedure.legal_basis:
                dates = _date_text(b["date"]), _date_text(b.get("effective", ""))
                self.basis.add_row((b["kind"], b["number"], *dates, b["title"]))
        if self.documents.table.rowCount() == 0:
            self.documents.add_row()
        documents_hint = QLabel(
            _(
                "Each document the applicant hands in, with how many originals and copies (leave a count empty "
                "when the catalogue does not say). The receipt slip prints them."
            )
        )
        documents_hint.setWordWrap(True)
        documents_page = QWidget()
        documents_layout = QVBoxLayout(documents_page)
        documents_layout.addWidget(documents_hint)
        documents_layout.addWidget(self.documents, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(general, _("Time and fee"))
        self.tabs.addTab(documents_page, _("Dossier components"))
        self.tabs.addTab(self.steps, _("Internal steps"))
        self.tabs.addTab(self.basis, _("Legal basis"))

        self.problem = QLabel()
        self.problem.setObjectName("procedureProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("procedureSave")
        self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(lambda: self.save())
        self.buttons.rejected.connect(self.reject)
        if read_only:  # an account that may not change the catalogue sees it, and is told why it cannot save
            self.save_button.setEnabled(False)
            self.problem.setText(_("Your account may view the catalogue but not change it."))
            self.problem.setStyleSheet("")
            self.problem.show()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _unit_changed(self) -> None:
        unit = self.time_unit.currentData()
        self.time_value.setEnabled(unit not in ("", "same_day"))

    def edit(self) -> ProcedureEdit:
        """What the form holds, as typed (the service checks it)."""
        from isodesk.services.ledger.catalogue import ProcedureEdit

        return ProcedureEdit(
            name=self.name.text(),
            field=self.field.text(),
            time_unit=self.time_unit.currentData() or "",
            time_value=self.time_value.text() or "0",
            fee=self.fee.text(),
            exemptions=self.exemptions.toPlainText(),
            components=tuple((r[0], r[1], r[2]) for r in self.documents.rows()),
            steps=tuple((r[0], r[1], r[3], r[2]) for r in self.steps.rows()),
            in_scope=self.in_scope.isChecked(),
            legal_basis=tuple((r[0], r[1], r[2], r[4], r[3]) for r in self.basis.rows()),
        )

    def save(self) -> None:
        from isodesk.services.ledger.catalogue import edit_procedure

        ctx, code, edit, new = self.ctx, self.code.text(), self.edit(), self.new
        self.save_button.setEnabled(False)
        run_in_background(lambda: edit_procedure(ctx, code, edit, new=new), self._saved, self._failed)

    def _saved(self, info: Any) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(info.code)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.problem.setText(str(exc))
        self.problem.show()
        self.error_box = show_error(self, exc)


def _count(n: int | None) -> str:
    return "" if n is None else str(n)


def _date_text(iso: str) -> str:
    """The effective date as the office types it (dd/mm/yyyy); empty when not known."""
    if not iso:
        return ""
    from datetime import date

    from isodesk.i18n.dates import short_date

    return short_date(date.fromisoformat(iso))
