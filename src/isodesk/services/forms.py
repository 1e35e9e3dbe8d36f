"""Printing the one-stop-shop forms: data from the ledger, template from the form set in force on the receipt date."""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import select

from isodesk.db.models import Applicant, Dossier, DossierEvent, Procedure, Staff
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.reports.forms import LedgerRow, ReceiptSlip, render_ledger, render_receipt
from isodesk.reports.official import Issuer, write_atomically
from isodesk.services.calendar import describe_time
from isodesk.services.context import AppContext
from isodesk.services.dossiers import _find
from isodesk.services.office import get_profile
from isodesk.services.procedures import processing_time_of


@cache
def form_sets() -> list[dict[str, Any]]:
    text = resources.files("isodesk.resources.forms").joinpath("form-sets.json").read_text("utf-8")
    return list(json.loads(text)["sets"])


def form_set_on(day: date) -> dict[str, Any]:
    """The set in force on ``day`` (TT 01/2018 until 14/09/2025, TT 03/2025 from 15/09/2025)."""
    for form_set in form_sets():
        start = date.fromisoformat(form_set["valid_from"])
        end = date.fromisoformat(form_set["valid_to"]) if form_set["valid_to"] else date.max
        if start <= day <= end:
            return form_set
    return form_sets()[-1]


def _issuer(ctx: AppContext) -> Issuer:
    profile = get_profile(ctx)
    place = profile.unit_name.split(" ", 1)[1] if " " in profile.unit_name else profile.unit_name
    for prefix in ("Phường ", "Xã ", "Đặc khu ", "Thành phố ", "Tỉnh "):
        place = place.removeprefix(prefix)
    return Issuer(body=f"UBND {profile.unit_name}", place=place, parent=f"UBND {profile.province_name}")


def _write(out: str | Path, data: bytes) -> Path:
    path = Path(out)
    if path.suffix.lower() != ".pdf":
        raise UserError(_("The output file must end in .pdf."))
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise UserError(
            _("The file {path} cannot be written ({reason}). Choose another folder.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    return path


def receipt_pdf(ctx: AppContext, code: str) -> bytes:
    issuer = _issuer(ctx)
    with ctx.read() as s:
        d = _find(s, code)
        procedure = s.get(Procedure, d.procedure_id)
        applicant = s.get(Applicant, d.applicant_id) if d.applicant_id else None
        officer = s.get(Staff, d.officer_id) if d.officer_id else None
        assert procedure is not None
        processing = processing_time_of(procedure)
        received = d.received_at.astimezone(LOCAL_TZ)
        first_due = (
            s.execute(
                select(DossierEvent.due_at).where(DossierEvent.dossier_id == d.id).order_by(DossierEvent.id).limit(1)
            ).scalar_one_or_none()
            or d.due_at
        )
        if first_due is None:
            raise UserError(_("Dossier {code} has no appointment yet.").format(code=d.code))
        slip = ReceiptSlip(
            code=d.code,
            applicant=applicant.name if applicant else "",
            address=applicant.address if applicant else "",
            phone=applicant.phone if applicant else "",
            email=applicant.email if applicant else "",
            procedure=procedure.name,
            components=json.loads(procedure.components),
            sets=d.sets,
            processing_time=describe_time(processing) if processing else "",
            received=received,
            due=first_due.astimezone(LOCAL_TZ),
            fee=procedure.office_fee or procedure.fee,
            book_number=d.book_seq,
            book_year=d.book_year,
            officer=officer.name if officer else "",
        )
    template = form_set_on(received.date())["forms"]["receipt"]
    return render_receipt(slip, issuer, template)


def _local(moment: datetime | None) -> datetime | None:
    return moment.astimezone(LOCAL_TZ) if moment else None


def write_receipt(ctx: AppContext, code: str, out: str | Path) -> Path:
    return _write(out, receipt_pdf(ctx, code))


def ledger_pdf(ctx: AppContext, start: date, end: date) -> bytes:
    if end < start:
        raise UserError(_("The end date is before the start date."))
    issuer = _issuer(ctx)
    profile = get_profile(ctx)
    with ctx.read() as s:
        query = (
            select(Dossier, Procedure.name, Applicant.name, Applicant.address, Applicant.phone)
            .join(Procedure, Procedure.id == Dossier.procedure_id)
            .outerjoin(Applicant, Applicant.id == Dossier.applicant_id)
            .where(Dossier.received_on.between(start, end))
            .order_by(Dossier.book_year, Dossier.book_seq)
        )
        rows = []
        for d, proc_name, name, address, phone in s.execute(query):
            contact = ", ".join(x for x in (address, phone) if x)
            rows.append(
                LedgerRow(
                    number=d.book_seq,
                    code=d.code,
                    procedure=proc_name,
                    sets=d.sets,
                    applicant=name or "",
                    contact=contact,
                    authority=f"UBND {profile.unit_name}",
                    received=d.received_at.astimezone(LOCAL_TZ),
                    due=_local(d.due_at),
                    handed_over=None,
                    result_back=None,
                    returned=_local(d.settled_at) if d.status == "returned" else None,
                    note="",
                )
            )
    template = form_set_on(end)["forms"]["ledger"]
    return render_ledger(rows, issuer, template, start, end, datetime.now(LOCAL_TZ).date())


def write_ledger(ctx: AppContext, start: date, end: date, out: str | Path) -> Path:
    return _write(out, ledger_pdf(ctx, start, end))
