"""The papers of one dossier: which apply (:mod:`isodesk.domain.forms`), and each one as PDF from the ledger.

The form set is the one in force on the dossier's receipt date. Every paper is filled from the dossier's
:class:`~isodesk.services.ledger.dossier_view.DossierView`, the same view its window and ``dossier show`` read; the
rows of the process control sheet follow the rules of :mod:`isodesk.domain.control_sheet`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from isodesk.db.models import Dossier
from isodesk.domain.control_sheet import DESK, NOBODY, Party, Side, blank_rows, hand_overs, handling_staff
from isodesk.domain.forms import DossierFacts, FormName, NotApplicable, not_applicable
from isodesk.domain.ledger import Action
from isodesk.domain.supplement import parse_request
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_datetime, local_now, short_datetime
from isodesk.reports.control_sheet import ControlSheet, HandOver, render_control_sheet
from isodesk.reports.dossier_forms import (
    Apology,
    Refusal,
    StopNotice,
    SupplementRequest,
    render_apology,
    render_refusal,
    render_stop,
    render_supplement,
)
from isodesk.reports.papers import DossierData, PaperOffice, fill
from isodesk.reports.receipt import ReceiptSlip, render_receipts
from isodesk.reports.words import duration_words, fee_words, time_words
from isodesk.services.context import AppContext
from isodesk.services.labels import applicant_label
from isodesk.services.ledger.dossier_view import (
    DossierView,
    StaffRef,
    get_dossier_view,
    read_dossier_view,
    read_dossier_views,
    views_in_order,
)
from isodesk.services.office.profile import OfficeProfile, get_profile, read_profile
from isodesk.services.printing.office import paper_office
from isodesk.services.printing.templates import form_set_on, form_title, has_form, template_of


@dataclass(frozen=True)
class FormChoice:
    """A paper the GUI may offer for a dossier: enabled when ``applies``, else ``reason`` says why not."""

    name: str  # receipt, supplement, refusal, apology, stop, control-sheet
    title: str  # in the user's language
    number: str  # "Mẫu số 02" in the form set in force, "" when the set has no such form
    applies: bool
    reason: str = ""


def _name(person: StaffRef | None) -> str:
    return person.name if person else ""


def _party(person: StaffRef | None) -> str:
    """ "Phạm Thị Ngọc Ánh (Bộ phận một cửa)", as the control sheet names who gives or takes a dossier."""
    if person is None:
        return ""
    return f"{person.name} ({person.department})" if person.department else person.name


def _facts(view: DossierView, now: datetime) -> DossierFacts:
    actions = frozenset(Action(e.action) for e in view.events if e.action in Action._value2member_map_)
    return DossierFacts(view.status, actions, view.due, now)


def _reason(why: NotApplicable, view: DossierView) -> str:
    code = view.code
    if why is NotApplicable.NO_SUPPLEMENT:
        return _(
            "Dossier {code} was never sent back for a supplement: there is no supplement request to print."
        ).format(code=code)
    if why is NotApplicable.NOT_REFUSED:
        return _("Dossier {code} was not refused: there is no refusal slip to print.").format(code=code)
    if why is NotApplicable.REFUSED_AT_DESK:
        return _(
            "Dossier {code} was refused at the desk (form 03): it was never received, so it has no receipt slip, "
            "no appointment and no control sheet."
        ).format(code=code)
    if why is NotApplicable.NOT_STOPPED:
        return _("The processing of dossier {code} was not stopped: there is no notice of stopping to print.").format(
            code=code
        )
    due = view.due
    return _(
        "Dossier {code} is not late (appointment {due}): an apology is printed only for a dossier given a new "
        "appointment or still being processed past its appointment."
    ).format(code=code, due=short_datetime(due) if due else "—")


def _form_name(name: str) -> FormName:
    try:
        return FormName(name)
    except ValueError as exc:
        raise UserError(
            _("“{name}” is not a dossier form; choose one of: {names}.").format(
                name=name, names=", ".join(f.value for f in FormName)
            )
        ) from exc


def forms_of(view: DossierView, now: datetime) -> list[FormChoice]:
    """Every dossier paper, each with whether it applies to the dossier ``view`` at ``now``."""
    form_set = form_set_on(view.received.date())
    facts = _facts(view, now)
    out = []
    for form in FormName:
        if not has_form(form_set, form.value):
            reason = _("The form set {set}, in force when the dossier was received, has no such form.").format(
                set=form_set["name"]
            )
            out.append(FormChoice(form.value, form_title(form.value, form_set), "", False, reason))
            continue
        why = not_applicable(form, facts)
        number = form_set["forms"][form.value]["number"]
        title = form_title(form.value, form_set)
        out.append(FormChoice(form.value, title, number, why is None, _reason(why, view) if why else ""))
    return out


def forms_for(ctx: AppContext, code: str, now: datetime | None = None) -> list[FormChoice]:
    """Every dossier paper, each with whether it applies to dossier ``code`` now (for enabling print buttons)."""
    return forms_of(get_dossier_view(ctx, code), now or local_now())


def _data(view: DossierView, due: datetime | None = None) -> DossierData:
    a = view.applicant
    due = due or view.due
    return DossierData(
        code=view.code,
        applicant=applicant_label(a.name if a else None),
        address=a.address if a else "",
        phone=a.phone if a else "",
        email=a.email if a else "",
        procedure=view.procedure.name,
        received=view.received,
        due=due,
        book_seq=view.book_seq,
        book_year=view.book_year,
        organisation=bool(a and a.kind == "organisation"),
        id_number=a.id_number if a else "",
        representative=a.representative if a else "",
        representative_id_number=a.representative_id_number if a else "",
        representative_phone=a.representative_phone if a else "",
    )


def _slip(view: DossierView) -> ReceiptSlip:
    first_due = view.first_due
    if first_due is None:
        raise UserError(_("Dossier {code} has no appointment yet.").format(code=view.code))
    p = view.procedure
    return ReceiptSlip(
        dossier=_data(view, first_due),
        components=[c[:1].upper() + c[1:] for c in p.components],
        sets=view.sets,
        processing_time=duration_words(p.processing),
        fee=fee_words(p.fee),
        officer=_name(view.officer) or view.received_by,
        counts=[(d.originals, d.copies) for d in p.documents],
    )


def _supplement(view: DossierView, profile: OfficeProfile) -> SupplementRequest:
    """The request as the officer recorded it: each item with the copy asked for, and the reason
    (:mod:`isodesk.domain.supplement`); whom to call is the office's contact, from its profile."""
    event = view.last(Action.SUPPLEMENT)
    assert event is not None
    if not (profile.contact_name and profile.contact_phone):
        raise UserError(
            _(
                "The supplement request names whom the applicant may call: enter the contact and their phone in "
                "the office profile first (Settings, or isodesk form supplement … --contact NAME --contact-phone "
                "PHONE)."
            )
        )
    items, reason = parse_request(event.note)
    return SupplementRequest(
        dossier=_data(view),
        day=event.at.date(),
        items=items,
        reason=reason,
        contact=profile.contact_name,
        contact_phone=profile.contact_phone,
        officer=_name(view.officer or event.from_staff),
    )


