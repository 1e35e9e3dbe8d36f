"""Quality objectives (ISO 9001:2015 6.2): added with a measurable target, computed live from the ledger's day
counts (or entered by hand), by period, against their target.

The ledger's figures come from :class:`isodesk.db.models.DailyCount`: a year is a few thousand rows whatever the
size of the ledger, so every objective of a year is computed in milliseconds.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from isodesk.db.models import DailyCount, Procedure, QmsObjective
from isodesk.domain import validation as v
from isodesk.domain.permissions import Permission
from isodesk.domain.qms import texts as t
from isodesk.domain.qms.objectives import (
    COMPUTED,
    Counts,
    Direction,
    Measure,
    Period,
    PeriodKind,
    actual_of,
    check_target,
    direction_of,
    is_met,
    periods_of,
    unit_of,
)
from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.i18n.dates import local_today
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check

MEASURE_NAMES = {
    Measure.ON_TIME_RATE: N_("on-time rate"),
    Measure.SATISFACTION_RATE: N_("satisfaction rate"),
    Measure.SUPPLEMENT_RATE: N_("supplement-request rate"),
    Measure.AVG_DAYS: N_("average days to settle"),
    Measure.MANUAL: N_("entered by hand"),
}
PERIOD_NAMES = {PeriodKind.YEAR: N_("year"), PeriodKind.QUARTER: N_("quarter"), PeriodKind.MONTH: N_("month")}
YEAR = N_("The year")


def measure_name(measure: Measure | str) -> str:
    return _(MEASURE_NAMES[Measure(measure)])


def period_name(kind: PeriodKind | str) -> str:
    return _(PERIOD_NAMES[PeriodKind(kind)])


@dataclass(frozen=True)
class PeriodValue:
    label: str
    start: date
    end: date
    actual: float | None
    met: bool | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "actual": self.actual,
            "met": self.met,
        }


@dataclass(frozen=True)
class ObjectiveView:
    """An objective with its actual value over its year (to date) and by its periods."""

    id: int
    year: int
    title: str
    measure: str
    procedures: tuple[str, ...]
    field: str
    target: float
    unit: str
    direction: str
    period: str
    actual: float | None
    met: bool | None
    plan: str = ""
    owner: str = ""
    evaluation: str = ""
    periods: tuple[PeriodValue, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["procedures"] = list(self.procedures)
        out["periods"] = [p.to_dict() for p in self.periods]
        return out

    def brief(self) -> dict[str, Any]:
        """What ``qms status`` lists of an objective."""
        return {"id": self.id, "title": self.title, "target": self.target, "actual": self.actual, "met": self.met}


def _year(value: int | None) -> int:
    year = value if value is not None else local_today().year
    return check(v.whole_number, str(year), YEAR, v.EARLIEST.year, v.LATEST.year)


@dataclass
class YearCounts:
    """The ledger's day counts of a year, added up by month and procedure in one pass over the year's rows (a few
    thousand whatever the size of the ledger), from which every objective of the year and each of its periods is
    summed: one read of the table serves them all."""

    year: int
    by_month: dict[tuple[int, int], Counts]  # (month, procedure id) -> counts
    procedures: dict[int, tuple[str, str]]  # procedure id -> (code, field in lower case)

    def ids(self, codes: list[str], field_name: str) -> set[int] | None:
        """The procedures an objective is narrowed to (None: all)."""
        if not codes and not field_name:
            return None
        wanted = set(codes)
        key = field_name.lower()
        return {
            pid
            for pid, (code, field) in self.procedures.items()
            if (not wanted or code in wanted) and (not key or field == key)
        }

    def total(self, period: Period, ids: set[int] | None) -> Counts:
        months = range(period.start.month, period.end.month + 1)
        if ids is None:
            parts = [self.months[m] for m in months if m in self.months]
        else:
            parts = [c for m in months for pid in ids if (c := self.by_month.get((m, pid))) is not None]
        return _added(parts)

    @cached_property
    def months(self) -> dict[int, Counts]:
        """Every procedure's counts added up by month."""
        grouped: dict[int, list[Counts]] = {}
        for (month, _pid), c in self.by_month.items():
            grouped.setdefault(month, []).append(c)
        return {month: _added(parts) for month, parts in grouped.items()}


