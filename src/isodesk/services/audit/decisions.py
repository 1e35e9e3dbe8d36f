"""Decisions of the management review as tracked actions (ISO 9001:2015 9.3.3: the outputs of the review include
decisions and actions; 9.3.2 a: the next review considers the status of actions from previous reviews).

Each decision has its owner (a staff member) and a due date no earlier than the meeting; it is open until its owner
reports it done. The head's confirmation closes the review's record: no decision is added after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from isodesk.db.models import ManagementReview, ReviewDecision, Staff
from isodesk.domain import validation as v
from isodesk.domain.audit import Refused
from isodesk.domain.audit import workflow as w
from isodesk.domain.permissions import Permission
from isodesk.domain.validation import audit as va
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_today
from isodesk.services.accounts.auth import require
from isodesk.services.audit.people import read_person, refusal
from isodesk.services.context import AppContext
from isodesk.services.inputs import check


@dataclass(frozen=True)
class DecisionRow:
    """One decision of a management review, as the screens, commands and minutes show it."""

    id: int
    review: int
    review_date: str
    text: str
    owner: str
    due: str
    status: str  # open | done
    done_on: str | None
    overdue: bool  # open and past its due date

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _decision_row(s: Session, d: ReviewDecision, held_on: date, today: date) -> DecisionRow:
    owner = s.get(Staff, d.owner_id)
    return DecisionRow(
        id=d.id,
        review=d.review_id,
        review_date=held_on.isoformat(),
        text=d.text,
        owner=owner.name if owner else "",
        due=d.due_on.isoformat(),
        status=d.status,
        done_on=d.done_on.isoformat() if d.done_on else None,
        overdue=d.status == w.DecisionStatus.OPEN.value and d.due_on < today,
    )


def find_decisions(
    session: Session, review_ids: Sequence[int] | None = None, only_open: bool = False, today: date | None = None
) -> list[DecisionRow]:
    """Decisions (of ``review_ids``, or of every review): the open ones first, each group by due date."""
    day = today or local_today()
    open_first = case((ReviewDecision.status == w.DecisionStatus.OPEN.value, 0), else_=1)
    query = (
        select(ReviewDecision, ManagementReview.held_on)
        .join(ManagementReview, ManagementReview.id == ReviewDecision.review_id)
        .order_by(open_first, ReviewDecision.due_on, ReviewDecision.id)
    )
    if review_ids is not None:
        query = query.where(ReviewDecision.review_id.in_(review_ids))
    if only_open:
        query = query.where(ReviewDecision.status == w.DecisionStatus.OPEN.value)
    return [_decision_row(session, d, held_on, day) for d, held_on in session.execute(query)]


def open_decision_dues(session: Session) -> list[date]:
    """The due dates of the decisions still open, for the audit area's dashboard."""
    return list(
        session.execute(
            select(ReviewDecision.due_on).where(ReviewDecision.status == w.DecisionStatus.OPEN.value)
        ).scalars()
    )


def add_decision(ctx: AppContext, review_id: int, decision: str, owner: str, due: date) -> DecisionRow:
    """Record a decision of a review as an action with its owner and due date (ISO 9001:2015 9.3.3)."""
    clean = check(v.text, decision, va.DECISION)
    with ctx.unit_of_work() as s:
        require(s, Permission.REVIEW_MANAGE)
        review = s.get(ManagementReview, review_id)
        if review is None:
            raise UserError(_("There is no management review {id}.").format(id=review_id))
        person = read_person(s, owner)
        try:
            w.add_decision(review.effective is not None, review.held_on, due)
        except Refused as exc:
            raise refusal(exc, id=review_id) from exc
        row = ReviewDecision(
            review_id=review.id, text=clean, owner_id=person.id, due_on=due, status=w.DecisionStatus.OPEN.value
        )
        s.add(row)
        s.flush()
        return _decision_row(s, row, review.held_on, local_today())


def complete_decision(ctx: AppContext, decision_id: int, day: date | None = None) -> DecisionRow:
    """The owner reports a decision carried out."""
    with ctx.unit_of_work() as s:
        require(s, Permission.REVIEW_MANAGE)
        row = s.get(ReviewDecision, decision_id)
        if row is None:
            raise UserError(_("There is no management review decision {id}.").format(id=decision_id))
        try:
            row.status = w.complete_decision(w.DecisionStatus(row.status)).value
        except Refused as exc:
            raise refusal(exc, id=decision_id) from exc
        row.done_on = day or local_today()
        review = s.get(ManagementReview, row.review_id)
        return _decision_row(s, row, review.held_on if review else row.due_on, local_today())


def list_decisions(ctx: AppContext, only_open: bool = False, review_id: int | None = None) -> list[DecisionRow]:
    """Decisions of management reviews: the open ones first by due date (overdue ones stand out), then those done."""
    with ctx.read() as s:
        return find_decisions(s, None if review_id is None else [review_id], only_open)
