"""What each step of a dossier's life changes: its state, its appointment, its extensions, its timeliness.

:mod:`isodesk.domain.ledger` says which step is allowed in which state; this module says what the step does to the
dossier, as a pure function (:func:`apply`) the ledger service loads, applies and saves. The rules and their
sources:

- Receipt starts the life with the appointment written on the receipt slip (NĐ 118/2025/NĐ-CP on the one-stop
  shop; the due date itself is :mod:`isodesk.domain.deadlines`).
- A request for a supplement stops the clock; when the dossier is complete (``resumed``) the clock starts again
  from that moment with the procedure's whole processing time, since time runs from the receipt of a complete,
  valid dossier (NĐ 118/2025/NĐ-CP on supplement requests).
- A pause stops the clock too; on resuming, the appointment moves by the office hours the dossier was paused: the
  appointment on the receipt slip moves only while the clock stands.
- An apology gives a new, later appointment, as many times as the office's setting ``ledger.max_extensions``
  allows (NĐ 61/2018/NĐ-CP art. 19 allowed it once; whether NĐ 118/2025/NĐ-CP keeps that limit is unconfirmed,
  hence a setting, default once). The new appointment is kept apart (``new_due``): the due date on the receipt
  slip stays what timeliness is judged against.
- Returning the result settles the dossier: ahead of time, on time or late against the due date on its receipt
  slip, as moved only by a stopped clock, never by an apology (QĐ 766/QĐ-TTg 2022,
  :func:`isodesk.domain.ledger.timeliness`), with the applicant's rating; the day's figures count it.
- Refusing (at the desk, form 03, before processing begins; or declined by the competent authority after it),
  stopping or a withdrawal settles it without a timeliness.
- Any step may hand the dossier to another officer (a row of the process control sheet).

Every time is timezone-aware in Vietnam time; a step before the receipt is refused. A refused step raises
:class:`StepRefused` with a :class:`Refusal` that the service words in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from isodesk.domain.calendar import WorkCalendar
from isodesk.domain.deadlines import (
    OfficeHours,
    ProcessingTime,
    add_working_hours,
    compute_due,
    working_hours_between,
)
from isodesk.domain.ledger import Action, State, Timeliness, TransitionError, next_state, timeliness


@dataclass(frozen=True)
class Life:
    """The part of a dossier its steps read and change."""

    state: State
    received: datetime
    due: datetime | None  # on the receipt slip, moved only while the clock stood
    new_due: datetime | None = None  # the appointment given with an apology
    paused_at: datetime | None = None  # when its clock stopped (supplement request or pause)
    settled_at: datetime | None = None
    settled_on: date | None = None  # the day a returned result counts in the figures
    extensions: int = 0  # new appointments given with an apology
    timeliness: Timeliness | None = None
    rating: int | None = None
    handler_id: int | None = None  # the staff member who holds it now

    @property
    def appointment(self) -> datetime | None:
        """The date the applicant now expects the result: the apology's, else the slip's."""
        return self.new_due if self.new_due is not None else self.due


@dataclass(frozen=True)
class Step:
    """What the officer records: the action, when, and what it needs (a new date, a rating, who takes it)."""

    action: Action
    at: datetime
    new_due: datetime | None = None
    rating: int | None = None
    to_staff_id: int | None = None


@dataclass(frozen=True)
class OfficeRules:
    """The office's settings a step needs: its calendar (covering the years around the step), office hours, the
    procedure's processing time (None while the office has not confirmed it) and the extensions allowed."""

    calendar: WorkCalendar
    hours: OfficeHours
    processing: ProcessingTime | None
    max_extensions: int


class Refusal(StrEnum):
    """Why a step cannot be recorded (the service words the message)."""

    NOT_ALLOWED = "not_allowed"  # not from this state (:data:`isodesk.domain.ledger.TRANSITIONS`)
    BEFORE_RECEIPT = "before_receipt"
    NO_MORE_EXTENSIONS = "no_more_extensions"
    NEW_DUE_MISSING = "new_due_missing"
    NEW_DUE_NOT_LATER = "new_due_not_later"
    TIME_NOT_CONFIRMED = "time_not_confirmed"  # the clock restarts with a processing time nobody confirmed


class StepRefused(Exception):
    def __init__(self, reason: Refusal, life: Life, step: Step) -> None:
        super().__init__(f"{step.action} refused: {reason}")
        self.reason = reason
        self.life = life
        self.step = step


