"""Putting a backup back in place of the office's database.

The file is checked first (an isodesk database, sound by ``integrity_check``, not written by a newer
version, of the same unit unless the user says otherwise); the current file is copied to the backups
folder (or, when it is damaged, set aside byte for byte with its ``-wal``); then the checked copy replaces it
with one ``os.replace``, so the data folder never has no database and a crash leaves either the old file or the
restored one. The old file's write-ahead log is merged into it or moved aside before the switch: SQLite
matches a ``-wal`` file to its database by name only and would apply the old log to the restored file
(https://www.sqlite.org/wal.html#the_wal_file, https://www.sqlite.org/howtocorrupt.html#_deleting_a_hot_journal).
A restore holds the data folder's lock: it is refused while another isodesk has the folder open. An older
backup is migrated by the next opening, after its own pre-migration copy.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from isodesk.db.backup import Progress, backup_file, fsync_dir, integrity_problems, timestamped_name
from isodesk.db.lock import holding
from isodesk.db.migrate import known_revisions
from isodesk.db.paths import DB_FILENAME, backup_dir, database_path
from isodesk.db.storage import storage_errors
from isodesk.domain.permissions import Permission
from isodesk.errors import DamagedDatabaseError, UserError
from isodesk.i18n import _
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.safety.backups import BackupInfo, inspect

RESTORING_SUFFIX = ".restoring"


@dataclass(frozen=True)
class RestorePlan:
    """What a restore of ``backup`` would do, for the confirmation the user gives."""

    backup: BackupInfo
    current: BackupInfo | None  # None when the data folder holds no database
    other_unit: bool

    @property
    def actions_lost(self) -> int | None:
        """User actions saved after the backup was made; they are replaced (and kept in the pre-restore copy)."""
        if self.current is None or self.current.changes is None or self.backup.changes is None:
            return None
        return max(0, self.current.changes - self.backup.changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "backup": self.backup.to_dict(),
            "backup_dossiers": self.backup.dossiers,
            "current_dossiers": self.current.dossiers if self.current else None,
            "current_unit_code": self.current.unit_code if self.current else None,
            "actions_lost": self.actions_lost,
            "other_unit": self.other_unit,
        }


@dataclass(frozen=True)
class RestoreResult:
    restored: Path
    kept: Path | None  # the copy of the file that was replaced
    revision: str | None
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "restored": str(self.restored),
            "kept": str(self.kept) if self.kept else None,
            "revision": self.revision,
            "seconds": round(self.seconds, 3),
        }


def damaged_backup(file: Path, problem: str) -> UserError:
    return UserError(
        _("The backup {path} is damaged ({problem}); it cannot be restored. Choose an older backup.").format(
            path=file, problem=problem
        )
    )


def plan_restore(data_dir: Path, file: Path, *, check: bool = True) -> RestorePlan:
    """Check ``file`` and say what restoring it would replace; raise a :class:`UserError` when it cannot be.

    ``check=False`` skips ``integrity_check`` (seconds on a large file) where the copy is checked anyway.
    """
    if not file.is_file():
        raise UserError(_("The backup file {path} does not exist.").format(path=file))
    backup = inspect(file, count=True)
    if backup.revision is None:
        raise UserError(
            _("{path} is not an isodesk backup (it is not an isodesk database). Choose another file.").format(path=file)
        )
    problems = integrity_problems(file) if check else []
    if problems:
        raise damaged_backup(file, problems[0])
    if backup.revision not in known_revisions():
        raise UserError(
            _(
                "The backup {path} was made by a newer version of isodesk (schema {found}). Install that version "
                "to restore it; nothing was changed."
            ).format(path=file, found=backup.revision)
        )
    live = database_path(data_dir)
    current = inspect(live, count=True) if live.exists() else None
    other = bool(current and current.unit_code and backup.unit_code and current.unit_code != backup.unit_code)
    return RestorePlan(backup, current, other)


def other_unit_error(plan: RestorePlan) -> UserError:
    return UserError(
        _(
            "The backup belongs to another unit ({theirs}); this data folder holds unit {ours}. Restoring it would "
            "replace this office's records with another office's. If that is really wanted, confirm it "
            "(on the command line: --other-unit)."
        ).format(theirs=plan.backup.unit_code, ours=plan.current.unit_code if plan.current else "")
    )


def restore_backup(
    data_dir: Path,
    file: Path,
    *,
    allow_other_unit: bool = False,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    """Replace the office's database by the backup ``file``; the office must not be open (close its context first)."""
    started = time.perf_counter()
    plan = plan_restore(data_dir, file, check=False)  # the copy made below is checked instead
    if plan.other_unit and not allow_other_unit:
        raise other_unit_error(plan)
    live = database_path(data_dir)
    incoming = data_dir / (DB_FILENAME + RESTORING_SUFFIX)
    with holding(data_dir), storage_errors(data_dir):
        try:
            backup_file(file, incoming, progress)
        except DamagedDatabaseError as exc:
            problems = integrity_problems(file)
            raise damaged_backup(file, problems[0] if problems else "integrity_check") from exc
        kept = _set_current_aside(data_dir, now) if live.exists() else None
        _retire_wal(data_dir, now)
        os.replace(incoming, live)
        fsync_dir(data_dir)
    return RestoreResult(live, kept, plan.backup.revision, time.perf_counter() - started)


