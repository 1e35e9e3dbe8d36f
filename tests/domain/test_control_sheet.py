"""Who gives and who takes a dossier in each row of the process control sheet, and how each step is judged."""

from __future__ import annotations

from datetime import datetime

import pytest

from isodesk.domain.control_sheet import (
    APPLICANT,
    DESK,
    MIN_BLANK_ROWS,
    NOBODY,
    Recorded,
    blank_rows,
    hand_overs,
    handling_staff,
    share_dues,
    staff,
)
from isodesk.domain.deadlines import OfficeHours
from isodesk.domain.ledger import FINAL_STATES, OPEN_STATES, State, Timeliness
from tests.domain.conftest import at

DESK_OFFICER, CLERK, LEADER = 1, 2, 3


def event(action: str, when: datetime, source: str, giver: int | None = None, taker: int | None = None) -> Recorded:
    return Recorded(action, when, source, giver, taker)


#: The usual route (DOMAIN.md §2): desk -> handling officer -> leader -> handling officer -> desk -> applicant.
ROUTE = [
    event("received", at(2026, 3, 2, 8), "", None, DESK_OFFICER),
    event("processing", at(2026, 3, 2, 9), "received", None, CLERK),
    event("processing", at(2026, 3, 2, 16), "processing", CLERK, LEADER),
    event("processing", at(2026, 3, 3, 9), "processing", LEADER, CLERK),
    event("ready", at(2026, 3, 4, 14), "processing", CLERK),
    event("returned", at(2026, 3, 5, 9), "ready", CLERK),
]


def test_the_usual_route_row_by_row() -> None:
    rows = hand_overs(ROUTE, [], Timeliness.ON_TIME)
    assert [r.event for r in rows] == [1, 2, 3, 4, 5]  # the receipt is not a hand-over
    assert [(r.giver, r.receiver) for r in rows] == [
        (DESK, staff(CLERK)),  # nobody named as giver: the first hand-over leaves the desk
        (staff(CLERK), staff(LEADER)),
        (staff(LEADER), staff(CLERK)),
        (staff(CLERK), DESK),  # a result ready goes back to the desk
        (DESK, APPLICANT),  # and from the desk to the applicant
    ]
    # Without internal steps only the returned dossier is judged, as the ledger judged it.
    assert [r.result for r in rows] == [None, None, None, None, Timeliness.ON_TIME]


def test_internal_steps_are_judged_against_their_own_due_moment() -> None:
    """Steps due Mon 10:00, Tue 17:00, Wed 11:30; a hand-over past the last one is judged against the last."""
    dues = [at(2026, 3, 2, 10), at(2026, 3, 3, 17), at(2026, 3, 4, 11, 30)]
    results = [r.result for r in hand_overs(ROUTE, dues, Timeliness.LATE)]
    assert results == [
        Timeliness.ON_TIME,  # Mon 09:00, step due Mon 10:00
        Timeliness.AHEAD,  # Mon 16:00, step due Tue 17:00
        Timeliness.AHEAD,  # Tue 09:00, step due Wed 11:30
        Timeliness.LATE,  # Wed 14:00, past the last step (Wed 11:30)
        Timeliness.LATE,  # returned: the dossier as a whole, as the ledger judged it
    ]


def test_a_returned_dossier_without_timeliness_is_not_judged() -> None:
    assert hand_overs(ROUTE, [], None)[-1].result is None


@pytest.mark.parametrize("action", ["supplement", "refused", "stopped", "withdrawn"])
def test_papers_for_the_applicant_go_to_the_applicant(action: str) -> None:
    rows = hand_overs([ROUTE[0], event(action, at(2026, 3, 2, 9), "received")], [], None)
    assert [(r.giver, r.receiver, r.result) for r in rows] == [(DESK, APPLICANT, None)]


