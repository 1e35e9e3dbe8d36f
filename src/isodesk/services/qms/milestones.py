"""Milestones of the journey held on a day (QĐ 19/2014/QĐ-TTg): internal audits (ISO 9001:2015 9.2), management
reviews (9.3), the head's confirmation that the system works, and legal changes to bring in within three months.

Internal audits themselves (programme, plan, findings) are their own feature; what the journey needs of them is the
day each was held, recorded here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import QmsLegalChange, QmsMilestone
from isodesk.domain import validation as v
from isodesk.domain.permissions import Permission
from isodesk.domain.qms import texts as t
from isodesk.domain.qms.journey import LEGAL_UPDATE_MONTHS, add_months
from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check


class MilestoneKind(StrEnum):
    AUDIT = "audit"
    REVIEW = "review"
    EFFECTIVENESS = "effectiveness"


class LegalChangeKind(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    ABOLISHED = "abolished"


MILESTONE_NAMES = {
    MilestoneKind.AUDIT: N_("internal audit"),
    MilestoneKind.REVIEW: N_("management review"),
    MilestoneKind.EFFECTIVENESS: N_("head's confirmation that the system works"),
}


@dataclass(frozen=True)
class Milestone:
    id: int
    kind: str
    held_on: date
    reference: str
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "held_on": self.held_on.isoformat(), "reference": self.reference,
                "note": self.note}  # fmt: skip


@dataclass(frozen=True)
class LegalChange:
    id: int
    procedure_code: str
    change: str
    basis: str
    effective_on: date
    due: date  # three months after its entry into force
    applied_on: date | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "procedure_code": self.procedure_code,
            "change": self.change,
            "basis": self.basis,
            "effective_on": self.effective_on.isoformat(),
            "due": self.due.isoformat(),
            "applied_on": self.applied_on.isoformat() if self.applied_on else None,
        }


def read_milestones(session: Session) -> list[Milestone]:
    rows = session.execute(select(QmsMilestone).order_by(QmsMilestone.held_on, QmsMilestone.id)).scalars()
    return [Milestone(r.id, r.kind, r.held_on, r.reference, r.note) for r in rows]


def list_milestones(ctx: AppContext) -> list[Milestone]:
    with ctx.read() as s:
        return read_milestones(s)


def record_milestone(ctx: AppContext, kind: str, held_on: date, reference: str = "", note: str = "") -> Milestone:
    try:
        clean_kind = MilestoneKind(kind)
    except ValueError:
        names = ", ".join(k.value for k in MilestoneKind)
        raise UserError(_("Unknown milestone “{value}”: use one of {names}.").format(value=kind, names=names)) from None
    clean_ref = check(v.text, reference, t.REFERENCE)
    clean_note = check(v.text, note, t.NOTE)
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        row = QmsMilestone(kind=clean_kind.value, held_on=held_on, reference=clean_ref, note=clean_note)
        s.add(row)
        s.flush()
        return Milestone(row.id, row.kind, row.held_on, row.reference, row.note)


def _legal(row: QmsLegalChange) -> LegalChange:
    return LegalChange(
        row.id,
        row.procedure_code,
        row.change,
        row.basis,
        row.effective_on,
        add_months(row.effective_on, LEGAL_UPDATE_MONTHS),
        row.applied_on,
    )


def read_legal_changes(session: Session) -> list[LegalChange]:
    rows = session.execute(select(QmsLegalChange).order_by(QmsLegalChange.effective_on, QmsLegalChange.id)).scalars()
    return [_legal(r) for r in rows]


def list_legal_changes(ctx: AppContext) -> list[LegalChange]:
    with ctx.read() as s:
        return read_legal_changes(s)


def add_legal_change(
    ctx: AppContext, change: str, basis: str, effective_on: date, procedure_code: str = ""
) -> LegalChange:
    """A procedure added, changed or abolished by a legal text: the documents it touches must be updated within
    three months of ``effective_on``."""
    try:
        kind = LegalChangeKind(change)
    except ValueError:
        raise UserError(_("Unknown change “{value}”: use added, changed or abolished.").format(value=change)) from None
    clean_basis = check(v.text, basis, t.LEGAL_TEXT)
    code = check(v.procedure_code, procedure_code) if procedure_code else ""
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        row = QmsLegalChange(procedure_code=code, change=kind.value, basis=clean_basis, effective_on=effective_on)
        s.add(row)
        s.flush()
        return _legal(row)


def apply_legal_change(ctx: AppContext, change_id: int, on: date) -> LegalChange:
    """The documents touched by the change were updated on ``on``."""
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        row = s.get(QmsLegalChange, change_id)
        if row is None:
            raise UserError(_("There is no legal change number {id}.").format(id=change_id))
        row.applied_on = on
        s.flush()
        return _legal(row)
