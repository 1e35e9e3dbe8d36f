"""The life of a quality policy (ISO 9001:2015, 5.2; control of documented information, 7.5.2-7.5.3).

A version is drafted (its text may change while it is a draft), reviewed, then approved by a leader: approval is
the head's (QĐ 19/2014/QĐ-TTg: the head of the agency approves the QMS documents; the permission is
``document.approve``). Approving a version supersedes the one approved before it; an approved or superseded version
is never edited again: a new draft is written instead. A leader may approve a draft directly (the review is then
the leader's own).
"""

from __future__ import annotations

from enum import StrEnum


class PolicyState(StrEnum):
    DRAFT = "draft"
    REVIEWED = "reviewed"
    APPROVED = "approved"
    SUPERSEDED = "superseded"


class PolicyRefusal(StrEnum):
    NOT_A_DRAFT = "not_a_draft"  # only a draft's text may change
    NOT_REVIEWABLE = "not_reviewable"  # only a draft is reviewed
    NOT_APPROVABLE = "not_approvable"  # approved or superseded already


class PolicyStepRefused(Exception):
    def __init__(self, reason: PolicyRefusal, state: PolicyState) -> None:
        super().__init__(f"{reason} from {state}")
        self.reason = reason
        self.state = state


def can_edit(state: PolicyState) -> bool:
    return state is PolicyState.DRAFT


def review(state: PolicyState) -> PolicyState:
    if state is not PolicyState.DRAFT:
        raise PolicyStepRefused(PolicyRefusal.NOT_REVIEWABLE, state)
    return PolicyState.REVIEWED


def approve(state: PolicyState) -> PolicyState:
    if state not in (PolicyState.DRAFT, PolicyState.REVIEWED):
        raise PolicyStepRefused(PolicyRefusal.NOT_APPROVABLE, state)
    return PolicyState.APPROVED


def edit(state: PolicyState) -> PolicyState:
    if not can_edit(state):
        raise PolicyStepRefused(PolicyRefusal.NOT_A_DRAFT, state)
    return state
