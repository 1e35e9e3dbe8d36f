"""One dossier as everything that shows it reads it: its window, ``isodesk dossier show`` and its papers.

A :class:`DossierView` is read in one session and frozen, with its timeline, the internal steps of its procedure
and the staff it names, so the screens and the papers need no second look at the database and none of them keeps a
dictionary of its own. Times are in Vietnam time (stored in UTC, shown as the office lives them).
:meth:`DossierView.to_dict` is the JSON of ``dossier show --json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import Account, Applicant, Department, Dossier, DossierEvent, Procedure, Staff
from isodesk.domain import validation as v
from isodesk.domain.calendar import WorkCalendar
from isodesk.domain.control_sheet import Recorded, share_dues
from isodesk.domain.deadlines import OfficeHours, ProcessingTime, TimeUnit, step_due_times
from isodesk.domain.ledger import Action, Satisfaction, State, Timeliness, allowed_actions
from isodesk.domain.procedures import Component
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_datetime
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.labels import state_name
from isodesk.services.ledger.calendar import office_hours, work_calendar
from isodesk.services.ledger.procedures import components_of, processing_time_of
from isodesk.services.settings import read_setting


@dataclass(frozen=True)
class StaffRef:
    """A staff member named by a dossier, with their department (the control sheet names both)."""

    id: int
    name: str
    department: str = ""


@dataclass(frozen=True)
class ApplicantView:
    name: str  # "" once the personal data was erased
    kind: str = "person"
    address: str = ""
    phone: str = ""
    email: str = ""
    id_number: str = ""
    representative: str = ""  # who filed on the applicant's behalf (TT 03/2025/TT-VPCP, form 01)
    representative_id_number: str = ""
    representative_phone: str = ""


@dataclass(frozen=True)
class ProcedureView:
    code: str
    name: str
    field: str
    components: tuple[str, ...] = ()  # the documents a dossier holds, as the catalogue lists them
    processing: ProcessingTime | None = None  # the office's time, None while not confirmed
    fee: str = ""  # the office's fee, else the published one
    documents: tuple[Component, ...] = ()  # the same documents with their counts of originals and copies


@dataclass(frozen=True)
class StepView:
    """An internal step of the procedure and when it is due, each starting when the previous one is due."""

    name: str
    responsible: str
    due: datetime


@dataclass(frozen=True)
class EventView:
    """A step of the dossier's timeline: the receipt, then each :class:`~isodesk.domain.ledger.Action`."""

    at: datetime
    action: str
    from_state: str
    to_state: str
    from_staff: StaffRef | None
    to_staff: StaffRef | None
    due: datetime | None  # the appointment after this step
    note: str
    by: str  # the account that recorded it

    def recorded(self) -> Recorded:
        """The event as the control sheet's rules read it."""
        return Recorded(
            self.action,
            self.at,
            self.from_state,
            self.from_staff.id if self.from_staff else None,
            self.to_staff.id if self.to_staff else None,
        )


