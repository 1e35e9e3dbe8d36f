"""The life of a dossier at the one-stop shop, as an explicit state machine.

Source: NĐ 118/2025/NĐ-CP (one-stop shop) and its forms (TT 03/2025/TT-VPCP): a dossier is received, handed
over for processing (each hand-over on the process control sheet), may need a supplement (the clock starts again
when it is complete), may be refused, paused, stopped or withdrawn, may get an apology with a new appointment when
late, and ends when its result is returned. Timeliness follows the national indicators (QĐ 766/QĐ-TTg 2022):
ahead of time, on time, late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum, StrEnum


class State(StrEnum):
    RECEIVED = "received"
    PROCESSING = "processing"
    SUPPLEMENT = "supplement"  # waiting for the applicant to complete the dossier; the clock does not run
    PAUSED = "paused"
    READY = "ready"  # result ready at the desk
    RETURNED = "returned"
    REFUSED = "refused"
    STOPPED = "stopped"  # processing stopped (TT 03/2025 form 05)
    WITHDRAWN = "withdrawn"


class Action(StrEnum):
    PROCESSING = "processing"  # hand over for processing (also between officers)
    SUPPLEMENT = "supplement"
    REFUSED = "refused"  # refused at the desk (form 03 refuses to receive), before processing begins
    DECLINED = "declined"  # found not eligible after receipt: refused by the competent authority in its own answer
    PAUSED = "paused"
    RESUMED = "resumed"
    EXTENDED = "extended"  # apology and new appointment
    STOPPED = "stopped"
    READY = "ready"
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"


class Timeliness(StrEnum):
    AHEAD = "ahead"
    ON_TIME = "on_time"
    LATE = "late"


class Satisfaction(IntEnum):
    """The applicant's rating when the result is returned, on the four levels offices use (QĐ 766/QĐ-TTg 2022
    counts satisfaction among the service-quality indicators; the levels are the counter devices' and the portal's).
    Stored as the number; statistics count each level (``rating_1`` … ``rating_4``). People name a level by its
    :attr:`code` or by its :attr:`score`, which rises with satisfaction as on the counter devices (4 very satisfied,
    1 dissatisfied): the stored number is not the score."""

    VERY_SATISFIED = 1
    SATISFIED = 2
    NEUTRAL = 3
    DISSATISFIED = 4

    @property
    def code(self) -> str:
        """The level's name in scripts and JSON: ``very_satisfied``, ``satisfied``, ``neutral``, ``dissatisfied``."""
        return self.name.lower()

    @property
    def score(self) -> int:
        """The level as a score people give: 4 very satisfied, 3 satisfied, 2 neutral, 1 dissatisfied."""
        return len(Satisfaction) + 1 - self.value


OPEN_STATES = frozenset({State.RECEIVED, State.PROCESSING, State.SUPPLEMENT, State.PAUSED, State.READY})
FINAL_STATES = frozenset({State.RETURNED, State.REFUSED, State.STOPPED, State.WITHDRAWN})
#: States whose clock runs (a dossier in them can be overdue).
RUNNING_STATES = frozenset({State.RECEIVED, State.PROCESSING, State.READY})

# action -> (states it is allowed from, state it leads to; None keeps the state)
TRANSITIONS: dict[Action, tuple[frozenset[State], State | None]] = {
    Action.PROCESSING: (frozenset({State.RECEIVED, State.PROCESSING}), State.PROCESSING),
    Action.SUPPLEMENT: (frozenset({State.RECEIVED, State.PROCESSING}), State.SUPPLEMENT),
    # Form 03 refuses to receive: only at the desk, before the dossier is handed over for processing (NĐ 61/2018
    # art. 18 §3 c; NĐ 118/2025/NĐ-CP). Later, the competent authority answers in writing that it declines.
    Action.REFUSED: (frozenset({State.RECEIVED}), State.REFUSED),
    Action.DECLINED: (frozenset({State.PROCESSING, State.SUPPLEMENT, State.PAUSED, State.READY}), State.REFUSED),
    Action.PAUSED: (frozenset({State.RECEIVED, State.PROCESSING}), State.PAUSED),
    Action.RESUMED: (frozenset({State.SUPPLEMENT, State.PAUSED}), State.PROCESSING),
    Action.EXTENDED: (frozenset({State.RECEIVED, State.PROCESSING, State.PAUSED}), None),
    Action.STOPPED: (frozenset({State.RECEIVED, State.PROCESSING, State.SUPPLEMENT, State.PAUSED}), State.STOPPED),
    Action.READY: (frozenset({State.RECEIVED, State.PROCESSING}), State.READY),
    Action.RETURNED: (frozenset({State.READY}), State.RETURNED),
    Action.WITHDRAWN: (frozenset(OPEN_STATES), State.WITHDRAWN),
}


#: The step that needs a new appointment (the apology names the new date).
TAKES_NEW_DUE = frozenset({Action.EXTENDED})
#: The step at which the applicant may rate the service (the result is handed to them).
TAKES_RATING = frozenset({Action.RETURNED})


class TransitionError(Exception):
    """The action is not allowed from the dossier's state (the service words the message)."""

    def __init__(self, state: State, action: Action) -> None:
        super().__init__(f"{action} not allowed from {state}")
        self.state = state
        self.action = action


def next_state(state: State, action: Action) -> State:
    allowed, target = TRANSITIONS[action]
    if state not in allowed:
        raise TransitionError(state, action)
    return state if target is None else target


def allowed_actions(state: State) -> list[Action]:
    return [a for a, (allowed, _t) in TRANSITIONS.items() if state in allowed]


def timeliness(returned_on: date, due: datetime | None, due_day: date | None = None) -> Timeliness:
    """Ahead when returned before the due day, on time on the due day, late after it."""
    day = due_day if due_day is not None else (due.date() if due is not None else returned_on)
    if returned_on < day:
        return Timeliness.AHEAD
    if returned_on == day:
        return Timeliness.ON_TIME
    return Timeliness.LATE


@dataclass(frozen=True)
class CodeParts:
    agency: str
    day: date
    seq: int


def format_code(pattern: str, parts: CodeParts) -> str:
    """Dossier code from the office's pattern; placeholders {agency}, {yymmdd}, {yyyymmdd}, {yyyy}, {seq}."""
    return pattern.format(
        agency=parts.agency,
        yymmdd=parts.day.strftime("%y%m%d"),
        yyyymmdd=parts.day.strftime("%Y%m%d"),
        yyyy=parts.day.strftime("%Y"),
        seq=parts.seq,
    )
