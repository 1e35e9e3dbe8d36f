"""On-time statistics of the one-stop shop.

Definitions (DOMAIN.md §2; QĐ 766/QĐ-TTg 2022 service indicators): a dossier is *settled* when its result is
returned; it is ahead of time, on time or late (see :func:`isodesk.domain.ledger.timeliness`); the on-time rate is
(ahead + on time) / settled. Dossiers still open past their due date are the *overdue* backlog, counted at the
moment of the query. Satisfaction is the rating given at return: 1 very satisfied, 2 satisfied, 3 neutral,
4 dissatisfied. All counts come from covering indexes, so a year of a large ledger is counted in milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from isodesk.db.models import Dossier, Procedure, Staff
from isodesk.domain.ledger import OPEN_STATES, RUNNING_STATES, State
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext

PERIODS = {"month": 1, "quarter": 3, "half": 6, "nine_months": 9, "year": 12}
OPEN = [s.value for s in OPEN_STATES]
RUNNING = [s.value for s in RUNNING_STATES]


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive


def _counts(session: Session, period: Period, now: datetime) -> dict[str, Any]:
    received = session.execute(
        select(func.count()).select_from(Dossier).where(Dossier.received_on.between(period.start, period.end))
    ).scalar_one()
    settled = dict(
        session.execute(
            select(Dossier.timeliness, func.count())
            .where(Dossier.settled_on.between(period.start, period.end), Dossier.timeliness.is_not(None))
            .group_by(Dossier.timeliness)
        ).all()
    )
    in_progress = session.execute(
        select(func.count())
        .select_from(Dossier)
        .where(Dossier.received_on.between(period.start, period.end), Dossier.status.in_(OPEN))
    ).scalar_one()
    overdue = session.execute(
        select(func.count())
        .select_from(Dossier)
        .where(Dossier.status.in_(RUNNING), Dossier.due_at < now, Dossier.received_on.between(period.start, period.end))
    ).scalar_one()
    ratings = dict(
        session.execute(
            select(Dossier.rating, func.count())
            .where(Dossier.settled_on.between(period.start, period.end), Dossier.rating.is_not(None))
            .group_by(Dossier.rating)
        ).all()
    )
    ahead, on_time, late = settled.get("ahead", 0), settled.get("on_time", 0), settled.get("late", 0)
    total = ahead + on_time + late
    return {
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "received": received,
        "settled": total,
        "ahead": ahead,
        "on_time": on_time,
        "late": late,
        "in_progress": in_progress,
        "overdue": overdue,
        "on_time_rate": round((ahead + on_time) / total, 4) if total else None,
        "satisfaction": {
            "very_satisfied": ratings.get(1, 0),
            "satisfied": ratings.get(2, 0),
            "neutral": ratings.get(3, 0),
            "dissatisfied": ratings.get(4, 0),
        },
    }


def stats(
    ctx: AppContext, start: date | None = None, end: date | None = None, now: datetime | None = None
) -> dict[str, Any]:
    """Figures for ``start``..``end`` (default: the current year)."""
    now = now or datetime.now(LOCAL_TZ)
    today = now.astimezone(LOCAL_TZ).date()
    period = Period(start or date(today.year, 1, 1), end or date(today.year, 12, 31))
    with ctx.read() as s:
        return _counts(s, period, now)


def periods_of(year: int, kind: str) -> list[Period]:
    """Months, quarters, halves, the first nine months, or the year: the reporting periods in use."""
    step = PERIODS[kind]
    if kind == "nine_months":
        return [Period(date(year, 1, 1), date(year, 9, 30))]
    out = []
    for first in range(1, 13, step):
        last = first + step - 1
        end = date(year + 1, 1, 1) if last == 12 else date(year, last + 1, 1)
        out.append(Period(date(year, first, 1), date.fromordinal(end.toordinal() - 1)))
    return out


def stats_by_period(
    ctx: AppContext, year: int, kind: str = "month", now: datetime | None = None
) -> list[dict[str, Any]]:
    now = now or datetime.now(LOCAL_TZ)
    with ctx.read() as s:
        return [_counts(s, p, now) for p in periods_of(year, kind)]


def stats_by(ctx: AppContext, group: str, start: date, end: date) -> list[dict[str, Any]]:
    """Settled dossiers by procedure, field or officer, with their on-time rate."""
    key = {"procedure": Procedure.code, "field": Procedure.field, "officer": Staff.name}[group]
    with ctx.read() as s:
        query = (
            select(key, Dossier.timeliness, func.count())
            .select_from(Dossier)
            .join(Procedure, Procedure.id == Dossier.procedure_id)
            .outerjoin(Staff, Staff.id == Dossier.handler_id)
            .where(Dossier.settled_on.between(start, end), Dossier.status == State.RETURNED.value)
            .group_by(key, Dossier.timeliness)
        )
        table: dict[str, dict[str, int]] = {}
        for name, when, count in s.execute(query):
            table.setdefault(name or "—", {"ahead": 0, "on_time": 0, "late": 0})[str(when)] = count
    out = []
    for name, row in sorted(table.items()):
        total = sum(row.values())
        out.append(
            {
                "group": name,
                **row,
                "settled": total,
                "on_time_rate": round((row["ahead"] + row["on_time"]) / total, 4) if total else None,
            }
        )
    return out
