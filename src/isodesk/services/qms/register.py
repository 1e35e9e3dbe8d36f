"""The implementation plan (the seed plans' documentation plan: task, owner, deadline, done), the log of problems met
while applying the procedures (noted weekly, reviewed monthly) and the register of risks and opportunities
(ISO 9001:2015 6.1: each with the action taken and when it is reviewed again)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import QmsPlanTask, QmsProblem, QmsRisk
from isodesk.domain import validation as v
from isodesk.domain.permissions import Permission
from isodesk.domain.qms import texts as t
from isodesk.domain.qms.problems import review_due
from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.i18n.dates import short_date
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.ledger.procedures import read_procedure


class RiskKind(StrEnum):
    RISK = "risk"
    OPPORTUNITY = "opportunity"


RISK_KIND_NAMES = {RiskKind.RISK: N_("risk"), RiskKind.OPPORTUNITY: N_("opportunity")}


def risk_kind_name(kind: RiskKind | str) -> str:
    return _(RISK_KIND_NAMES[RiskKind(kind)])


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True)
class PlanTask:
    id: int
    task: str
    owner: str
    deadline: date | None
    done_on: date | None

    def overdue_on(self, today: date) -> bool:
        return self.done_on is None and self.deadline is not None and today > self.deadline

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "task": self.task, "owner": self.owner, "deadline": _iso(self.deadline),
                "done_on": _iso(self.done_on)}  # fmt: skip


@dataclass(frozen=True)
class Risk:
    id: int
    kind: str
    description: str
    action: str
    owner: str
    review_on: date | None
    closed_on: date | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "description": self.description, "action": self.action,
                "owner": self.owner, "review_on": _iso(self.review_on), "closed_on": _iso(self.closed_on)}  # fmt: skip


def read_plan(session: Session) -> list[PlanTask]:
    rows = session.execute(select(QmsPlanTask).order_by(QmsPlanTask.deadline, QmsPlanTask.id)).scalars()
    return [PlanTask(r.id, r.task, r.owner, r.deadline, r.done_on) for r in rows]


def list_plan(ctx: AppContext) -> list[PlanTask]:
    with ctx.read() as s:
        return read_plan(s)


def add_plan_task(ctx: AppContext, task: str, owner: str = "", deadline: date | None = None) -> PlanTask:
    clean_task, clean_owner = check(v.text, task, t.TASK), check(v.text, owner, t.OWNER)
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        row = QmsPlanTask(task=clean_task, owner=clean_owner, deadline=deadline)
        s.add(row)
        s.flush()
        return PlanTask(row.id, row.task, row.owner, row.deadline, row.done_on)


def finish_plan_task(ctx: AppContext, task_id: int, on: date) -> PlanTask:
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        row = s.get(QmsPlanTask, task_id)
        if row is None:
            raise UserError(_("There is no task number {id} in the plan.").format(id=task_id))
        row.done_on = on
        s.flush()
        return PlanTask(row.id, row.task, row.owner, row.deadline, row.done_on)


def read_risks(session: Session) -> list[Risk]:
    rows = session.execute(select(QmsRisk).order_by(QmsRisk.review_on, QmsRisk.id)).scalars()
    return [Risk(r.id, r.kind, r.description, r.action, r.owner, r.review_on, r.closed_on) for r in rows]


def list_risks(ctx: AppContext) -> list[Risk]:
    with ctx.read() as s:
        return read_risks(s)


def add_risk(
    ctx: AppContext, kind: str, description: str, action: str = "", owner: str = "", review_on: date | None = None
) -> Risk:
    try:
        clean_kind = RiskKind(kind)
    except ValueError:
        raise UserError(_("Unknown kind “{value}”: use risk or opportunity.").format(value=kind)) from None
    clean = check(v.text, description, t.RISK)
    clean_action, clean_owner = check(v.text, action, t.PLAN), check(v.text, owner, t.OWNER)
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        row = QmsRisk(kind=clean_kind.value, description=clean, action=clean_action, owner=clean_owner,
                      review_on=review_on)  # fmt: skip
        s.add(row)
        s.flush()
        return Risk(row.id, row.kind, row.description, row.action, row.owner, row.review_on, row.closed_on)


@dataclass(frozen=True)
class Problem:
    id: int
    noted_on: date
    procedure_code: str
    description: str
    action: str
    reviewed_on: date | None
    review_note: str

    def review_due_on(self, today: date) -> bool:
        return review_due(self.noted_on, self.reviewed_on, today)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "noted_on": self.noted_on.isoformat(), "procedure": self.procedure_code,
                "description": self.description, "action": self.action, "reviewed_on": _iso(self.reviewed_on),
                "review_note": self.review_note}  # fmt: skip


def _problem(r: QmsProblem) -> Problem:
    return Problem(r.id, r.noted_on, r.procedure_code, r.description, r.action, r.reviewed_on, r.review_note)


def read_problems(session: Session, *, open_only: bool = False) -> list[Problem]:
    """The log, newest first; ``open_only``: those no review has recorded yet."""
    query = select(QmsProblem).order_by(QmsProblem.noted_on.desc(), QmsProblem.id.desc())
    if open_only:
        query = query.where(QmsProblem.reviewed_on.is_(None))
    return [_problem(r) for r in session.execute(query).scalars()]


def list_problems(ctx: AppContext, *, open_only: bool = False) -> list[Problem]:
    with ctx.read() as s:
        return read_problems(s, open_only=open_only)


def add_problem(ctx: AppContext, description: str, noted_on: date, procedure: str = "", action: str = "") -> Problem:
    """Note a problem met in the week (with the procedure it concerns, if one, and what was done about it)."""
    clean = check(v.text, description, t.PROBLEM)
    clean_action = check(v.text, action, t.PLAN)
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        code = read_procedure(s, procedure).code if procedure.strip() else ""
        row = QmsProblem(noted_on=noted_on, procedure_code=code, description=clean, action=clean_action)
        s.add(row)
        s.flush()
        return _problem(row)


def review_problems(ctx: AppContext, on: date, note: str = "") -> list[Problem]:
    """The monthly review: every problem noted up to ``on`` and not yet reviewed is recorded as reviewed that day,
    with the meeting's conclusion. Refused when there is nothing to review."""
    clean_note = check(v.text, note, t.NOTE)
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        rows = list(
            s.execute(select(QmsProblem).where(QmsProblem.reviewed_on.is_(None), QmsProblem.noted_on <= on)).scalars()
        )
        if not rows:
            raise UserError(_("No problem noted up to {day} is waiting for a review.").format(day=short_date(on)))
        for row in rows:
            row.reviewed_on, row.review_note = on, clean_note
        s.flush()
        return [_problem(r) for r in rows]
