"""The open office and the unit of work every use case runs in.

A use case is one transaction (cosmicpython's unit of work): ``with ctx.unit_of_work() as s: ...``
commits when the block ends normally and rolls back on any exception, so a user action is saved
whole or not at all. The session knows who acts and for which unit, and the sync columns of every
record it writes are filled from that (see :mod:`isodesk.db.engine`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.migrate import Database, open_database
from isodesk.db.models import Office
from isodesk.db.paths import resolve_data_dir

#: The account name recorded for changes made from the command line without ``--user``.
DEFAULT_ACTOR = "admin"


@dataclass
class AppContext:
    db: Database
    actor: str = DEFAULT_ACTOR

    @property
    def data_dir(self) -> Path:
        return self.db.data_dir

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        session = self.db.sessions()
        session.info["actor"] = self.actor
        office_unit = session.execute(select(Office.unit_code).limit(1)).scalar_one_or_none()
        if office_unit:
            session.info["unit_code"] = office_unit
        try:
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
        session = self.db.sessions()
        try:
            yield session
        finally:
            session.close()  # ends the transaction without saving; loaded objects stay readable

    def close(self) -> None:
        self.db.close()


def open_context(data_dir: str | Path | None = None, actor: str = DEFAULT_ACTOR) -> AppContext:
    """Open the office database in ``data_dir`` (resolved as DESIGN.md §5 says), migrating it if needed."""
    return AppContext(open_database(resolve_data_dir(data_dir)), actor)
