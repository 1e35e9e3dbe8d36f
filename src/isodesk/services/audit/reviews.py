"""The management review (ISO 9001:2015 9.3): a meeting record whose inputs are gathered from the period's data.

The inputs of 9.3.2 the program holds are gathered for the period since the previous review (a year when there
is none): the status of the earlier reviews' decisions (9.3.2 a: the previous review's, and older ones still
open), on-time rates and satisfaction from the ledger
(9.3.2 c 1, c 3), audit results (c 6), nonconformities and corrective actions (c 2). What the program does not
hold (changes in issues, external providers, resources, risks) is left for the chair to write. The head's
confirmation that the QMS is effective is recorded on the review (QĐ 19/2014/QĐ-TTg art. 4, step 2).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from isodesk.db.models import Audit, CorrectiveAction, Department, Finding, ManagementReview, Staff
from isodesk.domain.audit import workflow as w
from isodesk.domain.permissions import Permission
from isodesk.domain.validation import audit as va
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_now, local_today
from isodesk.services.accounts.auth import require
from isodesk.services.audit.decisions import find_decisions
from isodesk.services.audit.people import read_person
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.ledger.stats import count_period


@dataclass(frozen=True)
class Review:
    id: int
    date: str
    period_from: str
    period_to: str
    inputs: dict[str, Any]
    minutes: str
    decisions: str
    effective: bool | None
    confirmed_by: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class EffectivenessConfirmation:
    """The head's confirmation, at a management review, that the QMS is effective (or not)."""

    review_id: int
    held_on: date
    effective: bool
    confirmed_by: str
    confirmed_on: date


def gather_inputs(session: Session, start: date, end: date, now: datetime) -> dict[str, Any]:
    """The inputs of ISO 9001:2015 9.3.2 the office's data holds, for ``start``..``end``."""
    ledger = count_period(session, start, end, now)
    audits = list(
        session.execute(
            select(Audit.id, Audit.held_on, Department.name, Audit.status)
            .join(Department, Department.id == Audit.area_id)
            .where(Audit.held_on.between(start, end))
            .order_by(Audit.held_on, Audit.id)
        )
    )
    grades = Counter(
        {
            grade: n
            for grade, n in session.execute(
                select(Finding.grade, func.count()).where(Finding.raised_on.between(start, end)).group_by(Finding.grade)
            )
        }
    )
    open_findings = session.execute(
        select(func.count()).select_from(Finding).where(Finding.status == w.FindingStatus.OPEN.value)
    ).scalar_one()
    today = now.date()
    actions = Counter(
        {
            s: n
            for s, n in session.execute(select(CorrectiveAction.status, func.count()).group_by(CorrectiveAction.status))
        }
    )
    overdue = session.execute(
        select(func.count())
        .select_from(CorrectiveAction)
        .where(CorrectiveAction.status == w.ActionStatus.OPEN.value, CorrectiveAction.due_on < today)
    ).scalar_one()
    not_effective = session.execute(
        select(func.count()).select_from(CorrectiveAction).where(CorrectiveAction.effective.is_(False))
    ).scalar_one()
    previous = (
        session.execute(
            select(ManagementReview).where(ManagementReview.held_on < start).order_by(ManagementReview.held_on.desc())
        )
        .scalars()
        .first()
    )
    earlier = list(session.execute(select(ManagementReview.id).where(ManagementReview.held_on < start)).scalars())
    previous_decisions = [
        d.to_dict()
        for d in find_decisions(session, earlier, today=today)
        if (previous is not None and d.review == previous.id) or d.status == w.DecisionStatus.OPEN.value
    ]
    return {
        "period": {"from": start.isoformat(), "to": end.isoformat()},
        "previous_review": (
            {"id": previous.id, "date": previous.held_on.isoformat(), "decisions": previous.decisions}
            if previous
            else None
        ),
        "ledger": {
            "received": ledger["received"],
            "settled": ledger["settled"],
            "on_time_rate": ledger["on_time_rate"],
            "late": ledger["late"],
            "overdue": ledger["overdue"],
            "satisfaction": ledger["satisfaction"],
        },
        "on_time_rate": ledger["on_time_rate"],
        "satisfaction": ledger["satisfaction"],
        "audits": {
            "count": len(audits),
            "reported": sum(1 for a in audits if a[3] == w.AuditStatus.REPORTED.value),
            "list": [{"id": a[0], "date": a[1].isoformat(), "area": a[2], "status": a[3]} for a in audits],
        },
        "findings": {
            "count": sum(grades.values()),
            "by_grade": {g.value: grades.get(g.value, 0) for g in w.Grade},
            "open": open_findings,
        },
        "actions": {
            "open": actions.get(w.ActionStatus.OPEN.value, 0),
            "done": actions.get(w.ActionStatus.DONE.value, 0),
            "verified": actions.get(w.ActionStatus.VERIFIED.value, 0),
            "overdue": overdue,
            "not_effective": not_effective,
        },
        "previous_decisions": previous_decisions,
        "to_write": ["changes_in_issues", "objectives", "external_providers", "resources", "risks", "improvements"],
    }


