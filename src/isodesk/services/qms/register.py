"""The implementation plan (the seed plans' documentation plan: task, owner, deadline, done) and the register of
risks and opportunities (ISO 9001:2015 6.1: each with the action taken and when it is reviewed again)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import QmsPlanTask, QmsRisk
from isodesk.domain import validation as v
from isodesk.domain.permissions import Permission
from isodesk.domain.qms import texts as t
from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check


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