def test_a_completed_supplement_comes_back_from_the_applicant_to_who_asked() -> None:
    timeline = [
        ROUTE[0],
        event("processing", at(2026, 3, 2, 9), "received", None, CLERK),
        event("supplement", at(2026, 3, 2, 10), "processing", CLERK),
        event("resumed", at(2026, 3, 4, 9), "supplement", CLERK),
    ]
    rows = hand_overs(timeline, [], None)
    assert (rows[1].giver, rows[1].receiver) == (staff(CLERK), APPLICANT)
    assert (rows[2].giver, rows[2].receiver) == (APPLICANT, staff(CLERK))


def test_a_hand_over_to_nobody_named_stays_with_the_giver_and_a_pause_names_nobody() -> None:
    timeline = [
        ROUTE[0],
        event("processing", at(2026, 3, 2, 9), "received", None, CLERK),
        event("processing", at(2026, 3, 2, 10), "processing", CLERK),
        event("paused", at(2026, 3, 2, 11), "processing", CLERK),
    ]
    rows = hand_overs(timeline, [], None)
    assert (rows[1].giver, rows[1].receiver) == (staff(CLERK), staff(CLERK))
    assert (rows[2].giver, rows[2].receiver) == (staff(CLERK), NOBODY)


def test_the_handling_office_is_the_first_one_handed_to() -> None:
    assert handling_staff(ROUTE, LEADER) == CLERK
    assert handling_staff(ROUTE[:1], LEADER) == LEADER  # not handed over yet: whoever holds it
    assert handling_staff([*ROUTE[:1], event("processing", at(2026, 3, 2, 9), "received")], None) is None


@pytest.mark.parametrize("state", list(State))
def test_blank_rows_only_while_open(state: State) -> None:
    if state in FINAL_STATES:
        assert blank_rows(state, 8, 3) == 0
    else:
        assert state in OPEN_STATES
        assert blank_rows(state, 8, 3) == 5
        assert blank_rows(state, 8, 7) == MIN_BLANK_ROWS


def test_an_apology_is_a_note_not_a_hand_over_to_the_applicant() -> None:
    timeline = [ROUTE[0], event("processing", at(2026, 3, 2, 9), "received", None, CLERK)]
    timeline.append(event("extended", at(2026, 3, 3, 9), "processing", CLERK))
    rows = hand_overs(timeline, [], None)
    assert [(r.giver, r.receiver, r.result, r.note_only) for r in rows[1:]] == [(NOBODY, NOBODY, None, True)]


def test_without_internal_steps_each_hand_over_is_judged_by_the_offices_shares(cal2026: object) -> None:
    """Received Monday 2 March 2026 07:30, due Thursday 5 March 17:00 (30 office hours with 07:30-11:30,
    13:30-17:00): four equal shares of 7.5 hours, one working day each; 40/20/20/20 gives the first 12 hours."""
    hours = OfficeHours()
    dues = share_dues(at(2026, 3, 2, 7, 30), at(2026, 3, 5, 17), [25, 25, 25, 25], cal2026, hours)  # type: ignore[arg-type]
    assert dues == [at(2026, 3, 2, 17), at(2026, 3, 3, 17), at(2026, 3, 4, 17), at(2026, 3, 5, 17)]
    uneven = share_dues(at(2026, 3, 2, 7, 30), at(2026, 3, 5, 17), [40, 20, 20, 20], cal2026, hours)  # type: ignore[arg-type]
    assert uneven[0] == at(2026, 3, 3, 14)  # 7.5 hours on Monday, 4 on Tuesday morning, half an hour after lunch
    timeline = [ROUTE[0], event("processing", at(2026, 3, 2, 9), "received", None, CLERK)]
    timeline.append(event("processing", at(2026, 3, 4, 8), "processing", CLERK, LEADER))
    rows = hand_overs(timeline, dues, None)
    assert [r.result for r in rows] == [Timeliness.ON_TIME, Timeliness.LATE]  # by the day it is due