def _refusal(view: DossierView) -> Refusal:
    event = view.last(Action.REFUSED)
    assert event is not None
    return Refusal(_data(view), event.at.date(), [event.note], _name(view.officer or event.from_staff))


def _apology(view: DossierView, now: datetime) -> Apology:
    event = view.last(Action.EXTENDED)
    if event is None:  # still open past its appointment: the new date is written by hand once decided
        return Apology(_data(view), local_datetime(now).date(), view.due, None, "")
    before = [e for e in view.events if e.at <= event.at and e is not event and e.due is not None]
    original = before[-1].due if before else None
    return Apology(_data(view, original), event.at.date(), original, event.due, event.note)


def _stop(view: DossierView) -> StopNotice:
    event = view.last(Action.STOPPED)
    assert event is not None
    return StopNotice(_data(view), event.at.date(), event.at, event.note)


def _control_sheet(view: DossierView, template: dict[str, Any], office: PaperOffice) -> ControlSheet:
    """The recorded hand-overs as rows (:func:`isodesk.domain.control_sheet.hand_overs`), in the template's words
    (TT 01/2018 form 05, TT 03/2025 form 06)."""
    words = template["timeliness"]
    notes = template["notes"]
    applicant = fill(template["applicant"], {"addressee": _data(view).addressee})
    staff = {e.id: e for event in view.events for e in (event.from_staff, event.to_staff) if e is not None}
    if view.handler is not None:
        staff[view.handler.id] = view.handler

    def named(party: Party) -> str:
        if party == DESK:
            return str(office.desk)
        if party.side is Side.APPLICANT:
            return applicant
        return "" if party == NOBODY or party.staff_id is None else _party(staff.get(party.staff_id))

    recorded = [e.recorded() for e in view.events]
    rows: list[HandOver] = []
    for row in hand_overs(recorded, view.step_dues, view.timeliness):
        e = view.events[row.event]
        result = words.get(row.result.value, "") if row.result else ""
        new_due = time_words(e.due) if e.due else ""
        wording = notes.get(e.action, "")
        note = fill(wording, {"note": e.note, "new_due": new_due}).rstrip(": ")
        if e.note and "{note}" not in wording:
            note = f"{note} ({e.note})" if note else e.note
        if row.note_only:  # an apology: nothing changes hands
            rows.append(HandOver("", "", e.at, result, note, note_only=True))
            continue
        rows.append(HandOver(named(row.giver), named(row.receiver), e.at, result, note))
    blank = blank_rows(view.status, int(template["blank_rows"]), len(rows))
    handling_id = handling_staff(recorded, view.handler.id if view.handler else None)
    handling = staff[handling_id].department if handling_id in staff else ""
    return ControlSheet(_data(view, view.first_due), handling or view.procedure.field, "", rows, blank)