def _added(parts: list[Counts]) -> Counts:
    return Counts(*(sum(getattr(c, f) for c in parts) for f in Counts.__dataclass_fields__))


def read_year_counts(session: Session, year: int) -> YearCounts:
    c = DailyCount
    month = func.substr(c.day, 6, 2)  # dates are stored as YYYY-MM-DD
    rows = session.execute(
        select(
            month,
            c.procedure_id,
            func.sum(c.ahead + c.on_time + c.late),
            func.sum(c.ahead + c.on_time),
            func.sum(c.rating_1 + c.rating_2 + c.rating_3 + c.rating_4),
            func.sum(c.rating_1 + c.rating_2),
            func.sum(c.received),
            func.sum(c.supplements),
            func.sum(c.settle_days),
        )
        .where(c.day.between(date(year, 1, 1), date(year, 12, 31)))
        .group_by(month, c.procedure_id)
    ).all()
    by_month = {(int(m), int(pid)): Counts(*(int(x or 0) for x in values)) for m, pid, *values in rows}
    procedures = {
        pid: (code, (field or "").lower())
        for pid, code, field in session.execute(select(Procedure.id, Procedure.code, Procedure.field))
    }
    return YearCounts(year, by_month, procedures)


def _view(row: QmsObjective, today: date, counts: YearCounts | None) -> ObjectiveView:
    measure = Measure(row.measure)
    direction = Direction(row.direction)
    target = float(Decimal(row.target))
    codes = list(json.loads(row.procedures))
    kind = PeriodKind(row.period)
    year_period = periods_of(row.year, PeriodKind.YEAR)[0]
    shown_periods = periods_of(row.year, kind) if kind is not PeriodKind.YEAR else []
    if measure in COMPUTED and counts is not None:
        ids = counts.ids(codes, row.field)

        def value(p: Period) -> float | None:
            return actual_of(measure, counts.total(p, ids)) if p.start <= today else None

    else:
        actuals: dict[str, float] = {k: float(x) for k, x in json.loads(row.actuals).items()}

        def value(p: Period) -> float | None:
            return actuals.get(p.label)

    periods = tuple(
        PeriodValue(p.label, p.start, p.end, (a := value(p)), is_met(a, target, direction)) for p in shown_periods
    )
    actual = value(year_period)
    if actual is None and measure is Measure.MANUAL and periods:  # by hand per period: the latest entered
        actual = next((p.actual for p in reversed(periods) if p.actual is not None), None)
    return ObjectiveView(
        id=row.id,
        year=row.year,
        title=row.title,
        measure=row.measure,
        procedures=tuple(codes),
        field=row.field,
        target=target,
        unit=row.unit,
        direction=row.direction,
        period=row.period,
        actual=actual,
        met=is_met(actual, target, direction),
        plan=row.plan,
        owner=row.owner,
        evaluation=row.evaluation,
        periods=periods,
    )


def _views(session: Session, rows: list[QmsObjective], today: date) -> list[ObjectiveView]:
    years = {r.year for r in rows if Measure(r.measure) in COMPUTED}
    counts = {year: read_year_counts(session, year) for year in years}
    return [_view(r, today, counts.get(r.year)) for r in rows]


def read_objectives(session: Session, year: int | None, today: date) -> list[ObjectiveView]:
    query = select(QmsObjective).where(QmsObjective.active.is_(True)).order_by(QmsObjective.year, QmsObjective.id)
    if year is not None:
        query = query.where(QmsObjective.year == year)
    return _views(session, list(session.execute(query).scalars()), today)


def list_objectives(ctx: AppContext, year: int | None = None, today: date | None = None) -> list[ObjectiveView]:
    """The objectives (of ``year``, else all), each computed now."""
    today = today or local_today()
    with ctx.read() as s:
        return read_objectives(s, _year(year) if year is not None else None, today)


def get_objective(ctx: AppContext, objective_id: int, today: date | None = None) -> ObjectiveView:
    with ctx.read() as s:
        row = s.get(QmsObjective, objective_id)
        if row is None or not row.active:
            raise UserError(_("There is no quality objective number {id}.").format(id=objective_id))
        return _views(s, [row], today or local_today())[0]


