"""The open office and the unit of work every use case runs in.

A use case is one transaction (cosmicpython's unit of work): ``with ctx.unit_of_work() as s: ...``
commits when the block ends normally and rolls back on any exception, so a user action is saved
whole or not at all. The session knows who acts and for which unit, and the sync columns of every
record it writes are filled from that (see :mod:`isodesk.db.engine`). What a committed unit of work
wrote is recorded for the screens that show it (:mod:`isodesk.services.changes`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.engine import ATTACH, WRITE
from isodesk.db.migrate import Database, open_database
from isodesk.db.models import Account, Office
from isodesk.db.paths import resolve_data_dir
from isodesk.db.storage import storage_errors
from isodesk.domain.permissions import Role
from isodesk.services import changes


@dataclass
class AppContext:
    """The open office. ``actor`` is the username of the account that acts (recorded in ``updated_by`` and the
    audit trail, and whose permissions apply): the account signed in at the window or on the command line
    (``--user`` with its password), nobody ("") before that (see :func:`open_context`)."""

    db: Database
    actor: str = ""

    @property
    def data_dir(self) -> Path:
        return self.db.data_dir

    @contextmanager
    def unit_of_work(self, actor: str | None = None, *, attach: Mapping[str, Path] | None = None) -> Iterator[Session]:
        """One user action: takes the write lock at its start (``BEGIN IMMEDIATE``), commits whole or not at all.

        ``actor`` overrides who is recorded (a sign-in attempt is recorded under the name that was tried, not under
        whoever used the program before). ``attach`` names database files the transaction reads from besides the
        office's (schema name -> file), attached before it begins and detached after. Storage failures (disk full,
        read-only folder, a removed USB stick, a busy or damaged file) leave as a :class:`~isodesk.errors.UserError`
        that says what to do (:mod:`isodesk.db.storage`).
        """
        with storage_errors(self.db.path, self.db.reset):
            self.db.check_reachable()
            with self._session(self.actor if actor is None else actor, attach or {}) as session:
                yield session

    @contextmanager
    def _session(self, actor: str, attach: Mapping[str, Path]) -> Iterator[Session]:
        session = self.db.sessions()
        try:
            # BEGIN IMMEDIATE before the first read
            session.connection(execution_options={WRITE: True, ATTACH: tuple(attach.items())})
            session.info["actor"] = actor
            office_unit = session.execute(select(Office.unit_code).limit(1)).scalar_one_or_none()
            if office_unit:
                session.info["unit_code"] = office_unit
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries only; nothing it does is committed."""
        with storage_errors(self.db.path, self.db.reset):
            self.db.check_reachable()
            session = self.db.sessions()
            try:
                yield session
            finally:
                session.close()  # ends the transaction without saving; loaded objects stay readable

    def close(self) -> None:
        self.db.close()


def administrator(session: Session) -> str:
    """The username of the office's administrator account (the first one created), or "" before set-up."""
    for name, roles in session.execute(
        select(Account.username, Account.roles).where(Account.active.is_(True)).order_by(Account.id)
    ):
        if Role.ADMIN.value in json.loads(roles):
            return str(name)
    return ""


def office_set_up(data_dir: str | Path | None = None) -> bool:
    """Whether ``data_dir`` holds a database with an office in it, read without opening (or migrating) it.

    The command line asks before it opens anything: setting up an empty folder needs no account (there is none
    yet), while a set-up office is only reached by signing in. A file that cannot be read says False: a damaged
    database's accounts cannot be checked, and the way out of it (a restore) must stay open.
    """
    import sqlite3

    from isodesk.db.paths import database_path, readonly_uri

    path = database_path(resolve_data_dir(data_dir))
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            return conn.execute("SELECT 1 FROM office LIMIT 1").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def open_context(data_dir: str | Path | None = None, actor: str | None = None) -> AppContext:
    """Open the office database in ``data_dir`` (resolved as docs/ARCHITECTURE.md §8 says), migrating it if needed.

    Without ``actor`` the context acts as the office's administrator (tests and the program's own upkeep); the
    window and the command line name the account that signed in, or nobody (``actor=""``).
    """
    ctx = AppContext(open_database(resolve_data_dir(data_dir)))
    if actor is None:
        with ctx.read() as s:
            actor = administrator(s)
    ctx.actor = actor
    return ctx


changes.install()  # every committed unit of work says what kinds of data it changed