@dataclass(frozen=True)
class DossierView:
    code: str
    status: State
    procedure: ProcedureView
    applicant: ApplicantView | None  # None when the record is gone
    received: datetime
    due: datetime | None  # on the receipt slip, moved only while the clock stood: timeliness is judged by it
    settled: datetime | None
    timeliness: Timeliness | None
    extensions: int
    rating: int | None
    sets: int
    note: str
    book_year: int
    book_seq: int
    officer: StaffRef | None  # who received it at the desk
    handler: StaffRef | None  # who holds it now
    steps: tuple[StepView, ...]
    events: tuple[EventView, ...]
    new_due: datetime | None = None  # the appointment given with an apology
    step_dues: tuple[datetime, ...] = ()  # when each hand-over along the route is due (control sheet)
    #: the name of the account that recorded the receipt: the slip's signature when no staff member is linked
    received_by: str = ""

    @property
    def appointment(self) -> datetime | None:
        """The date the applicant now expects the result: the apology's, else the slip's."""
        return self.new_due or self.due

    @property
    def status_name(self) -> str:
        return state_name(self.status)

    @property
    def actions(self) -> tuple[Action, ...]:
        """The steps allowed next (:data:`isodesk.domain.ledger.TRANSITIONS`)."""
        return tuple(allowed_actions(self.status))

    @property
    def first_due(self) -> datetime | None:
        """The appointment written on the receipt slip (later ones come with an apology)."""
        received = next((e for e in self.events if e.action == State.RECEIVED), None)
        return received.due if received and received.due else self.due

    def last(self, action: Action) -> EventView | None:
        """The latest event of ``action``."""
        return next((e for e in reversed(self.events) if e.action == action), None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``isodesk dossier show --json``: times as ISO 8601 with the +07:00 offset."""
        return {
            "code": self.code,
            "status": self.status.value,
            "status_name": self.status_name,
            "procedure": {"code": self.procedure.code, "name": self.procedure.name, "field": self.procedure.field},
            "applicant": asdict(self.applicant) if self.applicant else None,
            "received": _iso(self.received),
            "due": _iso(self.due),
            "original_due": _iso(self.due),
            "new_due": _iso(self.new_due),
            "settled": _iso(self.settled),
            "timeliness": self.timeliness.value if self.timeliness else None,
            "extensions": self.extensions,
            "rating": self.rating,
            "satisfaction": Satisfaction(self.rating).code if self.rating is not None else None,
            "sets": self.sets,
            "note": self.note,
            "book": {"year": self.book_year, "number": self.book_seq},
            "handler": self.handler.name if self.handler else None,
            "actions": [a.value for a in self.actions],
            "steps": [{"name": s.name, "responsible": s.responsible, "due": s.due.isoformat()} for s in self.steps],
            "step_dues": [due.isoformat() for due in self.step_dues],
            "events": [
                {
                    "at": _iso(e.at),
                    "action": e.action,
                    "from": e.from_state,
                    "to": e.to_state,
                    "from_staff": e.from_staff.name if e.from_staff else None,
                    "to_staff": e.to_staff.name if e.to_staff else None,
                    "due": _iso(e.due),
                    "note": e.note,
                    "by": e.by,
                }
                for e in self.events
            ],
        }


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _local(moment: datetime | None) -> datetime | None:
    return local_datetime(moment) if moment else None


def read_dossier(session: Session, code: str) -> Dossier:
    """The dossier row of ``code``, or a :class:`UserError` saying there is none."""
    code = check(v.dossier_code, code)
    dossier = session.execute(select(Dossier).where(Dossier.code == code)).scalar_one_or_none()
    if dossier is None:
        raise UserError(_("There is no dossier with code {code}.").format(code=code))
    return dossier


class _StepClock:
    """The office hours and calendars the internal steps are counted with, read once per session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.hours: OfficeHours | None = None
        self.calendars: dict[int, WorkCalendar] = {}
        self.shares: list[int] | None = None

    def dues(self, procedure: Procedure, received: datetime) -> list[tuple[str, str, datetime]]:
        steps = json.loads(procedure.steps)
        if not steps:
            return []
        start = local_datetime(received)
        calendar, hours = self._calendar(start)
        budgets = [ProcessingTime(TimeUnit(st["unit"]), Decimal(st["value"])) for st in steps]
        dues = step_due_times(start, budgets, calendar, hours)
        return [(st["name"], st["responsible"], due) for st, due in zip(steps, dues, strict=True)]

    def _calendar(self, start: datetime) -> tuple[WorkCalendar, OfficeHours]:
        if self.hours is None:
            self.hours = office_hours(self.session)
        calendar = self.calendars.get(start.year)
        if calendar is None:
            calendar = self.calendars[start.year] = work_calendar(self.session, (start.year, start.year + 1))
        return calendar, self.hours

    def route_dues(self, steps: Sequence[StepView], received: datetime, due: datetime | None) -> tuple[datetime, ...]:
        """When each hand-over along the route is due: the internal steps' due moments, else the office's shares
        of the time up to the slip's due date (setting ``ledger.step_shares``)."""
        if steps:
            return tuple(step.due for step in steps)
        if due is None:
            return ()
        if self.shares is None:
            self.shares = [int(part) for part in str(read_setting(self.session, "ledger.step_shares")).split(",")]
        calendar, hours = self._calendar(received)
        return tuple(share_dues(received, due, self.shares, calendar, hours))


def step_dues(session: Session, procedure: Procedure, dossier: Dossier) -> list[tuple[str, str, datetime]]:
    """(name, responsible, due) of each internal step of the procedure, each starting when the previous one is due."""
    return _StepClock(session).dues(procedure, dossier.received_at)


def _staff(session: Session) -> dict[int, StaffRef]:
    rows = session.execute(select(Staff.id, Staff.name, Department.name).join(Department, isouter=True))
    return {sid: StaffRef(sid, name, dept or "") for sid, name, dept in rows}


def _procedure(p: Procedure) -> ProcedureView:
    documents = components_of(p)
    return ProcedureView(
        p.code,
        p.name,
        p.field,
        tuple(d.name for d in documents),
        processing_time_of(p),
        p.office_fee or p.fee,
        documents,
    )


def _applicant(a: Applicant | None) -> ApplicantView | None:
    if a is None:
        return None
    return ApplicantView(
        a.name,
        a.kind,
        a.address,
        a.phone,
        a.email,
        a.id_number,
        a.representative_name,
        a.representative_id_number,
        a.representative_phone,
    )


def _receiver(accounts: dict[str, str], events: list[DossierEvent]) -> str:
    """Who recorded the receipt, by their account's display name (its username when it has none)."""
    first = next((e for e in events if e.action == State.RECEIVED), None)
    if first is None or not first.updated_by:
        return ""
    return accounts.get(first.updated_by) or first.updated_by


def read_dossier_views(session: Session, codes: Iterable[str]) -> dict[str, DossierView]:
    """The dossiers of ``codes`` that exist, by code, read with a fixed number of queries whatever their number
    (a day's receipt slips are printed in one go)."""
    wanted = list(dict.fromkeys(codes))
    if not wanted:
        return {}
    found = session.execute(
        select(Dossier, Procedure, Applicant)
        .join(Procedure, Procedure.id == Dossier.procedure_id)
        .outerjoin(Applicant, Applicant.id == Dossier.applicant_id)
        .where(Dossier.code.in_(wanted))
    ).all()
    if not found:
        return {}
    timelines: dict[int, list[DossierEvent]] = {d.id: [] for d, _p, _a in found}
    for event in session.execute(
        select(DossierEvent)
        .where(DossierEvent.dossier_id.in_(list(timelines)))
        .order_by(DossierEvent.at, DossierEvent.id)
    ).scalars():
        timelines[event.dossier_id].append(event)
    staff = _staff(session)
    clock = _StepClock(session)
    accounts = {u: name for u, name in session.execute(select(Account.username, Account.display_name))}
    procedures: dict[int, ProcedureView] = {}

    def who(staff_id: int | None) -> StaffRef | None:
        return staff.get(staff_id) if staff_id else None

    views = {}
    for d, p, a in found:
        procedure = procedures.get(p.id) or procedures.setdefault(p.id, _procedure(p))
        received = local_datetime(d.received_at)
        steps = tuple(StepView(name, who_, due) for name, who_, due in clock.dues(p, received))
        views[d.code] = DossierView(
            code=d.code,
            status=State(d.status),
            procedure=procedure,
            applicant=_applicant(a),
            received=received,
            due=_local(d.due_at),
            settled=_local(d.settled_at),
            timeliness=Timeliness(d.timeliness) if d.timeliness else None,
            extensions=d.extensions,
            rating=d.rating,
            sets=d.sets,
            note=d.note,
            book_year=d.book_year,
            book_seq=d.book_seq,
            officer=who(d.officer_id),
            handler=who(d.handler_id),
            steps=steps,
            new_due=_local(d.new_due_at),
            step_dues=clock.route_dues(steps, received, _local(d.due_at)),
            received_by=_receiver(accounts, timelines[d.id]),
            events=tuple(
                EventView(
                    local_datetime(e.at),
                    e.action,
                    e.from_state,
                    e.to_state,
                    who(e.from_staff_id),
                    who(e.to_staff_id),
                    _local(e.due_at),
                    e.note,
                    e.updated_by,
                )
                for e in timelines[d.id]
            ),
        )
    return views


def read_dossier_view(session: Session, code: str) -> DossierView:
    """Dossier ``code``, or a :class:`UserError` saying there is none."""
    dossier = read_dossier(session, code)
    return read_dossier_views(session, [dossier.code])[dossier.code]


def get_dossier_view(ctx: AppContext, code: str) -> DossierView:
    with ctx.read() as s:
        return read_dossier_view(s, code)


def views_in_order(views: dict[str, DossierView], codes: Sequence[str]) -> list[DossierView]:
    """``views`` in the order of ``codes``; a :class:`UserError` names the codes that have no dossier."""
    missing = [c for c in codes if c not in views]
    if missing:
        raise UserError(_("There is no dossier with code {code}.").format(code=", ".join(missing)))
    return [views[c] for c in codes]
