"""Receiving dossiers and moving them through their life (see :mod:`isodesk.domain.ledger`).

Each use case is one transaction: a dossier, its applicant, its first event and its numbers are saved together
or not at all, so a number is never used twice nor skipped when a save fails or the program is killed.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from isodesk.db.models import Applicant, Counter, Dossier, DossierEvent, Office, Procedure, Staff
from isodesk.domain import validation as v
from isodesk.domain.deadlines import (
    ProcessingTime,
    TimeUnit,
    add_working_hours,
    step_due_times,
    working_hours_between,
)
from isodesk.domain.ledger import (
    Action,
    CodeParts,
    Satisfaction,
    State,
    TransitionError,
    allowed_actions,
    format_code,
    next_state,
    timeliness,
)
from isodesk.domain.permissions import Permission
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
from isodesk.services.ledger.procedures import processing_time_of, read_procedure
from isodesk.services.settings import read_setting


@dataclass(frozen=True)
class ApplicantInput:
    name: str
    kind: str = "person"
    address: str = ""
    phone: str = ""
    email: str = ""
    id_number: str = ""


@dataclass(frozen=True)
class Received:
    code: str
    due: datetime | None
    explanation: str
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "due": self.due.isoformat() if self.due else None,
            "explanation": self.explanation,
            "warnings": self.warnings,
        }


def clean_applicant(data: ApplicantInput, today: date | None = None) -> ApplicantInput:
    """The applicant as it will be stored, or a :class:`UserError` naming the first field that is wrong."""
    if data.kind not in ("person", "organisation"):
        raise ValueError(data.kind)
    if data.kind == "person":
        name = check(v.person_name, data.name, v.APPLICANT_NAME)
    else:
        name = check(v.text, data.name, v.APPLICANT_NAME)
    return ApplicantInput(
        name,
        data.kind,
        check(v.text, data.address, v.ADDRESS),
        check(v.phone_number, data.phone),
        check(v.email_address, data.email),
        check(v.citizen_id, data.id_number, today or local_today()),
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


def _time_of(procedure: Procedure) -> ProcessingTime:
    processing = processing_time_of(procedure)
    if processing is None:
        raise UserError(
            _(
                "The processing time of procedure {code} is not confirmed. Enter the time your province published "
                "(isodesk procedure set {code} ...) before receiving dossiers for it."
            ).format(code=procedure.code)
        )
    return processing


def receive_dossier(
    ctx: AppContext,
    procedure_code: str,
    applicant: ApplicantInput,
    *,
    received_at: datetime | None = None,
    officer_id: int | None = None,
    sets: int = 1,
    note: str = "",
) -> Received:
    person = clean_applicant(applicant)
    clean_note = check(v.text, note, v.DOSSIER_NOTE)
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
        )
        s.add(row)
        s.flush()
        dossier = Dossier(
            code=code,
            book_year=local.year,
            book_seq=book_seq,
            procedure_id=procedure.id,
            applicant_id=row.id,
            status=State.RECEIVED.value,
            received_at=local,
            received_on=local.date(),
            due_at=deadline.due,
            sets=sets,
            officer_id=officer_id,
            handler_id=officer_id,
            search_key=search_key(f"{code} {person.name}"),
        )
        s.add(dossier)
        s.flush()
        daily_counts.record(s, local.date(), procedure.id, received=1)
        s.add(
            DossierEvent(
                dossier_id=dossier.id,
                at=local,
                action="received",
                from_state="",
                to_state=State.RECEIVED.value,
                to_staff_id=officer_id,
                due_at=deadline.due,
                note=clean_note,
            )
        )
    return Received(code, local_datetime(deadline.due), explain(deadline), warnings)


def read_dossier(session: Session, code: str) -> Dossier:
    code = check(v.dossier_code, code)
    dossier = session.execute(select(Dossier).where(Dossier.code == code)).scalar_one_or_none()
    if dossier is None:
        raise UserError(_("There is no dossier with code {code}.").format(code=code))
    return dossier


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
    """Apply ``action`` to dossier ``code`` at ``at`` (default now), recording who, when and why."""
    try:
        act = Action(action)
    except ValueError as exc:
        raise UserError(_("“{action}” is not a dossier action.").format(action=v.shown(action))) from exc
    moment = to_local(at)
    check_plausible(moment, local_now())
    clean_note = check(v.text, note, v.DOSSIER_NOTE)
    if rating is not None and rating not in {level.value for level in Satisfaction}:
        raise UserError(_("The rating must be 1 (very satisfied) to 4 (dissatisfied)."))
    with ctx.unit_of_work() as s:
        require(s, Permission.DOSSIER_PROCESS)
        dossier = read_dossier(s, code)
        state = State(dossier.status)
        try:
            target = next_state(state, act)
        except TransitionError as exc:
            raise UserError(
                _("Dossier {code} is {state}: it cannot be {action} now.").format(
                    code=dossier.code, state=state_name(state), action=_(ACTION_NAMES[act])
                )
            ) from exc
        received = local_datetime(dossier.received_at)
        if moment < received:
            raise UserError(
                _("The time {at} is before the dossier was received ({received}).").format(
                    at=short_datetime(moment), received=short_datetime(received)
                )
            )
        hours = office_hours(s)
        calendar = work_calendar(s, (moment.year - 1, moment.year, moment.year + 1))
        if act is Action.EXTENDED:
            limit = int(read_setting(s, "ledger.max_extensions"))
            if dossier.extensions >= limit:
                raise UserError(
                    _("Dossier {code} already had its new appointment; the rules allow {n}.").format(
                        code=dossier.code, n=limit
                    )
                )
            if new_due is None:
                raise UserError(_("An apology with a new appointment needs the new date (--new-due)."))
            new = to_local(new_due)
            if dossier.due_at is not None and new <= dossier.due_at:
                raise UserError(_("The new appointment must be later than the current one."))
            dossier.extensions += 1
            dossier.due_at = new
        elif act is Action.PAUSED or act is Action.SUPPLEMENT:
            dossier.paused_at = moment
        elif act is Action.RESUMED:
            procedure = s.get(Procedure, dossier.procedure_id)
            assert procedure is not None
            if state is State.SUPPLEMENT:
                # The clock starts again when the dossier is complete (NĐ 118/2025: supplement requests).
                dossier.due_at = deadline_in(s, moment, _time_of(procedure), hours).due
            elif dossier.due_at is not None and dossier.paused_at is not None:
                left = working_hours_between(
                    local_datetime(dossier.paused_at), local_datetime(dossier.due_at), calendar, hours
                )
                dossier.due_at = add_working_hours(moment, left, calendar, hours)
            dossier.paused_at = None
        elif act is Action.RETURNED:
            dossier.settled_at = moment
            dossier.settled_on = moment.date()
            due_local = local_datetime(dossier.due_at) if dossier.due_at else None
            dossier.timeliness = timeliness(moment.date(), due_local).value
            dossier.rating = rating
            counts = {dossier.timeliness: 1} | ({f"rating_{rating}": 1} if rating else {})
            daily_counts.record(s, moment.date(), dossier.procedure_id, **counts)
        elif act in (Action.REFUSED, Action.STOPPED, Action.WITHDRAWN):
            dossier.settled_at = moment
        if to_staff_id is not None and s.get(Staff, to_staff_id) is None:
            raise UserError(_("There is no staff member with id {id}.").format(id=to_staff_id))
        s.add(
            DossierEvent(
                dossier_id=dossier.id,
                at=moment,
                action=act.value,
                from_state=state.value,
                to_state=target.value,
                from_staff_id=dossier.handler_id,
                to_staff_id=to_staff_id,
                due_at=dossier.due_at,
                note=clean_note,
            )
        )
        if to_staff_id is not None:
            dossier.handler_id = to_staff_id
        dossier.status = target.value
        s.flush()
        return {
            "code": dossier.code,
            "status": dossier.status,
            "due": _iso(dossier.due_at),
            "timeliness": dossier.timeliness,
            "extensions": dossier.extensions,
        }


def _iso(moment: datetime | None) -> str | None:
    return local_datetime(moment).isoformat() if moment else None


def show_dossier(ctx: AppContext, code: str) -> dict[str, Any]:
    with ctx.read() as s:
        d = read_dossier(s, code)
        procedure = s.get(Procedure, d.procedure_id)
        applicant = s.get(Applicant, d.applicant_id) if d.applicant_id else None
        staff = {p.id: p.name for p in s.execute(select(Staff)).scalars()}
        events = (
            s.execute(
                select(DossierEvent).where(DossierEvent.dossier_id == d.id).order_by(DossierEvent.at, DossierEvent.id)
            )
            .scalars()
            .all()
        )
        assert procedure is not None
        steps = [
            {"name": name, "responsible": responsible, "due": due.isoformat()}
            for name, responsible, due in step_dues(s, procedure, d)
        ]
        return {
            "code": d.code,
            "status": d.status,
            "status_name": state_name(d.status),
            "procedure": {"code": procedure.code, "name": procedure.name, "field": procedure.field},
            "applicant": asdict(
                ApplicantInput(
                    applicant.name,
                    applicant.kind,
                    applicant.address,
                    applicant.phone,
                    applicant.email,
                    applicant.id_number,
                )
            )
            if applicant
            else None,
            "received": _iso(d.received_at),
            "due": _iso(d.due_at),
            "settled": _iso(d.settled_at),
            "timeliness": d.timeliness,
            "extensions": d.extensions,
            "rating": d.rating,
            "sets": d.sets,
            "note": d.note,
            "book": {"year": d.book_year, "number": d.book_seq},
            "handler": staff.get(d.handler_id) if d.handler_id else None,
            "actions": [a.value for a in allowed_actions(State(d.status))],
            "steps": steps,
            "events": [
                {
                    "at": _iso(e.at),
                    "action": e.action,
                    "from": e.from_state,
                    "to": e.to_state,
                    "from_staff": staff.get(e.from_staff_id) if e.from_staff_id else None,
                    "to_staff": staff.get(e.to_staff_id) if e.to_staff_id else None,
                    "due": _iso(e.due_at),
                    "note": e.note,
                    "by": e.updated_by,
                }
                for e in events
            ],
        }


def preview_due(ctx: AppContext, procedure_code: str, received_at: datetime | None = None) -> Received:
    """The appointment a dossier would get, with its explanation, before anything is saved."""
    local = to_local(received_at)
    with ctx.read() as s:
        procedure = read_procedure(s, procedure_code)
        deadline = deadline_in(s, local, _time_of(procedure))
    return Received("", local_datetime(deadline.due), explain(deadline))


def step_dues(session: Session, procedure: Procedure, dossier: Dossier) -> list[tuple[str, str, datetime]]:
    """(name, responsible, due) of each internal step of the procedure, each starting when the previous one is due."""
    steps = json.loads(procedure.steps)
    if not steps:
        return []
    start = local_datetime(dossier.received_at)
    budgets = [ProcessingTime(TimeUnit(st["unit"]), Decimal(st["value"])) for st in steps]
    calendar = work_calendar(session, (start.year, start.year + 1))
    dues = step_due_times(start, budgets, calendar, office_hours(session))
    return [(st["name"], st["responsible"], due) for st, due in zip(steps, dues, strict=True)]
