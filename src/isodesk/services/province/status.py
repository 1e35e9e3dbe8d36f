"""Every unit of the province at a glance: enrolled or not, its last package, and what the records it sent say.

All of it is computed from the records the units sent, never from anything the province typed:

- the QMS step (build, apply, announce, maintain) by the journey's rules (:func:`isodesk.domain.qms.journey.step_of`)
  over the unit's roles, scope, policy, objectives, trainings, audits, reviews, milestones and announcements;
- the latest announcement, the last internal audit held (its report issued, or recorded as a milestone) and the
  last management review;
- the year's quality objectives met, each measured as the unit measures it (:mod:`isodesk.domain.qms.objectives`)
  over the reduced dossier records it sent, or by the value it entered by hand;
- the nonconformities still open (major or minor findings not closed);
- the dossiers received, and the on-time rate of the year as the ledger counts it (settled ahead of time or on time
  over all settled that year);
- whether a package of the unit was imported during the year.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import astuple, dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from itertools import pairwise
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from isodesk.db.models import AdminUnit, EnrolledUnit, ImportLog, ReceivedMonth, ReceivedRecord
from isodesk.domain import validation as v
from isodesk.domain.qms.journey import Facts, step_of
from isodesk.domain.qms.objectives import (
    COMPUTED,
    Counts,
    Direction,
    Measure,
    PeriodKind,
    actual_of,
    is_met,
    periods_of,
)
from isodesk.i18n import N_
from isodesk.i18n.dates import LOCAL_TZ, local_today
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.province.imports import IMPORTED, province_office

#: The kinds of record the QMS figures are read from (a few dozen records a unit).
QMS_KINDS = (
    "qms_roles",
    "qms_trainings",
    "qms_scopes",
    "qms_policies",
    "qms_objectives",
    "qms_milestones",
    "qms_announcements",
    "qms_legal_changes",
    "audits",
    "audit_findings",
    "management_reviews",
)
#: Findings that are nonconformities (observations and opportunities for improvement are not).
NONCONFORMITY_GRADES = frozenset({"major", "minor"})
TIMELY = ("ahead", "on_time")
YEAR = N_("The year")


@dataclass(frozen=True)
class UnitStatus:
    unit_code: str
    unit_name: str
    enrolled: bool
    confirmed: bool
    last_package_at: datetime | None
    sequence: int | None
    received: int  # every dossier record the unit sent
    on_time_rate: float | None  # of the dossiers settled in the year
    qms_step: str | None  # build, apply, announce, maintain; None before any package
    announced_on: date | None = None
    last_audit_on: date | None = None
    last_review_on: date | None = None
    objectives_met: int | None = None  # None: no objective of the year could be measured
    objectives_total: int = 0
    open_nonconformities: int = 0
    reported_this_year: bool = False  # a package of the unit imported during the year
    year: int = 0
    received_in_year: int = 0
    settled_in_year: int = 0

    def to_dict(self) -> dict[str, Any]:
        def day(value: date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "unit_code": self.unit_code,
            "unit_name": self.unit_name,
            "enrolled": self.enrolled,
            "confirmed": self.confirmed,
            "last_package_at": self.last_package_at.isoformat() if self.last_package_at else None,
            "sequence": self.sequence,
            "received": self.received,
            "on_time_rate": self.on_time_rate,
            "qms_step": self.qms_step,
            "announced_on": day(self.announced_on),
            "last_audit_on": day(self.last_audit_on),
            "last_review_on": day(self.last_review_on),
            "objectives_met": self.objectives_met,
            "objectives_total": self.objectives_total,
            "open_nonconformities": self.open_nonconformities,
            "reported_this_year": self.reported_this_year,
            "year": self.year,
            "received_in_year": self.received_in_year,
            "settled_in_year": self.settled_in_year,
        }


@dataclass
class DossierTally:
    """A unit's dossier records counted for the year: the ledger's counts by procedure (code, field in lower case)
    for the objectives, and the totals."""

    received: int = 0
    received_in_year: int = 0
    by_procedure: dict[tuple[str, str], Counts] = field(default_factory=dict)

    def total(self, codes: Iterable[str] = (), field_name: str = "") -> Counts:
        wanted, key = set(codes), field_name.lower()
        parts = [
            c
            for (code, fld), c in self.by_procedure.items()
            if (not wanted or code in wanted) and (not key or fld == key)
        ]
        return Counts(*(sum(getattr(c, f) for c in parts) for f in Counts.__dataclass_fields__))


def _day(value: Any) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        try:
            loaded = json.loads(value)
        except ValueError:
            return []
        return loaded if isinstance(loaded, list) else []
    return []


def read_qms_records(session: Session) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """unit code -> kind -> the records of the QMS kinds each unit sent."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    rows = session.execute(
        select(ReceivedRecord.unit_code, ReceivedRecord.kind, ReceivedRecord.body).where(
            ReceivedRecord.kind.in_(QMS_KINDS)
        )
    )
    for code, kind, body in rows:
        out.setdefault(code, {}).setdefault(kind, []).append(json.loads(body))
    return out


