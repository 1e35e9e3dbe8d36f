"""The implementation plan (task, owner, deadline, done), the log of problems met applying the procedures (noted
weekly, reviewed monthly: one not reviewed by the next month stands out), the register of risks and opportunities
(ISO 9001:2015 6.1) and the legal update log (a procedure added, changed or abolished: its documents updated within
three months of the text's entry into force, flagged when that passed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import N_, _
from isodesk.i18n.dates import local_today, short_date
from isodesk.ui.qms.common import date_field, date_of, run

if TYPE_CHECKING:
    from isodesk.services.context import AppContext

OVERDUE = QColor("#c62828")
CHANGES = (
    ("added", N_("procedure added")),
    ("changed", N_("procedure changed")),
    ("abolished", N_("procedure abolished")),
)


def _table(name: str, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]], late: list[bool]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if late[r]:
                item.setForeground(OVERDUE)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class PlanTab(QWidget):
    def __init__(self, ctx_of: Callable[[], AppContext | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qmsPlan")
        self.ctx_of = ctx_of
        self.tasks: list[Any] = []
        self.changes: list[Any] = []
        self.problems: list[Any] = []

        self.plan_box = QGroupBox()
        self.task = QLineEdit()
        self.task.setObjectName("planTask")
        self.owner = QLineEdit()
        self.owner.setObjectName("planOwner")
        self.owner.setMinimumWidth(150)  # its placeholder, "Người chịu trách nhiệm", whole
        self.deadline = date_field("planDeadline")
        self.add_task_button = QPushButton()
        self.add_task_button.setObjectName("planAdd")
        self.done_button = QPushButton()
        self.done_button.setObjectName("planDone")
        self.plan = _table("planTasks", 4)
        row = QHBoxLayout()
        row.addWidget(self.task, 3)
        row.addWidget(self.owner, 1)
        row.addWidget(self.deadline)
        row.addWidget(self.add_task_button)
        row.addWidget(self.done_button)
        box = QVBoxLayout(self.plan_box)
        box.addLayout(row)
        box.addWidget(self.plan)

        self.problem_box = QGroupBox()
        self.problem = QLineEdit()
        self.problem.setObjectName("problemText")
        self.problem_code = QLineEdit()
        self.problem_code.setObjectName("problemProcedure")
        self.problem_code.setMaximumWidth(110)
        self.add_problem_button = QPushButton()
        self.add_problem_button.setObjectName("problemAdd")
        self.review_button = QPushButton()
        self.review_button.setObjectName("problemReview")
        self.problem_list = _table("problems", 4)
        row = QHBoxLayout()
        row.addWidget(self.problem, 3)
        row.addWidget(self.problem_code)
        row.addWidget(self.add_problem_button)
        row.addWidget(self.review_button)
        box = QVBoxLayout(self.problem_box)
        box.addLayout(row)
        box.addWidget(self.problem_list)

        self.risk_box = QGroupBox()
        self.kind = QComboBox()
        self.kind.setObjectName("riskKind")
        self.description = QLineEdit()
        self.description.setObjectName("riskDescription")
        self.action = QLineEdit()
        self.action.setObjectName("riskAction")
        self.review_on = date_field("riskReview")
        self.add_risk_button = QPushButton()
        self.add_risk_button.setObjectName("riskAdd")
        self.risks = _table("risks", 4)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.description, 2)
        row.addWidget(self.action, 2)
        row.addWidget(self.review_on)
        row.addWidget(self.add_risk_button)
        box = QVBoxLayout(self.risk_box)
        box.addLayout(row)
        box.addWidget(self.risks)

        self.legal_box = QGroupBox()
        self.change = QComboBox()
        self.change.setObjectName("legalChange")
        self.code = QLineEdit()
        self.code.setObjectName("legalProcedure")
        self.code.setMaximumWidth(110)
        self.basis = QLineEdit()
        self.basis.setObjectName("legalBasis")
        self.effective_on = date_field("legalEffective")
        self.add_legal_button = QPushButton()
        self.add_legal_button.setObjectName("legalAdd")
        self.applied_button = QPushButton()
        self.applied_button.setObjectName("legalApplied")
        self.legal = _table("legalChanges", 5)
        row = QHBoxLayout()
        row.addWidget(self.change)
        row.addWidget(self.code)
        row.addWidget(self.basis, 2)
        row.addWidget(self.effective_on)
        row.addWidget(self.add_legal_button)
        row.addWidget(self.applied_button)
        box = QVBoxLayout(self.legal_box)
        box.addLayout(row)
        box.addWidget(self.legal)

        layout = QVBoxLayout(self)
        upper = QHBoxLayout()
        upper.addWidget(self.plan_box, 1)
        upper.addWidget(self.problem_box, 1)
        layout.addLayout(upper, 1)
        layout.addWidget(self.risk_box, 1)
        layout.addWidget(self.legal_box, 1)
        self.add_task_button.clicked.connect(lambda: self.add_task())
        self.done_button.clicked.connect(lambda: self.finish_task())
        self.add_risk_button.clicked.connect(lambda: self.add_risk())
        self.add_problem_button.clicked.connect(lambda: self.add_problem())
        self.review_button.clicked.connect(lambda: self.review_problems())
        self.add_legal_button.clicked.connect(lambda: self.add_legal())
        self.applied_button.clicked.connect(lambda: self.apply_legal())
        self.retranslate()

    def retranslate(self) -> None:
        from isodesk.services.qms.register import RiskKind, risk_kind_name

        self.plan_box.setTitle(_("Implementation plan"))
        self.task.setPlaceholderText(_("Task"))
        self.owner.setPlaceholderText(_("Who is responsible"))
        self.add_task_button.setText(_("Add"))
        self.done_button.setText(_("Done today"))
        self.plan.setHorizontalHeaderLabels([_("Task"), _("Who is responsible"), _("Deadline"), _("Done")])
        self.problem_box.setTitle(_("Problems met (noted weekly, reviewed monthly)"))
        self.problem.setPlaceholderText(_("The problem met"))
        self.problem_code.setPlaceholderText(_("Procedure code"))
        self.add_problem_button.setText(_("Add"))
        self.review_button.setText(_("Reviewed today"))
        self.problem_list.setHorizontalHeaderLabels([_("Noted on"), _("Procedure"), _("Problem"), _("Reviewed")])
        self.risk_box.setTitle(_("Risks and opportunities"))
        current = self.kind.currentData()
        self.kind.clear()
        for kind in RiskKind:
            name = risk_kind_name(kind)
            self.kind.addItem(name[:1].upper() + name[1:], kind.value)
        if current:
            self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.description.setPlaceholderText(_("Description"))
        self.action.setPlaceholderText(_("Action"))
        self.add_risk_button.setText(_("Add"))
        self.risks.setHorizontalHeaderLabels([_("Kind"), _("Description"), _("Action"), _("Review on")])
        self.legal_box.setTitle(_("Legal changes to bring in (within three months)"))
        current = self.change.currentData()
        self.change.clear()
        for key, name in CHANGES:
            self.change.addItem(_(name).capitalize(), key)
        if current:
            self.change.setCurrentIndex(max(0, self.change.findData(current)))
        self.code.setPlaceholderText(_("Procedure code"))
        self.basis.setPlaceholderText(_("Legal basis, e.g. Decision 1234/QĐ-BTP"))
        self.add_legal_button.setText(_("Add"))
        self.applied_button.setText(_("Brought in today"))
        self.legal.setHorizontalHeaderLabels(
            [_("Change"), _("Procedure"), _("Legal basis"), _("Documents updated by"), _("Done")]
        )

    def refresh(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return

        def load() -> tuple[list[Any], list[Any], list[Any], list[Any]]:
            from isodesk.services.qms.milestones import list_legal_changes
            from isodesk.services.qms.register import list_plan, list_problems, list_risks

            return list_plan(ctx), list_risks(ctx), list_legal_changes(ctx), list_problems(ctx)

        run(self, load, self._show)

    def _show(self, loaded: tuple[list[Any], list[Any], list[Any], list[Any]]) -> None:
        from isodesk.services.qms.register import risk_kind_name

        today = local_today()
        self.tasks, risks, self.changes, self.problems = loaded

        def day(value: Any) -> str:
            return short_date(value) if value else ""

        _fill(
            self.plan,
            [(t.task, t.owner, day(t.deadline), day(t.done_on)) for t in self.tasks],
            [t.overdue_on(today) for t in self.tasks],
        )
        _fill(
            self.problem_list,
            [(day(p.noted_on), p.procedure_code, p.description, day(p.reviewed_on)) for p in self.problems],
            [p.review_due_on(today) for p in self.problems],
        )
        _fill(
            self.risks,
            [(risk_kind_name(r.kind).capitalize(), r.description, r.action, day(r.review_on)) for r in risks],
            [r.closed_on is None and r.review_on is not None and today > r.review_on for r in risks],
        )
        names = {key: _(name).capitalize() for key, name in CHANGES}
        _fill(
            self.legal,
            [(names[c.change], c.procedure_code, c.basis, day(c.due), day(c.applied_on)) for c in self.changes],
            [c.applied_on is None and today > c.due for c in self.changes],
        )

    def _selected(self, table: QTableWidget, items: list[Any]) -> Any:
        rows = sorted({i.row() for i in table.selectedItems()})
        return items[rows[0]] if rows and rows[0] < len(items) else None

    def add_task(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.register import add_plan_task

        task, owner, deadline = self.task.text(), self.owner.text(), date_of(self.deadline)
        run(self, lambda: add_plan_task(ctx, task, owner, deadline), lambda _t: self.task.clear())

    def finish_task(self) -> None:
        ctx, chosen = self.ctx_of(), self._selected(self.plan, self.tasks)
        if ctx is None or chosen is None:
            return
        from isodesk.services.qms.register import finish_plan_task

        run(self, lambda: finish_plan_task(ctx, chosen.id, local_today()))

    def add_risk(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.register import add_risk

        kind, text, action, review = (
            str(self.kind.currentData()),
            self.description.text(),
            self.action.text(),
            date_of(self.review_on),
        )
        run(self, lambda: add_risk(ctx, kind, text, action, "", review), lambda _r: self.description.clear())

    def add_legal(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.milestones import add_legal_change

        change, basis, day, code = (
            str(self.change.currentData()),
            self.basis.text(),
            date_of(self.effective_on),
            self.code.text(),
        )
        run(self, lambda: add_legal_change(ctx, change, basis, day, code), lambda _c: self.basis.clear())

    def apply_legal(self) -> None:
        ctx, chosen = self.ctx_of(), self._selected(self.legal, self.changes)
        if ctx is None or chosen is None:
            return
        from isodesk.services.qms.milestones import apply_legal_change

        run(self, lambda: apply_legal_change(ctx, chosen.id, local_today()))

    def add_problem(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.register import add_problem

        text, code = self.problem.text(), self.problem_code.text()
        run(self, lambda: add_problem(ctx, text, local_today(), code), lambda _p: self.problem.clear())

    def review_problems(self) -> None:
        ctx = self.ctx_of()
        if ctx is None:
            return
        from isodesk.services.qms.register import review_problems

        run(self, lambda: review_problems(ctx, local_today()))
