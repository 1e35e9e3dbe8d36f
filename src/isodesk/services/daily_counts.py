"""Keeping the per-day counts (:class:`isodesk.db.models.DailyCount`) in step with the dossiers."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from isodesk.db.models import DailyCount

FIELDS = ("received", "ahead", "on_time", "late", "rating_1", "rating_2", "rating_3", "rating_4")


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


def rebuild(session: Session) -> None:
    """Recount everything from the dossiers (after a bulk load, or to repair)."""
    session.execute(delete(DailyCount))
    session.execute(
        text("""
        INSERT INTO daily_counts (day, procedure_id, received, ahead, on_time, late,
                                  rating_1, rating_2, rating_3, rating_4)
        SELECT day, procedure_id, SUM(received), SUM(ahead), SUM(on_time), SUM(late),
               SUM(r1), SUM(r2), SUM(r3), SUM(r4)
        FROM (
            SELECT received_on AS day, procedure_id, COUNT(*) AS received,
                   0 AS ahead, 0 AS on_time, 0 AS late, 0 AS r1, 0 AS r2, 0 AS r3, 0 AS r4
            FROM dossiers GROUP BY received_on, procedure_id
            UNION ALL
            SELECT settled_on, procedure_id, 0,
                   SUM(timeliness = 'ahead'), SUM(timeliness = 'on_time'), SUM(timeliness = 'late'),
                   SUM(rating = 1), SUM(rating = 2), SUM(rating = 3), SUM(rating = 4)
            FROM dossiers WHERE status = 'returned' AND settled_on IS NOT NULL
            GROUP BY settled_on, procedure_id
        )
        GROUP BY day, procedure_id
    """)
    )
