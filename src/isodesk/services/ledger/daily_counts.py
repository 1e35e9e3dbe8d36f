"""Keeping the per-day counts (:class:`isodesk.db.models.DailyCount`) in step with the dossiers."""

from __future__ import annotations

from datetime import date

from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from isodesk.db.models import DailyCount
from isodesk.domain.ledger import Satisfaction, Timeliness

FIELDS = (
    "received",
    *(t.value for t in Timeliness),
    *(f"rating_{level.value}" for level in Satisfaction),
    "supplements",
    "settle_days",
)


def record(session: Session, day: date, procedure_id: int, **increments: int) -> None:
    """Add ``increments`` (e.g. ``received=1``) to the row of ``day``; called inside the user's transaction."""
    unknown = set(increments) - set(FIELDS)
    if unknown:
        raise ValueError(unknown)
    values = {f: increments.get(f, 0) for f in FIELDS}
    stmt = sqlite_insert(DailyCount).values(day=day, procedure_id=procedure_id, **values)
    stmt = stmt.on_conflict_do_update(
        index_elements=["day", "procedure_id"],
        set_={f: getattr(DailyCount, f) + v for f, v in increments.items()},
    )
    session.execute(stmt)


def add_many(session: Session, increments: dict[tuple[date, int], dict[str, int]]) -> None:
    """Add many rows' increments in one statement (a bulk load keeps the counts in its own transaction)."""
    if not increments:
        return
    stmt = sqlite_insert(DailyCount)
    stmt = stmt.on_conflict_do_update(
        index_elements=["day", "procedure_id"],
        set_={f: getattr(DailyCount, f) + getattr(stmt.excluded, f) for f in FIELDS},
    )
    rows = [
        {"day": day, "procedure_id": pid, **{f: inc.get(f, 0) for f in FIELDS}}
        for (day, pid), inc in increments.items()
    ]
    session.execute(stmt, rows)
