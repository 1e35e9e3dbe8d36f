"""Receiving dossiers and moving them through their life.

What a step may do and what it changes are the pure rules of :mod:`isodesk.domain.dossier_life` (which step is
allowed in which state: :mod:`isodesk.domain.ledger`); the use cases here load the dossier and the office's rules,
apply the step and save the result.

Each use case is one transaction: a dossier, its applicant, its first event and its numbers are saved together
or not at all, so a number is never used twice nor skipped when a save fails or the program is killed. A dossier
received incomplete is received and sent back for a supplement in that same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from isodesk.db.models import Applicant, Counter, Dossier, DossierEvent, Office, Procedure, Staff
from isodesk.domain import validation as v
from isodesk.domain.deadlines import ProcessingTime
from isodesk.domain.dossier_life import (
    Life,
    Moved,
    OfficeRules,
    Refusal,
    Step,
    StepRefused,
    apology_is_late,
    apply,
    receive,
)
from isodesk.domain.ledger import Action, CodeParts, Satisfaction, State, Timeliness, format_code
from isodesk.domain.permissions import Permission
from isodesk.domain.supplement import MissingItem, request_note
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_datetime, local_now, local_today, short_date, short_datetime
from isodesk.i18n.text import search_key
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.labels import ACTION_NAMES, state_name
from isodesk.services.ledger import daily_counts
from isodesk.services.ledger.calendar import deadline_in, explain, office_hours, work_calendar
from isodesk.services.ledger.dossier_view import get_dossier_view, read_dossier
from isodesk.services.ledger.procedures import processing_time_of, read_procedure
from isodesk.services.settings import read_setting


@dataclass(frozen=True)
class ApplicantInput:
    """The applicant as typed at the desk; ``representative*`` name who filed on their behalf, if anyone (an
    organisation's representative, a person holding a power of attorney: TT 03/2025/TT-VPCP, form 01)."""

    name: str
    kind: str = "person"
    address: str = ""
    phone: str = ""
    email: str = ""
    id_number: str = ""
    representative: str = ""
    representative_id_number: str = ""
    representative_phone: str = ""


@dataclass(frozen=True)
class Received:
    """A dossier just received: its code and appointment, why that date, and what the officer should check.

    ``missing`` lists the documents it was sent back for (its state is then ``supplement``: the appointment is set
    again from the day it is complete)."""

    code: str
    due: datetime | None
    explanation: str
    warnings: list[str] = field(default_factory=list)
    status: State = State.RECEIVED
    missing: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "status": self.status.value,
            "due": self.due.isoformat() if self.due else None,
            "explanation": self.explanation,
            "warnings": self.warnings,
            "missing": list(self.missing),
        }


def clean_applicant(data: ApplicantInput, today: date | None = None) -> ApplicantInput:
    """The applicant as it will be stored, or a :class:`UserError` naming the first field that is wrong."""
    if data.kind not in ("person", "organisation"):
        raise ValueError(data.kind)
    if data.kind == "person":
        name = check(v.person_name, data.name, v.APPLICANT_NAME)
    else:
        name = check(v.text, data.name, v.APPLICANT_NAME)
    today = today or local_today()
    return ApplicantInput(
        name,
        data.kind,
        check(v.text, data.address, v.ADDRESS),
        check(v.phone_number, data.phone),
        check(v.email_address, data.email),
        check(v.citizen_id, data.id_number, today),
        check(v.person_name, data.representative, v.REPRESENTATIVE_NAME),
        check(v.citizen_id, data.representative_id_number, today, v.REPRESENTATIVE_ID),
        check(v.phone_number, data.representative_phone, v.REPRESENTATIVE_PHONE),
    )


def check_plausible(moment: datetime, now: datetime) -> None:
    """Refuse a time no dossier can have: before 2000 or more than a year ahead of the PC's clock.

    Such a time is a typing slip (2062 for 2026), and a code's date part (yymmdd) repeats every century, so a
    receipt in 2100 would take the code of one in 2000.
    """
    if not v.EARLIEST <= moment.date() <= now.date() + timedelta(days=366):
        raise UserError(
            _("The time {at} cannot be right: check the year (and the PC's clock).").format(at=short_datetime(moment))
        )