def facts_of(records: dict[str, list[dict[str, Any]]]) -> Facts:
    """The journey's facts as the unit's records say them (see :func:`isodesk.services.qms.journey.read_facts`)."""
    roles = {r.get("role") for r in records.get("qms_roles", [])}
    scopes = sorted(records.get("qms_scopes", []), key=lambda r: int(r.get("version") or 0))
    scoped = [(_day(r.get("set_on")), set(_list(r.get("procedures")))) for r in scopes]
    changes = [after[0] for before, after in pairwise(scoped) if before[1] != after[1]]
    approved = [
        d
        for r in records.get("qms_policies", [])
        if r.get("state") in ("approved", "superseded") and (d := _day(r.get("approved_on")))
    ]
    milestones = records.get("qms_milestones", [])

    def held(kind: str) -> list[date]:
        return [d for m in milestones if m.get("kind") == kind and (d := _day(m.get("held_on")))]

    audits = [d for a in records.get("audits", []) if a.get("status") == "reported" and (d := _day(a.get("held_on")))]
    reviews = [d for r in records.get("management_reviews", []) if (d := _day(r.get("held_on")))]
    confirmed = [
        d
        for r in records.get("management_reviews", [])
        if r.get("effective") is True and (d := _day(r.get("confirmed_on")))
    ]
    announcements = sorted(
        (d, a) for a in records.get("qms_announcements", []) if (d := _day(a.get("announced_on")))
    ) if records.get("qms_announcements") else []  # fmt: skip
    latest = announcements[-1] if announcements else None
    return Facts(
        organised={"committee", "representative", "secretary"} <= roles,
        scope_set_on=scoped[0][0] if scoped else None,
        scope_changed_on=changes[-1] if changes else None,
        policy_approved_on=min(approved, default=None),
        objectives_years=frozenset(
            int(o["year"]) for o in records.get("qms_objectives", []) if o.get("active", True) and o.get("year")
        ),
        # Which procedures have their ISO procedure issued stays in the office's settings, not sent: the province
        # does not hold a unit back on it.
        procedures_issued=bool(scoped),
        trained=bool(records.get("qms_trainings")),
        audits=tuple(sorted({*audits, *held("audit")})),
        reviews=tuple(sorted({*reviews, *held("review")})),
        effective_on=min([*confirmed, *held("effectiveness")], default=None),
        announced_on=latest[0] if latest else None,
        first_announced_on=announcements[0][0] if announcements else None,
        notified_on=_day(latest[1].get("notified_on")) if latest else None,
        pending_legal=tuple(
            d
            for c in records.get("qms_legal_changes", [])
            if not c.get("applied_on") and (d := _day(c.get("effective_on")))
        ),
    )


def objective_met(objective: dict[str, Any], year: int, today: date, tally: DossierTally | None) -> bool | None:
    """Whether one of the unit's objectives of ``year`` is met, measured as the unit measures it; None when it cannot
    be measured (nothing counted yet, or the supplement requests, which are not sent)."""
    try:
        measure = Measure(str(objective.get("measure")))
        direction = Direction(str(objective.get("direction")))
        target = float(Decimal(str(objective.get("target"))))
        kind = PeriodKind(objective.get("period") or "year")
    except (ValueError, ArithmeticError):
        return None
    if measure in COMPUTED:
        if measure is Measure.SUPPLEMENT_RATE or tally is None or date(year, 1, 1) > today:
            return None
        counts = tally.total([str(c) for c in _list(objective.get("procedures"))], str(objective.get("field") or ""))
        return is_met(actual_of(measure, counts), target, direction)
    raw = objective.get("actuals")
    try:
        actuals = json.loads(raw) if isinstance(raw, str) else (raw or {})
        values = {str(k): float(v) for k, v in actuals.items()}
    except (ValueError, TypeError, AttributeError):
        return None
    actual = values.get(str(year))
    if actual is None and kind is not PeriodKind.YEAR:
        actual = next((values[p.label] for p in reversed(periods_of(year, kind)) if p.label in values), None)
    return is_met(actual, target, direction)


