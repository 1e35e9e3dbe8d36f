"""Which hand-overs the process control sheet shows, who gives and who takes the dossier in each, and how each is
judged.

Source: the process control sheet (TT 01/2018/TT-VPCP form 05; TT 03/2025/TT-VPCP form 06): one row
per hand-over after the receipt, with the giver and the receiver ("Giao: …" / "Nhận: …"), and in the column
"Kết quả giải quyết hồ sơ" the result of the step (ahead of time / on time / late). The usual route is desk →
handling officer → leader → handling officer → desk → applicant. Who stands on each side:

- the first hand-over leaves the desk when no officer is named as giver;
- a hand-over for processing goes to the officer named, else stays with whoever gave it;
- a result marked ready goes back to the desk; a returned result goes from the desk to the applicant;
- a supplement request, a refusal, a notice of stopping and a withdrawal go to the applicant;
- an apology is no hand-over (the file stays where it is): it is listed as a note, with nobody giving or taking;
- a completed supplement comes from the applicant back to whoever had asked for it.

Judging: each hand-over along the route (processing, ready, returned) ends a step. A returned dossier is judged as
a whole, as the ledger judges it (:func:`isodesk.domain.ledger.timeliness`); the other steps against the due moment
of the procedure's internal step they end (:func:`isodesk.domain.forms.step_timeliness`), when it has internal
steps; without them against an even split of the dossier's time the office can edit (setting
``ledger.step_shares``, :func:`share_dues`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from isodesk.domain.calendar import WorkCalendar
from isodesk.domain.deadlines import OfficeHours, add_working_hours, working_hours_between
from isodesk.domain.forms import step_timeliness
from isodesk.domain.ledger import FINAL_STATES, Action, State, Timeliness

#: The steps of the route: each one ends a step of the procedure and is judged.
ROUTE = frozenset({Action.PROCESSING, Action.READY, Action.RETURNED})
#: The papers that go to the applicant.
TO_APPLICANT = frozenset({Action.SUPPLEMENT, Action.REFUSED, Action.DECLINED, Action.STOPPED, Action.WITHDRAWN})
#: Steps listed as a note only: nothing changes hands.
NOTES_ONLY = frozenset({Action.EXTENDED})
#: Blank rows printed at least under the recorded ones while the dossier is open (for the hand-overs to come).
MIN_BLANK_ROWS = 2


class Side(StrEnum):
    DESK = "desk"  # the one-stop-shop desk (Bộ phận một cửa / Trung tâm Phục vụ hành chính công)
    APPLICANT = "applicant"
    STAFF = "staff"  # a named officer or leader
    NOBODY = "nobody"  # not recorded: printed as a line to fill in by hand


@dataclass(frozen=True)
class Party:
    side: Side
    staff_id: int | None = None


DESK = Party(Side.DESK)
APPLICANT = Party(Side.APPLICANT)
NOBODY = Party(Side.NOBODY)


def staff(staff_id: int | None) -> Party:
    return Party(Side.STAFF, staff_id) if staff_id is not None else NOBODY


@dataclass(frozen=True)
class Recorded:
    """An event of the dossier's timeline as the sheet reads it (times in Vietnam time)."""

    action: str  # "received" or an :class:`~isodesk.domain.ledger.Action`
    at: datetime
    from_state: str
    from_staff_id: int | None
    to_staff_id: int | None


@dataclass(frozen=True)
class HandOverRow:
    """A row of the sheet: ``event`` is the position of its event in the timeline given."""

    event: int
    giver: Party
    receiver: Party
    result: Timeliness | None  # None: the step is not judged
    note_only: bool = False  # a note (an apology), not a hand-over


def hand_overs(
    events: Sequence[Recorded], step_dues: Sequence[datetime], returned: Timeliness | None
) -> list[HandOverRow]:
    """The rows of the sheet for the timeline ``events``, with the due moments of the procedure's internal steps
    (empty when it has none) and the timeliness of the dossier when it was returned."""
    rows: list[HandOverRow] = []
    steps_done = 0
    for index, event in enumerate(events):
        if event.action == State.RECEIVED:
            continue
        if event.action in NOTES_ONLY:
            rows.append(HandOverRow(index, NOBODY, NOBODY, None, note_only=True))
            continue
        giver, receiver = staff(event.from_staff_id), staff(event.to_staff_id)
        if giver == NOBODY and event.from_state == State.RECEIVED:
            giver = DESK  # the first hand-over leaves the desk
        if event.action == Action.PROCESSING:
            receiver = receiver if receiver != NOBODY else giver
        elif event.action == Action.READY:
            receiver = DESK
        elif event.action == Action.RETURNED:
            giver, receiver = DESK, APPLICANT
        elif event.action in TO_APPLICANT:
            receiver = APPLICANT
        elif event.action == Action.RESUMED:
            giver, receiver = APPLICANT, giver
        result: Timeliness | None = None
        if event.action in ROUTE:
            if event.action == Action.RETURNED:
                result = returned
            elif step_dues:
                result = step_timeliness(event.at, step_dues[min(steps_done, len(step_dues) - 1)])
            steps_done += 1
        rows.append(HandOverRow(index, giver, receiver, result))
    return rows


def handling_staff(events: Sequence[Recorded], handler_id: int | None) -> int | None:
    """Who stands for the handling office: the officer the desk first handed the dossier to (later hand-overs go up
    for approval and come back), else whoever holds it now."""
    first = next((e for e in events if e.action == Action.PROCESSING and e.to_staff_id is not None), None)
    return first.to_staff_id if first is not None else handler_id


def blank_rows(state: State, template_rows: int, recorded: int) -> int:
    """Rows left to fill in by hand: none once the dossier is settled, else enough to reach the template's rows,
    and at least :data:`MIN_BLANK_ROWS`."""
    return 0 if state in FINAL_STATES else max(MIN_BLANK_ROWS, template_rows - recorded)


def share_dues(
    received: datetime, due: datetime, shares: Sequence[int], calendar: WorkCalendar, hours: OfficeHours
) -> list[datetime]:
    """The due moment of each hand-over along the route when the procedure has no internal steps: the office hours
    from ``received`` to the slip's ``due`` split by ``shares`` (percentages adding up to 100), each step starting
    when the previous one is due; the last one is the slip's due date."""
    total = working_hours_between(received, due, calendar, hours)
    out: list[datetime] = []
    done = 0
    for share in shares[:-1]:
        done += share
        out.append(add_working_hours(received, total * Decimal(done) / 100, calendar, hours))
    return [*out, due] if shares else []
