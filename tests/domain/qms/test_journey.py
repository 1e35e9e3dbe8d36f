"""The QMS journey's states from the facts, with the day as a parameter (QĐ 19/2014/QĐ-TTg's four steps)."""

from __future__ import annotations

from datetime import date

from isodesk.domain.qms.journey import Facts, TaskKey, TaskState, add_months, journey


def states(facts: Facts, today: date) -> dict[str, tuple[str, date | None]]:
    return {t.key.value: (t.state.value, t.due) for t in journey(facts, today)}


def test_a_new_office_has_everything_to_do_and_nothing_overdue() -> None:
    found = states(Facts(), date(2026, 12, 5))
    assert list(found) == [k.value for k in TaskKey]
    assert {s for s, _due in found.values()} == {"todo", "done"}
    assert found["legal_updates"] == ("done", None)  # nothing pending to bring in
    assert found["announcement"] == ("todo", None)


def test_build_and_apply_steps_are_done_as_their_facts_arrive() -> None:
    facts = Facts(
        organised=True,
        scope_set_on=date(2026, 1, 10),
        policy_approved_on=date(2026, 1, 20),
        objectives_years=frozenset({2026}),
        procedures_issued=True,
        trained=True,
        audits=(date(2026, 4, 10),),
        reviews=(date(2026, 5, 5),),
        effective_on=date(2026, 5, 20),
    )
    found = states(facts, date(2026, 6, 1))
    for key in ("organisation", "scope", "policy", "objectives", "procedures", "training", "first_audit",
                "first_review", "effectiveness"):  # fmt: skip
        assert found[key][0] == "done", key
    assert found["announcement"][0] == "todo" and found["notification"][0] == "todo"
    # Objectives are the year's: on 1 January of the next year they are to do again.
    assert states(facts, date(2027, 1, 1))["objectives"][0] == "todo"


def test_yearly_audit_and_review_become_overdue_a_year_after_the_last() -> None:
    facts = Facts(
        audits=(date(2026, 4, 10),),
        reviews=(date(2026, 5, 5),),
        announced_on=date(2026, 6, 1),
        first_announced_on=date(2026, 6, 1),
        notified_on=date(2026, 6, 3),
    )
    on = states(facts, date(2027, 4, 10))
    # Nothing held since the announcement: due a year after it, to do until then.
    assert on["yearly_audit"] == ("todo", date(2027, 6, 1))
    assert states(facts, date(2027, 6, 1))["yearly_audit"][0] == "todo"
    late = states(facts, date(2027, 6, 2))
    assert late["yearly_audit"] == ("overdue", date(2027, 6, 1))
    assert late["yearly_review"] == ("overdue", date(2027, 6, 1))
    # An audit held after the announcement is done for a year, then overdue.
    held = Facts(audits=(date(2026, 4, 10), date(2026, 11, 20)), announced_on=date(2026, 6, 1))
    assert states(held, date(2027, 11, 20))["yearly_audit"] == ("done", date(2027, 11, 20))
    assert states(held, date(2027, 11, 21))["yearly_audit"] == ("overdue", date(2027, 11, 20))


def test_legal_changes_must_come_in_within_three_months() -> None:
    facts = Facts(pending_legal=(date(2026, 7, 1), date(2026, 9, 15)))
    assert states(facts, date(2026, 10, 1))["legal_updates"] == ("todo", date(2026, 10, 1))
    assert states(facts, date(2026, 10, 2))["legal_updates"] == ("overdue", date(2026, 10, 1))
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


def test_a_change_of_scope_after_the_announcement_asks_for_a_new_one() -> None:
    announced = Facts(announced_on=date(2026, 6, 1), scope_changed_on=date(2026, 3, 1))
    assert states(announced, date(2026, 8, 1))["reannouncement"][0] == "done"
    changed = Facts(announced_on=date(2026, 6, 1), scope_changed_on=date(2026, 7, 15))
    assert states(changed, date(2026, 8, 1))["reannouncement"][0] == "todo"
    again = Facts(
        announced_on=date(2026, 8, 10), first_announced_on=date(2026, 6, 1), scope_changed_on=date(2026, 7, 15)
    )
    assert states(again, date(2026, 8, 11))["reannouncement"][0] == "done"


def test_the_province_is_notified_of_an_announcement_only() -> None:
    assert states(Facts(notified_on=date(2026, 6, 3)), date(2026, 7, 1))["notification"][0] == TaskState.TODO.value
