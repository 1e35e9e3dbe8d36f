"""The dossier ledger for a period as PDF (TT 01/2018 form 06; TT 03/2025 form 07)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import func, select

from isodesk.db.models import Applicant, Dossier, DossierEvent, Procedure
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_datetime, local_today
from isodesk.reports.ledger import LedgerRow, render_ledger
from isodesk.services.context import AppContext
from isodesk.services.labels import applicant_label
from isodesk.services.office.profile import get_profile
from isodesk.services.printing.office import office_issuer
from isodesk.services.printing.templates import form_set_on, template_of

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


def ledger_pdf(ctx: AppContext, start: date, end: date, progress: Progress | None = None) -> bytes:
    """Dossiers received ``start``..``end``, in ledger order. "Sent to the handling office" is the first hand-over
    for processing and "result received back" the moment the result was ready, both read in the same query."""
    check_period(start, end)
    profile = get_profile(ctx)
    template = template_of(form_set_on(end), "ledger")
    notes = template["notes"]
    authority = f"UBND {profile.unit_name}"
    handed = _event_time("processing", func.min)
    back = _event_time("ready", func.max)
    with ctx.read() as s:
        query = (
            select(
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
    rows = []
    for (
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
        note = notes.get(status, "")
        if ext:
            note = f"{note}; {notes['extended']}" if note else notes["extended"]
        rows.append(
            LedgerRow(
                number=seq,
                code=code,
                procedure=procedure,
                sets=sets,
                applicant=applicant_label(name),
                contact=", ".join(x for x in (address, phone) if x),
                authority=authority,
                received=local_datetime(received),
                due=local_datetime(due) if due else None,
                handed_over=local_datetime(handed_at) if handed_at else None,
                result_back=local_datetime(back_at) if back_at else None,
                returned=local_datetime(settled) if settled and status == "returned" else None,
                note=note,
            )
        )
    printed = local_today()
    return render_ledger(rows, office_issuer(profile), template, start, end, printed, progress)
