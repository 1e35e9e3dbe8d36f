"""The follow-up of audits: findings, corrective actions (due and overdue ones stand out) and the management review
(ISO 9001:2015 10.2, 9.3)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from isodesk.domain.validation import audit as va
from isodesk.i18n import _
from isodesk.i18n.dates import local_today, short_date
from isodesk.services.audit.names import grade_name
from isodesk.ui.tables import read_only_table
from isodesk.ui.validation import limit

if TYPE_CHECKING:
    from isodesk.services.context import AppContext


class AuditPage(Protocol):
    """What a tab asks of the page that holds it: the open office, a background call, the findings tab."""

    ctx: AppContext | None
    findings: FindingsTab

    def run(self, fn: Any, on_done: Any = None) -> None: ...


OVERDUE = QColor("#f6d5d5")
DUE_SOON = QColor("#fbeecb")


def _date_edit(name: str, days_ahead: int = 0) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    today = QDate.fromString(local_today().isoformat(), Qt.DateFormat.ISODate).addDays(days_ahead)
    edit.setDate(today)
    return edit


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _cell(value: object) -> QTableWidgetItem:
    return QTableWidgetItem("" if value is None else str(value))


def _iso_day(value: str) -> str:
    """ "16/11/2026" for a stored "2026-11-16": a date as offices read it."""
    return short_date(date.fromisoformat(value)) if value else ""


def _selected_id(table: Any) -> int | None:
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    return int(item.text()) if item is not None and item.text().isdigit() else None


class FindingsTab(QWidget):
    def __init__(self, page: AuditPage) -> None:
        super().__init__()
        self.page = page
        self.audit_id: int | None = None
        self.table = read_only_table(6, "findingList", single_row=True)
        self.audit_label = QLabel()
        self.audit_label.setObjectName("findingAudit")
        self.grade = QComboBox()
        self.grade.setObjectName("findingGrade")
        self.clause = limit(QLineEdit(), va.CLAUSE_LENGTH)
        self.clause.setObjectName("findingClause")
        self.procedure = limit(QLineEdit(), 40)
        self.procedure.setObjectName("findingProcedure")
        self.evidence = limit(QLineEdit(), va.EVIDENCE)
        self.evidence.setObjectName("findingEvidence")
        self.add = QPushButton()
        self.add.setObjectName("addFinding")
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeFinding")
        self.labels = [QLabel() for _i in range(4)]
        form = QFormLayout()
        form.addRow("", self.audit_label)
        for label, widget in zip(self.labels, (self.grade, self.clause, self.procedure, self.evidence), strict=True):
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.add.clicked.connect(self.add_finding)
        self.close_button.clicked.connect(self.close_finding)

    def set_audit(self, audit_id: int | None) -> None:
        self.audit_id = audit_id
        self.retranslate()

    def refresh(self) -> None:
        ctx = self.page.ctx
        if ctx is None:
            return

        def load() -> Any:
            from isodesk.services.audit.findings import list_findings

            return list_findings(ctx)

        self.page.run(load, self._fill)

    def _fill(self, rows: Any) -> None:
        self.table.setRowCount(len(rows))
        for r, f in enumerate(rows):
            values = (f.id, f.audit or "—", grade_name(f.grade), f.clause,
                      _("closed") if f.status == "closed" else _("open"), f.evidence)  # fmt: skip
            for c, value in enumerate(values):
                self.table.setItem(r, c, _cell(value))
        for column in range(self.table.columnCount() - 1):
            self.table.resizeColumnToContents(column)

    def add_finding(self) -> None:
        ctx = self.page.ctx
        if ctx is None:
            return
        audit_id, grade = self.audit_id, str(self.grade.currentData())
        clause, evidence, procedure = self.clause.text(), self.evidence.text(), self.procedure.text()

        def add() -> Any:
            from isodesk.services.audit.findings import add_finding

            return add_finding(ctx, audit_id, grade, clause, evidence, procedure)

        def done(_row: Any) -> None:
            self.evidence.clear()

        self.page.run(add, done)

    def close_finding(self) -> None:
        ctx, finding_id = self.page.ctx, _selected_id(self.table)
        if ctx is None or finding_id is None:
            return

        def close() -> Any:
            from isodesk.services.audit.findings import close_finding

            return close_finding(ctx, finding_id)

        self.page.run(close)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [_("No."), _("Audit"), _("Grade"), _("Clause"), _("Status"), _("Evidence")]
        )
        self.audit_label.setText(
            _("New findings are recorded for audit {id}.").format(id=self.audit_id)
            if self.audit_id is not None
            else _("Choose an audit on the first tab; without one, a finding is raised outside audits.")
        )
        for label, text in zip(self.labels, (_("Grade:"), _("Clause:"), _("Procedure (code):"), _("Evidence:")),
                               strict=True):  # fmt: skip
            label.setText(text)
        current = self.grade.currentData()
        self.grade.clear()
        for value in ("major", "minor", "observation", "improvement"):
            self.grade.addItem(grade_name(value), value)
        if current is not None:
            self.grade.setCurrentIndex(max(0, self.grade.findData(current)))
        self.add.setText(_("Record the finding"))
        self.close_button.setText(_("Close the finding"))


class ActionsTab(QWidget):
    def __init__(self, page: AuditPage) -> None:
        super().__init__()
        self.page = page
        self.table = read_only_table(7, "actionList", single_row=True)
        self.finding = QLineEdit()
        self.finding.setObjectName("actionFinding")
        self.owner = QComboBox()
        self.owner.setObjectName("actionOwner")
        self.due = _date_edit("actionDue", 30)
        self.plan = limit(QLineEdit(), va.ACTION_PLAN)
        self.plan.setObjectName("actionPlan")
        self.cause = limit(QLineEdit(), va.ROOT_CAUSE)
        self.cause.setObjectName("actionCause")
        self.add = QPushButton()
        self.add.setObjectName("addAction")
        self.done = QPushButton()
        self.done.setObjectName("actionDone")
        self.verifier = QComboBox()
        self.verifier.setObjectName("actionVerifier")
        self.effective = QPushButton()
        self.effective.setObjectName("verifyEffective")
        self.not_effective = QPushButton()
        self.not_effective.setObjectName("verifyNotEffective")
        self.labels = [QLabel() for _i in range(6)]
        form = QFormLayout()
        for label, widget in zip(self.labels[:5], (self.finding, self.owner, self.due, self.plan, self.cause),
                                 strict=True):  # fmt: skip
            form.addRow(label, widget)
        form.addRow("", self.add)
        verify = QHBoxLayout()
        verify.addWidget(self.done)
        verify.addSpacing(20)
        verify.addWidget(self.labels[5])
        verify.addWidget(self.verifier, 1)
        verify.addWidget(self.effective)
        verify.addWidget(self.not_effective)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(verify)
        layout.addLayout(form)
        self.add.clicked.connect(self.add_action)
        self.done.clicked.connect(self.mark_done)
        self.effective.clicked.connect(lambda: self.verify(True))
        self.not_effective.clicked.connect(lambda: self.verify(False))

    def refresh(self) -> None:
        ctx = self.page.ctx
        if ctx is None:
            return

        def load() -> Any:
            from isodesk.services.audit.findings import list_actions
            from isodesk.services.office.staff import list_staff

            return list_actions(ctx), list_staff(ctx)

        self.page.run(load, self._fill)

    def _fill(self, loaded: Any) -> None:
        rows, staff = loaded
        today = local_today()
        self.table.setRowCount(len(rows))
        words = {"open": _("open"), "done": _("done, to verify"), "verified": _("verified effective")}
        for r, a in enumerate(rows):
            values = (a.id, a.finding, a.owner, short_date(date.fromisoformat(a.due)),
                      words.get(a.status, a.status), a.verified_by, a.plan)  # fmt: skip
            soon = a.status == "open" and (date.fromisoformat(a.due) - today).days <= 7
            for c, value in enumerate(values):
                item = _cell(value)
                if a.overdue:
                    item.setBackground(QBrush(OVERDUE))
                elif soon:
                    item.setBackground(QBrush(DUE_SOON))
                self.table.setItem(r, c, item)
        for column in range(self.table.columnCount() - 1):
            self.table.resizeColumnToContents(column)
        for combo in (self.owner, self.verifier):
            keep = combo.currentText()
            combo.clear()
            combo.addItems([p.name for p in staff])
            if keep:
                combo.setCurrentText(keep)

    def add_action(self) -> None:
        ctx = self.page.ctx
        if ctx is None or not self.finding.text().strip().isdigit():
            return
        finding_id, owner, due = int(self.finding.text()), self.owner.currentText(), _day(self.due)
        plan, cause = self.plan.text(), self.cause.text()

        def add() -> Any:
            from isodesk.services.audit.findings import add_action

            return add_action(ctx, finding_id, owner, due, plan, cause)

        self.page.run(add, lambda _row: (self.plan.clear(), self.cause.clear()))

    def mark_done(self) -> None:
        ctx, action_id = self.page.ctx, _selected_id(self.table)
        if ctx is None or action_id is None:
            return

        def done() -> Any:
            from isodesk.services.audit.findings import complete_action

            return complete_action(ctx, action_id)

        self.page.run(done)

    def verify(self, effective: bool) -> None:
        ctx, action_id, by = self.page.ctx, _selected_id(self.table), self.verifier.currentText()
        if ctx is None or action_id is None:
            return

        def verify() -> Any:
            from isodesk.services.audit.findings import verify_action

            return verify_action(ctx, action_id, by, effective)

        self.page.run(verify)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [_("No."), _("Finding"), _("Owner"), _("Due date"), _("Status"), _("Verified by"), _("Action plan")]
        )
        for label, text in zip(self.labels, (_("Finding no.:"), _("Owner:"), _("Due:"), _("Action plan:"),
                                             _("Root cause (ask “why?” five times):"), _("Verified by:")),
                               strict=True):  # fmt: skip
            label.setText(text)
        self.add.setText(_("Plan the corrective action"))
        self.done.setText(_("Mark done"))
        self.effective.setText(_("Effective"))
        self.not_effective.setText(_("Not effective"))


class ReviewTab(QWidget):
    def __init__(self, page: AuditPage) -> None:
        super().__init__()
        self.page = page
        self.day = _date_edit("reviewDate")
        self.start = QPushButton()
        self.start.setObjectName("startReview")
        self.reviews = read_only_table(4, "reviewList", single_row=True)
        self.inputs = QPlainTextEdit()
        self.inputs.setObjectName("reviewInputs")
        self.inputs.setReadOnly(True)
        self.day_label = QLabel()
        self.minutes = QPlainTextEdit()
        self.minutes.setObjectName("reviewMinutes")
        self.decisions = QPlainTextEdit()
        self.decisions.setObjectName("reviewDecisions")
        self.save = QPushButton()
        self.save.setObjectName("saveReview")
        self.chair = QComboBox()
        self.chair.setObjectName("reviewChair")
        self.effective = QPushButton()
        self.effective.setObjectName("confirmEffective")
        self.not_effective = QPushButton()
        self.not_effective.setObjectName("confirmNotEffective")
        self.print_minutes = QPushButton()
        self.print_minutes.setObjectName("printMinutes")
        self.minutes_label, self.decisions_label, self.chair_label = QLabel(), QLabel(), QLabel()
        # The decisions tracked as actions (ISO 9001:2015 9.3.3): text, owner, due date; marked done later.
        self.decision_table = read_only_table(5, "decisionList", single_row=True)
        self.decision_text = limit(QLineEdit(), va.DECISION)
        self.decision_text.setObjectName("decisionText")
        self.decision_owner = QComboBox()
        self.decision_owner.setObjectName("decisionOwner")
        self.decision_due = _date_edit("decisionDue", 30)
        self.add_decision = QPushButton()
        self.add_decision.setObjectName("addDecision")
        self.decision_done = QPushButton()
        self.decision_done.setObjectName("decisionDone")
        self.decision_label, self.owner_label, self.due_label = QLabel(), QLabel(), QLabel()
        row = QHBoxLayout()
        row.addWidget(self.day_label)
        row.addWidget(self.day)
        row.addWidget(self.start)
        row.addStretch(1)
        texts = QHBoxLayout()
        for label, edit in ((self.minutes_label, self.minutes), (self.decisions_label, self.decisions)):
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(edit)
            texts.addLayout(column)
        confirm = QHBoxLayout()
        confirm.addWidget(self.save)
        confirm.addSpacing(20)
        confirm.addWidget(self.chair_label)
        confirm.addWidget(self.chair, 1)
        confirm.addWidget(self.effective)
        confirm.addWidget(self.not_effective)
        confirm.addWidget(self.print_minutes)
        decide = QHBoxLayout()
        decide.addWidget(self.decision_label)
        decide.addWidget(self.decision_text, 3)
        decide.addWidget(self.owner_label)
        decide.addWidget(self.decision_owner, 1)
        decide.addWidget(self.due_label)
        decide.addWidget(self.decision_due)
        decide.addWidget(self.add_decision)
        decide.addSpacing(20)
        decide.addWidget(self.decision_done)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.reviews, 1)
        layout.addWidget(self.inputs, 2)
        layout.addLayout(texts, 1)
        layout.addWidget(self.decision_table, 1)
        layout.addLayout(decide)
        layout.addLayout(confirm)
        self.start.clicked.connect(self.start_review)
        self.reviews.itemSelectionChanged.connect(self.show_review)
        self.save.clicked.connect(self.save_review)
        self.effective.clicked.connect(lambda: self.confirm(True))
        self.not_effective.clicked.connect(lambda: self.confirm(False))
        self.print_minutes.clicked.connect(lambda: self.print_review())
        self.add_decision.clicked.connect(self.decide)
        self.decision_done.clicked.connect(self.mark_decision_done)
        self._loaded: list[Any] = []

    def refresh(self) -> None:
        ctx = self.page.ctx
        if ctx is None:
            return

        def load() -> Any:
            from isodesk.services.audit.reviews import list_reviews
            from isodesk.services.office.staff import list_staff

            return list_reviews(ctx), list_staff(ctx)

        self.page.run(load, self._fill)

    def _fill(self, loaded: Any) -> None:
        reviews, staff = loaded
        for combo in (self.chair, self.decision_owner):
            keep = combo.currentText()
            combo.clear()
            combo.addItems([p.name for p in staff])
            if keep:
                combo.setCurrentText(keep)
        selected = _selected_id(self.reviews)
        self._loaded = reviews
        self.reviews.setRowCount(len(reviews))
        for r, review in enumerate(reviews):
            confirmed = "" if review.effective is None else (_("effective") if review.effective else _("not effective"))
            for c, value in enumerate(
                (
                    review.id,
                    _iso_day(review.date),
                    f"{_iso_day(review.period_from)} – {_iso_day(review.period_to)}",
                    confirmed,
                )
            ):
                self.reviews.setItem(r, c, _cell(value))
        if reviews:
            ids = [review.id for review in reviews]
            self.reviews.blockSignals(True)  # shown once below, whether the selected row changed or not
            self.reviews.selectRow(ids.index(selected) if selected in ids else len(reviews) - 1)
            self.reviews.blockSignals(False)
            self.show_review()

    def show_review(self) -> None:
        review_id = _selected_id(self.reviews)
        for review in self._loaded:
            if review.id == review_id:
                self.inputs.setPlainText(describe_inputs(review.inputs))
                self.minutes.setPlainText(review.minutes)
                self.decisions.setPlainText(review.decisions)
        self.load_decisions(review_id)

    def load_decisions(self, review_id: int | None) -> None:
        ctx = self.page.ctx
        if ctx is None or review_id is None:
            self._fill_decisions([])
            return

        def load() -> Any:
            from isodesk.services.audit.decisions import list_decisions

            return list_decisions(ctx, review_id=review_id)

        self.page.run(load, self._fill_decisions)

    def _fill_decisions(self, rows: Any) -> None:
        """The review's decisions, open ones first by due date; overdue ones stand out as corrective actions do."""
        today = local_today()
        self.decision_table.setRowCount(len(rows))
        for r, d in enumerate(rows):
            due = date.fromisoformat(d.due)
            status = (
                _("done on {date}").format(date=short_date(date.fromisoformat(d.done_on)))
                if d.status == "done" and d.done_on
                else _("overdue")
                if d.overdue
                else _("open")
            )
            soon = d.status == "open" and (due - today).days <= 7
            for c, value in enumerate((d.id, d.text, d.owner, short_date(due), status)):
                item = _cell(value)
                if d.overdue:
                    item.setBackground(QBrush(OVERDUE))
                elif soon:
                    item.setBackground(QBrush(DUE_SOON))
                self.decision_table.setItem(r, c, item)
        self.decision_table.resizeColumnToContents(0)

    def decide(self) -> None:
        ctx, review_id = self.page.ctx, _selected_id(self.reviews)
        if ctx is None or review_id is None:
            return
        text, owner, due = self.decision_text.text(), self.decision_owner.currentText(), _day(self.decision_due)

        def add() -> Any:
            from isodesk.services.audit.decisions import add_decision

            return add_decision(ctx, review_id, text, owner, due)

        self.page.run(add, lambda _row: self.decision_text.clear())

    def mark_decision_done(self) -> None:
        ctx, decision_id = self.page.ctx, _selected_id(self.decision_table)
        if ctx is None or decision_id is None:
            return

        def done() -> Any:
            from isodesk.services.audit.decisions import complete_decision

            return complete_decision(ctx, decision_id)

        self.page.run(done)

    def save_review(self) -> None:
        ctx, review_id = self.page.ctx, _selected_id(self.reviews)
        if ctx is None or review_id is None:
            return
        minutes, decisions = self.minutes.toPlainText(), self.decisions.toPlainText()

        def save() -> Any:
            from isodesk.services.audit.reviews import edit_review

            return edit_review(ctx, review_id, minutes, decisions)

        self.page.run(save)

    def confirm(self, effective: bool) -> None:
        ctx, review_id, by = self.page.ctx, _selected_id(self.reviews), self.chair.currentText()
        if ctx is None or review_id is None:
            return

        def confirm() -> Any:
            from isodesk.services.audit.reviews import confirm_effectiveness

            return confirm_effectiveness(ctx, review_id, by, effective)

        self.page.run(confirm)

    def print_review(self) -> Any:
        ctx, review_id = self.page.ctx, _selected_id(self.reviews)
        if ctx is None or review_id is None:
            return None
        from isodesk.ui.printing.jobs import review_minutes_job
        from isodesk.ui.printing.preview import open_preview

        return open_preview(review_minutes_job(ctx, review_id), self)

    def start_review(self) -> None:
        ctx, day = self.page.ctx, _day(self.day)
        if ctx is None:
            return

        def start() -> Any:
            from isodesk.services.audit.reviews import start_review

            return start_review(ctx, day)

        self.page.run(start)

    def retranslate(self) -> None:
        self.day_label.setText(_("Meeting date:"))
        self.start.setText(_("Gather the inputs and open the review"))
        self.reviews.setHorizontalHeaderLabels([_("No."), _("Date"), _("Period"), _("QMS effective")])
        self.minutes_label.setText(_("Discussion (the chair's draft):"))
        self.decisions_label.setText(_("Decisions (one per line):"))
        self.save.setText(_("Save the minutes"))
        self.chair_label.setText(_("Head who confirms:"))
        self.effective.setText(_("QMS effective"))
        self.not_effective.setText(_("Not yet effective"))
        self.print_minutes.setText(_("Minutes…"))
        self.decision_table.setHorizontalHeaderLabels([_("No."), _("Decision"), _("Owner"), _("Due date"), _("Status")])
        self.decision_label.setText(_("Decision:"))
        self.owner_label.setText(_("Owner:"))
        self.due_label.setText(_("Due:"))
        self.add_decision.setText(_("Add the decision"))
        self.decision_done.setText(_("Mark the decision done"))


