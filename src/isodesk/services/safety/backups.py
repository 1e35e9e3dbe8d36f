"""Backups of the office database: daily, before events, by hand, to a folder or a USB stick.

Kinds (the word in the file name ``isodesk-KIND-YYYYMMDD-HHMMSS.sqlite3`` in the ``backups`` folder):
``daily`` (the first time the program opens on a day, in the background), ``pre-migration-REV`` (before a
schema upgrade, :mod:`isodesk.db.migrate`), ``pre-import`` (before an import is applied:
:func:`before_import` is the hook every importer calls), ``pre-restore`` (the current file, before a
restore replaces it), ``pre-erasure`` (before applicants' personal data is erased,
:mod:`isodesk.services.privacy.personal_data`), ``manual`` (the user asked) and ``damaged`` (a damaged file set aside,
never deleted).
Rotation is :mod:`isodesk.domain.retention`.

What a backup is (its schema revision, its unit, how many actions it holds) is read from inside the copy
itself (``alembic_version``, ``office``, ``change_counter``): a copy on a USB stick stands alone, with no
sidecar file to lose or to disagree with it. A copy only gets its name after ``integrity_check`` passed
(:func:`isodesk.db.backup.backup_file`), so every named file in the folder was sound when it was made;
``good`` in a listing says it still opens as an isodesk database.

Copies the program makes by itself (daily, before a migration or an import) need no permission: they only
read. A copy or a restore the user asks for is the administrator's (``Permission.BACKUP_MANAGE``): a copy
carries every citizen's personal data out of the office.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from isodesk.db.backup import STAMP, Progress, backup_file, timestamped_name
from isodesk.db.paths import backup_dir, database_path, readonly_uri
from isodesk.domain.permissions import Permission
from isodesk.domain.retention import Copy, to_keep
from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext

_NAME = re.compile(
    r"^isodesk-(?P<kind>[a-z]+(?:-[a-z]+)?)(?:-(?P<rev>[0-9a-z_]+?))?-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.sqlite3$"
)


KIND_NAMES = {
    "daily": N_("Daily (automatic)"),
    "manual": N_("By hand"),
    "pre-import": N_("Before an import"),
    "pre-migration": N_("Before an upgrade"),
    "pre-restore": N_("Before a restore"),
    "pre-erasure": N_("Before an erasure of personal data"),
    "damaged": N_("Damaged file set aside"),
    "other": N_("Other"),
}


def kind_name(kind: str) -> str:
    """What a copy is, in words (its kind is in its file name)."""
    return _(KIND_NAMES.get(kind, KIND_NAMES["other"]))


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    taken_at: datetime  # local time of the PC that made it
    size: int
    good: bool
    revision: str | None = None
    unit_code: str | None = None
    changes: int | None = None  # the office's change counter: user actions saved so far
    dossiers: int | None = None

    @property
    def moment(self) -> datetime:
        """When the copy was taken, as an aware moment: the name's time read in the PC's zone (to be shown in
        Vietnam time, whatever zone the PC is set to)."""
        return self.taken_at.astimezone()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "path": str(self.path),
            "time": self.taken_at.isoformat(timespec="seconds"),
            "size": self.size,
            "good": self.good,
            "revision": self.revision,
            "unit_code": self.unit_code,
        }


@dataclass(frozen=True)
class BackupResult:
    path: Path
    bytes: int
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "bytes": self.bytes, "seconds": round(self.seconds, 3)}


def _kind_and_time(path: Path) -> tuple[str, datetime]:
    match = _NAME.match(path.name)
    if match:
        with contextlib.suppress(ValueError):
            kind = match["kind"]
            # Copies of the same second are numbered -2, -3...: the number orders them, so rotation never takes
            # the newest for an older one (many imports in one second, from a script).
            taken = datetime.strptime(match["stamp"], STAMP) + timedelta(microseconds=int(match["n"] or 1) - 1)
            return ("pre-migration" if kind.startswith("pre-migration") else kind), taken
    return "other", datetime.fromtimestamp(path.stat().st_mtime)


def _scalar(conn: sqlite3.Connection, sql: str) -> Any:
    try:
        row = conn.execute(sql).fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def inspect(path: Path, *, count: bool = False) -> BackupInfo:
    """What the file at ``path`` holds, read without changing it; ``good`` is False when it is no isodesk database.

    ``count`` also counts its dossiers (tens of milliseconds on a million), for a restore's confirmation.
    """
    kind, taken_at = _kind_and_time(path)
    size = path.stat().st_size
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
    except sqlite3.Error:
        return BackupInfo(path, kind, taken_at, size, False)
    try:
        revision = _scalar(conn, "SELECT version_num FROM alembic_version")
        unit = _scalar(conn, "SELECT unit_code FROM office LIMIT 1")
        changes = _scalar(conn, "SELECT value FROM change_counter WHERE id = 1")
        dossiers = _scalar(conn, "SELECT COUNT(*) FROM dossiers") if count else None
    finally:
        conn.close()
    good = revision is not None and kind != "damaged"
    return BackupInfo(path, kind, taken_at, size, good, revision, unit, changes, dossiers)


def _files(data_dir: Path) -> list[Path]:
    folder = backup_dir(data_dir)
    return [p for p in folder.glob("isodesk-*.sqlite3") if p.is_file()] if folder.is_dir() else []


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """The backups in the data folder's ``backups`` folder, newest first."""
    found = [inspect(p) for p in _files(data_dir)]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def newest_good(data_dir: Path) -> BackupInfo | None:
    return next((b for b in list_backups(data_dir) if b.good), None)