def read_dossier_tallies(session: Session, year: int) -> dict[str, DossierTally]:
    """unit code -> its dossier records counted for ``year``, summed from the counts by month and procedure
    (received by the month received; settled, timeliness, ratings and days to settle by the month settled, as the
    ledger's day counts are kept): a few hundred rows a unit whatever the number of dossiers."""
    m = ReceivedMonth
    out: dict[str, DossierTally] = {}
    for code, received in session.execute(select(m.unit_code, func.sum(m.received)).group_by(m.unit_code)):
        out[code] = DossierTally(received=int(received or 0))
    rows = session.execute(
        select(
            m.unit_code,
            m.procedure_code,
            m.procedure_field,
            func.sum(m.ahead + m.on_time + m.late),
            func.sum(m.ahead + m.on_time),
            func.sum(m.rating_1 + m.rating_2 + m.rating_3 + m.rating_4),
            func.sum(m.rating_1 + m.rating_2),
            func.sum(m.received),
            func.sum(m.settle_days),
        )
        .where(m.month.between(f"{year:04d}-01", f"{year:04d}-12"))
        .group_by(m.unit_code, m.procedure_code, m.procedure_field)
    )
    for code, procedure, fld, settled, timely, rated, satisfied, received, days in rows:
        tally = out.setdefault(code, DossierTally())
        counts = Counts(settled=settled, timely=timely, rated=rated, satisfied=satisfied, received=received,
                        settle_days=days)  # fmt: skip
        key = (procedure, (fld or "").lower())
        if key in tally.by_procedure:  # the same field written in another case
            counts = Counts(*(a + b for a, b in zip(astuple(tally.by_procedure[key]), astuple(counts), strict=True)))
        tally.by_procedure[key] = counts
        tally.received_in_year += received
    return out


def _year_bounds(year: int) -> tuple[datetime, datetime]:
    """The year in Vietnam, as UTC moments (start inclusive, end exclusive)."""
    start = datetime.combine(date(year, 1, 1), time(), LOCAL_TZ).astimezone(UTC)
    end = datetime.combine(date(year + 1, 1, 1), time(), LOCAL_TZ).astimezone(UTC)
    return start, end


def _reported(session: Session, year: int) -> set[str]:
    start, end = _year_bounds(year)
    rows = session.execute(select(ImportLog.unit_code, ImportLog.at).where(ImportLog.status == IMPORTED))
    out = set()
    for code, at in rows:
        moment = at if at.tzinfo else at.replace(tzinfo=UTC)
        if start <= moment < end:
            out.add(code)
    return out


def province_status(ctx: AppContext, year: int | None = None) -> list[UnitStatus]:
    """Every commune and ward of the province, in code order, with its figures of ``year`` (default: this year in
    Vietnam)."""
    office = province_office(ctx)
    today = local_today()
    year = check(v.whole_number, str(year if year is not None else today.year), YEAR, v.EARLIEST.year, v.LATEST.year)
    with ctx.read() as s:
        units = s.execute(
            select(AdminUnit.code, AdminUnit.name)
            .where(AdminUnit.province_code == office.province_code)
            .order_by(AdminUnit.code)
        ).all()
        enrolled = {e.unit_code: e for e in s.scalars(select(EnrolledUnit))}
        tallies = read_dossier_tallies(s, year)
        qms = read_qms_records(s)
        reported = _reported(s, year)
    out: list[UnitStatus] = []
    for code, name in units:
        e = enrolled.get(code)
        tally = tallies.get(code)
        records = qms.get(code, {})
        applied = e is not None and e.last_sequence > 0
        facts = facts_of(records)
        whole = tally.total() if tally else Counts()
        objectives = [
            o for o in records.get("qms_objectives", []) if o.get("active", True) and str(o.get("year")) == str(year)
        ]
        met = [objective_met(o, year, today, tally) for o in objectives]
        open_nc = sum(
            1
            for f in records.get("audit_findings", [])
            if f.get("grade") in NONCONFORMITY_GRADES and f.get("status") != "closed"
        )
        out.append(
            UnitStatus(
                unit_code=code,
                unit_name=name,
                enrolled=e is not None,
                confirmed=bool(e and e.confirmed),
                last_package_at=e.last_package_at if e else None,
                sequence=(e.last_sequence or None) if e else None,
                received=tally.received if tally else 0,
                on_time_rate=round(whole.timely / whole.settled, 4) if whole.settled else None,
                qms_step=step_of(facts, today).value if applied else None,
                announced_on=facts.announced_on,
                last_audit_on=max(facts.audits, default=None),
                last_review_on=max(facts.reviews, default=None),
                objectives_met=sum(1 for m in met if m) if any(m is not None for m in met) else None,
                objectives_total=len(objectives),
                open_nonconformities=open_nc,
                reported_this_year=code in reported,
                year=year,
                received_in_year=tally.received_in_year if tally else 0,
                settled_in_year=whole.settled,
            )
        )
    return out
