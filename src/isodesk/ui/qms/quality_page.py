"""Hệ thống chất lượng: the QMS journey first (the four steps of QĐ 19/2014/QĐ-TTg with what to do next), then a
tab per screen that does a task: scope, policy, objectives, organisation, announcement and milestones, and the
papers printed from the procedure catalogue (the QMS scope and an ISO procedure per administrative procedure)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from isodesk.i18n import N_, _
from isodesk.services.changes import Change
from isodesk.ui.ops import run_in_background
from isodesk.ui.page import Page
from isodesk.ui.qms.announcement_tab import AnnouncementTab
from isodesk.ui.qms.common import announcement_job, objectives_job, policy_job, scope_version_job
from isodesk.ui.qms.documents_tab import DocumentsTab
from isodesk.ui.qms.journey_tab import JourneyTab
from isodesk.ui.qms.objectives_tab import ObjectivesTab
from isodesk.ui.qms.organisation_tab import OrganisationTab
from isodesk.ui.qms.plan_tab import PlanTab
from isodesk.ui.qms.policy_tab import PolicyTab
from isodesk.ui.qms.scope_tab import ScopeTab

if TYPE_CHECKING:
    from isodesk.ui.printing.preview import PreviewDialog, PrintJob

#: Tabs in order: key (the journey's screen names, services.qms.journey.SCREENS) and title.
TABS = (
    ("journey", N_("QMS journey")),
    ("scope", N_("Scope")),
    ("policy", N_("Quality policy")),
    ("objectives", N_("Quality objectives")),
    ("organisation", N_("Organisation")),
    ("announcement", N_("Announcement and milestones")),
    ("plan", N_("Plan, risks, legal changes")),
    ("documents", N_("Documents")),
    ("papers", N_("Papers")),
)
SCREEN_ALIASES = {"milestones": "announcement"}


class QualityPage(Page):
    shows = frozenset({Change.QMS, Change.PROCEDURES, Change.STATS, Change.OFFICE})

    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title_msg = title
        self._description_msg = description
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.journey = JourneyTab(self.open_screen)
        self.scope = ScopeTab(lambda: self.ctx)
        self.policy = PolicyTab(lambda: self.ctx)
        self.objectives = ObjectivesTab(lambda: self.ctx)
        self.organisation = OrganisationTab(lambda: self.ctx)
        self.announcement = AnnouncementTab(lambda: self.ctx)
        self.plan = PlanTab(lambda: self.ctx)
        self.documents = DocumentsTab(lambda: self.ctx)
        self.papers = QWidget()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("qmsTabs")
        for widget in (self.journey, self.scope, self.policy, self.objectives, self.organisation,
                       self.announcement, self.plan, self.documents, self.papers):  # fmt: skip
            self.tabs.addTab(widget, "")

        self.scope_button = QPushButton()
        self.scope_button.setObjectName("printScope")
        self.procedure = QComboBox()
        self.procedure.setObjectName("isoProcedureChoice")
        self.procedure.setEditable(True)  # type to search among the procedures in scope
        self.procedure.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.procedure.setMinimumContentsLength(40)
        self.procedure_button = QPushButton()
        self.procedure_button.setObjectName("printIsoProcedure")
        self.procedure_label = QLabel()
        self.papers_box = QGroupBox()
        row = QHBoxLayout()
        row.addWidget(self.procedure_label)
        row.addWidget(self.procedure, 1)
        row.addWidget(self.procedure_button)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.scope_button)
        scope_row.addStretch(1)
        box = QVBoxLayout(self.papers_box)
        box.addLayout(scope_row)
        box.addLayout(row)
        papers = QVBoxLayout(self.papers)
        papers.addWidget(self.papers_box)
        papers.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(self.tabs, 1)
        self.scope_button.clicked.connect(lambda: self.print_scope())
        self.procedure_button.clicked.connect(lambda: self.print_procedure())
        self.scope.print_button.clicked.connect(lambda: self.print_scope())
        self.policy.print_button.clicked.connect(lambda: self.print_policy())
        self.objectives.print_button.clicked.connect(lambda: self.print_objectives())
        self.announcement.print_button.clicked.connect(lambda: self.print_announcement())
        self.tabs.currentChanged.connect(lambda _i: self._refresh_tab())
        self.retranslate()

    # -- loading ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        from isodesk.services.qms.journey import qms_status

        run_in_background(lambda: qms_status(ctx), self.journey.show_view)

        def in_scope() -> list[tuple[str, str]]:
            from isodesk.services.ledger.procedures import list_procedures

            return [(p.code, p.name) for p in list_procedures(ctx) if p.in_scope]

        run_in_background(in_scope, self._fill)
        self._refresh_tab()

    def _refresh_tab(self) -> None:
        tab: Any = self.tabs.currentWidget()
        if tab is not self.journey and hasattr(tab, "refresh"):
            tab.refresh()

    def _fill(self, procedures: list[tuple[str, str]]) -> None:
        self.procedure.clear()
        for code, name in procedures:
            self.procedure.addItem(f"{name} ({code})", code)
        self.procedure_button.setEnabled(bool(procedures))

    def open_screen(self, screen: str) -> None:
        """Show the tab that does a task of the journey."""
        key = SCREEN_ALIASES.get(screen, screen)
        index = [k for k, _t in TABS].index(key)
        self.tabs.setCurrentIndex(index)

    # -- papers -----------------------------------------------------------------------------------------
    def _preview(self, job: PrintJob) -> PreviewDialog:
        from isodesk.ui.printing.preview import open_preview

        return open_preview(job, self)

    def print_scope(self) -> PreviewDialog | None:
        if self.ctx is None:
            return None
        return self._preview(scope_version_job(self.ctx))

    def print_procedure(self, code: str | None = None) -> PreviewDialog | None:
        code = code or self.procedure.currentData()
        if self.ctx is None or not code:
            return None
        from isodesk.ui.printing.jobs import iso_procedure_job

        return self._preview(iso_procedure_job(self.ctx, code))

    def print_policy(self) -> PreviewDialog | None:
        return self._preview(policy_job(self.ctx)) if self.ctx is not None else None

    def print_objectives(self) -> PreviewDialog | None:
        if self.ctx is None:
            return None
        return self._preview(objectives_job(self.ctx, self.objectives.year.value()))

    def print_announcement(self) -> PreviewDialog | None:
        return self._preview(announcement_job(self.ctx)) if self.ctx is not None else None

    def retranslate(self) -> None:
        self.title.setText(_(self._title_msg))
        self.description.setText(_(self._description_msg) if self._description_msg else "")
        self.description.setVisible(bool(self._description_msg))
        for index, (_key, title) in enumerate(TABS):
            self.tabs.setTabText(index, _(title))
        for tab in (
            self.scope,
            self.policy,
            self.objectives,
            self.organisation,
            self.announcement,
            self.plan,
            self.documents,
        ):
            tab.retranslate()
        if self.journey.view is not None:
            self.journey.show_view(self.journey.view)
        self.papers_box.setTitle(_("Papers printed from the procedure catalogue"))
        self.scope_button.setText(_("Scope of the quality system…"))
        self.procedure_label.setText(_("ISO procedure of:"))
        self.procedure_button.setText(_("Print…"))
