"""The office's backup passphrase, and the encrypted copies that leave the PC (:mod:`.sealed` has the format).

The passphrase is never stored: only the key pair, its private half sealed by the passphrase, in the setting
``backup.key``. Setting or changing it is the administrator's (``Permission.BACKUP_MANAGE``), as are the copies
themselves. Changing the passphrase reseals the same key pair, so copies made before open with the new one beside the
office (its setting holds the new seal); elsewhere they open with the passphrase sealed in their own header.

A copy to a folder or a USB stick is made as the unencrypted checked backup is (SQLite's online backup into the
data folder's ``backups`` folder, ``integrity_check``), then encrypted from there to the target in chunks and the
plain file removed: nothing unencrypted is written outside the data folder. A restore decrypts straight into the
file that replaces the database, checks it, and goes on as :mod:`.restore` does.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from isodesk.db.backup import Progress, backup_file, fsync_dir, integrity_problems, timestamped_name
from isodesk.db.lock import holding
from isodesk.db.paths import DB_FILENAME, backup_dir, database_path
from isodesk.db.storage import storage_errors
from isodesk.domain.permissions import Permission
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.safety import sealed
from isodesk.services.safety.backups import BackupResult, _unique, inspect
from isodesk.services.safety.restore import (
    RESTORING_SUFFIX,
    RestoreResult,
    _retire_wal,
    _set_current_aside,
    damaged_backup,
    plan_restore,
)
from isodesk.services.settings import read_setting, write_setting

KEY_SETTING = "backup.key"
PASSPHRASE_VARIABLE = "ISODESK_BACKUP_PASSPHRASE"


def office_key(ctx: AppContext) -> sealed.OfficeKey | None:
    with ctx.read() as s:
        stored = read_setting(s, KEY_SETTING)
    return sealed.OfficeKey.from_json(stored) if stored else None


def stored_office_key(data_dir: Path) -> sealed.OfficeKey | None:
    """The key kept in the data folder's database, read without opening the office (a restore replaces it)."""
    import json
    import sqlite3

    from isodesk.db.paths import readonly_uri

    path = database_path(data_dir)
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (KEY_SETTING,)).fetchone()
        finally:
            conn.close()
        stored = json.loads(row[0]) if row else None
        return sealed.OfficeKey.from_json(stored) if stored else None
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None


def no_passphrase_error() -> UserError:
    return UserError(
        _(
            "A copy that leaves the PC is encrypted, and this office has no backup passphrase yet. The administrator "
            "sets one first: Settings › Backups in the program, or isodesk backup passphrase set (the passphrase on "
            "standard input). Nothing was written."
        )
    )


@dataclass(frozen=True)
class PassphraseSet:
    fingerprint: str
    changed: bool  # an existing passphrase was replaced (the key pair stays)

    def to_dict(self) -> dict[str, Any]:
        return {"fingerprint": self.fingerprint, "changed": self.changed}


def set_passphrase(ctx: AppContext, new: str, old: str | None = None) -> PassphraseSet:
    """Set the office's backup passphrase; replacing one needs the current one (``old``)."""
    sealed.checked_passphrase(new)
    require(ctx, Permission.BACKUP_MANAGE)
    current = office_key(ctx)
    if current is not None and old is None:
        raise UserError(
            _(
                "This office already has a backup passphrase. To change it give the current one first (on the "
                "command line: the current passphrase, then the new one, with --change)."
            )
        )
    key = sealed.new_office_key(new) if current is None else sealed.reseal(current, old or "", new)
    with ctx.unit_of_work() as s:
        require(s, Permission.BACKUP_MANAGE)
        write_setting(s, KEY_SETTING, key.to_json())
    return PassphraseSet(key.fingerprint, current is not None)


def check_passphrase(ctx: AppContext, passphrase: str) -> None:
    """Refuse unless ``passphrase`` is the office's (the recovery sheet is printed only for the right one)."""
    key = office_key(ctx)
    if key is None:
        raise no_passphrase_error()
    sealed.unseal(key, passphrase)


def _target_file(target: Path, unit: str) -> Path:
    if target.is_dir():
        return _unique(target / (timestamped_name(unit) + sealed.SUFFIX))
    if target.exists():
        raise UserError(_("{path} already exists; choose another name or a folder.").format(path=target))
    if not target.parent.is_dir():
        raise UserError(
            _("The folder {path} does not exist or cannot be reached (is the USB stick plugged in?).").format(
                path=target.parent
            )
        )
    return target


