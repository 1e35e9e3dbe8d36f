"""Engine and session set-up for one office database.

SQLite settings (https://www.sqlite.org/pragma.html): WAL so readers never block the writer and a
crash mid-write leaves the last committed state; ``synchronous=FULL`` because these are legal records
and the PCs lose power; foreign keys on (SQLite leaves them off by default); a busy timeout so a second
reader waits instead of failing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, update
from sqlalchemy.orm import Session, sessionmaker

from isodesk.db import trail
from isodesk.db.base import SyncedMixin
from isodesk.db.models import ChangeCounter
from isodesk.db.types import utcnow


def create_db_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()

    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def next_change_seq(session: Session) -> int:
    """The number of the current user action, taken from the counter once per transaction."""
    seq = session.info.get("change_seq")
    if seq is None:
        # Core statement on the session's connection: an ORM execute here would autoflush.
        seq = (
            session.connection()
            .execute(
                update(ChangeCounter)
                .where(ChangeCounter.id == 1)
                .values(value=ChangeCounter.value + 1)
                .returning(ChangeCounter.value)
            )
            .scalar_one()
        )
        session.info["change_seq"] = seq
    return int(seq)


@event.listens_for(Session, "before_flush")
def _stamp_synced_records(session: Session, _ctx: Any, _instances: Any) -> None:
    """Fill the sync columns of every new or changed record (see :class:`SyncedMixin`)."""
    changed = [o for o in (*session.new, *session.dirty) if isinstance(o, SyncedMixin)]
    if not changed:
        return
    dirty = [o for o in changed if o not in session.new and session.is_modified(o)]
    new = [o for o in changed if o in session.new]
    if not new and not dirty:
        return
    seq = next_change_seq(session)
    now = utcnow()
    actor = str(session.info.get("actor", ""))
    unit = session.info.get("unit_code")
    for obj in new:
        if not getattr(obj, "unit_code", None):
            if not unit:
                raise RuntimeError("a synced record was created without the office's unit code")
            obj.unit_code = unit
        obj.created_at = obj.created_at or now
        obj.updated_at = now
        obj.updated_by = actor
        obj.change_seq = seq
    for obj in dirty:
        obj.updated_at = now
        obj.updated_by = actor
        obj.change_seq = seq


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget_change_seq(session: Session) -> None:
    session.info.pop("change_seq", None)


trail.install()  # every change to a synced record also goes to the audit trail, in the same transaction
