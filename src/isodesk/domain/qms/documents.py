"""Control of documented information (ISO 9001:2015 7.5.2-7.5.3): a controlled document's issues.

An issue is drafted, then issued by the ISO secretary with the leader's approval (QĐ 19/2014/QĐ-TTg; the
permissions ``document.issue`` and ``document.approve``); an issued revision is never edited again, only superseded
by the next issue (7.5.3.2 c, control of changes); an obsolete document is kept, marked, and never distributed
again (7.5.3.2 d, unintended use of obsolete information).
"""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    POLICY = "policy"
    OBJECTIVES = "objectives"
    MANUAL = "manual"  # the QMS overview (scope, exclusions, process interactions, document list)
    SYSTEM_PROCEDURE = "system_procedure"  # documents, risks, audit, nonconformity, review, satisfaction
    ISO_PROCEDURE = "iso_procedure"  # one per group of administrative procedures
    FORM = "form"
    EXTERNAL = "external"  # decrees, circulars, the ministry's decisions


class RevisionState(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    SUPERSEDED = "superseded"


class DocumentRefusal(StrEnum):
    ISSUED_IS_FROZEN = "issued_is_frozen"  # an issued or superseded revision is not edited
    OBSOLETE = "obsolete"  # an obsolete document is not distributed, revised or issued
    DRAFT_EXISTS = "draft_exists"  # one draft at a time
    NOTHING_TO_ISSUE = "nothing_to_issue"


class DocumentStepRefused(Exception):
    def __init__(self, reason: DocumentRefusal) -> None:
        super().__init__(str(reason))
        self.reason = reason


def check_editable(state: RevisionState, obsolete: bool) -> None:
    if obsolete:
        raise DocumentStepRefused(DocumentRefusal.OBSOLETE)
    if state is not RevisionState.DRAFT:
        raise DocumentStepRefused(DocumentRefusal.ISSUED_IS_FROZEN)


def check_distributable(obsolete: bool) -> None:
    if obsolete:
        raise DocumentStepRefused(DocumentRefusal.OBSOLETE)


def check_new_revision(states: list[RevisionState], obsolete: bool) -> int:
    """The next issue number, refused while a draft is open or for an obsolete document."""
    if obsolete:
        raise DocumentStepRefused(DocumentRefusal.OBSOLETE)
    if RevisionState.DRAFT in states:
        raise DocumentStepRefused(DocumentRefusal.DRAFT_EXISTS)
    return len(states) + 1


def check_issue(state: RevisionState | None, obsolete: bool) -> None:
    if obsolete:
        raise DocumentStepRefused(DocumentRefusal.OBSOLETE)
    if state is not RevisionState.DRAFT:
        raise DocumentStepRefused(DocumentRefusal.NOTHING_TO_ISSUE)
