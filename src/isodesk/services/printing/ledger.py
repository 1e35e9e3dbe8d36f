"""The dossier ledger for a period as PDF (TT 01/2018 form 06; TT 03/2025 form 07).

Each dossier is entered in the ledger of the form set in force when it was received: a period that straddles
15/09/2025 prints two parts, each under its own form number and with its own dates. A dossier given a new
appointment after an apology shows both dates: the one on its receipt slip, by which its timeliness is judged,
and the new one (DOMAIN.md §2).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from isodesk.db.models import Applicant, Dossier, DossierEvent, Procedure
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_datetime, local_today
from isodesk.reports.ledger import LedgerPart, LedgerRow, render_ledger
from isodesk.services.context import AppContext
from isodesk.services.labels import applicant_label
from isodesk.services.office.profile import get_profile
from isodesk.services.printing.office import authority_name, office_issuer
from isodesk.services.printing.templates import form_set_on, form_sets, template_of

Progress = Callable[[int, int], None]


def _event_time(action: str, aggregate: Callable[..., Any]) -> Any:
    """The moment of the first (or last) event ``action`` of the dossier, as a column of the ledger query."""
    return (
        select(aggregate(DossierEvent.at))
        .where(DossierEvent.dossier_id == Dossier.id, DossierEvent.action == action)
        .correlate(Dossier)
        .scalar_subquery()
    )


def check_period(start: date, end: date) -> None:
    if end < start:
        raise UserError(_("The end date is before the start date."))


def _appointments(ctx: AppContext, start: date, end: date) -> dict[int, tuple[datetime | None, datetime | None]]:
    """For each dossier of the period given a new appointment: (the appointment before the first apology, the
    latest new one). Read from the events, so it holds whichever date the dossier row keeps."""
    with ctx.read() as s:
        rows = s.execute(
            select(DossierEvent.dossier_id, DossierEvent.action, DossierEvent.due_at)
            .join(Dossier, Dossier.id == DossierEvent.dossier_id)
            .where(Dossier.received_on.between(start, end), Dossier.extensions > 0)
            .order_by(DossierEvent.dossier_id, DossierEvent.at, DossierEvent.id)
        ).all()
    out: dict[int, tuple[datetime | None, datetime | None]] = {}
    before: dict[int, datetime | None] = {}
    for dossier_id, action, due in rows:
        if action == "extended":
            first, _new = out.get(dossier_id, (before.get(dossier_id), None))
            out[dossier_id] = (first, due)
        elif due is not None and dossier_id not in out:
            before[dossier_id] = due
    return out


def parts_of(start: date, end: date) -> list[tuple[dict[str, Any], date, date]]:
    """The form sets whose time the period covers, each with the part of the period it governs."""
    out = []
    for form_set in form_sets():
        valid_from = date.fromisoformat(form_set["valid_from"])
        valid_to = date.fromisoformat(form_set["valid_to"]) if form_set["valid_to"] else date.max
        if valid_from <= end and start <= valid_to:
            out.append((form_set, max(start, valid_from), min(end, valid_to)))
    return out or [(form_set_on(end), start, end)]


def ledger_pdf(ctx: AppContext, start: date, end: date, progress: Progress | None = None) -> bytes:
    """Dossiers received ``start``..``end``, in ledger order. "Sent to the handling office" is the first hand-over
    for processing and "result received back" the moment the result was ready, both read in the same query."""
    check_period(start, end)
    profile = get_profile(ctx)
    authority = authority_name(profile)
    appointments = _appointments(ctx, start, end)
    handed = _event_time("processing", func.min)
    back = _event_time("ready", func.max)
    with ctx.read() as s:
        query = (
            select(
                Dossier.id,
                Dossier.book_seq,
                Dossier.code,
                Procedure.name,
                Dossier.sets,
                Applicant.name,
                Applicant.address,
                Applicant.phone,
                Dossier.received_at,
                Dossier.due_at,
                handed,
                back,
                Dossier.settled_at,
                Dossier.status,
                Dossier.extensions,
            )
            .join(Procedure, Procedure.id == Dossier.procedure_id)
            .outerjoin(Applicant, Applicant.id == Dossier.applicant_id)
            .where(Dossier.received_on.between(start, end))
            .order_by(Dossier.book_year, Dossier.book_seq)
        )
        raw = s.execute(query).all()
    parts = [
        LedgerPart([], template_of(form_set, "ledger"), first, last, form_set["name"])
        for form_set, first, last in parts_of(start, end)
    ]
    for (
        dossier_id,
        seq,
        code,
        procedure,
        sets,
        name,
        address,
        phone,
        received,
        due,
        handed_at,
        back_at,
        settled,
        status,
        ext,
    ) in raw:
        local = local_datetime(received)
        part = next((p for p in parts if p.start <= local.date() <= p.end), parts[-1])
        notes = part.template["notes"]
        note = notes.get(status, "")
        if ext:
            note = f"{note}; {notes['extended']}" if note else notes["extended"]
        first_due, new_due = appointments.get(dossier_id, (None, None))
        part.rows.append(
            LedgerRow(
                number=seq,
                code=code,
                procedure=procedure,
                sets=sets,
                applicant=applicant_label(name),
                contact=", ".join(x for x in (address, phone) if x),
                authority=authority,
                received=local,
                due=_local(first_due or due),
                new_due=_local(new_due),
                handed_over=_local(handed_at),
                result_back=_local(back_at),
                returned=_local(settled) if status == "returned" else None,
                note=note,
            )
        )
    return render_ledger(parts, office_issuer(profile), local_today(), progress)


def _local(moment: datetime | None) -> datetime | None:
    return local_datetime(moment) if moment else None
