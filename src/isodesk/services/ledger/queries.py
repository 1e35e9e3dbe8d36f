"""Reading the ledger: pages of dossiers for the table, accent-insensitive search, filters.

The ledger may hold a million dossiers, so the GUI never loads them all: it asks for a count and then for the
pages it shows (Anki's "rows by id" approach). Search uses the FTS5 trigram index on the folded search key
(code and applicant name), so "nguyen van binh" finds "Nguyễn Văn Bình" in any position.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, or_, select, text
from sqlalchemy.orm import Session

from isodesk.db.models import Applicant, Dossier, Procedure, Staff
from isodesk.domain import validation as v
from isodesk.domain.ledger import OPEN_STATES, RUNNING_STATES
from isodesk.i18n.dates import local_datetime, local_now
from isodesk.i18n.text import search_key
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.labels import applicant_label

SORTS = {
    "received": (Dossier.id,),
    "due": (Dossier.due_at, Dossier.id),
    "code": (Dossier.code,),
}


@dataclass(frozen=True)
class DossierFilter:
    status: str | None = None  # a state, or "open"
    procedure: str | None = None  # procedure code
    field: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    handler_id: int | None = None
    timeliness: str | None = None
    search: str = ""
    overdue: bool = False
    due_today: bool = False


@dataclass(frozen=True)
class DossierRow:
    id: int
    code: str
    procedure_code: str
    procedure_name: str
    applicant: str
    received: datetime
    due: datetime | None
    status: str
    timeliness: str | None
    handler: str | None
    overdue: bool
    due_today: bool

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["received"] = local_datetime(self.received).isoformat()
        out["due"] = local_datetime(self.due).isoformat() if self.due else None
        return out


def _fts_query(key: str) -> str:
    return '"' + key.replace('"', '""') + '"'


def _filtered(query: Select[Any], f: DossierFilter, now: datetime) -> Select[Any]:
    if f.status == "open":
        query = query.where(Dossier.status.in_([s.value for s in OPEN_STATES]))
    elif f.status:
        query = query.where(Dossier.status == f.status)
    if f.procedure or f.field:
        sub = select(Procedure.id)
        if f.procedure:
            sub = sub.where(Procedure.code == f.procedure)
        if f.field:
            sub = sub.where(Procedure.field == f.field)
        query = query.where(Dossier.procedure_id.in_(sub))
    if f.received_from:
        query = query.where(Dossier.received_on >= f.received_from)
    if f.received_to:
        query = query.where(Dossier.received_on <= f.received_to)
    if f.handler_id is not None:
        query = query.where(Dossier.handler_id == f.handler_id)
    if f.timeliness:
        query = query.where(Dossier.timeliness == f.timeliness)
    running = [s.value for s in RUNNING_STATES]
    if f.overdue:
        query = query.where(Dossier.status.in_(running), Dossier.due_at < now)
    if f.due_today:
        local = local_datetime(now)
        start = local.replace(hour=0, minute=0, second=0, microsecond=0)
        query = query.where(
            Dossier.status.in_(running),
            Dossier.due_at >= start,
            Dossier.due_at < start.replace(hour=23, minute=59, second=59),
        )
    key = search_key(check(v.text, f.search, v.SEARCH))
    if key:
        if len(key) >= 3:
            ids = text("SELECT rowid FROM dossier_search WHERE dossier_search MATCH :q").bindparams(q=_fts_query(key))
            query = query.where(Dossier.id.in_(ids))
        else:
            query = query.where(or_(Dossier.search_key.contains(key)))
    return query


def count_dossiers(ctx: AppContext, f: DossierFilter = DossierFilter(), now: datetime | None = None) -> int:
    with ctx.read() as s:
        return count_in(s, f, now)


def count_in(session: Session, f: DossierFilter, now: datetime | None = None) -> int:
    query = _filtered(select(func.count()).select_from(Dossier), f, now or local_now())
    return int(session.execute(query).scalar_one())


def list_dossiers(
    ctx: AppContext,
    f: DossierFilter = DossierFilter(),
    *,
    sort: str = "received",
    descending: bool = True,
    offset: int = 0,
    limit: int = 50,
    now: datetime | None = None,
) -> list[DossierRow]:
    now = now or local_now()
    columns = SORTS.get(sort, SORTS["received"])
    order = [c.desc() if descending else c.asc() for c in columns]
    with ctx.read() as s:
        ids_query = _filtered(select(Dossier.id), f, now).order_by(*order).offset(offset).limit(limit)
        ids = list(s.execute(ids_query).scalars())
        if not ids:
            return []
        rows = s.execute(
            select(Dossier, Procedure.code, Procedure.name, Applicant.name, Staff.name)
            .join(Procedure, Procedure.id == Dossier.procedure_id)
            .outerjoin(Applicant, Applicant.id == Dossier.applicant_id)
            .outerjoin(Staff, Staff.id == Dossier.handler_id)
            .where(Dossier.id.in_(ids))
        ).all()
    by_id = {r[0].id: r for r in rows}
    today = local_datetime(now).date()
    out = []
    for dossier_id in ids:
        d, pcode, pname, applicant, handler = by_id[dossier_id]
        running = d.status in {s.value for s in RUNNING_STATES}
        out.append(
            DossierRow(
                d.id,
                d.code,
                pcode,
                pname,
                applicant_label(applicant),
                d.received_at,
                d.due_at,
                d.status,
                d.timeliness,
                handler,
                overdue=bool(running and d.due_at is not None and d.due_at < now),
                due_today=bool(
                    running and d.due_at is not None and local_datetime(d.due_at).date() == today and d.due_at >= now
                ),
            )
        )
    return out