def to_local(moment: datetime | None) -> datetime:
    """``moment`` in Vietnam time (a naive one is Vietnam wall time); none given is now, to the minute."""
    if moment is None:
        return local_now().replace(second=0, microsecond=0)
    return local_datetime(moment)


def _next(session: Session, key: str) -> int:
    """Take the next number of counter ``key`` inside the current transaction."""
    session.execute(sqlite_insert(Counter).values(key=key, value=0).on_conflict_do_nothing())
    return int(
        session.execute(
            update(Counter).where(Counter.key == key).values(value=Counter.value + 1).returning(Counter.value)
        ).scalar_one()
    )


def _unconfirmed(procedure: Procedure) -> UserError:
    return UserError(
        _(
            "The processing time of procedure {code} is not confirmed. Enter the time your province published "
            "(isodesk procedure set {code} ...) before receiving dossiers for it."
        ).format(code=procedure.code)
    )


def _time_of(procedure: Procedure) -> ProcessingTime:
    processing = processing_time_of(procedure)
    if processing is None:
        raise _unconfirmed(procedure)
    return processing


def clean_missing(missing: Sequence[str], reason: str = "") -> tuple[tuple[str, ...], str]:
    """The documents a dossier lacks (each may name the copy asked for in brackets) and the note of the supplement
    request listing them (:mod:`isodesk.domain.supplement`); a :class:`UserError` when one is blank or the note
    passes the limit of a step's note."""
    items = tuple(check(v.text, item, v.DOSSIER_NOTE) for item in missing)
    if any(not item for item in items):
        raise UserError(_("Name each missing document; an empty one was given."))
    if not items and reason.strip():
        raise UserError(_("A reason for a supplement request was given, but no missing document."))
    note = request_note([MissingItem(item) for item in items], check(v.text, reason, v.DOSSIER_NOTE))
    return items, check(v.text, note, v.DOSSIER_NOTE)


def receive_dossier(
    ctx: AppContext,
    procedure_code: str,
    applicant: ApplicantInput,
    *,
    received_at: datetime | None = None,
    officer_id: int | None = None,
    sets: int = 1,
    note: str = "",
    missing: Sequence[str] = (),
    reason: str = "",
) -> Received:
    """Receive a dossier at the desk: its numbers, its applicant, its appointment and its first event.

    With ``missing`` documents the dossier is incomplete: it is received and, at the same moment and in the same
    transaction, sent back for a supplement listing them (NĐ 118/2025/NĐ-CP: time runs from the receipt of a
    complete dossier; the supplement request, form 02, names what to complete). That needs the permission to
    process dossiers too; when it is missing, nothing is saved.
    """
    person = clean_applicant(applicant)
    clean_note = check(v.text, note, v.DOSSIER_NOTE)
    items, request = clean_missing(missing, reason)
    local = to_local(received_at)
    now = local_now()
    check_plausible(local, now)
    warnings: list[str] = []
    if local > now + timedelta(minutes=5):
        warnings.append(_("The receipt time {at} is in the future.").format(at=short_datetime(local)))
    if local.year < now.year - 1:
        warnings.append(
            _(
                "The receipt time {at} is in {year}, more than a year ago: check the year typed and the PC's clock."
            ).format(at=short_datetime(local), year=local.year)
        )
    if not 1 <= sets <= 99:
        raise UserError(_("The number of sets must be between 1 and 99."))
    with ctx.unit_of_work() as s:
        account = require(s, Permission.DOSSIER_RECEIVE)
        if items:
            require(s, Permission.DOSSIER_PROCESS)
        if officer_id is None:
            officer_id = account.staff_id  # the officer signed in at the desk received it
        procedure = read_procedure(s, procedure_code)
        processing = _time_of(procedure)
        office = s.execute(select(Office)).scalar_one()
        calendar = work_calendar(s, (local.year, local.year + 1))
        if not calendar.is_working_day(local.date()):
            warnings.append(
                _("{day} is not a working day; the count starts on the next working day.").format(day=short_date(local))
            )
        deadline = deadline_in(s, local, processing)
        life = receive(local, deadline.due, officer_id)
        day_seq = _next(s, f"code:{local.date().isoformat()}")
        book_seq = _next(s, f"book:{local.year}")
        pattern = read_setting(s, "ledger.code_pattern")
        code = format_code(pattern, CodeParts(office.agency_code or office.unit_code, local.date(), day_seq))
        row = Applicant(
            kind=person.kind,
            name=person.name,
            address=person.address,
            phone=person.phone,
            email=person.email,
            id_number=person.id_number,
            representative_name=person.representative,
            representative_id_number=person.representative_id_number,
            representative_phone=person.representative_phone,
        )
        s.add(row)
        s.flush()
        dossier = Dossier(
            code=code,
            book_year=local.year,
            book_seq=book_seq,
            procedure_id=procedure.id,
            applicant_id=row.id,
            status=life.state.value,
            received_at=life.received,
            received_on=local.date(),
            due_at=life.due,
            sets=sets,
            officer_id=officer_id,
            handler_id=life.handler_id,
            search_key=search_key(f"{code} {person.name}"),
        )
        s.add(dossier)
        s.flush()
        daily_counts.record(s, local.date(), procedure.id, received=1)
        s.add(
            DossierEvent(
                dossier_id=dossier.id,
                at=local,
                action=State.RECEIVED.value,
                from_state="",
                to_state=life.state.value,
                to_staff_id=officer_id,
                due_at=life.due,
                note=clean_note,
            )
        )
        if items:  # sent back at the desk, as it was received
            moved = apply(life, Step(Action.SUPPLEMENT, local), _rules(s, procedure, local))
            _record(s, dossier, moved, request)
            life = moved.after
    return Received(code, local_datetime(deadline.due), explain(deadline), warnings, status=life.state, missing=items)


