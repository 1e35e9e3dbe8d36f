"""The documents the screens print, each as a :class:`PrintJob` over a report service.

Titles are what the window and the printer queue show; file names are ASCII ("so-theo-doi-ho-so-....pdf") so a
saved copy survives USB sticks, e-mail attachments and old file systems.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from isodesk.i18n import _
from isodesk.i18n.dates import short_date
from isodesk.i18n.text import search_key
from isodesk.ui.printing.preview import PrintJob

if TYPE_CHECKING:
    from isodesk.services.context import AppContext


def file_name(*parts: str) -> str:
    """ "Giấy tiếp nhận", "000.17.22.H56-210531-0001" -> "giay-tiep-nhan-000.17.22.h56-210531-0001.pdf"."""
    words = "-".join(search_key(p) for p in parts if p)
    return re.sub(r"[^a-z0-9.]+", "-", words).strip("-.") + ".pdf"


def form_job(ctx: AppContext, name: str, code: str, title: str) -> PrintJob:
    """A one-stop-shop form (receipt, supplement, refusal, apology, stop, control-sheet) of dossier ``code``."""

    def make(_progress: object) -> bytes:
        from isodesk.services.printing import form_pdf

        return form_pdf(ctx, name, code)

    return PrintJob(f"{title} {code}", file_name(title, code), make)


def receipt_job(ctx: AppContext, code: str) -> PrintJob:
    return form_job(ctx, "receipt", code, _("Receipt and appointment slip"))


def receipts_of_day_job(ctx: AppContext, day: date) -> PrintJob:
    """Every receipt slip of the dossiers received on ``day``, in ledger order, as one document."""
    title = _("Receipt slips of {day}").format(day=short_date(day))

    def make(_progress: object) -> bytes:
        from isodesk.errors import UserError
        from isodesk.services.printing import receipts_pdf, received_on

        codes = received_on(ctx, day)
        if not codes:
            raise UserError(_("No dossier was received on {day}.").format(day=short_date(day)))
        return receipts_pdf(ctx, codes)

    return PrintJob(title, file_name(_("Receipt slips"), day.isoformat()), make)


def ledger_job(ctx: AppContext, start: date, end: date) -> PrintJob:
    title = _("Dossier ledger {start} – {end}").format(start=short_date(start), end=short_date(end))

    def make(progress: object) -> bytes:
        from isodesk.services.printing import ledger_pdf

        return ledger_pdf(ctx, start, end, progress=progress)  # type: ignore[arg-type]

    return PrintJob(title, file_name(_("Dossier ledger"), start.isoformat(), end.isoformat()), make)


def stats_job(ctx: AppContext, start: date, end: date) -> PrintJob:
    title = _("Statistics report {start} – {end}").format(start=short_date(start), end=short_date(end))

    def make(_progress: object) -> bytes:
        from isodesk.services.printing import stats_pdf

        return stats_pdf(ctx, start, end)

    return PrintJob(title, file_name(_("Statistics report"), start.isoformat(), end.isoformat()), make)


def iso_procedure_job(ctx: AppContext, code: str) -> PrintJob:
    """The ISO procedure document of administrative procedure ``code``."""
    title = _("ISO procedure {code}").format(code=code)

    def make(_progress: object) -> bytes:
        from isodesk.services.printing import procedure_pdf

        return procedure_pdf(ctx, code)

    return PrintJob(title, file_name(_("ISO procedure"), code), make)


def audit_job(ctx: AppContext, kind: str, audit_id: int) -> PrintJob:
    """An audit's blank checklist (``kind`` "checklist") or its report ("report", issued and locked on printing)."""
    if kind == "checklist":
        title = _("Audit checklist {id}").format(id=audit_id)

        def make(_progress: object) -> bytes:
            from isodesk.services.audit.papers import checklist_pdf

            return checklist_pdf(ctx, audit_id)

    else:
        title = _("Internal audit report {id}").format(id=audit_id)

        def make(_progress: object) -> bytes:
            from isodesk.services.audit.papers import audit_report_pdf

            return audit_report_pdf(ctx, audit_id)[0]

    return PrintJob(title, file_name(title), make)


def review_minutes_job(ctx: AppContext, review_id: int) -> PrintJob:
    title = _("Management review minutes {id}").format(id=review_id)

    def make(_progress: object) -> bytes:
        from isodesk.services.audit.papers import review_minutes_pdf

        return review_minutes_pdf(ctx, review_id)

    return PrintJob(title, file_name(title), make)
