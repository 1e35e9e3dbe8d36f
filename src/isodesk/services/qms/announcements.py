"""Announcing that the quality system conforms to TCVN ISO 9001:2015 (QĐ 19/2014/QĐ-TTg: a decision of the head
on the sample of Annex I, sent to the provincial Department of Science and Technology, posted at the office), and
announcing it again when the scope changed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from isodesk.db.models import Procedure, QmsAnnouncement, QmsScope
from isodesk.domain import validation as v
from isodesk.domain.permissions import Permission
from isodesk.domain.qms import texts as t
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.qms.scope import model_exclusions


@dataclass(frozen=True)
class Announcement:
    id: int
    number: str
    announced_on: date
    notified_on: date | None
    scope_version: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "date": self.announced_on.isoformat(),
            "announced_on": self.announced_on.isoformat(),
            "notified_on": self.notified_on.isoformat() if self.notified_on else None,
            "scope_version": self.scope_version,
        }


def _exclusions(ctx: AppContext) -> str:
    return json.dumps([e.to_dict() for e in model_exclusions(ctx)], ensure_ascii=False)


def _view(row: QmsAnnouncement) -> Announcement:
    return Announcement(row.id, row.number, row.announced_on, row.notified_on, row.scope_version)


def read_announcements(session: Session) -> list[Announcement]:
    rows = session.execute(select(QmsAnnouncement).order_by(QmsAnnouncement.announced_on, QmsAnnouncement.id))
    return [_view(r) for r in rows.scalars()]


def list_announcements(ctx: AppContext) -> list[Announcement]:
    with ctx.read() as s:
        return read_announcements(s)


def announce(ctx: AppContext, number: str, on: date, notified_on: date | None = None) -> Announcement:
    """Record the head's decision announcing conformity, for the scope in force. A scope must be set first (the
    decision's annex lists its procedures)."""
    clean = check(v.text, number, t.DECISION_NUMBER)
    exclusions = _exclusions(ctx)
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        scope = s.execute(select(func.max(QmsScope.version))).scalar()
        if scope is None:  # the catalogue's scope as it stands becomes the first version, which the decision lists
            codes = list(
                s.execute(
                    select(Procedure.code).where(Procedure.in_scope.is_(True), Procedure.active.is_(True))
                ).scalars()
            )
            if not codes:
                raise UserError(
                    _("No procedure is in the scope of the quality system: set the scope before announcing it.")
                )
            s.add(QmsScope(version=1, set_on=on, procedures=json.dumps(codes), exclusions=exclusions, note=""))
            scope = 1
        if notified_on is not None and notified_on < on:
            raise UserError(_("The province cannot be notified before the decision's date."))
        row = QmsAnnouncement(number=clean, announced_on=on, notified_on=notified_on, scope_version=scope)
        s.add(row)
        s.flush()
        return _view(row)


def notify_province(ctx: AppContext, on: date) -> Announcement:
    """The latest decision was sent to the provincial Department of Science and Technology on ``on``."""
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        row = s.execute(
            select(QmsAnnouncement).order_by(QmsAnnouncement.announced_on.desc(), QmsAnnouncement.id.desc()).limit(1)
        ).scalar_one_or_none()
        if row is None:
            raise UserError(_("There is no announcement of conformity yet to notify."))
        if on < row.announced_on:
            raise UserError(_("The province cannot be notified before the decision's date."))
        row.notified_on = on
        s.flush()
        return _view(row)
