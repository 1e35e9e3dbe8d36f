"""Đánh giá nội bộ: the year's programme with its coverage, planning an audit, its checklist, its findings and
corrective actions, and the management review (ISO 9001:2015 9.2, 9.3, 10.2; ISO 19011:2018).

Every rule (independence, the gates of findings and actions, the locked report) is the services'; a refusal comes
back as a message box in the user's language."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from isodesk.domain.validation import audit as va
from isodesk.i18n import _
from isodesk.i18n.dates import local_today, short_date
from isodesk.services.changes import Change
from isodesk.ui.audit.follow_up import ActionsTab, FindingsTab, ReviewTab
from isodesk.ui.messages import show_error, show_warnings
from isodesk.ui.ops import run_in_background
from isodesk.ui.page import Page
from isodesk.ui.tables import read_only_table
from isodesk.ui.validation import limit

UNCOVERED = QColor("#f6d5d5")
COVERED = QColor("#d7ecd9")


def date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    today = local_today()
    edit.setDate(QDate(today.year, today.month, today.day))
    return edit


def picked(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def cell(text: object) -> QTableWidgetItem:
    return QTableWidgetItem("" if text is None else str(text))


class AuditPage(Page):
    shows = frozenset({Change.AUDIT, Change.OFFICE, Change.STATS})

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title_msg = title
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("auditSummary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("auditTabs")
        self.programme = ProgrammeTab(self)
        self.findings = FindingsTab(self)
        self.actions = ActionsTab(self)
        self.review = ReviewTab(self)
        for tab in (self.programme, self.findings, self.actions, self.review):
            self.tabs.addTab(tab, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def refresh(self) -> None:
        if self.ctx is None:
            return
        for tab in (self.programme, self.findings, self.actions, self.review):
            tab.refresh()
        ctx = self.ctx

        def load() -> Any:
            from isodesk.services.audit.findings import audit_dashboard

            return audit_dashboard(ctx)

        self.run(load, self._summarise)

    def _summarise(self, board: Any) -> None:
        nxt = (
            _("Next audit: no. {id} on {date}").format(
                id=board.next_audit, date=short_date(date.fromisoformat(board.next_audit_date))
            )
            if board.next_audit is not None
            else _("No audit planned ahead")
        )
        self.summary.setText(
            _("{next}; open findings: {findings}; open actions (corrective actions and review decisions): {actions}, "
              "due within a week: {soon}, overdue: {overdue}.").format(
                next=nxt, findings=board.open_findings, actions=board.open_actions, soon=board.due_soon,
                overdue=board.overdue)
        )  # fmt: skip
        self.summary.setStyleSheet("color: #a01010;" if board.overdue else "")

    def retranslate(self) -> None:
        self.title.setText(_(self._title_msg))
        self.tabs.setTabText(0, _("Programme and plans"))
        self.tabs.setTabText(1, _("Findings"))
        self.tabs.setTabText(2, _("Corrective actions"))
        self.tabs.setTabText(3, _("Management review"))
        for tab in (self.programme, self.findings, self.actions, self.review):
            tab.retranslate()

    def run(self, fn: Any, on_done: Any = None) -> None:
        """A service call off the GUI thread; a refusal is shown over this page."""
        run_in_background(fn, on_done, lambda exc: show_error(self, exc))


class ProgrammeTab(QWidget):
    """The year's coverage matrix, its audits, the plan form and the selected audit's checklist."""

    def __init__(self, page: AuditPage) -> None:
        super().__init__()
        self.page = page
        self.year = QSpinBox()
        self.year.setObjectName("auditYear")
        self.year.setRange(2015, 2100)
        self.year.setValue(local_today().year)
        self.year_label = QLabel()
        self.uncovered = QLabel()
        self.uncovered.setObjectName("uncovered")
        self.uncovered.setWordWrap(True)
        self.matrix = read_only_table(0, "coverageMatrix")
        self.audits = read_only_table(5, "auditList", single_row=True)

        self.plan_box = QWidget()
        form = QFormLayout(self.plan_box)
        self.plan_date = date_edit("planDate")
        self.area = QComboBox()
        self.area.setObjectName("planArea")
        self.lead = QComboBox()
        self.lead.setObjectName("planLead")
        self.members = QListWidget()
        self.members.setObjectName("planMembers")
        self.members.setMaximumHeight(90)
        self.procedures = limit(QLineEdit(), 400)
        self.procedures.setObjectName("planProcedures")
        self.clauses = limit(QLineEdit(), 200)
        self.clauses.setObjectName("planClauses")
        self.opening = QTimeEdit(QTime.fromString(va.OPENING_TIME, "HH:mm"))
        self.opening.setObjectName("planOpening")
        self.opening.setDisplayFormat("HH:mm")
        self.closing = QTimeEdit(QTime.fromString(va.CLOSING_TIME, "HH:mm"))
        self.closing.setObjectName("planClosing")
        self.closing.setDisplayFormat("HH:mm")
        self.plan_button = QPushButton()
        self.plan_button.setObjectName("planAudit")
        self.labels = [QLabel() for _i in range(8)]
        for label, widget in zip(
            self.labels, (self.plan_date, self.area, self.lead, self.members, self.procedures, self.clauses,
                          self.opening, self.closing),
            strict=True,
        ):  # fmt: skip
            form.addRow(label, widget)
        form.addRow("", self.plan_button)

        self.checklist = read_only_table(4, "checklist", single_row=True)
        self.result = QComboBox()
        self.result.setObjectName("checkResult")
        self.evidence = limit(QLineEdit(), va.CHECK_EVIDENCE)
        self.evidence.setObjectName("checkEvidence")
        self.save_check = QPushButton()
        self.save_check.setObjectName("saveCheck")
        self.print_blank = QPushButton()
        self.print_blank.setObjectName("printChecklist")
        self.print_report = QPushButton()
        self.print_report.setObjectName("printReport")

        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addWidget(self.uncovered, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.matrix, 2)
        left_layout.addWidget(self.audits, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.plan_box)
        right_layout.addWidget(self.checklist, 1)
        check_row = QHBoxLayout()
        check_row.addWidget(self.result)
        check_row.addWidget(self.evidence, 1)
        check_row.addWidget(self.save_check)
        right_layout.addLayout(check_row)
        papers = QHBoxLayout()
        papers.addWidget(self.print_blank)
        papers.addWidget(self.print_report)
        papers.addStretch(1)
        right_layout.addLayout(papers)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.plan_button.clicked.connect(self.plan)
        self.audits.itemSelectionChanged.connect(self.show_audit)
        self.save_check.clicked.connect(self.record)
        self.print_blank.clicked.connect(lambda: self.print_paper("checklist"))
        self.print_report.clicked.connect(lambda: self.print_paper("report"))
        self.audit_id: int | None = None

    # -- loading ------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx = self.page.ctx
        if ctx is None:
            return
        year = self.year.value()

        def load() -> tuple[Any, Any, Any]:
            from isodesk.services.audit.audits import coverage, list_audits
            from isodesk.services.office.staff import list_staff

            return coverage(ctx, year), list_audits(ctx, year), list_staff(ctx)

        self.page.run(load, self._fill)

    def _fill(self, loaded: tuple[Any, Any, Any]) -> None:
        found, audits, staff = loaded
        areas = found.areas
        self.matrix.setColumnCount(len(areas))
        self.matrix.setHorizontalHeaderLabels(areas)
        self.matrix.setRowCount(len(found.clauses))
        self.matrix.setVerticalHeaderLabels(found.clauses)
        self.matrix.verticalHeader().setVisible(True)
        for r, clause in enumerate(found.clauses):
            for c, area in enumerate(areas):
                hit = area in found.matrix.get(clause, [])
                item = cell("✓" if hit else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if clause in found.clauses_uncovered:
                    item.setBackground(QBrush(UNCOVERED))
                elif hit:
                    item.setBackground(QBrush(COVERED))
                self.matrix.setItem(r, c, item)
        self.matrix.resizeColumnsToContents()
        self.uncovered.setText(
            _("Not yet audited this year: clauses {clauses}; departments {areas}.").format(
                clauses=", ".join(found.clauses_uncovered) or "—", areas=", ".join(found.areas_uncovered) or "—"
            )
        )
        self.audits.setRowCount(len(audits))
        for r, a in enumerate(audits):
            values = (a.id, short_date(date.fromisoformat(a.date)), a.area, a.lead, self._status(a.status))
            for c, value in enumerate(values):
                self.audits.setItem(r, c, cell(value))
        for column in range(self.audits.columnCount() - 1):
            self.audits.resizeColumnToContents(column)
        for combo, values in ((self.area, sorted({p.department for p in staff})), (self.lead, [p.name for p in staff])):
            keep = combo.currentText()
            combo.clear()
            combo.addItems(values)
            if keep in values:
                combo.setCurrentText(keep)
        checked = {self.members.item(i).text() for i in range(self.members.count())
                   if self.members.item(i).checkState() == Qt.CheckState.Checked}  # fmt: skip
        self.members.clear()
        for p in staff:
            item = QListWidgetItem(p.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.name in checked else Qt.CheckState.Unchecked)
            self.members.addItem(item)
        if self.audit_id is not None:
            self.load_audit(self.audit_id)

    @staticmethod
    def _status(status: str) -> str:
        return _("report issued") if status == "reported" else _("planned")

    def select_audit(self, audit_id: int) -> None:
        for r in range(self.audits.rowCount()):
            item = self.audits.item(r, 0)
            if item is not None and item.text() == str(audit_id):
                self.audits.selectRow(r)
                return

    def show_audit(self) -> None:
        rows = self.audits.selectionModel().selectedRows()
        if not rows:
            return
        item = self.audits.item(rows[0].row(), 0)
        if item is not None:
            self.load_audit(int(item.text()))

    def load_audit(self, audit_id: int) -> None:
        ctx = self.page.ctx
        if ctx is None:
            return
        self.audit_id = audit_id

        def load() -> Any:
            from isodesk.services.audit.audits import get_audit

            return get_audit(ctx, audit_id)

        self.page.run(load, self._fill_checklist)

    def _fill_checklist(self, view: Any) -> None:
        self.checklist.setRowCount(len(view.checklist))
        for r, item in enumerate(view.checklist):
            result = self.result.itemText(self.result.findData(item.result)) if item.result else ""
            where = " / ".join(x for x in (item.clause, item.procedure) if x)
            values = (item.position, where, result, item.question)  # fmt: skip
            for c, value in enumerate(values):
                widget_item = cell(value)
                widget_item.setData(Qt.ItemDataRole.UserRole, item.id)
                self.checklist.setItem(r, c, widget_item)
        for column in (0, 1, 2):
            self.checklist.resizeColumnToContents(column)
        self.checklist.resizeRowsToContents()
        self.page.findings.set_audit(view.id)

    # -- actions ------------------------------------------------------------------------------------------------
    def plan(self) -> None:
        ctx = self.page.ctx
        if ctx is None:
            return
        members = [self.members.item(i).text() for i in range(self.members.count())
                   if self.members.item(i).checkState() == Qt.CheckState.Checked]  # fmt: skip
        day, area, lead = picked(self.plan_date), self.area.currentText(), self.lead.currentText()
        procedures = [p for p in self.procedures.text().replace(";", ",").split(",") if p.strip()]
        clauses = [c for c in self.clauses.text().replace(";", ",").split(",") if c.strip()]
        opening, closing = self.opening.time().toString("HH:mm"), self.closing.time().toString("HH:mm")

        def plan() -> Any:
            from isodesk.services.audit.audits import plan_audit

            return plan_audit(ctx, day, area, lead, [m for m in members if m != lead], procedures, clauses,
                              opening=opening, closing=closing)  # fmt: skip

        def done(planned: Any) -> None:
            self.audit_id = planned.id
            if day.year != self.year.value():
                self.year.setValue(day.year)
            if planned.warnings:
                show_warnings(self, _("Audit {id} planned.").format(id=planned.id), planned.warnings)

        self.page.run(plan, done)

    def selected_check(self) -> int | None:
        rows = self.checklist.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.checklist.item(rows[0].row(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def record(self) -> None:
        ctx, item_id = self.page.ctx, self.selected_check()
        if ctx is None or item_id is None:
            return
        result, evidence = str(self.result.currentData()), self.evidence.text()

        def save() -> Any:
            from isodesk.services.audit.audits import record_check

            return record_check(ctx, item_id, result, evidence)

        self.page.run(save, lambda _row: self.evidence.clear())

    def print_paper(self, kind: str) -> Any:
        ctx, audit_id = self.page.ctx, self.audit_id
        if ctx is None or audit_id is None:
            return None
        from isodesk.ui.printing.jobs import audit_job
        from isodesk.ui.printing.preview import open_preview

        return open_preview(audit_job(ctx, kind, audit_id), self)

    def retranslate(self) -> None:
        self.year_label.setText(_("Year:"))
        self.audits.setHorizontalHeaderLabels([_("No."), _("Date"), _("Audited area"), _("Lead auditor"), _("Status")])
        self.checklist.setHorizontalHeaderLabels([_("No."), _("Clause"), _("Result"), _("Question")])
        for label, text in zip(
            self.labels,
            (_("Date:"), _("Department audited:"), _("Lead auditor:"), _("Team members:"),
             _("Procedures (codes):"), _("Clauses (e.g. 7.5, 8.5):"), _("Opening meeting:"), _("Closing meeting:")),
            strict=True,
        ):  # fmt: skip
            label.setText(text)
        self.plan_button.setText(_("Plan the audit"))
        current = self.result.currentData()
        self.result.clear()
        results = (
            ("conforms", _("Conforms")),
            ("nonconformity", _("Nonconformity")),
            ("observation", _("Observation")),
            ("improvement", _("Opportunity for improvement")),
        )
        for value, word in results:
            self.result.addItem(word, value)
        if current is not None:
            self.result.setCurrentIndex(max(0, self.result.findData(current)))
        self.evidence.setPlaceholderText(_("Evidence seen (documents, records, interviews)"))
        self.save_check.setText(_("Record the result"))
        self.print_blank.setText(_("Blank checklist…"))
        self.print_report.setText(_("Audit report…"))