def form_pdf(ctx: AppContext, name: str, code: str, now: datetime | None = None) -> bytes:
    """Dossier ``code``'s paper ``name`` (receipt, supplement, refusal, apology, stop, control-sheet) as PDF."""
    form = _form_name(name)
    now = now or local_now()
    profile = get_profile(ctx)
    with ctx.read() as s:
        view = read_dossier_view(s, code)
        office = paper_office(s, profile, view.received.date())
    form_set = form_set_on(view.received.date())
    template = template_of(form_set, form.value)
    why = not_applicable(form, _facts(view, now))
    if why is not None:
        raise UserError(_reason(why, view))
    if form is FormName.RECEIPT:
        return render_receipts([(_slip(view), template, office)])
    if form is FormName.SUPPLEMENT:
        return render_supplement(_supplement(view, profile), office, template)
    if form is FormName.REFUSAL:
        return render_refusal(_refusal(view), office, template)
    if form is FormName.APOLOGY:
        return render_apology(_apology(view, now), office, template)
    if form is FormName.STOP:
        return render_stop(_stop(view), office, template)
    return render_control_sheet(_control_sheet(view, template, office), office, template)


def receipt_pdf(ctx: AppContext, code: str) -> bytes:
    return receipts_pdf(ctx, [code])


def receipts_pdf(ctx: AppContext, codes: Sequence[str]) -> bytes:
    """The receipt slips of ``codes`` in one PDF, in the order given (e.g. all slips of a day), read together."""
    wanted = [c.strip() for c in codes if c.strip()]
    if not wanted:
        raise UserError(_("There is no dossier to print."))
    with ctx.read() as s:
        profile = read_profile(s, ctx.data_dir)
        views = views_in_order(read_dossier_views(s, wanted), wanted)
        offices: dict[date, PaperOffice] = {}  # the names of a day are the same for all its dossiers
        for view in views:
            day = view.received.date()
            if day not in offices:
                offices[day] = paper_office(s, profile, day)
    slips = [
        (_slip(view), template_of(form_set_on(view.received.date()), "receipt"), offices[view.received.date()])
        for view in views
    ]
    return render_receipts(slips)


def received_on(ctx: AppContext, day: date) -> list[str]:
    """Codes of the dossiers received on ``day``, in ledger order (for printing the day's slips)."""
    with ctx.read() as s:
        return list(
            s.execute(
                select(Dossier.code).where(Dossier.received_on == day).order_by(Dossier.book_year, Dossier.book_seq)
            ).scalars()
        )