def describe_inputs(inputs: dict[str, Any]) -> str:
    """The inputs of a review as the chair reads them (ISO 9001:2015 9.3.2)."""
    ledger, audits, findings, actions = inputs["ledger"], inputs["audits"], inputs["findings"], inputs["actions"]
    rate = ledger["on_time_rate"]
    sat = ledger["satisfaction"]
    lines = [
        _("Period: {start} – {end}").format(
            start=short_date(date.fromisoformat(inputs["period"]["from"])),
            end=short_date(date.fromisoformat(inputs["period"]["to"])),
        ),
        _("Dossiers received {received}, settled {settled}, late {late}; on-time rate {rate}.").format(
            received=ledger["received"], settled=ledger["settled"], late=ledger["late"],
            rate="—" if rate is None else f"{rate * 100:.1f} %",
        ),
        _("Satisfaction: very satisfied {a}, satisfied {b}, neutral {c}, dissatisfied {d}.").format(
            a=sat["very_satisfied"], b=sat["satisfied"], c=sat["neutral"], d=sat["dissatisfied"]
        ),
        _("Internal audits: {count} ({reported} with an issued report).").format(**audits),
        _("Findings: {major} major, {minor} minor, {observation} observations, {improvement} opportunities; "
          "{open} still open.").format(**findings["by_grade"], open=findings["open"]),
        _("Corrective actions: {open} open ({overdue} overdue), {done} to verify, {verified} verified effective, "
          "{not_effective} found not effective.").format(**actions),
        "",
        _("For the chair to write: changes in issues, objectives against targets, external providers, resources, "
          "risks and opportunities, improvements."),
    ]  # fmt: skip
    if inputs.get("previous_review"):
        lines.insert(1, _("Previous review: {date}; its decisions: {decisions}").format(**inputs["previous_review"]))
    earlier = inputs.get("previous_decisions") or []
    for n, d in enumerate(earlier):
        status = _("done") if d["status"] == "done" else _("overdue") if d["overdue"] else _("open")
        lines.insert(2 + n, _("  Decision of {date}: {text} — {owner}, due {due}: {status}").format(
            date=short_date(date.fromisoformat(d["review_date"])), text=d["text"], owner=d["owner"],
            due=short_date(date.fromisoformat(d["due"])), status=status,
        ))  # fmt: skip
    return "\n".join(lines)
