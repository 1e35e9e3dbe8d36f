"""What each step of a dossier's life changes, as pure rules (no database)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest

from isodesk.domain.calendar import WorkCalendar
from isodesk.domain.deadlines import OfficeHours, ProcessingTime, TimeUnit
from isodesk.domain.dossier_life import (
    Life,
    OfficeRules,
    Refusal,
    Step,
    StepRefused,
    Tally,
    apply,
    receive,
)
from isodesk.domain.ledger import TRANSITIONS, Action, State, Timeliness
from tests.domain.conftest import at, vn_calendar

THREE_DAYS = ProcessingTime(TimeUnit.WORKING_DAYS, Decimal(3))


@pytest.fixture
def rules(cal2026: WorkCalendar) -> OfficeRules:
    return OfficeRules(cal2026, OfficeHours(), THREE_DAYS, max_extensions=1)


def received() -> Life:
    """Received Monday 16 Nov 2026 09:00 by officer 7, due Thursday 19 Nov 17:00 (3 working days)."""
    return receive(at(2026, 11, 16), at(2026, 11, 19, 17), officer_id=7)


def test_receipt_starts_the_life_with_the_slip_appointment() -> None:
    life = received()
    assert life == Life(State.RECEIVED, at(2026, 11, 16), at(2026, 11, 19, 17), handler_id=7)


def test_a_hand_over_changes_the_holder_and_nothing_else(rules: OfficeRules) -> None:
    moved = apply(received(), Step(Action.PROCESSING, at(2026, 11, 16, 10), to_staff_id=9), rules)
    assert moved.before.handler_id == 7 and moved.after.handler_id == 9
    assert moved.after == replace(received(), state=State.PROCESSING, handler_id=9)
    assert moved.tally is None
    # Without a new holder the dossier stays with whoever had it.
    assert apply(received(), Step(Action.PROCESSING, at(2026, 11, 16, 10)), rules).after.handler_id == 7


@pytest.mark.parametrize(
    ("day", "expected"),
    [(18, Timeliness.AHEAD), (19, Timeliness.ON_TIME), (20, Timeliness.LATE)],
)
def test_returning_settles_and_judges_against_the_appointment(
    rules: OfficeRules, day: int, expected: Timeliness
) -> None:
    ready = apply(received(), Step(Action.READY, at(2026, 11, 17, 15)), rules).after
    moved = apply(ready, Step(Action.RETURNED, at(2026, 11, day, 16), rating=2), rules)
    after = moved.after
    assert after.state is State.RETURNED and after.timeliness is expected and after.rating == 2
    assert after.settled_at == at(2026, 11, day, 16) and after.settled_on == date(2026, 11, day)
    assert moved.tally == Tally(date(2026, 11, day), expected, 2)


def test_a_rating_is_kept_only_when_the_result_is_returned(rules: OfficeRules) -> None:
    moved = apply(received(), Step(Action.PROCESSING, at(2026, 11, 16, 10), rating=1), rules)
    assert moved.after.rating is None


@pytest.mark.parametrize(("action", "state"), [(Action.REFUSED, State.REFUSED), (Action.STOPPED, State.STOPPED)])
def test_refusing_or_stopping_settles_without_timeliness(rules: OfficeRules, action: Action, state: State) -> None:
    moved = apply(received(), Step(action, at(2026, 11, 17, 9)), rules)
    assert moved.after.state is state and moved.after.settled_at == at(2026, 11, 17, 9)
    assert moved.after.settled_on is None and moved.after.timeliness is None and moved.tally is None


def test_withdrawal_settles_from_any_open_state(rules: OfficeRules) -> None:
    ready = apply(received(), Step(Action.READY, at(2026, 11, 17)), rules).after
    moved = apply(ready, Step(Action.WITHDRAWN, at(2026, 11, 18)), rules)
    assert moved.after.state is State.WITHDRAWN and moved.after.settled_at == at(2026, 11, 18)


def test_a_supplement_stops_the_clock_and_completion_restarts_it(rules: OfficeRules) -> None:
    waiting = apply(received(), Step(Action.SUPPLEMENT, at(2026, 11, 16, 10)), rules).after
    assert waiting.state is State.SUPPLEMENT and waiting.paused_at == at(2026, 11, 16, 10)
    assert waiting.due == at(2026, 11, 19, 17)  # unchanged until the dossier is complete
    # Complete on Friday 20 Nov: the whole 3 days run again, Mon 23, Wed 25 (24 is a holiday), Thu 26.
    resumed = apply(waiting, Step(Action.RESUMED, at(2026, 11, 20, 9)), rules).after
    assert resumed.state is State.PROCESSING and resumed.paused_at is None
    assert resumed.due == at(2026, 11, 26, 17)


def test_completion_needs_a_confirmed_processing_time(rules: OfficeRules) -> None:
    waiting = apply(received(), Step(Action.SUPPLEMENT, at(2026, 11, 16, 10)), rules).after
    with pytest.raises(StepRefused) as refused:
        apply(waiting, Step(Action.RESUMED, at(2026, 11, 20, 9)), replace(rules, processing=None))
    assert refused.value.reason is Refusal.TIME_NOT_CONFIRMED


def test_a_pause_moves_the_appointment_by_the_office_hours_it_lasted(rules: OfficeRules) -> None:
    paused = apply(received(), Step(Action.PAUSED, at(2026, 11, 18, 9)), rules).after
    resumed = apply(paused, Step(Action.RESUMED, at(2026, 11, 20, 9)), rules).after
    # 13.5 office hours were left on Wednesday 09:00; from Friday 09:00 they end on Monday 17:00.
    assert resumed.due == at(2026, 11, 23, 17) and resumed.paused_at is None


def test_resuming_a_dossier_without_appointment_keeps_none(rules: OfficeRules) -> None:
    paused = replace(received(), state=State.PAUSED, due=None, paused_at=at(2026, 11, 17))
    assert apply(paused, Step(Action.RESUMED, at(2026, 11, 18)), rules).after.due is None


def test_an_apology_gives_a_later_appointment_as_often_as_the_office_allows(rules: OfficeRules) -> None:
    first = apply(received(), Step(Action.EXTENDED, at(2026, 11, 19, 9), new_due=at(2026, 11, 27, 17)), rules)
    assert first.after.state is State.RECEIVED  # an apology does not change the state
    assert first.after.new_due == at(2026, 11, 27, 17) and first.after.extensions == 1
    assert first.after.due == at(2026, 11, 19, 17)  # the slip's date stays
    assert first.after.appointment == at(2026, 11, 27, 17)
    again = Step(Action.EXTENDED, at(2026, 11, 26, 9), new_due=at(2026, 12, 4, 17))
    with pytest.raises(StepRefused) as refused:
        apply(first.after, again, rules)
    assert refused.value.reason is Refusal.NO_MORE_EXTENSIONS
    with pytest.raises(StepRefused) as refused:  # a second apology names a date after the first one's
        apply(first.after, replace(again, new_due=at(2026, 11, 26, 17)), replace(rules, max_extensions=2))
    assert refused.value.reason is Refusal.NEW_DUE_NOT_LATER
    assert apply(first.after, again, replace(rules, max_extensions=2)).after.extensions == 2


@pytest.mark.parametrize(
    ("new_due", "reason"),
    [
        (None, Refusal.NEW_DUE_MISSING),
        (at(2026, 11, 19, 17), Refusal.NEW_DUE_NOT_LATER),
        (at(2026, 11, 18, 17), Refusal.NEW_DUE_NOT_LATER),
    ],
)
def test_an_apology_needs_a_later_date(rules: OfficeRules, new_due: datetime | None, reason: Refusal) -> None:
    with pytest.raises(StepRefused) as refused:
        apply(received(), Step(Action.EXTENDED, at(2026, 11, 19, 9), new_due=new_due), rules)
    assert refused.value.reason is reason


def test_no_step_before_the_receipt(rules: OfficeRules) -> None:
    with pytest.raises(StepRefused) as refused:
        apply(received(), Step(Action.PROCESSING, at(2026, 11, 16, 8, 59)), rules)
    assert refused.value.reason is Refusal.BEFORE_RECEIPT


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("action", list(Action))
def test_every_step_follows_the_state_machine(rules: OfficeRules, state: State, action: Action) -> None:
    """Every (state, action) pair: allowed exactly when :data:`TRANSITIONS` allows it, into the state it names."""
    life = replace(received(), state=state, paused_at=at(2026, 11, 16, 10))
    step = Step(action, at(2026, 11, 17, 9), new_due=at(2026, 12, 1, 17))
    allowed, target = TRANSITIONS[action]
    if state not in allowed:
        with pytest.raises(StepRefused) as refused:
            apply(life, step, rules)
        assert refused.value.reason is Refusal.NOT_ALLOWED and refused.value.life is life
        return
    moved = apply(life, step, rules)
    assert moved.before is life and moved.step is step
    assert moved.after.state is (target or state)
    assert moved.after.received == life.received  # a step never moves the receipt


def test_rules_read_the_calendar_they_are_given() -> None:
    """The office's own days off move a restarted clock: the rules take the calendar, they know no year."""
    calendar = vn_calendar(2026, 2027, days_off={date(2026, 11, 23): "nghỉ bù"})
    rules = OfficeRules(calendar, OfficeHours(), THREE_DAYS, max_extensions=1)
    waiting = apply(received(), Step(Action.SUPPLEMENT, at(2026, 11, 16, 10)), rules).after
    assert apply(waiting, Step(Action.RESUMED, at(2026, 11, 20, 9)), rules).after.due == at(2026, 11, 27, 17)


