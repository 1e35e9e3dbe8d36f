"""The dossier state machine: every allowed transition and every refused one."""

from __future__ import annotations

from datetime import date

import pytest

from isodesk.domain.ledger import (
    FINAL_STATES,
    TRANSITIONS,
    Action,
    CodeParts,
    State,
    Timeliness,
    TransitionError,
    allowed_actions,
    format_code,
    next_state,
    timeliness,
)
from tests.domain.conftest import at

ALLOWED = {
    (State.RECEIVED, Action.PROCESSING): State.PROCESSING,
    (State.PROCESSING, Action.PROCESSING): State.PROCESSING,  # hand-over between officers
    (State.RECEIVED, Action.SUPPLEMENT): State.SUPPLEMENT,
    (State.SUPPLEMENT, Action.RESUMED): State.PROCESSING,
    (State.PROCESSING, Action.PAUSED): State.PAUSED,
    (State.PAUSED, Action.RESUMED): State.PROCESSING,
    (State.PROCESSING, Action.EXTENDED): State.PROCESSING,
    (State.PROCESSING, Action.READY): State.READY,
    (State.READY, Action.RETURNED): State.RETURNED,
    (State.RECEIVED, Action.REFUSED): State.REFUSED,
    (State.PROCESSING, Action.DECLINED): State.REFUSED,  # the competent authority's own written answer
    (State.SUPPLEMENT, Action.DECLINED): State.REFUSED,
    (State.PROCESSING, Action.STOPPED): State.STOPPED,
    (State.READY, Action.WITHDRAWN): State.WITHDRAWN,
}


@pytest.mark.parametrize(("state", "action"), list(ALLOWED))
def test_allowed(state: State, action: Action) -> None:
    assert next_state(state, action) is ALLOWED[(state, action)]
    assert action in allowed_actions(state)


REFUSED = [
    (State.RECEIVED, Action.RETURNED),  # a result must be ready before it is returned
    (State.PROCESSING, Action.RESUMED),
    (State.SUPPLEMENT, Action.READY),
    (State.READY, Action.EXTENDED),
    (State.PAUSED, Action.READY),
    (State.PROCESSING, Action.REFUSED),  # form 03 refuses to receive: not once processing has begun
    (State.SUPPLEMENT, Action.REFUSED),
    (State.RECEIVED, Action.DECLINED),  # not yet processed: refused at the desk instead
] + [(final, action) for final in FINAL_STATES for action in Action]


@pytest.mark.parametrize(("state", "action"), REFUSED)
def test_refused(state: State, action: Action) -> None:
    with pytest.raises(TransitionError):
        next_state(state, action)


def test_final_states_allow_nothing() -> None:
    assert all(allowed_actions(s) == [] for s in FINAL_STATES)
    assert set(TRANSITIONS) == set(Action)


def test_timeliness() -> None:
    due = at(2026, 11, 25, 17, 0)
    assert timeliness(date(2026, 11, 24), due) is Timeliness.AHEAD
    assert timeliness(date(2026, 11, 25), due) is Timeliness.ON_TIME
    assert timeliness(date(2026, 11, 26), due) is Timeliness.LATE


def test_code_pattern() -> None:
    parts = CodeParts("000.00.28.H20", date(2026, 11, 22), 7)
    assert format_code("{agency}-{yymmdd}-{seq:04d}", parts) == "000.00.28.H20-261122-0007"
    assert format_code("{yyyy}/{seq:06d}", parts) == "2026/000007"
