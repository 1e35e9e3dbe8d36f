"""Engine and session set-up for one office database.

SQLite settings (https://www.sqlite.org/pragma.html): WAL so readers never block the writer and a
crash mid-write leaves the last committed state; ``synchronous=FULL`` because these are legal records
and the PCs lose power; foreign keys on (SQLite leaves them off by default); a busy timeout so a second
reader waits instead of failing.

Transactions are SQLite's own, not pysqlite's. Python's sqlite3 begins a transaction lazily before the
first INSERT/UPDATE/DELETE and none before DDL, so an Alembic migration was not atomic and a unit of
work that read first and wrote later could meet SQLITE_BUSY at its first write, when the busy timeout
no longer helps. SQLAlchemy documents the cure ("Serializable isolation / Savepoints / Transactional
DDL", https://docs.sqlalchemy.org/en/20/dialects/sqlite.html#pysqlite-serializable): turn pysqlite's
handling off (``isolation_level = None``) and emit ``BEGIN`` from the engine's ``begin`` event. Here a
connection marked with the execution option ``WRITE`` (a unit of work, a migration) starts with
``BEGIN IMMEDIATE``: it takes the write lock at its start, waiting up to the busy timeout, and everything
it does, DDL included, commits or rolls back as one. Read sessions start with a plain deferred
``BEGIN``: a consistent snapshot that never takes the write lock (WAL lets them run beside a writer).

SQLite attaches another database file only outside a transaction, so a unit of work that reads from one (the rows a
bulk import has staged in a file of its own) names it in the execution option ``ATTACH``: it is attached just
before the ``BEGIN`` and detached when the connection goes back to the pool.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, update
from sqlalchemy.orm import Session, sessionmaker

from isodesk.db import trail
from isodesk.db.base import SyncedMixin
from isodesk.db.models import ChangeCounter
from isodesk.db.types import utcnow

#: Execution option that makes a connection's transactions start with ``BEGIN IMMEDIATE``.
WRITE = "isodesk_write"
BUSY_TIMEOUT_MS = 5000
#: Execution option: ``((schema, path), ...)`` attached to the connection before its transaction begins.
ATTACH = "isodesk_attach"
_ATTACHED = "isodesk_attached"


def create_db_engine(path: Path) -> Engine:
    # URL.create takes the path as it is; a "sqlite:///..." string would decode "%20" in a folder's name.
    engine = create_engine(URL.create("sqlite", database=str(path)), future=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # pysqlite emits no BEGIN/COMMIT of its own (see module docstring)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        options = conn.get_execution_options()
        for schema, path in options.get(ATTACH, ()):
            conn.exec_driver_sql(f'ATTACH DATABASE ? AS "{schema}"', (str(path),))
            conn.info.setdefault(_ATTACHED, []).append(schema)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get(WRITE) else "BEGIN")

    @event.listens_for(engine, "checkin")
    def _detach(dbapi_conn: Any, record: Any) -> None:
        for schema in record.info.pop(_ATTACHED, ()):
            if dbapi_conn is not None:  # None once invalidated: nothing is attached to a closed connection
                dbapi_conn.execute(f'DETACH DATABASE "{schema}"')

    return engine


def write_connection(engine: Engine) -> Connection:
    """A connection whose transactions take the write lock at once (for migrations and bulk work)."""
    return engine.connect().execution_options(**{WRITE: True})


def run_outside_transaction(engine: Engine, *statements: str) -> None:
    """Statements SQLite refuses inside a transaction (a WAL checkpoint, VACUUM), on a pooled connection."""
    with engine.connect() as conn:
        driver = conn.connection.driver_connection
        assert driver is not None
        for statement in statements:
            driver.execute(statement).fetchall()


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
