"""On-time statistics of the one-stop shop.

Definitions (docs/DOMAIN.md §2; QĐ 766/QĐ-TTg 2022 service indicators): a dossier is *settled* when its result is
returned; it is ahead of time, on time or late (see :func:`isodesk.domain.ledger.timeliness`); the on-time rate is
(ahead + on time) / settled. Dossiers still open past their due date are the *overdue* backlog, counted at the
moment of the query. Satisfaction is the rating given at return, counted by level (``very_satisfied``,
``satisfied``, ``neutral``, ``dissatisfied``); its rate is the share of the first two among all ratings. All
counts come from covering indexes, so a year of a large ledger is counted in milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from isodesk.db.models import DailyCount, Dossier, Procedure, Staff
from isodesk.domain.ledger import OPEN_STATES, RUNNING_STATES, Satisfaction
from isodesk.i18n.dates import local_datetime, local_now
from isodesk.services.context import AppContext
from isodesk.services.ledger.daily_counts import FIELDS

PERIODS = {"month": 1, "quarter": 3, "half": 6, "nine_months": 9, "year": 12}
OPEN = [s.value for s in OPEN_STATES]
RUNNING = [s.value for s in RUNNING_STATES]


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive


def _counts(session: Session, period: Period, now: datetime) -> dict[str, Any]:
    sums = session.execute(
        select(*(func.coalesce(func.sum(getattr(DailyCount, f)), 0) for f in FIELDS)).where(
            DailyCount.day.between(period.start, period.end)
        )
    ).one()
    totals = dict(zip(FIELDS, (int(v) for v in sums), strict=True))
    # Open dossiers are few: reach them through the status index ("+" keeps SQLite off the date index).
    in_progress = session.execute(
        select(func.count())
        .select_from(Dossier)
        .where(Dossier.status.in_(OPEN), text("+dossiers.received_on BETWEEN :a AND :b"))
        .params(a=period.start, b=period.end)
    ).scalar_one()
    overdue = session.execute(
        select(func.count())
        .select_from(Dossier)
        .where(Dossier.status.in_(RUNNING), Dossier.due_at < now, text("+dossiers.received_on BETWEEN :a AND :b"))
        .params(a=period.start, b=period.end)
    ).scalar_one()
    return figures(period, totals, in_progress, overdue)


def figures(period: Period, totals: dict[str, int], in_progress: int, overdue: int) -> dict[str, Any]:
    """The statistics of a period from its counts (:data:`FIELDS`) and its open and overdue dossiers: the figures
    and rates as ``isodesk stats`` gives them, for an office's ledger or a unit's records at the province."""
    ahead, on_time, late = totals["ahead"], totals["on_time"], totals["late"]
    total = ahead + on_time + late
    return {
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "received": totals["received"],
        "settled": total,
        "ahead": ahead,
        "on_time": on_time,
        "late": late,
        "in_progress": in_progress,
        "overdue": overdue,
        "on_time_rate": round((ahead + on_time) / total, 4) if total else None,
        "satisfaction": {level.code: totals[f"rating_{level.value}"] for level in Satisfaction},
        "satisfaction_rate": _satisfaction_rate(totals),
    }


def count_period(session: Session, start: date, end: date, now: datetime) -> dict[str, Any]:
    """The figures of ``start``..``end`` inside a caller's session (the management review gathers them with its own
    data, ISO 9001:2015 9.3.2 c)."""
    return _counts(session, Period(start, end), now)


def _satisfaction_rate(totals: dict[str, int]) -> float | None:
    """The share of ratings "very satisfied" or "satisfied" among all ratings given (QĐ 766/QĐ-TTg 2022, the
    service-quality indicators); None when nobody rated."""
    rated = sum(totals[f"rating_{level.value}"] for level in Satisfaction)
    pleased = totals[f"rating_{Satisfaction.VERY_SATISFIED.value}"] + totals[f"rating_{Satisfaction.SATISFIED.value}"]
    return round(pleased / rated, 4) if rated else None


def stats(
    ctx: AppContext, start: date | None = None, end: date | None = None, now: datetime | None = None
) -> dict[str, Any]:
    """Figures for ``start``..``end`` (default: the current year)."""
    now = now or local_now()
    today = local_datetime(now).date()
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


def months_of(start: date, end: date) -> list[Period]:
    """The calendar months of ``start``..``end``, the first and the last cut to the period."""
    out, first = [], start
    while first <= end:
        following = date(first.year + 1, 1, 1) if first.month == 12 else date(first.year, first.month + 1, 1)
        out.append(Period(first, min(end, date.fromordinal(following.toordinal() - 1))))
        first = following
    return out


def stats_by_month(ctx: AppContext, start: date, end: date, now: datetime | None = None) -> list[dict[str, Any]]:
    """Figures of each month of ``start``..``end`` (for the statistics report)."""
    now = now or local_now()
    with ctx.read() as s:
        return [_counts(s, p, now) for p in months_of(start, end)]


def stats_by_period(
    ctx: AppContext, year: int, kind: str = "month", now: datetime | None = None
) -> list[dict[str, Any]]:
    now = now or local_now()
    with ctx.read() as s:
        return [_counts(s, p, now) for p in periods_of(year, kind)]


def stats_by(ctx: AppContext, group: str, start: date, end: date) -> list[dict[str, Any]]:
    """Settled dossiers by procedure, field or officer (who handled it last), with their on-time rate."""
    query: Any
    with ctx.read() as s:
        if group == "officer":
            query = (
                select(
                    Staff.name,
                    func.sum(Dossier.timeliness == "ahead"),
                    func.sum(Dossier.timeliness == "on_time"),
                    func.sum(Dossier.timeliness == "late"),
                )
                .select_from(Dossier)
                .outerjoin(Staff, Staff.id == Dossier.handler_id)
                .where(Dossier.settled_on.between(start, end), Dossier.timeliness.is_not(None))
                .group_by(Staff.name)
            )
        else:
            key = {"procedure": Procedure.code, "field": Procedure.field}[group]
            query = (
                select(key, func.sum(DailyCount.ahead), func.sum(DailyCount.on_time), func.sum(DailyCount.late))
                .select_from(DailyCount)
                .join(Procedure, Procedure.id == DailyCount.procedure_id)
                .where(DailyCount.day.between(start, end))
                .group_by(key)
            )
        rows = s.execute(query).all()
    return grouped(rows)


def grouped(rows: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    """Rows of (group, ahead, on time, late) as ``isodesk stats --by`` lists them: by name, with their on-time
    rate, groups with nothing settled left out."""
    out = []
    for name, ahead, on_time, late in sorted(rows, key=lambda r: str(r[0] or "")):
        total = int(ahead + on_time + late)
        if not total:
            continue
        out.append(
            {
                "group": name or "—",
                "ahead": int(ahead),
                "on_time": int(on_time),
                "late": int(late),
                "settled": total,
                "on_time_rate": round((ahead + on_time) / total, 4),
            }
        )
    return out


def dashboard(ctx: AppContext, now: datetime | None = None) -> dict[str, Any]:
    """Today's work at the desk and the year's on-time rate by month (Tổng quan)."""
    from isodesk.services.ledger.queries import DossierFilter, count_in, list_dossiers

    now = now or local_now()
    today = local_datetime(now).date()
    with ctx.read() as s:
        received_today = s.execute(
            select(func.count()).select_from(Dossier).where(Dossier.received_on == today)
        ).scalar_one()
        due_today = count_in(s, DossierFilter(due_today=True), now)
        overdue = count_in(s, DossierFilter(overdue=True), now)
        open_count = count_in(s, DossierFilter(status="open"), now)
        months = [_counts(s, p, now) for p in periods_of(today.year, "month")]
    return {
        "today": today.isoformat(),
        "received_today": received_today,
        "due_today": due_today,
        "overdue": overdue,
        "open": open_count,
        "overdue_list": list_dossiers(
            ctx, DossierFilter(overdue=True), sort="due", descending=False, limit=10, now=now
        ),
        "months": [{"month": i + 1, "rate": m["on_time_rate"], "settled": m["settled"]} for i, m in enumerate(months)],
        "month_rate": months[today.month - 1]["on_time_rate"],
    }