@dataclass(frozen=True)
class Tally:
    """A returned dossier as the day's figures count it (the on-time rate of QĐ 766/QĐ-TTg 2022)."""

    day: date
    timeliness: Timeliness
    rating: int | None


@dataclass(frozen=True)
class Moved:
    """A recorded step: the dossier before and after it. The event of the timeline (and the row of the control
    sheet) is read from here: who gave it (the holder before), who took it, and the appointment after the step."""

    before: Life
    after: Life
    step: Step

    @property
    def tally(self) -> Tally | None:
        """What the step adds to the figures of the day it settles the dossier, if it counts there."""
        after = self.after
        if self.step.action is not Action.RETURNED or after.timeliness is None or after.settled_on is None:
            return None
        return Tally(after.settled_on, after.timeliness, after.rating)


def receive(at: datetime, due: datetime, officer_id: int | None) -> Life:
    """A dossier just received at the desk by ``officer_id``, due at ``due``."""
    return Life(State.RECEIVED, received=at, due=due, handler_id=officer_id)


def apply(life: Life, step: Step, rules: OfficeRules) -> Moved:
    """The dossier after ``step``, or :class:`StepRefused` (nothing changes)."""
    try:
        target = next_state(life.state, step.action)
    except TransitionError as exc:
        raise StepRefused(Refusal.NOT_ALLOWED, life, step) from exc
    if step.at < life.received:
        raise StepRefused(Refusal.BEFORE_RECEIPT, life, step)
    after = _changes(life, step, rules)
    handler = step.to_staff_id if step.to_staff_id is not None else life.handler_id
    return Moved(life, replace(after, state=target, handler_id=handler), step)


def _changes(life: Life, step: Step, rules: OfficeRules) -> Life:
    """What ``step`` changes besides the state and the holder."""
    action, at = step.action, step.at
    if action is Action.EXTENDED:
        if life.extensions >= rules.max_extensions:
            raise StepRefused(Refusal.NO_MORE_EXTENSIONS, life, step)
        if step.new_due is None:
            raise StepRefused(Refusal.NEW_DUE_MISSING, life, step)
        current = life.appointment
        if current is not None and step.new_due <= current:
            raise StepRefused(Refusal.NEW_DUE_NOT_LATER, life, step)
        return replace(life, extensions=life.extensions + 1, new_due=step.new_due)
    if action in (Action.PAUSED, Action.SUPPLEMENT):
        return replace(life, paused_at=at)
    if action is Action.RESUMED:
        due = _due_on_resuming(life, step, rules)
        return replace(life, due=due, new_due=_new_due_on_resuming(life, due), paused_at=None)
    if action is Action.RETURNED:
        return replace(
            life,
            settled_at=at,
            settled_on=at.date(),
            timeliness=timeliness(at.date(), life.due),
            rating=step.rating,
        )
    if action in (Action.REFUSED, Action.DECLINED, Action.STOPPED, Action.WITHDRAWN):
        return replace(life, settled_at=at)
    return life


def _due_on_resuming(life: Life, step: Step, rules: OfficeRules) -> datetime | None:
    if life.state is State.SUPPLEMENT:  # complete now: the whole processing time runs from this moment
        if rules.processing is None:
            raise StepRefused(Refusal.TIME_NOT_CONFIRMED, life, step)
        return compute_due(step.at, rules.processing, rules.calendar, rules.hours).due
    if life.due is not None and life.paused_at is not None:  # the office hours that were left when paused
        left = working_hours_between(life.paused_at, life.due, rules.calendar, rules.hours)
        return add_working_hours(step.at, left, rules.calendar, rules.hours)
    return life.due


def _new_due_on_resuming(life: Life, due: datetime | None) -> datetime | None:
    """An apology's appointment moves as far as the slip's date did while the clock stood (never before it)."""
    if life.new_due is None or life.due is None or due is None:
        return life.new_due
    return max(life.new_due + (due - life.due), due)


def apology_is_late(life: Life, at: datetime, lead_days: int) -> bool:
    """Whether an apology sent at ``at`` comes later than ``lead_days`` days before the due date on the receipt slip.

    NĐ 61/2018/NĐ-CP art. 19 asked for the apology with its new appointment at least one day before the due date;
    NĐ 118/2025/NĐ-CP keeps the apology and is silent on the lead, so the lead is the office's setting
    ``ledger.apology_lead_days`` (default 1) and what a late one does is ``ledger.late_apology`` (default: warn).
    """
    if life.due is None:
        return False
    return (life.due.date() - at.date()).days < lead_days