def _measure(value: str) -> Measure:
    try:
        return Measure(value)
    except ValueError:
        names = ", ".join(m.value for m in Measure)
        raise UserError(_("Unknown measure “{value}”: use one of {names}.").format(value=value, names=names)) from None


def add_objective(
    ctx: AppContext,
    *,
    title: str,
    measure: str,
    target: str | None,
    year: int | None = None,
    period: str = "year",
    procedures: list[str] | None = None,
    field_name: str = "",
    unit: str = "",
    at_most: bool = False,
    plan: str = "",
    owner: str = "",
    evaluation: str = "",
) -> ObjectiveView:
    """A new objective of ``year``. Its target must be measurable (a number; a percentage for a rate); computed
    measures may be narrowed to chosen procedures or a field, which must exist in the catalogue."""
    clean_title = check(v.text, title, t.OBJECTIVE_TITLE)
    kind = _measure(measure)
    number = check(check_target, kind, target)
    clean_year = _year(year)
    try:
        period_kind = PeriodKind(period)
    except ValueError:
        raise UserError(_("Unknown period “{value}”: use year, quarter or month.").format(value=period)) from None
    codes = [check(v.procedure_code, c) for c in procedures or []]
    clean_field = check(v.text, field_name, v.PROCEDURE_FIELD)
    if kind not in COMPUTED and (codes or clean_field):
        raise UserError(_("An objective entered by hand is not narrowed to procedures or a field."))
    direction = direction_of(kind, Direction.AT_MOST if at_most else None)
    clean_unit = check(v.text, unit, t.UNIT) if kind is Measure.MANUAL else unit_of(kind)
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        if codes:
            known = set(s.execute(select(Procedure.code).where(Procedure.code.in_(codes))).scalars())
            missing = [c for c in codes if c not in known]
            if missing:
                raise UserError(_("Procedure {code} is not in the catalogue.").format(code=missing[0]))
        if clean_field:
            found = s.execute(
                select(func.count()).select_from(Procedure).where(func.lower(Procedure.field) == clean_field.lower())
            ).scalar_one()
            if not found:
                raise UserError(_("No procedure of the catalogue is in the field “{field}”.").format(field=clean_field))
        row = QmsObjective(
            year=clean_year,
            title=clean_title,
            measure=kind.value,
            procedures=json.dumps(codes),
            field=clean_field,
            target=str(number),
            direction=direction.value,
            unit=clean_unit,
            period=period_kind.value,
            actuals="{}",
            plan=check(v.text, plan, t.PLAN),
            owner=check(v.text, owner, t.OWNER),
            evaluation=check(v.text, evaluation, t.EVALUATION),
            active=True,
        )
        s.add(row)
        s.flush()
        return _views(s, [row], local_today())[0]


def set_actual(ctx: AppContext, objective_id: int, value: str, label: str | None = None) -> ObjectiveView:
    """Enter the actual value of an objective measured by hand, for a period (default: its year)."""
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        row = s.get(QmsObjective, objective_id)
        if row is None or not row.active:
            raise UserError(_("There is no quality objective number {id}.").format(id=objective_id))
        if Measure(row.measure) is not Measure.MANUAL:
            raise UserError(_("This objective is computed from the ledger: its actual value is not entered by hand."))
        labels = [p.label for p in periods_of(row.year, PeriodKind(row.period))] + [str(row.year)]
        chosen = label or str(row.year)
        if chosen not in labels:
            raise UserError(
                _("The period “{value}” is not one of this objective: use {labels}.").format(
                    value=chosen, labels=", ".join(labels)
                )
            )
        number = check(v.decimal_number, value, N_("The actual value"), Decimal(-1_000_000), Decimal(1_000_000))
        actuals = dict(json.loads(row.actuals))
        actuals[chosen] = str(number)
        row.actuals = json.dumps(actuals, sort_keys=True)
        s.flush()
        return _views(s, [row], local_today())[0]


def remove_objective(ctx: AppContext, objective_id: int) -> None:
    """Withdraw an objective (it stays in the records, inactive)."""
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        row = s.get(QmsObjective, objective_id)
        if row is None or not row.active:
            raise UserError(_("There is no quality objective number {id}.").format(id=objective_id))
        row.active = False