def restore_office(
    ctx: AppContext, file: Path, *, allow_other_unit: bool = False, progress: Progress | None = None
) -> RestoreResult:
    """A restore the user asks for on the open office: the administrator's; the office's connections are dropped.

    The offer made when the file is damaged calls :func:`restore_backup` without this check: the accounts are
    in the damaged file and cannot be trusted, and whoever can reach the data folder could copy the files anyway.
    """
    require(ctx, Permission.BACKUP_MANAGE)
    ctx.db.reset()
    return restore_backup(ctx.data_dir, file, allow_other_unit=allow_other_unit, progress=progress)


def _set_current_aside(data_dir: Path, now: datetime | None) -> Path:
    """Copy the file about to be replaced into the backups folder; a damaged one is copied byte for byte."""
    live = database_path(data_dir)
    folder = backup_dir(data_dir)
    try:
        return backup_file(live, folder / timestamped_name("pre-restore", now))
    except DamagedDatabaseError:
        return set_damaged_aside(data_dir, now)


def set_damaged_aside(data_dir: Path, now: datetime | None = None) -> Path:
    """Copy a damaged database and its ``-wal`` into the backups folder, as they are, for a specialist to look at."""
    live = database_path(data_dir)
    folder = backup_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / timestamped_name("damaged", now)
    for suffix in ("", "-wal"):
        source = Path(str(live) + suffix)
        if source.exists():
            shutil.copyfile(source, Path(str(dest) + suffix))
            with open(Path(str(dest) + suffix), "rb+") as f:
                os.fsync(f.fileno())
    fsync_dir(folder)
    return dest


def _retire_wal(data_dir: Path, now: datetime | None) -> None:
    """Leave the current file with no ``-wal``/``-shm`` beside it, so none is applied to the restored file."""
    live = database_path(data_dir)
    wal, shm = Path(str(live) + "-wal"), Path(str(live) + "-shm")
    if live.exists() and (wal.exists() or shm.exists()):
        with contextlib.suppress(sqlite3.Error):
            conn = sqlite3.connect(live, isolation_level=None)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                conn.execute("PRAGMA journal_mode=DELETE").fetchall()
            finally:
                conn.close()
    if wal.exists() and wal.stat().st_size > 0:
        # The log could not be merged (a damaged file): it is kept with the copy set aside, never applied.
        os.replace(wal, backup_dir(data_dir) / (timestamped_name("damaged", now) + "-wal-unmerged"))
    for leftover in (wal, shm):
        leftover.unlink(missing_ok=True)
