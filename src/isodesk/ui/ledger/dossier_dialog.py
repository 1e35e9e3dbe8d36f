"""A dossier, its timeline (as on the process control sheet) and its next steps.

It shows the dossier's :class:`~isodesk.services.ledger.dossier_view.DossierView`, the same view ``dossier show`` and
its papers read, and reloads whenever an operation changed the ledger (:func:`isodesk.ui.ops.changes`)."""

from __future__ import annotations

from dataclasses import dataclass
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
from isodesk.domain.ledger import TAKES_NEW_DUE, TAKES_RATING, Action, Satisfaction
from isodesk.i18n import _
from isodesk.i18n.dates import QT_SHORT_DATETIME, local_datetime, local_now, short_datetime
from isodesk.services.changes import Change
from isodesk.services.labels import action_name, applicant_label, satisfaction_name
from isodesk.ui import ops
from isodesk.ui.ledger.history import HistoryTable
from isodesk.ui.messages import show_error
from isodesk.ui.ops import run_in_background
from isodesk.ui.tables import read_only_table
from isodesk.ui.validation import limit

if TYPE_CHECKING:
    from isodesk.services.context import AppContext
    from isodesk.services.ledger.dossier_view import DossierView
    from isodesk.services.printing import FormChoice


@dataclass(frozen=True)
class Shown:
    """What the window shows: the dossier, the papers that apply to it, and the staff it may be handed to."""

    view: DossierView
    forms: list[FormChoice]
    staff: list[tuple[int, str]]


def _when(moment: datetime | None) -> str:
    return short_datetime(moment) if moment else "—"


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
        ops.changes().changed.connect(self._data_changed)
        self.load()

    def load(self) -> None:
        ctx, code = self.ctx, self.code

        def fetch() -> Shown:
            from isodesk.services.ledger.dossier_view import get_dossier_view
            from isodesk.services.office.staff import list_staff
            from isodesk.services.printing import forms_of

            view = get_dossier_view(ctx, code)
            staff = [(p.id, f"{p.name} — {p.position}" if p.position else p.name) for p in list_staff(ctx)]
            return Shown(view, forms_of(view, local_now()), staff)

        run_in_background(fetch, self.show_data, lambda exc: show_error(self, exc))
        self.history.load(ctx, code)

    def _data_changed(self, changed: frozenset[Change]) -> None:
        if Change.LEDGER in changed:
            self.load()

    def open_correction(self) -> Any:
        view = getattr(self, "view", None)
        if view is None:
            return None
        from isodesk.ui.ledger.correct_dialog import CorrectDialog

        dialog = CorrectDialog(self.ctx, view, self)
        dialog.saved.connect(self.changed.emit)  # the window itself reloads when told the ledger changed
        dialog.open()
        return dialog

    def show_data(self, shown: Shown) -> None:
        view = self.view = shown.view
        self.setWindowTitle(_("Dossier {code}").format(code=view.code))
        self.header.setText(f"{view.code} — {view.status_name}")
        applicant = applicant_label(view.applicant.name) if view.applicant else "—"
        self.summary.setText(
            _("{procedure}\nApplicant: {applicant} · Received: {received} · Due: {due}").format(
                procedure=view.procedure.name,
                applicant=applicant,
                received=_when(view.received),
                due=_when(view.due),
            )
        )
        self.timeline.setRowCount(len(view.events))
        for r, e in enumerate(view.events):
            cells = (
                _when(e.at),
                action_name(e.action),
                e.from_staff.name if e.from_staff else "",
                e.to_staff.name if e.to_staff else "",
                e.note,
            )
            for c, value in enumerate(cells):
                self.timeline.setItem(r, c, QTableWidgetItem(value))
        self.timeline.resizeColumnsToContents()
        self.to_staff.clear()
        self.to_staff.addItem(_("(nobody new)"), 0)
        for staff_id, label in shown.staff:
            self.to_staff.addItem(label, staff_id)
        self.action.clear()
        for action in view.actions:
            self.action.addItem(action_name(action), action.value)
        self.apply.setEnabled(bool(view.actions))
        self._action_changed()
        self._fill_print_menu(shown.forms)

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
        from isodesk.ui.office.contact_dialog import ensure_contact
        from isodesk.ui.printing.jobs import form_job
        from isodesk.ui.printing.preview import open_preview

        if name == "supplement" and not ensure_contact(self.ctx, self):
            return None  # the request names whom to call: not printed without it
        return open_preview(form_job(self.ctx, name, self.code, title), self)

    def _action_changed(self) -> None:
        action = self.action.currentData()
        self.new_due.setEnabled(action in TAKES_NEW_DUE)
        self.rating.setEnabled(action in TAKES_RATING)

    def apply_action(self) -> None:
        action = self.action.currentData()
        if not action:
            return
        ctx, code, note = self.ctx, self.code, self.note.text()
        at = local_datetime(self.when.dateTime().toPython())
        takes_new_due = Action(action) in TAKES_NEW_DUE
        new_due = local_datetime(self.new_due.dateTime().toPython()) if takes_new_due else None
        to_staff = self.to_staff.currentData() or None
        rating = self.rating.currentData() if Action(action) in TAKES_RATING else None

        def work() -> Any:
            from isodesk.services.ledger.dossiers import move_dossier

            return move_dossier(
                ctx, code, action, at=at, note=note, new_due=new_due, rating=rating, to_staff_id=to_staff
            )

        def done(_result: Any) -> None:  # the window reloads when told the ledger changed
            self.note.clear()
            self.changed.emit(code)

        run_in_background(work, done, lambda exc: show_error(self, exc))
