"""Where the office stands on its QMS journey (:mod:`isodesk.domain.qms.journey`): the facts read from the records
in one session, the tasks computed for the day given (never the PC's clock inside the rules), and the year's
objectives."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from isodesk.db.models import Procedure, QmsObjective, QmsPolicy, QmsRole, QmsTraining, Setting
from isodesk.domain.qms.journey import PHASE_NAMES, Facts, Task, TaskKey, TaskState, journey
from isodesk.domain.qms.policy import PolicyState
from isodesk.i18n import N_, _
from isodesk.i18n.dates import local_today
from isodesk.services.audit.reviews import read_held_records
from isodesk.services.context import AppContext
from isodesk.services.qms.announcements import read_announcements
from isodesk.services.qms.milestones import MilestoneKind, read_legal_changes, read_milestones
from isodesk.services.qms.objectives import ObjectiveView, read_objectives
from isodesk.services.qms.organisation import QmsRoleKind
from isodesk.services.qms.scope import read_scope_versions, scope_changes

#: The screen of the QMS area that does each task (the page's buttons open it).
SCREENS: dict[TaskKey, str] = {
    TaskKey.ORGANISATION: "organisation",
    TaskKey.SCOPE: "scope",
    TaskKey.POLICY: "policy",
    TaskKey.OBJECTIVES: "objectives",
    TaskKey.PROCEDURES: "papers",
    TaskKey.TRAINING: "organisation",
    TaskKey.FIRST_AUDIT: "milestones",
    TaskKey.FIRST_REVIEW: "milestones",
    TaskKey.EFFECTIVENESS: "milestones",
    TaskKey.ANNOUNCEMENT: "announcement",
    TaskKey.NOTIFICATION: "announcement",
    TaskKey.YEARLY_AUDIT: "milestones",
    TaskKey.YEARLY_REVIEW: "milestones",
    TaskKey.LEGAL_UPDATES: "plan",
    TaskKey.REANNOUNCEMENT: "announcement",
}
STATE_NAMES = {TaskState.DONE: N_("done"), TaskState.TODO: N_("to do"), TaskState.OVERDUE: N_("overdue")}


def task_state_name(state: TaskState | str) -> str:
    return _(STATE_NAMES[TaskState(state)])


def phase_name(task: Task) -> str:
    return _(PHASE_NAMES[task.phase])


@dataclass(frozen=True)
class JourneyView:
    today: date
    tasks: tuple[Task, ...]
    announced_on: date | None
    objectives: tuple[ObjectiveView, ...]

    @property
    def overdue(self) -> list[Task]:
        return [t for t in self.tasks if t.state is TaskState.OVERDUE]

    def to_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "steps": [
                {
                    "key": t.key.value,
                    "title": _(t.title),
                    "state": t.state.value,
                    "due": t.due.isoformat() if t.due else None,
                    "phase": t.phase.value,
                    "next": _(t.next_action),
                    "done_on": t.done_on.isoformat() if t.done_on else None,
                }
                for t in self.tasks
            ],
            "announced_on": self.announced_on.isoformat() if self.announced_on else None,
            "objectives": [o.brief() for o in self.objectives],
        }


def _procedures_issued(session: Session) -> bool:
    """Every procedure in scope has an issue of its ISO procedure recorded (printing one records it)."""
    in_scope = set(
        session.execute(
            select(Procedure.code).where(Procedure.in_scope.is_(True), Procedure.active.is_(True))
        ).scalars()
    )
    issued = {
        key.removeprefix("qms.procedure_issues.")
        for key in session.execute(select(Setting.key).where(Setting.key.like("qms.procedure_issues.%"))).scalars()
    }
    return bool(in_scope) and in_scope <= issued


def _days(*sources: Iterable[date]) -> tuple[date, ...]:
    """The days of several records of the same milestone, once each, in order."""
    return tuple(sorted({day for source in sources for day in source}))


def read_facts(session: Session) -> Facts:
    roles = set(session.execute(select(QmsRole.role).distinct()).scalars())
    organised = {QmsRoleKind.COMMITTEE.value, QmsRoleKind.REPRESENTATIVE.value, QmsRoleKind.SECRETARY.value} <= roles
    scopes = read_scope_versions(session)
    changes = scope_changes(scopes)
    approved = session.execute(
        select(func.min(QmsPolicy.approved_on)).where(
            QmsPolicy.state.in_([PolicyState.APPROVED.value, PolicyState.SUPERSEDED.value])
        )
    ).scalar()
    years = frozenset(
        session.execute(select(QmsObjective.year).where(QmsObjective.active.is_(True)).distinct()).scalars()
    )
    trained = session.execute(select(func.count()).select_from(QmsTraining)).scalar_one() > 0
    milestones = read_milestones(session)
    held = read_held_records(session)  # the audits and reviews run in the program; milestones record those on paper
    announcements = read_announcements(session)
    latest = announcements[-1] if announcements else None
    return Facts(
        organised=organised,
        scope_set_on=scopes[0].set_on if scopes else None,
        scope_changed_on=changes[-1] if changes else None,
        policy_approved_on=approved,
        objectives_years=years,
        procedures_issued=_procedures_issued(session),
        trained=trained,
        audits=_days(held.audits, (m.held_on for m in milestones if m.kind == MilestoneKind.AUDIT.value)),
        reviews=_days(held.reviews, (m.held_on for m in milestones if m.kind == MilestoneKind.REVIEW.value)),
        effective_on=min(
            (
                d
                for d in (
                    held.effective_on,
                    *(m.held_on for m in milestones if m.kind == MilestoneKind.EFFECTIVENESS.value),
                )
                if d
            ),
            default=None,
        ),
        announced_on=latest.announced_on if latest else None,
        first_announced_on=announcements[0].announced_on if announcements else None,
        notified_on=latest.notified_on if latest else None,
        pending_legal=tuple(c.effective_on for c in read_legal_changes(session) if c.applied_on is None),
    )


def qms_status(ctx: AppContext, today: date | None = None) -> JourneyView:
    """The journey's tasks on ``today`` (default: today in Vietnam), the latest announcement and this year's
    objectives computed now."""
    today = today or local_today()
    with ctx.read() as s:
        facts = read_facts(s)
        objectives = read_objectives(s, today.year, today)
    return JourneyView(today, tuple(journey(facts, today)), facts.announced_on, tuple(objectives))


def overdue_obligations(ctx: AppContext, today: date | None = None) -> list[Task]:
    """The journey's overdue tasks only (the Overview's warning)."""
    today = today or local_today()
    with ctx.read() as s:
        facts = read_facts(s)
    return [t for t in journey(facts, today) if t.state is TaskState.OVERDUE]