def refuse_at_desk(
    ctx: AppContext,
    procedure_code: str,
    applicant: ApplicantInput,
    reason: str,
    *,
    at: datetime | None = None,
    officer_id: int | None = None,
) -> dict[str, Any]:
    """Refuse to receive a dossier at the desk (form 03 of TT 01/2018/TT-VPCP and TT 03/2025/TT-VPCP; NĐ 61/2018
    art. 18 §3 c): it is recorded in the ledger among the refusals, with its code and the reason, but it was never
    received: no receipt slip, no appointment, no place in the received or timeliness figures."""
    person = clean_applicant(applicant)
    why = check(v.text, reason, v.DOSSIER_NOTE)
    if not why:
        raise UserError(_("Give the reason for refusing the dossier (it is printed on the refusal slip)."))
    local = to_local(at)
    check_plausible(local, local_now())
    with ctx.unit_of_work() as s:
        account = require(s, Permission.DOSSIER_RECEIVE)
        if officer_id is None:
            officer_id = account.staff_id
        procedure = read_procedure(s, procedure_code)
        office = s.execute(select(Office)).scalar_one()
        day_seq = _next(s, f"code:{local.date().isoformat()}")
        book_seq = _next(s, f"book:{local.year}")
        pattern = read_setting(s, "ledger.code_pattern")
        code = format_code(pattern, CodeParts(office.agency_code or office.unit_code, local.date(), day_seq))
        row = Applicant(
            kind=person.kind,
            name=person.name,
            address=person.address,
            phone=person.phone,
            email=person.email,
            id_number=person.id_number,
            representative_name=person.representative,
            representative_id_number=person.representative_id_number,
            representative_phone=person.representative_phone,
        )
        s.add(row)
        s.flush()
        dossier = Dossier(
            code=code,
            book_year=local.year,
            book_seq=book_seq,
            procedure_id=procedure.id,
            applicant_id=row.id,
            status=State.REFUSED.value,
            received_at=local,
            received_on=local.date(),
            due_at=None,
            settled_at=local,
            officer_id=officer_id,
            handler_id=officer_id,
            search_key=search_key(f"{code} {person.name}"),
        )
        s.add(dossier)
        s.flush()
        s.add(
            DossierEvent(
                dossier_id=dossier.id,
                at=local,
                action=Action.REFUSED.value,
                from_state="",
                to_state=State.REFUSED.value,
                from_staff_id=officer_id,
                due_at=None,
                note=why,
            )
        )
    return {"code": code, "status": State.REFUSED.value, "due": None, "reason": why}


