"""A unit's on-time statistics at the province, from the reduced dossier records it sent: the same figures, with the
same definitions and rates, as ``isodesk stats`` gives in the unit's own office (:mod:`isodesk.services.ledger.stats`).

As the ledger counts them: a dossier is received on the day it was received; it is settled, ahead of time, on time
or late, and rated, on the day it was settled; the dossiers of the period still open are in progress, and those whose
clock runs past their due time are overdue at the moment of the query. All of it is counted in SQL over the unit's
rows of ``province_dossiers``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from isodesk.db.models import AdminUnit, Office, ReceivedDossier
from isodesk.domain.ledger import Satisfaction, Timeliness
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_datetime, local_now
from isodesk.services.context import AppContext
from isodesk.services.ledger.daily_counts import FIELDS
from isodesk.services.ledger.stats import OPEN, PERIODS, RUNNING, Period, figures, grouped, periods_of

SETTLED = [t.value for t in Timeliness]
#: ``--by`` groups at the province: the procedure, its field, or the handling role (the unit sends no names).
GROUPS = {"procedure": ReceivedDossier.procedure_code, "field": ReceivedDossier.procedure_field,
          "officer": ReceivedDossier.handling_role}  # fmt: skip


def _unit(session: Session, unit_code: str) -> str:
    """The unit's code, once the office is known to be the province's and the unit one of its units."""
    office = session.scalars(select(Office)).one_or_none()
    if office is None or office.role != "province":
        raise UserError(
            _(
                "“--unit” shows a unit's figures from the packages the province received: it is for the province's "
                "office. In a commune or ward office, “isodesk stats” without --unit shows the office's own figures."
            )
        )
    code = unit_code.strip()
    unit = session.get(AdminUnit, code)
    if unit is None or unit.province_code != office.province_code:
        province = session.get(AdminUnit, office.province_code)
        raise UserError(
            _("There is no commune or ward with code {code} in {province}.").format(
                code=unit_code, province=province.name if province else office.province_code
            )
        )
    return code


def _period_counts(session: Session, unit_code: str, period: Period, now: datetime) -> dict[str, Any]:
    d = ReceivedDossier
    received = d.received_on.between(period.start, period.end)
    settled = and_(d.settled_on.between(period.start, period.end), d.timeliness.in_(SETTLED))

    def count(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    columns = {
        "received": count(received),
        **{t: count(and_(settled, d.timeliness == t)) for t in SETTLED},
        **{f"rating_{s.value}": count(and_(settled, d.rating == s.value)) for s in Satisfaction},
        "in_progress": count(and_(received, d.status.in_(OPEN))),
        "overdue": count(and_(received, d.status.in_(RUNNING), d.due_at < now.astimezone(UTC).isoformat())),
    }
    row = session.execute(
        select(*columns.values()).where(d.unit_code == unit_code, or_(received, d.settled_on.between(period.start,
                                                                                                    period.end)))
    ).one()  # fmt: skip
    values = dict(zip(columns, (int(v) for v in row), strict=True))
    totals = {f: values.get(f, 0) for f in FIELDS}
    return figures(period, totals, values["in_progress"], values["overdue"])


def unit_stats(
    ctx: AppContext, unit_code: str, start: date | None = None, end: date | None = None, now: datetime | None = None
) -> dict[str, Any]:
    """A unit's figures for ``start``..``end`` (default: the current year), as ``isodesk stats`` gives them."""
    now = now or local_now()
    today = local_datetime(now).date()
    period = Period(start or date(today.year, 1, 1), end or date(today.year, 12, 31))
    with ctx.read() as s:
        code = _unit(s, unit_code)
        return _period_counts(s, code, period, now)


def unit_stats_by_period(
    ctx: AppContext, unit_code: str, year: int, kind: str = "month", now: datetime | None = None
) -> list[dict[str, Any]]:
    if kind not in PERIODS:
        raise ValueError(kind)
    now = now or local_now()
    with ctx.read() as s:
        code = _unit(s, unit_code)
        return [_period_counts(s, code, p, now) for p in periods_of(year, kind)]


def unit_stats_by(ctx: AppContext, unit_code: str, group: str, start: date, end: date) -> list[dict[str, Any]]:
    """The unit's settled dossiers by procedure, field or handling role, with their on-time rate."""
    d = ReceivedDossier
    key = GROUPS[group]
    with ctx.read() as s:
        code = _unit(s, unit_code)
        rows = s.execute(
            select(key, *(func.sum(case((d.timeliness == t, 1), else_=0)) for t in SETTLED))
            .where(d.unit_code == code, d.settled_on.between(start, end), d.timeliness.in_(SETTLED))
            .group_by(key)
        ).all()
    return grouped(rows)