def test_a_late_dossier_with_an_apology_is_still_late(rules: OfficeRules) -> None:
    """Timeliness is judged against the slip's date (QĐ 766/QĐ-TTg 2022): due 19/11, apology for 27/11, returned
    on 24/11 is late, not ahead."""
    life = apply(received(), Step(Action.EXTENDED, at(2026, 11, 18, 9), new_due=at(2026, 11, 27, 17)), rules).after
    life = apply(life, Step(Action.READY, at(2026, 11, 24, 9)), rules).after
    returned = apply(life, Step(Action.RETURNED, at(2026, 11, 24, 10), rating=2), rules)
    assert returned.after.timeliness is Timeliness.LATE
    assert returned.tally == Tally(date(2026, 11, 24), Timeliness.LATE, 2)


def test_a_pause_after_an_apology_moves_both_dates(rules: OfficeRules) -> None:
    life = apply(received(), Step(Action.EXTENDED, at(2026, 11, 17, 9), new_due=at(2026, 11, 24, 17)), rules).after
    life = apply(life, Step(Action.PAUSED, at(2026, 11, 18, 9)), rules).after
    resumed = apply(life, Step(Action.RESUMED, at(2026, 11, 20, 9)), rules).after
    assert resumed.due == at(2026, 11, 23, 17)  # as without an apology
    assert resumed.new_due is not None and resumed.new_due > resumed.due