def _unique(path: Path) -> Path:
    """``path``, or ``path`` numbered after every copy of the same second (``-2``, ``-3``...), never reusing the
    name of a copy that rotation already removed (it would sort as the oldest and be removed at once)."""
    same_second = list(path.parent.glob(f"{path.stem}*{path.suffix}")) if path.parent.is_dir() else []
    if not same_second:
        return path
    numbered = re.compile(re.escape(path.stem) + r"-(\d+)" + re.escape(path.suffix))
    numbers = [int(m[1]) for p in same_second if (m := numbered.fullmatch(p.name))]
    return path.with_name(f"{path.stem}-{max([1, *numbers]) + 1}{path.suffix}")


def _current(data_dir: Path) -> Path:
    path = database_path(data_dir)
    if not path.exists():
        raise UserError(_("There is no database in {path} to back up.").format(path=data_dir))
    return path


def make_backup(
    data_dir: Path, kind: str = "manual", *, progress: Progress | None = None, now: datetime | None = None
) -> BackupResult:
    """Copy the office's database into its ``backups`` folder, then rotate the folder."""
    started = time.perf_counter()
    dest = _unique(backup_dir(data_dir) / timestamped_name(kind, now))
    backup_file(_current(data_dir), dest, progress)
    rotate(data_dir)
    return BackupResult(dest, dest.stat().st_size, time.perf_counter() - started)


def backup_to(data_dir: Path, target: Path, *, progress: Progress | None = None) -> BackupResult:
    """Copy the database, unencrypted, to ``target``: a folder or a new file name. Copies the user sends out of the
    PC go through :func:`isodesk.services.safety.backup_key.backup_out`, which encrypts them; this plain copy is
    for folders the office keeps.

    In a folder the copy is named after the unit and the time, so the copies of several offices can share a
    stick. An existing file is never overwritten.
    """
    started = time.perf_counter()
    source = _current(data_dir)
    if target.is_dir():
        unit = inspect(source).unit_code or "office"
        dest = _unique(target / timestamped_name(unit))
    else:
        dest = target
        if dest.exists():
            raise UserError(_("{path} already exists; choose another name or a folder.").format(path=dest))
        if not dest.parent.is_dir():
            raise UserError(
                _("The folder {path} does not exist or cannot be reached (is the USB stick plugged in?).").format(
                    path=dest.parent
                )
            )
    backup_file(source, dest, progress)
    return BackupResult(dest, dest.stat().st_size, time.perf_counter() - started)


