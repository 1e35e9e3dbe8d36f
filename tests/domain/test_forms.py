"""Which paper applies to a dossier, and how one step of its route is judged."""

from __future__ import annotations

from datetime import datetime

import pytest

from isodesk.domain.forms import DossierFacts, FormName, NotApplicable, not_applicable, step_timeliness
from isodesk.domain.ledger import Action, State, Timeliness
from tests.domain.conftest import at

NOW = at(2026, 3, 10, 9)
DUE = at(2026, 3, 12, 17)


def facts(status: State, *actions: Action, due: datetime | None = DUE) -> DossierFacts:
    return DossierFacts(status, frozenset(actions), due, NOW)


@pytest.mark.parametrize("state", list(State))
def test_receipt_and_control_sheet_always_apply(state: State) -> None:
    for form in (FormName.RECEIPT, FormName.CONTROL_SHEET):
        assert not_applicable(form, facts(state)) is None


def test_supplement_needs_a_supplement_request_in_the_history() -> None:
    assert not_applicable(FormName.SUPPLEMENT, facts(State.PROCESSING)) is NotApplicable.NO_SUPPLEMENT
    assert not_applicable(FormName.SUPPLEMENT, facts(State.SUPPLEMENT, Action.SUPPLEMENT)) is None
    # Still printable after the applicant completed the dossier: the request stays in the history.
    assert not_applicable(FormName.SUPPLEMENT, facts(State.RETURNED, Action.SUPPLEMENT, Action.RESUMED)) is None


def test_refusal_and_stop_follow_the_state() -> None:
    assert not_applicable(FormName.REFUSAL, facts(State.REFUSED, Action.REFUSED)) is None
    assert not_applicable(FormName.REFUSAL, facts(State.RETURNED)) is NotApplicable.NOT_REFUSED
    assert not_applicable(FormName.STOP, facts(State.STOPPED, Action.STOPPED)) is None
    assert not_applicable(FormName.STOP, facts(State.PAUSED, Action.PAUSED)) is NotApplicable.NOT_STOPPED


def test_apology_for_a_new_appointment_or_a_running_dossier_past_its_due_time() -> None:
    assert not_applicable(FormName.APOLOGY, facts(State.RETURNED, Action.EXTENDED)) is None
    assert not_applicable(FormName.APOLOGY, facts(State.PROCESSING, due=at(2026, 3, 9, 17))) is None
    assert not_applicable(FormName.APOLOGY, facts(State.READY, due=at(2026, 3, 9, 17))) is None
    # Not late yet, returned late without an apology, or waiting for the applicant (the clock is stopped).
    assert not_applicable(FormName.APOLOGY, facts(State.PROCESSING)) is NotApplicable.NOT_LATE
    assert not_applicable(FormName.APOLOGY, facts(State.RETURNED, due=at(2026, 3, 9, 17))) is NotApplicable.NOT_LATE
    assert not_applicable(FormName.APOLOGY, facts(State.SUPPLEMENT, due=at(2026, 3, 9, 17))) is NotApplicable.NOT_LATE
    assert not_applicable(FormName.APOLOGY, facts(State.PROCESSING, due=None)) is NotApplicable.NOT_LATE


def test_step_timeliness_compares_the_moment_with_the_step_due_time() -> None:
    due = at(2026, 3, 10, 11, 30)
    assert step_timeliness(at(2026, 3, 9, 16), due) is Timeliness.AHEAD
    assert step_timeliness(at(2026, 3, 10, 8), due) is Timeliness.ON_TIME
    assert step_timeliness(due, due) is Timeliness.ON_TIME
    assert step_timeliness(at(2026, 3, 10, 11, 31), due) is Timeliness.LATE
    assert step_timeliness(at(2026, 3, 11, 8), due) is Timeliness.LATE


def test_supplement_note_round_trip() -> None:
    from isodesk.domain.supplement import Copy, MissingItem, parse_request, request_note

    items = [MissingItem("Giấy chứng sinh", Copy.ORIGINAL), MissingItem("Tờ khai"), MissingItem("CCCD", Copy.PHOTOCOPY)]
    note = request_note(items, "Thiếu thành phần hồ sơ theo quy định.")
    assert note == "Giấy chứng sinh (bản chính); Tờ khai; CCCD (bản chụp). Lý do: Thiếu thành phần hồ sơ theo quy định."
    assert parse_request(note) == (items, "Thiếu thành phần hồ sơ theo quy định.")
    assert parse_request("Giấy chứng sinh; Văn bản ủy quyền (có chứng thực)") == (
        [MissingItem("Giấy chứng sinh"), MissingItem("Văn bản ủy quyền (có chứng thực)")],
        "",
    )
