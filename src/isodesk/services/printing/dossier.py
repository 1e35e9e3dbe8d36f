"""The papers of one dossier: which apply (:mod:`isodesk.domain.forms`), and each one as PDF from the ledger.

The form set is the one in force on the dossier's receipt date. Everything a paper shows is read in one
session and handed to the report layer as plain data.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import Applicant, Department, Dossier, DossierEvent, Procedure, Staff
from isodesk.domain.forms import DossierFacts, FormName, NotApplicable, not_applicable, step_timeliness
from isodesk.domain.ledger import FINAL_STATES, Action, State
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
from isodesk.services.ledger.dossiers import read_dossier, step_dues
from isodesk.services.ledger.procedures import processing_time_of
from isodesk.services.office.profile import get_profile, read_profile
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


@dataclass
class _Loaded:
    dossier: Dossier
    procedure: Procedure
    applicant: Applicant | None
    events: list[DossierEvent]
    staff: dict[int, tuple[str, str]]  # id -> (name, department)

    @property
    def received(self) -> datetime:
        return local_datetime(self.dossier.received_at)

    def name(self, staff_id: int | None) -> str:
        return self.staff[staff_id][0] if staff_id in self.staff else ""

    def party(self, staff_id: int | None) -> str:
        """ "Phạm Thị Ngọc Ánh (Bộ phận một cửa)", as the control sheet names who gives or takes a dossier."""
        if staff_id not in self.staff:
            return ""
        name, department = self.staff[staff_id]
        return f"{name} ({department})" if department else name

    def last(self, action: Action) -> DossierEvent | None:
        return next((e for e in reversed(self.events) if e.action == action.value), None)


def _staff(session: Session) -> dict[int, tuple[str, str]]:
    rows = session.execute(select(Staff.id, Staff.name, Department.name).join(Department, isouter=True))
    return {sid: (name, dept or "") for sid, name, dept in rows}


def _load(session: Session, code: str) -> _Loaded:
    d = read_dossier(session, code)
    procedure = session.get(Procedure, d.procedure_id)
    assert procedure is not None
    applicant = session.get(Applicant, d.applicant_id) if d.applicant_id else None
    events = list(
        session.execute(
            select(DossierEvent).where(DossierEvent.dossier_id == d.id).order_by(DossierEvent.at, DossierEvent.id)
        ).scalars()
    )
    return _Loaded(d, procedure, applicant, events, _staff(session))


def _facts(loaded: _Loaded, now: datetime) -> DossierFacts:
    actions = frozenset(Action(e.action) for e in loaded.events if e.action in Action._value2member_map_)
    return DossierFacts(State(loaded.dossier.status), actions, loaded.dossier.due_at, now)


def _reason(why: NotApplicable, loaded: _Loaded) -> str:
    code = loaded.dossier.code
    if why is NotApplicable.NO_SUPPLEMENT:
        return _(
            "Dossier {code} was never sent back for a supplement: there is no supplement request to print."
        ).format(code=code)
    if why is NotApplicable.NOT_REFUSED:
        return _("Dossier {code} was not refused: there is no refusal slip to print.").format(code=code)
    if why is NotApplicable.NOT_STOPPED:
        return _("The processing of dossier {code} was not stopped: there is no notice of stopping to print.").format(
            code=code
        )
    due = loaded.dossier.due_at
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


def forms_for(ctx: AppContext, code: str, now: datetime | None = None) -> list[FormChoice]:
    """Every dossier paper, each with whether it applies to dossier ``code`` now (for enabling print buttons)."""
    now = now or local_now()
    with ctx.read() as s:
        loaded = _load(s, code)
    form_set = form_set_on(loaded.received.date())
    facts = _facts(loaded, now)
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
        out.append(FormChoice(form.value, title, number, why is None, _reason(why, loaded) if why else ""))
    return out


def _data(loaded: _Loaded, due: datetime | None = None) -> DossierData:
    d, a = loaded.dossier, loaded.applicant
    due = due or d.due_at
    return DossierData(
        code=d.code,
        applicant=applicant_label(a.name if a else None),
        address=a.address if a else "",
        phone=a.phone if a else "",
        email=a.email if a else "",
        procedure=loaded.procedure.name,
        received=loaded.received,
        due=local_datetime(due) if due else None,
        book_seq=d.book_seq,
        book_year=d.book_year,
    )


def _local(moment: datetime) -> datetime:
    return local_datetime(moment)


def _first_due(loaded: _Loaded) -> datetime | None:
    """The appointment written on the slip at receipt (later ones come with an apology)."""
    received = next((e for e in loaded.events if e.action == "received"), None)
    return received.due_at if received and received.due_at else loaded.dossier.due_at


def _slip(loaded: _Loaded, first_due: datetime | None) -> ReceiptSlip:
    if first_due is None:
        raise UserError(_("Dossier {code} has no appointment yet.").format(code=loaded.dossier.code))
    p = loaded.procedure
    return ReceiptSlip(
        dossier=_data(loaded, first_due),
        components=[c[:1].upper() + c[1:] for c in json.loads(p.components)],
        sets=loaded.dossier.sets,
        processing_time=duration_words(processing_time_of(p)),
        fee=fee_words(p.office_fee or p.fee),
        officer=loaded.name(loaded.dossier.officer_id),
    )


def _supplement(loaded: _Loaded, office: PaperOffice) -> SupplementRequest:
    event = loaded.last(Action.SUPPLEMENT)
    assert event is not None
    guide = loaded.dossier.officer_id or event.from_staff_id
    return SupplementRequest(
        dossier=_data(loaded),
        day=_local(event.at).date(),
        items=[item.strip() for item in event.note.split("; ") if item.strip()],
        reason="",
        contact=loaded.name(guide),
        contact_phone=office.phone,
        officer=loaded.name(guide),
    )


def _refusal(loaded: _Loaded) -> Refusal:
    event = loaded.last(Action.REFUSED)
    assert event is not None
    officer = loaded.dossier.officer_id or event.from_staff_id
    return Refusal(_data(loaded), _local(event.at).date(), [event.note], loaded.name(officer))


def _apology(loaded: _Loaded, now: datetime) -> Apology:
    event = loaded.last(Action.EXTENDED)
    if event is None:  # still open past its appointment: the new date is written by hand once decided
        due = loaded.dossier.due_at
        return Apology(_data(loaded), local_datetime(now).date(), _local(due) if due else None, None, "")
    before = [e for e in loaded.events if e.at <= event.at and e is not event and e.due_at is not None]
    original = before[-1].due_at if before else None
    return Apology(
        _data(loaded, original),
        _local(event.at).date(),
        _local(original) if original else None,
        _local(event.due_at) if event.due_at else None,
        event.note,
    )


def _stop(loaded: _Loaded) -> StopNotice:
    event = loaded.last(Action.STOPPED)
    assert event is not None
    return StopNotice(_data(loaded), _local(event.at).date(), _local(event.at), event.note)


def _control_sheet(loaded: _Loaded, template: dict[str, Any], office: PaperOffice, session: Session) -> ControlSheet:
    """One row per hand-over; each step judged against its own due time when the procedure has internal steps,
    else the dossier as a whole when its result is returned (TT 01/2018 form 05)."""
    words = template["timeliness"]
    notes = template["notes"]
    applicant = fill(
        template["applicant"], {"applicant": applicant_label(loaded.applicant.name if loaded.applicant else None)}
    )
    dues = [due for _name, _who, due in step_dues(session, loaded.procedure, loaded.dossier)]
    d = loaded.dossier
    rows: list[HandOver] = []
    steps_done = 0
    for e in loaded.events:
        action = e.action
        if action == "received":
            continue
        giver, receiver = loaded.party(e.from_staff_id), loaded.party(e.to_staff_id)
        if not giver and e.from_state == State.RECEIVED.value:
            giver = office.desk  # the first hand-over leaves the desk
        result = ""
        if action == "processing":
            receiver = receiver or giver
        elif action == "ready":
            receiver = office.desk
        elif action == "returned":
            giver, receiver = office.desk, applicant
        elif action in ("supplement", "refused", "stopped", "withdrawn", "extended"):
            receiver = applicant
        elif action == "resumed":
            giver, receiver = applicant, giver
        if action in ("processing", "ready", "returned"):
            if action == "returned" and d.timeliness:
                result = words.get(d.timeliness, "")
            elif dues and action != "returned":
                due = dues[min(steps_done, len(dues) - 1)]
                result = words[step_timeliness(_local(e.at), _local(due)).value]
            steps_done += 1
        new_due = time_words(_local(e.due_at)) if e.due_at else ""
        wording = notes.get(action, "")
        note = fill(wording, {"note": e.note, "new_due": new_due}).rstrip(": ")
        if e.note and "{note}" not in wording:
            note = f"{note} ({e.note})" if note else e.note
        rows.append(HandOver(giver, receiver, _local(e.at), result, note))
    blank = 0 if State(d.status) in FINAL_STATES else max(2, int(template["blank_rows"]) - len(rows))
    # The handling office is the one the desk first handed the dossier to; later hand-overs go up for signature.
    first = next((e for e in loaded.events if e.action == "processing" and e.to_staff_id), None)
    handling_id = (first.to_staff_id if first else None) or d.handler_id or -1
    handling = loaded.staff.get(handling_id, ("", ""))[1]
    return ControlSheet(_data(loaded, _first_due(loaded)), handling or loaded.procedure.field, "", rows, blank)


def form_pdf(ctx: AppContext, name: str, code: str, now: datetime | None = None) -> bytes:
    """Dossier ``code``'s paper ``name`` (receipt, supplement, refusal, apology, stop, control-sheet) as PDF."""
    form = _form_name(name)
    now = now or local_now()
    profile = get_profile(ctx)
    with ctx.read() as s:
        loaded = _load(s, code)
        form_set = form_set_on(loaded.received.date())
        template = template_of(form_set, form.value)
        why = not_applicable(form, _facts(loaded, now))
        if why is not None:
            raise UserError(_reason(why, loaded))
        office = paper_office(profile, form_set)
        if form is FormName.RECEIPT:
            return render_receipts([(_slip(loaded, _first_due(loaded)), template, office)])
        if form is FormName.SUPPLEMENT:
            return render_supplement(_supplement(loaded, office), office, template)
        if form is FormName.REFUSAL:
            return render_refusal(_refusal(loaded), office, template)
        if form is FormName.APOLOGY:
            return render_apology(_apology(loaded, now), office, template)
        if form is FormName.STOP:
            return render_stop(_stop(loaded), office, template)
        return render_control_sheet(_control_sheet(loaded, template, office, s), office, template)


