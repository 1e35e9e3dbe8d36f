"""The scope of the quality system (ISO 9001:2015 4.3), in versions: the procedures applied and the requirements
excluded with their reason (8.3 design and development by default). Setting a scope puts exactly its procedures
in scope in the catalogue (what the scope paper and the ISO procedures print); a version whose procedures differ
from the one before is a change of scope, which makes a new announcement due (QĐ 19/2014/QĐ-TTg)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from isodesk.db.models import Procedure, QmsScope
from isodesk.domain import validation as v
from isodesk.domain.permissions import Permission
from isodesk.domain.qms import texts as t
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_today
from isodesk.reports.papers import fill
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.office.profile import get_profile
from isodesk.services.printing.office import full_name
from isodesk.services.printing.reports_data import report_texts


@dataclass(frozen=True)
class Exclusion:
    clause: str
    requirement: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"clause": self.clause, "requirement": self.requirement, "reason": self.reason}


@dataclass(frozen=True)
class ScopeVersion:
    version: int
    set_on: date
    procedures: tuple[str, ...]
    exclusions: tuple[Exclusion, ...]
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "set_on": self.set_on.isoformat(),
            "procedures": list(self.procedures),
            "exclusions": [e.to_dict() for e in self.exclusions],
            "note": self.note,
        }


def default_exclusions(office: str) -> list[Exclusion]:
    """8.3 design and development, with the model reason naming ``office`` (from the report texts, which a
    province may correct)."""
    return [Exclusion(c, r, fill(why, {"office": office})) for c, r, why in report_texts()["scope"]["exclusions"]]


def model_exclusions(ctx: AppContext) -> list[Exclusion]:
    """The default exclusions worded for this office."""
    return default_exclusions(full_name(get_profile(ctx)))


def _view(row: QmsScope) -> ScopeVersion:
    return ScopeVersion(
        row.version,
        row.set_on,
        tuple(json.loads(row.procedures)),
        tuple(Exclusion(**e) for e in json.loads(row.exclusions)),
        row.note,
    )


def read_scope_versions(session: Session) -> list[ScopeVersion]:
    """Every version, oldest first."""
    return [_view(r) for r in session.execute(select(QmsScope).order_by(QmsScope.version)).scalars()]


def list_scope_versions(ctx: AppContext) -> list[ScopeVersion]:
    with ctx.read() as s:
        return read_scope_versions(s)


def set_scope(
    ctx: AppContext,
    procedures: Sequence[str],
    exclusions: Sequence[Exclusion] | None = None,
    *,
    note: str = "",
    on: date | None = None,
) -> ScopeVersion:
    """A new version of the scope. A scope with no procedure, an unknown or abolished procedure, or an exclusion
    without its reason is refused and nothing changes."""
    codes = list(dict.fromkeys(check(v.procedure_code, c) for c in procedures))
    if not codes:
        raise UserError(_("The scope must hold at least one procedure: choose the procedures the system applies to."))
    chosen = model_exclusions(ctx) if exclusions is None else list(exclusions)
    clean = [
        Exclusion(
            check(v.text, e.clause, t.CLAUSE),
            check(v.text, e.requirement, t.REQUIREMENT),
            check(v.text, e.reason, t.REASON),
        )
        for e in chosen
    ]
    clean_note = check(v.text, note, t.NOTE)
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        rows = {p.code: p for p in s.execute(select(Procedure).where(Procedure.active.is_(True))).scalars()}
        unknown = [c for c in codes if c not in rows]
        if unknown:
            raise UserError(_("Procedure {code} is not in the catalogue.").format(code=unknown[0]))
        for code, procedure in rows.items():
            wanted = code in codes
            if procedure.in_scope != wanted:
                procedure.in_scope = wanted
        version = (s.execute(select(func.max(QmsScope.version))).scalar() or 0) + 1
        row = QmsScope(
            version=version,
            set_on=on or local_today(),
            procedures=json.dumps(codes),
            exclusions=json.dumps([e.to_dict() for e in clean], ensure_ascii=False),
            note=clean_note,
        )
        s.add(row)
        s.flush()
        return _view(row)


def scope_changes(versions: Sequence[ScopeVersion]) -> list[date]:
    """The days the procedures in scope changed (each version after the first whose procedures differ)."""
    out = []
    for before, after in pairwise(versions):
        if set(before.procedures) != set(after.procedures):
            out.append(after.set_on)
    return out