def _row(s: Session, r: ManagementReview) -> Review:
    person = s.get(Staff, r.confirmed_by) if r.confirmed_by else None
    return Review(
        r.id,
        r.held_on.isoformat(),
        r.period_start.isoformat(),
        r.period_end.isoformat(),
        json.loads(r.inputs),
        r.minutes,
        r.decisions,
        r.effective,
        person.name if person else "",
    )


def _year_before(day: date) -> date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return date(day.year - 1, 2, 28)


def start_review(ctx: AppContext, day: date, now: datetime | None = None) -> Review:
    """Open a management review on ``day`` with its inputs gathered from the period since the previous one."""
    moment = now or local_now()
    with ctx.unit_of_work() as s:
        require(s, Permission.REVIEW_MANAGE)
        previous = (
            s.execute(
                select(ManagementReview.held_on)
                .where(ManagementReview.held_on < day)
                .order_by(ManagementReview.held_on.desc())
            )
            .scalars()
            .first()
        )
        start = (previous or _year_before(day)) + timedelta(days=1)
        inputs = gather_inputs(s, start, day, moment)
        review = ManagementReview(
            held_on=day, period_start=start, period_end=day, inputs=json.dumps(inputs, ensure_ascii=False)
        )
        s.add(review)
        s.flush()
        return _row(s, review)


def _read_review(s: Session, review_id: int) -> ManagementReview:
    review = s.get(ManagementReview, review_id)
    if review is None:
        raise UserError(_("There is no management review {id}.").format(id=review_id))
    return review


def get_review(ctx: AppContext, review_id: int) -> Review:
    with ctx.read() as s:
        return _row(s, _read_review(s, review_id))


def list_reviews(ctx: AppContext) -> list[Review]:
    with ctx.read() as s:
        return [_row(s, r) for r in s.execute(select(ManagementReview).order_by(ManagementReview.held_on)).scalars()]


def edit_review(ctx: AppContext, review_id: int, minutes: str | None = None, decisions: str | None = None) -> Review:
    """The chair's draft: the discussion and the decisions (ISO 9001:2015 9.3.3); None leaves one as it is."""
    clean_minutes = None if minutes is None else check(va.paragraphs, minutes, va.REVIEW_TEXT)
    clean_decisions = None if decisions is None else check(va.paragraphs, decisions, va.REVIEW_TEXT)
    with ctx.unit_of_work() as s:
        require(s, Permission.REVIEW_MANAGE)
        review = _read_review(s, review_id)
        if clean_minutes is not None:
            review.minutes = clean_minutes
        if clean_decisions is not None:
            review.decisions = clean_decisions
        return _row(s, review)


def confirm_effectiveness(ctx: AppContext, review_id: int, by: str, effective: bool, day: date | None = None) -> Review:
    """Record the head's confirmation that the QMS is effective (or not) at this review."""
    with ctx.unit_of_work() as s:
        require(s, Permission.REVIEW_MANAGE)
        review = _read_review(s, review_id)
        review.confirmed_by = read_person(s, by).id
        review.effective = effective
        review.confirmed_on = day or local_today()
        return _row(s, review)


def latest_effectiveness_confirmation(session: Session) -> EffectivenessConfirmation | None:
    """The latest management review's confirmation that the QMS is effective, for the QMS journey (step 2 of
    QĐ 19/2014/QĐ-TTg art. 4: apply, audit, review, and the head confirms); None before any confirmation."""
    review = (
        session.execute(
            select(ManagementReview)
            .where(ManagementReview.effective.is_not(None))
            .order_by(ManagementReview.held_on.desc(), ManagementReview.id.desc())
        )
        .scalars()
        .first()
    )
    if review is None or review.confirmed_on is None or review.effective is None:
        return None
    person = session.get(Staff, review.confirmed_by) if review.confirmed_by else None
    return EffectivenessConfirmation(
        review.id, review.held_on, bool(review.effective), person.name if person else "", review.confirmed_on
    )


@dataclass(frozen=True)
class HeldRecords:
    """What the audit records say of the QMS journey's milestones (QĐ 19/2014/QĐ-TTg art. 4, step 2; ISO 9001:2015
    9.2, 9.3): the days of audits whose report was issued, the days of management reviews, and the first day the
    head confirmed the QMS effective (None before)."""

    audits: tuple[date, ...]
    reviews: tuple[date, ...]
    effective_on: date | None


def read_held_records(session: Session) -> HeldRecords:
    """The audits held (their report issued), the management reviews held and the head's confirmation, read from the
    audit records for the QMS journey."""
    audits = session.execute(
        select(Audit.held_on).where(Audit.status == w.AuditStatus.REPORTED.value).order_by(Audit.held_on)
    ).scalars()
    reviews = session.execute(select(ManagementReview.held_on).order_by(ManagementReview.held_on)).scalars()
    effective_on = session.execute(
        select(func.min(ManagementReview.confirmed_on)).where(ManagementReview.effective.is_(True))
    ).scalar()
    return HeldRecords(audits=tuple(audits), reviews=tuple(reviews), effective_on=effective_on)
