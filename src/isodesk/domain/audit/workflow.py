"""The life of findings and corrective actions (ISO 9001:2015 10.2; ISO 19011:2018 6.4.8, 6.7).

- A finding is a major or minor nonconformity, an observation or an opportunity for improvement, with the clause
  it concerns and the evidence it rests on (ISO 19011 6.4.8: findings are evidence-based).
- A corrective action has an owner and a due date; the owner marks it done; **someone other than the owner**
  verifies its effectiveness (10.2.1 d: review the effectiveness of any corrective action taken). Found not
  effective, it is open again.
- A finding closes only when none of its actions is still open (done but not verified counts as open).
- An audit report, once issued, is locked: a change is a new revision (ISO 9001:2015 7.5.3.2 control of changes).
- A management review's decision (9.3.3) has an owner and a due date no earlier than the meeting; it is open until
  its owner reports it done. Once the head has confirmed the review, its decisions are fixed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from isodesk.domain.audit import Refused
from isodesk.domain.validation.text import N_


class Grade(StrEnum):
    MAJOR = "major"  # điểm không phù hợp nặng
    MINOR = "minor"  # điểm không phù hợp nhẹ
    OBSERVATION = "observation"  # khuyến nghị
    IMPROVEMENT = "improvement"  # cơ hội cải tiến

    @property
    def nonconformity(self) -> bool:
        return self in (Grade.MAJOR, Grade.MINOR)


class FindingStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class ActionStatus(StrEnum):
    OPEN = "open"  # planned or being carried out (or found not effective)
    DONE = "done"  # the owner says it is done: waiting for verification
    VERIFIED = "verified"  # verified effective by someone other than the owner


class DecisionStatus(StrEnum):
    OPEN = "open"  # decided at the review, not yet carried out
    DONE = "done"  # its owner reports it carried out


class AuditStatus(StrEnum):
    PLANNED = "planned"
    REPORTED = "reported"  # the report is issued: the audit's record is locked


class CheckResult(StrEnum):
    """A checklist item's result (ISO 19011 6.4.8)."""

    PENDING = ""
    CONFORMS = "conforms"
    NONCONFORMITY = "nonconformity"
    OBSERVATION = "observation"
    IMPROVEMENT = "improvement"


def close_finding(status: FindingStatus, actions: Iterable[ActionStatus]) -> FindingStatus:
    if status is FindingStatus.CLOSED:
        raise Refused(N_("Finding {id} is already closed."))
    still_open = sum(1 for a in actions if a is not ActionStatus.VERIFIED)
    if still_open:
        raise Refused(
            N_("Finding {id} cannot close: {count} of its corrective actions are not yet verified effective."),
            count=still_open,
        )
    return FindingStatus.CLOSED


def add_action(finding: FindingStatus) -> None:
    if finding is FindingStatus.CLOSED:
        raise Refused(N_("Finding {id} is closed: a new corrective action needs a new finding."))


def complete_action(status: ActionStatus) -> ActionStatus:
    if status is not ActionStatus.OPEN:
        raise Refused(N_("Corrective action {id} is not open: it is already done or verified."))
    return ActionStatus.DONE


def verify_action(status: ActionStatus, owner_id: int, by_id: int, effective: bool) -> ActionStatus:
    """ISO 9001:2015 10.2.1 d; the seed plans: the verifier is not the person who carried out the action."""
    if by_id == owner_id:
        raise Refused(
            N_("{by} owns corrective action {id} and cannot verify it: the effectiveness is verified by someone else.")
        )
    if status is not ActionStatus.DONE:
        raise Refused(N_("Corrective action {id} is not marked done yet: it is verified after it is carried out."))
    return ActionStatus.VERIFIED if effective else ActionStatus.OPEN


def change_audit(status: AuditStatus) -> None:
    """An issued report is locked (ISO 9001:2015 7.5.3.2)."""
    if status is AuditStatus.REPORTED:
        raise Refused(
            N_(
                "The report of audit {id} is issued and locked: nothing in it can be changed. Reopen the audit "
                "(isodesk audit reopen {id}) to prepare a new revision."
            )
        )


def reopen_audit(status: AuditStatus) -> AuditStatus:
    if status is not AuditStatus.REPORTED:
        raise Refused(N_("Audit {id} has no issued report to revise."))
    return AuditStatus.PLANNED


def add_decision(confirmed: bool, held_on: date, due: date) -> None:
    """A decision of a management review (ISO 9001:2015 9.3.3): due on or after the meeting, while the review is
    still open (the head's confirmation closes its record)."""
    if confirmed:
        raise Refused(
            N_("Management review {id} is already confirmed by the head: its decisions can no longer change.")
        )
    if due < held_on:
        raise Refused(
            N_("The due date {due} is before the meeting of management review {id} ({date}): give a later date."),
            due=due,
            date=held_on,
        )


def complete_decision(status: DecisionStatus) -> DecisionStatus:
    if status is not DecisionStatus.OPEN:
        raise Refused(N_("Decision {id} is already done."))
    return DecisionStatus.DONE