def receipt_pdf(ctx: AppContext, code: str) -> bytes:
    return receipts_pdf(ctx, [code])


def receipts_pdf(ctx: AppContext, codes: Sequence[str]) -> bytes:
    """The receipt slips of ``codes`` in one PDF, in the order given (e.g. all slips of a day), read in one query."""
    wanted = [c.strip() for c in codes if c.strip()]
    if not wanted:
        raise UserError(_("There is no dossier to print."))
    first_due = (
        select(DossierEvent.due_at)
        .where(DossierEvent.dossier_id == Dossier.id, DossierEvent.action == "received")
        .correlate(Dossier)
        .limit(1)
        .scalar_subquery()
    )
    with ctx.read() as s:
        profile = read_profile(s, ctx.data_dir)
        found = {
            d.code: (d, p, a, officer, due)
            for d, p, a, officer, due in s.execute(
                select(Dossier, Procedure, Applicant, Staff.name, first_due)
                .join(Procedure, Procedure.id == Dossier.procedure_id)
                .outerjoin(Applicant, Applicant.id == Dossier.applicant_id)
                .outerjoin(Staff, Staff.id == Dossier.officer_id)
                .where(Dossier.code.in_(wanted))
            )
        }
    missing = [c for c in wanted if c not in found]
    if missing:
        raise UserError(_("There is no dossier with code {code}.").format(code=", ".join(missing)))
    offices: dict[str, PaperOffice] = {}
    slips = []
    for code in wanted:
        d, p, a, officer, due = found[code]
        staff = {d.officer_id: (officer, "")} if d.officer_id and officer else {}
        loaded = _Loaded(d, p, a, [], staff)
        form_set = form_set_on(loaded.received.date())
        office = offices.get(form_set["id"]) or offices.setdefault(form_set["id"], paper_office(profile, form_set))
        slips.append((_slip(loaded, due or d.due_at), template_of(form_set, "receipt"), office))
    return render_receipts(slips)


def received_on(ctx: AppContext, day: date) -> list[str]:
    """Codes of the dossiers received on ``day``, in ledger order (for printing the day's slips)."""
    with ctx.read() as s:
        return list(
            s.execute(
                select(Dossier.code).where(Dossier.received_on == day).order_by(Dossier.book_year, Dossier.book_seq)
            ).scalars()
        )