def backup_now(ctx: AppContext, *, progress: Progress | None = None) -> BackupResult:
    """A backup the user asks for into the backups folder: the administrator's to make. A copy to a folder or a USB
    stick is :func:`isodesk.services.safety.backup_key.backup_out`, which encrypts it."""
    require(ctx, Permission.BACKUP_MANAGE)
    return make_backup(ctx.data_dir, "manual", progress=progress)


def daily_backup_if_due(data_dir: Path, now: datetime | None = None) -> BackupResult | None:
    """The day's automatic backup, when none was made today (the program's first start of the day).

    Whether one was made is read from the files' names alone: opening every copy, perhaps on a USB stick, would
    slow every start for nothing.
    """
    now = now or datetime.now()
    if not database_path(data_dir).exists():
        return None
    if any(kind == "daily" and taken.date() == now.date() for kind, taken in map(_kind_and_time, _files(data_dir))):
        return None
    return make_backup(data_dir, "daily", now=now)


def before_import(data_dir: Path) -> Path:
    """The copy every import makes before it changes anything (procedure lists today, sync packages later)."""
    return make_backup(data_dir, "pre-import").path


def last_erasure(data_dir: Path) -> datetime | None:
    """When personal data was last erased (the trail's newest erasure), in the PC's local time like copies' names."""
    try:
        conn = sqlite3.connect(readonly_uri(database_path(data_dir)), uri=True)
    except sqlite3.Error:
        return None
    try:
        at = _scalar(conn, "SELECT MAX(at) FROM audit_trail WHERE action = 'erase'")
    finally:
        conn.close()
    if not at:
        return None
    moment = datetime.fromisoformat(str(at))
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone().replace(tzinfo=None)


def copies_before_erasure(data_dir: Path) -> list[BackupInfo]:
    """The copies in the backups folder made before the last erasure of personal data: they still hold it.

    Erasure at a person's request or after the retention period (Luật Bảo vệ dữ liệu cá nhân 2025) must reach the
    copies too; rotation lets go of most of them in time (:mod:`isodesk.domain.retention`), and these are the ones
    to drop sooner. Copies that left the PC are out of the program's reach: they are encrypted (:mod:`.sealed`).
    """
    erased = last_erasure(data_dir)
    if erased is None:
        return []
    return [b for b in list_backups(data_dir) if b.taken_at <= erased and b.kind != "damaged"]


def drop_copies(data_dir: Path, paths: list[Path]) -> list[Path]:
    """Delete the given copies of the backups folder (never a file elsewhere); the ones deleted."""
    folder = backup_dir(data_dir).resolve()
    dropped = []
    for path in paths:
        if path.resolve().parent != folder or not _NAME.match(path.name):
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            dropped.append(path)
    return dropped


def drop_before_erasure(ctx: AppContext) -> list[Path]:
    """The administrator drops the copies that still hold erased personal data."""
    require(ctx, Permission.BACKUP_MANAGE)
    return drop_copies(ctx.data_dir, [b.path for b in copies_before_erasure(ctx.data_dir)])


def rotate(data_dir: Path) -> list[Path]:
    """Delete the copies :func:`isodesk.domain.retention.to_keep` lets go, and leftovers of interrupted copies."""
    folder = backup_dir(data_dir)
    backups = [b for b in list_backups(data_dir) if b.good or b.kind == "damaged"]
    keep = to_keep(Copy(b.path.name, b.kind, b.taken_at) for b in backups)
    removed = [b.path for b in backups if b.path.name not in keep]
    hour_ago = time.time() - 3600
    removed += [p for p in folder.glob("*.partial") if p.stat().st_mtime < hour_ago]
    for path in removed:
        with contextlib.suppress(OSError):
            path.unlink()
    return removed
