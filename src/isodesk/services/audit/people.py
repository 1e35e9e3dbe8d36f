"""Finding the people and departments an audit names, and what ties a person to the work of the office
(ISO 19011:2018 7.2.3: auditors are chosen so that they are independent of what they audit)."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from isodesk.db.models import Department, Dossier, Procedure, QmsTraining, Staff
from isodesk.domain.audit import Refused
from isodesk.domain.audit.independence import Auditor, Scope
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import short_date
from isodesk.i18n.text import search_key


def refusal(exc: Refused, **more: object) -> UserError:
    """A rule's refusal in the user's language (a date in it written as screens write dates)."""
    params = {
        key: short_date(value) if isinstance(value, date) else value for key, value in {**exc.params, **more}.items()
    }
    return UserError(_(exc.message).format(**params))


def read_person(session: Session, who: str) -> Staff:
    """A staff member by id or by name (accent- and case-insensitive); one that cannot be told apart is refused."""
    text = who.strip()
    if not text:
        raise UserError(_("Name a staff member (by name or id)."))
    if text.isdigit():
        person = session.get(Staff, int(text))
        if person is None:
            raise UserError(_("There is no staff member with id {id}.").format(id=text))
        return person
    found = list(session.execute(select(Staff).where(Staff.search_key == search_key(text))).scalars())
    active = [p for p in found if p.active] or found
    if not active:
        raise UserError(
            _("There is no staff member named “{name}”. Add them first (isodesk staff add).").format(name=text)
        )
    if len(active) > 1:
        ids = ", ".join(str(p.id) for p in active)
        raise UserError(
            _("Several staff members are named “{name}” (ids {ids}): give the id instead.").format(name=text, ids=ids)
        )
    return active[0]


def read_procedures(session: Session, codes: list[str]) -> list[Procedure]:
    found = []
    for code in dict.fromkeys(c.strip() for c in codes):
        procedure = session.execute(select(Procedure).where(Procedure.code == code)).scalars().first()
        if procedure is None:
            raise UserError(_("There is no procedure with code {code} in the catalogue.").format(code=code))
        found.append(procedure)
    return found


def handled_procedures(session: Session, staff_id: int) -> list[Procedure]:
    """The procedures whose dossiers ``staff_id`` received or handled, as the ledger records them."""
    ids = select(Dossier.procedure_id).where(or_(Dossier.officer_id == staff_id, Dossier.handler_id == staff_id))
    return list(session.execute(select(Procedure).where(Procedure.id.in_(ids.distinct()))).scalars())


def read_auditor(session: Session, person: Staff) -> Auditor:
    handled = handled_procedures(session, person.id)
    return Auditor(
        staff_id=person.id,
        name=person.name,
        department_key=person.department.search_key if person.department else "",
        procedures=frozenset(p.code for p in handled),
        fields={search_key(p.field): p.field for p in handled if p.field},
    )


def read_scope(session: Session, area: Department, procedures: list[Procedure]) -> Scope:
    return Scope(
        area=area.name,
        area_key=area.search_key,
        procedures=frozenset(p.code for p in procedures),
        fields={search_key(p.field): p.field for p in procedures if p.field},
    )


def staff_names(session: Session, ids_json: str) -> list[str]:
    ids = json.loads(ids_json or "[]")
    names = {p.id: p.name for p in session.execute(select(Staff).where(Staff.id.in_(ids))).scalars()}
    return [names.get(i, str(i)) for i in ids]


def read_auditor_certificates(session: Session, staff_id: int) -> list[str] | None:
    """The training certificates on record for ``staff_id``, or None when the office keeps no training records
    (then no warning is given about a missing internal-auditor certificate, ISO 9001:2015 7.2). Each is the course
    with its certificate number, as the quality system's training records keep them."""
    if session.execute(select(func.count()).select_from(QmsTraining)).scalar_one() == 0:
        return None
    rows = session.execute(
        select(QmsTraining.course, QmsTraining.certificate).where(QmsTraining.staff_id == staff_id)
    ).all()
    return [f"{course} {certificate}".strip() for course, certificate in rows]
