"""Checks made when the office opens: is the file sound, and can the PC's clock be trusted?

Integrity: ``PRAGMA quick_check`` reads every page and checks the structure of every b-tree, but does not
compare each index with its table, which is what makes ``integrity_check`` slow
(https://www.sqlite.org/pragma.html#pragma_quick_check). On the million-dossier benchmark office (1.8 GB) it
takes about 2.6 s against about 3x that for the full check (``bench/backup.py``), so the window runs it in the
background after the office is on screen, and the full check only when the quick one finds something. The
command line does not pay it on every command: a damaged page met by a command is reported with the way out
(:func:`isodesk.db.storage.damaged`), and ``isodesk check`` runs it on demand.

Clock: every saved record carries the UTC time it was changed (``updated_at``, filled by
:mod:`isodesk.db.engine`). A PC whose clock is earlier than the newest saved change was set back (an empty
CMOS battery makes old PCs wake up in 2010): new dossiers would get wrong dates and appointment days. A clock
years past the newest change is as suspect. Either gives a warning; nothing is changed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select

from isodesk.db.backup import integrity_problems
from isodesk.db.base import Base
from isodesk.db.paths import database_path
from isodesk.db.types import utcnow
from isodesk.i18n import _
from isodesk.i18n.dates import short_datetime
from isodesk.services.context import AppContext

#: Clocks drift and two PCs may share a folder: a few minutes behind is not "set back".
CLOCK_TOLERANCE = timedelta(minutes=10)
#: An office that has not saved anything for this long is unlikely; a PC clock that far ahead is likelier.
FUTURE_LIMIT = timedelta(days=2 * 366)


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    problems: list[str]
    full: bool  # the full integrity_check ran (because the quick one failed, or it was asked for)
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": self.problems, "full": self.full, "seconds": round(self.seconds, 3)}


def check_integrity(data_dir: Path, *, full: bool = False) -> IntegrityReport:
    """quick_check, then integrity_check only when the quick one finds something (or ``full`` is asked)."""
    started = time.perf_counter()
    path = database_path(data_dir)
    problems = integrity_problems(path, quick=not full)
    ran_full = full
    if problems and not full:
        problems, ran_full = integrity_problems(path) or problems, True
    return IntegrityReport(not problems, problems, ran_full, time.perf_counter() - started)


def newest_change(ctx: AppContext) -> datetime | None:
    """When the newest saved change was made (UTC), from each synced table's change_seq index: milliseconds."""
    newest: datetime | None = None
    with ctx.read() as s:
        for table in Base.metadata.sorted_tables:
            if not isinstance(table, Table) or "change_seq" not in table.c or "updated_at" not in table.c:
                continue
            at = s.execute(select(table.c.updated_at).order_by(table.c.change_seq.desc()).limit(1)).scalar_one_or_none()
            if at is not None and (newest is None or at > newest):
                newest = at
    return newest


def clock_warning(ctx: AppContext, now: datetime | None = None) -> str | None:
    """A warning when the PC's clock looks wrong against the saved data, else None."""
    newest = newest_change(ctx)
    if newest is None:
        return None
    now = now or utcnow()
    shown_now = short_datetime(now)
    shown_newest = short_datetime(newest)
    if now < newest - CLOCK_TOLERANCE:
        return _(
            "The computer's clock says {now}, earlier than the last change saved in the data ({newest}): the clock "
            "was probably set back. Set the right date and time in Windows before receiving dossiers, or their "
            "dates and appointment days will be wrong."
        ).format(now=shown_now, newest=shown_newest)
    if now > newest + FUTURE_LIMIT:
        return _(
            "The computer's clock says {now}, more than two years after the last change saved in the data "
            "({newest}). Check the date and time in Windows before receiving dossiers."
        ).format(now=shown_now, newest=shown_newest)
    return None


@dataclass(frozen=True)
class StartupReport:
    integrity: IntegrityReport
    clock: str | None
    daily_backup: Path | None
    backup_error: str | None  # the daily copy could not be made (a full disk...): said, not fatal


def after_open(ctx: AppContext, now: datetime | None = None) -> StartupReport:
    """What the window runs in the background once the office is on screen: integrity, clock, the daily copy.

    The daily copy is skipped when the file is damaged: a copy of a damaged file is no backup.
    """
    from isodesk.errors import UserError
    from isodesk.services.safety.backups import daily_backup_if_due

    integrity = check_integrity(ctx.data_dir)
    if not integrity.ok:  # nothing more is read from a damaged file
        return StartupReport(integrity, None, None, None)
    clock = clock_warning(ctx)
    made: Path | None = None
    error: str | None = None
    try:
        result = daily_backup_if_due(ctx.data_dir, now)
        made = result.path if result else None
    except UserError as exc:
        error = exc.message
    return StartupReport(integrity, clock, made, error)