def encrypted_backup_to(
    data_dir: Path, target: Path, key: sealed.OfficeKey | None, *, progress: Progress | None = None
) -> BackupResult:
    """An encrypted copy of the database at ``target`` (a folder such as a USB stick, or a new file's name)."""
    if key is None:
        raise no_passphrase_error()
    started = time.perf_counter()
    source = database_path(data_dir)
    if not source.exists():
        raise UserError(_("There is no database in {path} to back up.").format(path=data_dir))
    unit = inspect(source).unit_code or "office"
    dest = _target_file(target, unit)
    plain = backup_dir(data_dir) / f".outgoing-{os.getpid()}.sqlite3"
    try:
        backup_file(source, plain, (lambda done, total: progress(done, 2 * total)) if progress else None)
        with storage_errors(dest.parent):
            size = plain.stat().st_size
            sealed.encrypt_for_office(
                plain, dest, key, kind=sealed.KIND_BACKUP, unit_code=unit,
                progress=(lambda done, _total: progress(size + done, 2 * size)) if progress else None,
            )  # fmt: skip
    finally:
        with contextlib.suppress(OSError):
            plain.unlink(missing_ok=True)
    return BackupResult(dest, dest.stat().st_size, time.perf_counter() - started)


def backup_out(ctx: AppContext, target: Path, *, progress: Progress | None = None) -> BackupResult:
    """The administrator's copy to a folder or a USB stick, encrypted to the office's key."""
    require(ctx, Permission.BACKUP_MANAGE)
    return encrypted_backup_to(ctx.data_dir, target, office_key(ctx), progress=progress)


# -- restore --------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EncryptedInfo:
    path: Path
    unit_code: str
    created: datetime | None
    fingerprint: str


def describe_encrypted(file: Path) -> EncryptedInfo:
    """What an encrypted backup says about itself, read before the passphrase is asked."""
    if not file.is_file():
        raise UserError(_("The backup file {path} does not exist.").format(path=file))
    header = sealed.header_of(file)
    if header.kind != sealed.KIND_BACKUP:
        raise UserError(_("{path} is not an isodesk backup. Choose another file.").format(path=file))
    return EncryptedInfo(file, header.unit_code, header.created_at, str(header.key.get("fingerprint", "")))


def other_office(info: EncryptedInfo, current_unit: str) -> UserError:
    return UserError(
        _(
            "The backup belongs to another unit ({theirs}); this data folder holds unit {ours}. Restoring it would "
            "replace this office's records with another office's. If that is really wanted, confirm it "
            "(on the command line: --other-unit)."
        ).format(theirs=info.unit_code, ours=current_unit)
    )


def restore_encrypted(
    data_dir: Path,
    file: Path,
    passphrase: str,
    *,
    allow_other_unit: bool = False,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    """Replace the database by the encrypted backup ``file``; a wrong passphrase or an edited file changes nothing.

    The copy is decrypted into the file that will replace the database, checked (``integrity_check``, the schema,
    the unit), and only then switched in, as an unencrypted restore is."""
    started = time.perf_counter()
    info = describe_encrypted(file)
    live = database_path(data_dir)
    current_unit = inspect(live).unit_code if live.exists() else None
    if current_unit and info.unit_code and info.unit_code != current_unit and not allow_other_unit:
        raise other_office(info, current_unit)
    incoming = data_dir / (DB_FILENAME + RESTORING_SUFFIX)
    with holding(data_dir), storage_errors(data_dir):
        try:
            office = stored_office_key(data_dir)  # a copy made before the passphrase was changed opens too
            sealed.decrypt_to(file, incoming, passphrase, progress=progress, office=office)
            problems = integrity_problems(incoming)
            if problems:
                raise damaged_backup(file, problems[0])
            plan = plan_restore(data_dir, incoming, check=False)
            if plan.other_unit and not allow_other_unit:
                raise other_office(info, current_unit or "")
            with open(incoming, "rb+") as f:
                os.fsync(f.fileno())
        except BaseException:
            incoming.unlink(missing_ok=True)
            raise
        kept = _set_current_aside(data_dir, now) if live.exists() else None
        _retire_wal(data_dir, now)
        os.replace(incoming, live)
        fsync_dir(data_dir)
    return RestoreResult(live, kept, plan.backup.revision, time.perf_counter() - started)


def restore_encrypted_office(
    ctx: AppContext, file: Path, passphrase: str, *, allow_other_unit: bool = False, progress: Progress | None = None
) -> RestoreResult:
    """A restore of an encrypted copy on the open office: the administrator's; its connections are dropped."""
    require(ctx, Permission.BACKUP_MANAGE)
    ctx.db.reset()
    return restore_encrypted(ctx.data_dir, file, passphrase, allow_other_unit=allow_other_unit, progress=progress)
