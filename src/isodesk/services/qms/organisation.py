"""The people of the quality system (QĐ 19/2014/QĐ-TTg; ISO 9001:2015 5.3, 7.2): the steering committee, the
quality representative, the ISO secretary and the internal audit team, chosen from staff; and training records
(who, course, when, certificate number), which later qualify internal auditors."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import QmsRole, QmsTraining, Staff
from isodesk.domain import validation as v
from isodesk.domain.permissions import Permission
from isodesk.domain.qms import texts as t
from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.i18n.dates import local_today
from isodesk.i18n.text import person_sort_key
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check


class QmsRoleKind(StrEnum):
    COMMITTEE = "committee"  # ban chỉ đạo ISO
    REPRESENTATIVE = "representative"  # đại diện lãnh đạo về chất lượng
    SECRETARY = "secretary"  # thư ký ISO
    AUDITOR = "auditor"  # thành viên đoàn đánh giá nội bộ


#: Roles held by one person at a time.
SINGLE = frozenset({QmsRoleKind.REPRESENTATIVE, QmsRoleKind.SECRETARY})
ROLE_NAMES = {
    QmsRoleKind.COMMITTEE: N_("steering committee"),
    QmsRoleKind.REPRESENTATIVE: N_("quality representative"),
    QmsRoleKind.SECRETARY: N_("ISO secretary"),
    QmsRoleKind.AUDITOR: N_("internal audit team"),
}


def qms_role_name(kind: QmsRoleKind | str) -> str:
    return _(ROLE_NAMES[QmsRoleKind(kind)])


@dataclass(frozen=True)
class RoleHolder:
    id: int
    role: str
    staff_id: int
    name: str
    duty: str
    named_on: date | None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["named_on"] = self.named_on.isoformat() if self.named_on else None
        return out


@dataclass(frozen=True)
class TrainingRecord:
    id: int
    staff_id: int
    name: str
    course: str
    held_on: date
    certificate: str

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["held_on"] = self.held_on.isoformat()
        return out


def _staff(session: Session, staff_id: int) -> Staff:
    person = session.get(Staff, staff_id)
    if person is None or not person.active:
        raise UserError(_("There is no active staff member number {id}.").format(id=staff_id))
    return person


def read_roles(session: Session) -> list[RoleHolder]:
    rows = session.execute(select(QmsRole, Staff.name).join(Staff, Staff.id == QmsRole.staff_id)).all()
    order = {k.value: i for i, k in enumerate(QmsRoleKind)}
    holders = [RoleHolder(r.id, r.role, r.staff_id, name, r.duty, r.named_on) for r, name in rows]
    return sorted(holders, key=lambda h: (order.get(h.role, 99), person_sort_key(h.name)))


def list_roles(ctx: AppContext) -> list[RoleHolder]:
    with ctx.read() as s:
        return read_roles(s)


def name_to_role(ctx: AppContext, role: str, staff_id: int, duty: str = "", on: date | None = None) -> RoleHolder:
    """Name a staff member to a quality role; the quality representative and the ISO secretary are one person
    each, so naming one replaces the one before."""
    try:
        kind = QmsRoleKind(role)
    except ValueError:
        names = ", ".join(k.value for k in QmsRoleKind)
        raise UserError(
            _("Unknown quality role “{value}”: use one of {names}.").format(value=role, names=names)
        ) from None
    clean_duty = check(v.text, duty, t.DUTY)
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        person = _staff(s, staff_id)
        existing = list(s.execute(select(QmsRole).where(QmsRole.role == kind.value)).scalars())
        if any(r.staff_id == staff_id for r in existing):
            raise UserError(_("{name} is already in the {role}.").format(name=person.name, role=qms_role_name(kind)))
        if kind in SINGLE:
            for old in existing:
                s.delete(old)
        row = QmsRole(role=kind.value, staff_id=staff_id, duty=clean_duty, named_on=on or local_today())
        s.add(row)
        s.flush()
        return RoleHolder(row.id, row.role, staff_id, person.name, row.duty, row.named_on)


def remove_from_role(ctx: AppContext, holder_id: int) -> None:
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        row = s.get(QmsRole, holder_id)
        if row is None:
            raise UserError(_("There is no such quality role holder."))
        s.delete(row)


def add_training(ctx: AppContext, staff_id: int, course: str, held_on: date, certificate: str = "") -> TrainingRecord:
    clean_course = check(v.text, course, t.COURSE)
    clean_cert = check(v.text, certificate, t.CERTIFICATE)
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        person = _staff(s, staff_id)
        row = QmsTraining(staff_id=staff_id, course=clean_course, held_on=held_on, certificate=clean_cert)
        s.add(row)
        s.flush()
        return TrainingRecord(row.id, staff_id, person.name, row.course, row.held_on, row.certificate)


def read_trainings(session: Session) -> list[TrainingRecord]:
    rows = session.execute(
        select(QmsTraining, Staff.name).join(Staff, Staff.id == QmsTraining.staff_id).order_by(QmsTraining.held_on)
    ).all()
    return [TrainingRecord(r.id, r.staff_id, name, r.course, r.held_on, r.certificate) for r, name in rows]


def list_trainings(ctx: AppContext) -> list[TrainingRecord]:
    with ctx.read() as s:
        return read_trainings(s)