def _life(dossier: Dossier) -> Life:
    """The dossier as :mod:`isodesk.domain.dossier_life` reads it, its times in Vietnam time."""
    return Life(
        state=State(dossier.status),
        received=local_datetime(dossier.received_at),
        due=_local(dossier.due_at),
        new_due=_local(dossier.new_due_at),
        paused_at=_local(dossier.paused_at),
        settled_at=_local(dossier.settled_at),
        settled_on=dossier.settled_on,
        extensions=dossier.extensions,
        timeliness=Timeliness(dossier.timeliness) if dossier.timeliness else None,
        rating=dossier.rating,
        handler_id=dossier.handler_id,
    )


def _local(moment: datetime | None) -> datetime | None:
    return local_datetime(moment) if moment else None


def _rules(session: Session, procedure: Procedure, moment: datetime) -> OfficeRules:
    """The office's rules a step at ``moment`` needs (the calendar covers a pause begun the year before)."""
    return OfficeRules(
        calendar=work_calendar(session, (moment.year - 1, moment.year, moment.year + 1)),
        hours=office_hours(session),
        processing=processing_time_of(procedure),
        max_extensions=int(read_setting(session, "ledger.max_extensions")),
    )


def _refused(exc: StepRefused, dossier: Dossier, procedure: Procedure, rules: OfficeRules) -> UserError:
    """The message of a step the rules refuse."""
    reason, step, life = exc.reason, exc.step, exc.life
    if reason is Refusal.NOT_ALLOWED and step.action is Action.REFUSED and life.state is not State.RECEIVED:
        return UserError(
            _(
                "Dossier {code} is {state}: processing has begun, so it can no longer be refused at the desk "
                "(form 03). A dossier found not eligible is declined by the competent authority in its own written "
                "answer (action “declined”)."
            ).format(code=dossier.code, state=state_name(life.state))
        )
    if reason is Refusal.NOT_ALLOWED:
        return UserError(
            _("Dossier {code} is {state}: it cannot be {action} now.").format(
                code=dossier.code, state=state_name(life.state), action=_(ACTION_NAMES[step.action])
            )
        )
    if reason is Refusal.BEFORE_RECEIPT:
        return UserError(
            _("The time {at} is before the dossier was received ({received}).").format(
                at=short_datetime(step.at), received=short_datetime(life.received)
            )
        )
    if reason is Refusal.NO_MORE_EXTENSIONS:
        return UserError(
            _("Dossier {code} already had its new appointment; the rules allow {n}.").format(
                code=dossier.code, n=rules.max_extensions
            )
        )
    if reason is Refusal.NEW_DUE_MISSING:
        return UserError(_("An apology with a new appointment needs the new date (--new-due)."))
    if reason is Refusal.NEW_DUE_NOT_LATER:
        return UserError(_("The new appointment must be later than the current one."))
    return _unconfirmed(procedure)


def _record(session: Session, dossier: Dossier, moved: Moved, note: str) -> None:
    """Save a step the rules allowed: the dossier's changed fields, its event, and the day's figures."""
    before, after = moved.before, moved.after
    for name, column in _LIFE_COLUMNS.items():
        value = getattr(after, name)
        if value != getattr(before, name):
            setattr(dossier, column, value.value if isinstance(value, StrEnum) else value)
    session.add(
        DossierEvent(
            dossier_id=dossier.id,
            at=moved.step.at,
            action=moved.step.action.value,
            from_state=before.state.value,
            to_state=after.state.value,
            from_staff_id=before.handler_id,
            to_staff_id=moved.step.to_staff_id,
            due_at=after.new_due if moved.step.action is Action.EXTENDED else after.due,
            note=note,
        )
    )
    tally = moved.tally
    if tally is not None:
        counts = {tally.timeliness.value: 1} | ({f"rating_{tally.rating}": 1} if tally.rating else {})
        counts["settle_days"] = (tally.day - dossier.received_on).days
        daily_counts.record(session, tally.day, dossier.procedure_id, **counts)
    if moved.step.action is Action.SUPPLEMENT:  # the supplement-request rate of the quality objectives
        daily_counts.record(session, local_datetime(moved.step.at).date(), dossier.procedure_id, supplements=1)


#: Fields of :class:`~isodesk.domain.dossier_life.Life` -> the dossier's columns.
_LIFE_COLUMNS = {
    "state": "status",
    "due": "due_at",
    "new_due": "new_due_at",
    "paused_at": "paused_at",
    "settled_at": "settled_at",
    "settled_on": "settled_on",
    "extensions": "extensions",
    "timeliness": "timeliness",
    "rating": "rating",
    "handler_id": "handler_id",
}


