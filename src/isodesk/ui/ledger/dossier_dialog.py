"""A dossier, its timeline (as on the process control sheet) and its next steps."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from isodesk.domain import validation as v
from isodesk.domain.ledger import Satisfaction
from isodesk.i18n import _
from isodesk.i18n.dates import QT_SHORT_DATETIME, local_datetime, local_now, short_datetime
from isodesk.services.labels import satisfaction_name
from isodesk.ui.ledger.history import HistoryTable
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.tables import read_only_table
from isodesk.ui.validation import limit

if TYPE_CHECKING:
    from isodesk.services.context import AppContext


def _when(iso: str | None) -> str:
    return short_datetime(datetime.fromisoformat(iso)) if iso else "—"


class DossierDialog(QDialog):
    changed = Signal(str)

    def __init__(self, ctx: AppContext, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.code = ctx, code
        self.setObjectName("dossierDialog")
        self.resize(960, 700)
        self.header = QLabel()
        self.header.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setObjectName("dossierPrint")
        self.print_menu = QMenu(self.print_button)
        self.print_button.setMenu(self.print_menu)
        self.print_button.setEnabled(False)  # until the forms that apply are known
        self.timeline = read_only_table(5, "timeline")
        self.timeline.setHorizontalHeaderLabels([_("Time"), _("Step"), _("From"), _("To"), _("Note")])

        self.action = QComboBox()
        self.action.setObjectName("actionCombo")
        # Times are Vietnam time whatever zone the PC is set to (docs/ARCHITECTURE.md §2).
        now = QDateTime(local_now().replace(tzinfo=None, second=0, microsecond=0))
        self.when = QDateTimeEdit(now)
        self.when.setDisplayFormat(QT_SHORT_DATETIME)
        self.new_due = QDateTimeEdit(now.addDays(5))
        self.new_due.setDisplayFormat(QT_SHORT_DATETIME)
        self.rating = QComboBox()
        for rating in Satisfaction:
            self.rating.addItem(satisfaction_name(rating), rating.value)
        self.note = QLineEdit()
        limit(self.note, v.DOSSIER_NOTE)
        self.to_staff = QComboBox()
        self.to_staff.setObjectName("toStaff")
        self.apply = QPushButton(_("Apply"))
        self.apply.setObjectName("applyAction")
        self.apply.clicked.connect(self.apply_action)
        step = QGroupBox(_("Next step"))
        form = QFormLayout(step)
        form.addRow(_("Action:"), self.action)
        form.addRow(_("Time:"), self.when)
        form.addRow(_("New appointment:"), self.new_due)
        form.addRow(_("Satisfaction:"), self.rating)
        form.addRow(_("Hand over to:"), self.to_staff)
        form.addRow(_("Note:"), self.note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.apply)
        form.addRow(row)
        self.action.currentIndexChanged.connect(self._action_changed)

        self.history = HistoryTable()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dossierTabs")
        self.tabs.addTab(self.timeline, _("Timeline"))
        self.tabs.addTab(self.history, _("History"))
        self.correct = QPushButton(_("Correct details…"))
        self.correct.setObjectName("correctDossier")
        self.correct.clicked.connect(self.open_correction)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.correct)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(step)
        self.load()

    def load(self) -> None:
        ctx, code = self.ctx, self.code

        def fetch() -> dict[str, Any]:
            from isodesk.services.labels import action_name
            from isodesk.services.ledger.dossiers import show_dossier
            from isodesk.services.office.staff import list_staff
            from isodesk.services.printing import forms_for

            data = show_dossier(ctx, code)
            data["forms"] = forms_for(ctx, code)
            data["staff"] = [(p.id, f"{p.name} — {p.position}" if p.position else p.name) for p in list_staff(ctx)]
            data["action_names"] = {a: action_name(a) for a in data["actions"]} | {
                e["action"]: action_name(e["action"]) for e in data["events"]
            }
            return data

        run_in_background(fetch, self.show_data, lambda exc: show_error(self, exc))
        self.history.load(ctx, code)

    def open_correction(self) -> Any:
        data = getattr(self, "data", None)
        if data is None:
            return None
        from isodesk.ui.ledger.correct_dialog import CorrectDialog

        dialog = CorrectDialog(self.ctx, data, self)
        dialog.saved.connect(lambda code: (self.changed.emit(code), self.load()))
        dialog.open()
        return dialog

    def show_data(self, data: dict[str, Any]) -> None:
        self.data = data
        self.setWindowTitle(_("Dossier {code}").format(code=data["code"]))
        self.header.setText(f"{data['code']} — {data['status_name']}")
        from isodesk.services.labels import applicant_label

        applicant = applicant_label(data["applicant"]["name"]) if data["applicant"] else "—"
        self.summary.setText(
            _("{procedure}\nApplicant: {applicant} · Received: {received} · Due: {due}").format(
                procedure=data["procedure"]["name"],
                applicant=applicant,
                received=_when(data["received"]),
                due=_when(data["due"]),
            )
        )
        events = data["events"]
        self.timeline.setRowCount(len(events))
        names = data["action_names"]
        for r, e in enumerate(events):
            cells = (
                _when(e["at"]),
                names.get(e["action"], e["action"]),
                e["from_staff"] or "",
                e["to_staff"] or "",
                e["note"],
            )
            for c, value in enumerate(cells):
                self.timeline.setItem(r, c, QTableWidgetItem(value))
        self.timeline.resizeColumnsToContents()
        self.to_staff.clear()
        self.to_staff.addItem(_("(nobody new)"), 0)
        for staff_id, label in data["staff"]:
            self.to_staff.addItem(label, staff_id)
        self.action.clear()
        for action in data["actions"]:
            self.action.addItem(names.get(action, action), action)
        self.apply.setEnabled(bool(data["actions"]))
        self._action_changed()
        self._fill_print_menu(data["forms"])

    def _fill_print_menu(self, forms: list[Any]) -> None:
        """One entry per paper of the dossier's form set; those that do not apply now are greyed, with the reason
        as their tip."""
        self.print_menu.clear()
        for form in forms:
            label = f"{form.number} · {form.title}" if form.number else form.title
            action = self.print_menu.addAction(label, lambda n=form.name, t=form.title: self.print_form(n, t))
            action.setObjectName(f"print_{form.name}")
            action.setEnabled(form.applies)
            action.setToolTip(form.reason or form.title)
        self.print_menu.setToolTipsVisible(True)
        self.print_button.setEnabled(bool(forms))

    def print_form(self, name: str, title: str) -> Any:
        from isodesk.ui.printing.jobs import form_job
        from isodesk.ui.printing.preview import open_preview

        return open_preview(form_job(self.ctx, name, self.code, title), self)

    def _action_changed(self) -> None:
        action = self.action.currentData()
        self.new_due.setEnabled(action == "extended")
        self.rating.setEnabled(action == "returned")

    def apply_action(self) -> None:
        action = self.action.currentData()
        if not action:
            return
        ctx, code, note = self.ctx, self.code, self.note.text()
        at = local_datetime(self.when.dateTime().toPython())
        new_due = local_datetime(self.new_due.dateTime().toPython()) if action == "extended" else None
        to_staff = self.to_staff.currentData() or None
        rating = self.rating.currentData() if action == "returned" else None

        def work() -> Any:
            from isodesk.services.ledger.dossiers import move_dossier

            return move_dossier(
                ctx, code, action, at=at, note=note, new_due=new_due, rating=rating, to_staff_id=to_staff
            )

        def done(_result: Any) -> None:
            self.note.clear()
            self.changed.emit(code)
            self.load()

        run_in_background(work, done, lambda exc: show_error(self, exc))
