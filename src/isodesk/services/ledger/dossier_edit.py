"""Correcting a dossier's details after receipt: the applicant's contact, the number of sets, the ledger note.

Who may: officers, leaders and the administrator (``dossier.edit``). Once a dossier is closed (returned, refused,
stopped, withdrawn) it is a settled legal record of someone's work: an officer may still correct it only if they
took part in it — received it, handled it, or recorded one of its steps — while a leader (who signed its result)
or the administrator may correct any (``dossier.edit_closed``). ISO 9001:2015 7.5.3.2 asks that records be
protected against unintended alteration; every correction is in the audit trail, before and after (the applicant's
contact details only as "changed", see :mod:`isodesk.db.trail`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import Account, Applicant, Dossier, DossierEvent
from isodesk.domain import validation as v
from isodesk.domain.ledger import FINAL_STATES, State
from isodesk.domain.permissions import Permission, permissions_for
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.services.accounts.auth import require, roles_of
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.labels import state_name
from isodesk.services.ledger.dossier_view import read_dossier


@dataclass(frozen=True)
class DossierCorrection:
    """What to change; None leaves a field as it is."""

    address: str | None = None
    phone: str | None = None
    email: str | None = None
    sets: int | None = None
    note: str | None = None


def _clean(change: DossierCorrection) -> DossierCorrection:
    if change.sets is not None and not 1 <= change.sets <= 99:
        raise UserError(_("The number of sets must be between 1 and 99."))
    return DossierCorrection(
        None if change.address is None else check(v.text, change.address, v.ADDRESS),
        None if change.phone is None else check(v.phone_number, change.phone),
        None if change.email is None else check(v.email_address, change.email),
        change.sets,
        None if change.note is None else check(v.text, change.note, v.LEDGER_NOTE),
    )


def took_part(session: Session, account: Account, dossier: Dossier) -> bool:
    """Whether the account received, handled or recorded a step of the dossier (by its staff link or its name)."""
    events = session.execute(
        select(DossierEvent.updated_by, DossierEvent.from_staff_id, DossierEvent.to_staff_id).where(
            DossierEvent.dossier_id == dossier.id
        )
    ).all()
    if any(by == account.username for by, _f, _t in events):
        return True
    if account.staff_id is None:
        return False
    staff = {dossier.officer_id, dossier.handler_id} | {f for _b, f, _t in events} | {t for _b, _f, t in events}
    return account.staff_id in staff


def edit_dossier(ctx: AppContext, code: str, change: DossierCorrection) -> dict[str, Any]:
    clean = _clean(change)
    with ctx.unit_of_work() as s:
        account = require(s, Permission.DOSSIER_EDIT)
        dossier = read_dossier(s, code)
        closed = State(dossier.status) in FINAL_STATES
        may_edit_any = Permission.DOSSIER_EDIT_CLOSED in permissions_for(roles_of(account))
        if closed and not may_edit_any and not took_part(s, account, dossier):
            raise UserError(
                _(
                    "Dossier {code} is closed ({state}) and “{user}” neither received nor handled it: only the "
                    "officers who did, a leader or the administrator may correct it."
                ).format(code=dossier.code, state=state_name(dossier.status), user=account.username)
            )
        applicant = s.get(Applicant, dossier.applicant_id) if dossier.applicant_id else None
        contact = {"address": clean.address, "phone": clean.phone, "email": clean.email}
        if applicant is None and any(v is not None for v in contact.values()):
            raise UserError(_("Dossier {code} has no applicant record to correct.").format(code=dossier.code))
        if applicant is not None and not applicant.name and any(contact.values()):
            raise UserError(
                _("The personal data of dossier {code}'s applicant was erased; it is not filled in again.").format(
                    code=dossier.code
                )
            )
        changed: list[str] = []
        for key, value in contact.items():
            if value is not None and applicant is not None and getattr(applicant, key) != value:
                setattr(applicant, key, value)
                changed.append(key)
        if clean.sets is not None and clean.sets != dossier.sets:
            dossier.sets = clean.sets
            changed.append("sets")
        if clean.note is not None and clean.note != dossier.note:
            dossier.note = clean.note
            changed.append("note")
        return {"code": dossier.code, "changed": changed}