def move_dossier(
    ctx: AppContext,
    code: str,
    action: str,
    *,
    at: datetime | None = None,
    note: str = "",
    new_due: datetime | None = None,
    rating: int | None = None,
    to_staff_id: int | None = None,
) -> dict[str, Any]:
    """Apply ``action`` to dossier ``code`` at ``at`` (default now), recording who, when and why.

    What the step may do and what it changes are the rules of :mod:`isodesk.domain.dossier_life`; this loads the
    dossier and the office's rules, applies the step and saves it, in one transaction."""
    try:
        act = Action(action)
    except ValueError as exc:
        raise UserError(_("“{action}” is not a dossier action.").format(action=v.shown(action))) from exc
    moment = to_local(at)
    check_plausible(moment, local_now())
    clean_note = check(v.text, note, v.DOSSIER_NOTE)
    if rating is not None and rating not in {level.value for level in Satisfaction}:
        raise UserError(_("The rating must be one of: very satisfied, satisfied, neutral, dissatisfied."))
    step = Step(act, moment, to_local(new_due) if new_due is not None else None, rating, to_staff_id)
    with ctx.unit_of_work() as s:
        require(s, Permission.DOSSIER_PROCESS)
        dossier = read_dossier(s, code)
        procedure = s.get(Procedure, dossier.procedure_id)
        assert procedure is not None
        rules = _rules(s, procedure, moment)
        try:
            moved = apply(_life(dossier), step, rules)
        except StepRefused as exc:
            raise _refused(exc, dossier, procedure, rules) from exc
        if to_staff_id is not None and s.get(Staff, to_staff_id) is None:
            raise UserError(_("There is no staff member with id {id}.").format(id=to_staff_id))
        warnings = _late_apology(s, moved) if act is Action.EXTENDED else []
        _record(s, dossier, moved, clean_note)
        s.flush()
        return {
            "code": dossier.code,
            "status": dossier.status,
            "due": _iso(dossier.new_due_at or dossier.due_at),
            "original_due": _iso(dossier.due_at),
            "new_due": _iso(dossier.new_due_at),
            "timeliness": dossier.timeliness,
            "extensions": dossier.extensions,
            "warnings": warnings,
        }


def _late_apology(session: Session, moved: Moved) -> list[str]:
    """The warning for an apology sent later than the office's lead before the slip's due date, or a
    :class:`UserError` when the office refuses such an apology (:func:`~isodesk.domain.dossier_life.apology_is_late`).
    """
    lead = int(read_setting(session, "ledger.apology_lead_days"))
    before = moved.before
    if not apology_is_late(before, moved.step.at, lead) or before.due is None:
        return []
    words = {"at": short_datetime(moved.step.at), "due": short_datetime(before.due), "n": lead}
    if read_setting(session, "ledger.late_apology") == "refuse":
        raise UserError(
            _(
                "The apology sent {at} is late: it must be sent at least {n} day(s) before the due date {due} "
                "(NĐ 61/2018/NĐ-CP art. 19). Nothing was recorded."
            ).format(**words)
        )
    return [
        _(
            "The apology sent {at} is late: it should be sent at least {n} day(s) before the due date {due} "
            "(NĐ 61/2018/NĐ-CP art. 19). It was recorded with the time it was sent."
        ).format(**words)
    ]


def _iso(moment: datetime | None) -> str | None:
    return local_datetime(moment).isoformat() if moment else None


def show_dossier(ctx: AppContext, code: str) -> dict[str, Any]:
    """Dossier ``code`` as the JSON of ``isodesk dossier show`` (:meth:`DossierView.to_dict`)."""
    return get_dossier_view(ctx, code).to_dict()


def preview_due(ctx: AppContext, procedure_code: str, received_at: datetime | None = None) -> Received:
    """The appointment a dossier would get, with its explanation, before anything is saved."""
    local = to_local(received_at)
    with ctx.read() as s:
        procedure = read_procedure(s, procedure_code)
        deadline = deadline_in(s, local, _time_of(procedure))
    return Received("", local_datetime(deadline.due), explain(deadline))
