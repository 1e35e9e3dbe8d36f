"""Commands that keep the office's data safe: backup, backup list, check, restore, trail verify, trail list.

The backup commands work on the data folder, not on an opened office: a backup copies whatever schema the file has
(nothing is migrated to make a copy), and a restore must work when the current file is damaged.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from isodesk.cli.common import account_if_office, add_json, no_account, read_secret, with_context
from isodesk.cli.output import Result
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import short_datetime
from isodesk.i18n.numbers import decimal, file_size


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help=_("copy the database (default: into the backups folder)"))
    p.add_argument(
        "--out", metavar="FILE|DIR", help=_("an encrypted copy: a new file, or a folder such as a USB stick")
    )
    add_json(p)
    p.set_defaults(handler=cmd_backup)
    bsub = p.add_subparsers(dest="backup_command", metavar="ACTION")
    q = bsub.add_parser("list", parents=[common], help=_("the backups in the data folder, newest first"))
    add_json(q)
    q.set_defaults(handler=cmd_backup_list)
    account_if_office(q)  # a damaged file's accounts cannot be read, and the list is the way out of it
    q = bsub.add_parser("passphrase", parents=[common], help=_("the passphrase that encrypts copies leaving the PC"))
    qsub = q.add_subparsers(dest="passphrase_command", metavar="ACTION", required=True)
    q = qsub.add_parser("set", parents=[common], help=_("set it (read from stdin, after the signing-in password)"))
    q.add_argument("--change", action="store_true", help=_("replace it: the current passphrase, then the new one"))
    add_json(q)
    q.set_defaults(handler=cmd_passphrase_set)
    q = bsub.add_parser("before-erasure", parents=[common], help=_("copies that still hold erased personal data"))
    q.add_argument("--drop", action="store_true", help=_("delete those in the data folder's backups folder"))
    add_json(q)
    q.set_defaults(handler=cmd_before_erasure)

    p = sub.add_parser("check", parents=[common], help=_("check that the database file is sound"))
    p.add_argument("--full", action="store_true", help=_("the full integrity_check instead of the quick one"))
    add_json(p)
    p.set_defaults(handler=cmd_check)
    no_account(p)

    p = sub.add_parser(
        "restore", parents=[common], help=_("replace the database by a backup (the current one is kept)")
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    p.add_argument("--other-unit", action="store_true", help=_("accept a backup of another unit"))
    _passphrase_option(p)
    add_json(p)
    p.set_defaults(handler=cmd_restore)
    account_if_office(p)  # a new PC filled from a USB stick, or a damaged file, has no account to check

    p = sub.add_parser("decrypt", parents=[common], help=_("open a file isodesk encrypted (a person's copy, a backup)"))
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--out", required=True, metavar="FILE", help=_("where the decrypted content is written (a new file)")
    )
    _passphrase_option(p)
    add_json(p)
    p.set_defaults(handler=cmd_decrypt)
    no_account(p)  # reads no office: the passphrase is the proof

    trail = sub.add_parser("trail", parents=[common], help=_("the audit trail of every change"))
    tsub = trail.add_subparsers(dest="trail_command", metavar="ACTION", required=True)
    p = tsub.add_parser("verify", parents=[common], help=_("check that no entry was edited or deleted"))
    add_json(p)
    p.set_defaults(handler=cmd_trail_verify)
    p = tsub.add_parser("list", parents=[common], help=_("the latest entries, or those of one record"))
    p.add_argument("--record", metavar="CODE_OR_UUID", help=_("a dossier code, another record's label, or a UUID"))
    p.add_argument("--limit", type=int, default=50, metavar="N")
    add_json(p)
    p.set_defaults(handler=cmd_trail_list)


def _passphrase_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help=_(
            "read the backup passphrase from stdin, after the signing-in password (default: $ISODESK_BACKUP_PASSPHRASE)"
        ),
    )


def read_passphrase(args: argparse.Namespace) -> str:
    """The passphrase that opens an encrypted file: ``--passphrase-stdin`` or ``ISODESK_BACKUP_PASSPHRASE``."""
    import os

    from isodesk.services.safety.backup_key import PASSPHRASE_VARIABLE

    if getattr(args, "passphrase_stdin", False):
        return read_secret(_("Backup passphrase: "))
    if os.environ.get(PASSPHRASE_VARIABLE):
        return os.environ[PASSPHRASE_VARIABLE]
    raise UserError(
        _(
            "The file is encrypted: give its passphrase on standard input with --passphrase-stdin (or in "
            "ISODESK_BACKUP_PASSPHRASE). Nothing was changed."
        )
    )


def _data_dir(args: argparse.Namespace) -> Path:
    from isodesk.db.paths import resolve_data_dir

    return resolve_data_dir(args.data_dir)


def _require_backup_right(args: argparse.Namespace) -> None:
    """The account that signed in must hold the backup permission.

    Not asked when there is no database yet (a new PC being filled from a USB stick) or when it is damaged: its
    accounts cannot be read, and a backup leaving the PC is encrypted whoever makes it.
    """
    from isodesk.cli.common import context
    from isodesk.db.paths import database_path
    from isodesk.domain.permissions import Permission
    from isodesk.errors import DamagedDatabaseError
    from isodesk.services.accounts.auth import require

    if not database_path(_data_dir(args)).exists():
        return
    try:
        ctx = context(args)
    except DamagedDatabaseError:
        return
    try:
        require(ctx, Permission.BACKUP_MANAGE)
    finally:
        ctx.close()


def cmd_backup(args: argparse.Namespace) -> Result:
    from isodesk.db.paths import database_path
    from isodesk.services.safety.backups import make_backup

    data_dir = _data_dir(args)
    if not database_path(data_dir).exists():
        raise UserError(_("There is no database in {path} to back up.").format(path=data_dir))
    if args.out:
        from isodesk.services.safety.backup_key import backup_out

        result = with_context(args, lambda c: backup_out(c, Path(args.out).expanduser()))
    else:
        _require_backup_right(args)
        result = make_backup(data_dir, "manual")
    return Result(
        result.to_dict(),
        _("Backup saved: {path} ({size}, {seconds} s).").format(
            path=result.path, size=file_size(result.bytes), seconds=decimal(result.seconds)
        ),
    )


def cmd_backup_list(args: argparse.Namespace) -> Result:
    from isodesk.services.safety.backups import kind_name, list_backups

    _require_backup_right(args)
    backups = list_backups(_data_dir(args))
    good, unusable = _("good"), _("NOT USABLE")  # outside the f-string, where the catalogs' extraction sees them
    lines = [
        f"{short_datetime(b.moment)}  {kind_name(b.kind):<22} {file_size(b.size):>10}  "
        f"{good if b.good else unusable}  {b.path}"
        for b in backups
    ]
    return Result({"backups": [b.to_dict() for b in backups]}, "\n".join(lines) or _("No backups yet."))


def describe(plan: Any) -> str:
    from isodesk.services.safety.restore import RestorePlan

    assert isinstance(plan, RestorePlan)
    lines = [
        _("Backup: {path}").format(path=plan.backup.path),
        _("Made on {time}, unit {unit}, {n} dossiers.").format(
            time=short_datetime(plan.backup.moment), unit=plan.backup.unit_code, n=plan.backup.dossiers
        ),
    ]
    if plan.current is not None:
        lines.append(
            _("It replaces the current data ({n} dossiers); {k} actions saved after the backup will be undone.").format(
                n=plan.current.dossiers if plan.current.dossiers is not None else "?",
                k=plan.actions_lost if plan.actions_lost is not None else "?",
            )
        )
        lines.append(_("A copy of the current data is kept in the backups folder first."))
    return "\n".join(lines)


def _restore_encrypted(args: argparse.Namespace, data_dir: Path, file: Path) -> Any:
    from isodesk.services.safety.backup_key import describe_encrypted, restore_encrypted

    info = describe_encrypted(file)
    passphrase = read_passphrase(args)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(_("Restoring replaces the current data: add --yes to confirm."))
        made = short_datetime(info.created) if info.created else "?"
        sys.stderr.write(
            _("Encrypted backup of unit {unit}, made on {time}.").format(unit=info.unit_code, time=made)
            + "\n"
            + _("Restore this backup? [y/N] ")
        )
        sys.stderr.flush()
        if sys.stdin.readline().strip().lower() not in ("y", "yes", "c", "có", "co"):
            raise UserError(_("Restore cancelled; nothing was changed."))
    return restore_encrypted(data_dir, file, passphrase, allow_other_unit=args.other_unit)


def cmd_restore(args: argparse.Namespace) -> Result:
    from isodesk.services.safety.restore import other_unit_error, plan_restore, restore_backup
    from isodesk.services.safety.sealed import is_encrypted

    data_dir = _data_dir(args)
    file = Path(args.file).expanduser().resolve()
    _require_backup_right(args)
    if is_encrypted(file):
        result = _restore_encrypted(args, data_dir, file)
        return _restored(data_dir, file, result)
    plan = plan_restore(data_dir, file)
    if plan.other_unit and not args.other_unit:
        raise other_unit_error(plan)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(_("Restoring replaces the current data: add --yes to confirm."))
        sys.stderr.write(describe(plan) + "\n" + _("Restore this backup? [y/N] "))
        sys.stderr.flush()
        if sys.stdin.readline().strip().lower() not in ("y", "yes", "c", "có", "co"):
            raise UserError(_("Restore cancelled; nothing was changed."))
    result = restore_backup(data_dir, file, allow_other_unit=args.other_unit)
    return _restored(data_dir, file, result)


def _restored(data_dir: Path, file: Path, result: Any) -> Result:
    from isodesk.db.migrate import open_database

    db = open_database(data_dir)  # an older backup is migrated now, after its own pre-migration copy
    db.close()
    data = {**result.to_dict(), "migrated_from": db.migrated_from}
    text = _("Restored {path}; the data it replaced is kept in {kept}.").format(path=file, kept=result.kept or "—")
    return Result(data, text)


def cmd_passphrase_set(args: argparse.Namespace) -> Result:
    from isodesk.services.safety.backup_key import set_passphrase

    old = read_secret(_("Current backup passphrase: ")) if args.change else None
    new = read_secret(_("New backup passphrase: "))
    if sys.stdin.isatty() and read_secret(_("Repeat the new backup passphrase: ")) != new:
        raise UserError(_("The two passphrases differ; nothing was changed."))
    done = with_context(args, lambda c: set_passphrase(c, new, old))
    text = _(
        "The backup passphrase is set (key {fingerprint}). Copies that leave the PC are encrypted from now on. "
        "Write the passphrase down and keep it apart from the copies: without it no copy can be opened."
    ).format(fingerprint=done.fingerprint)
    return Result(done.to_dict(), text)


def cmd_decrypt(args: argparse.Namespace) -> Result:
    from isodesk.services.safety.backup_key import stored_office_key
    from isodesk.services.safety.sealed import decrypt_to, header_of

    file = Path(args.file).expanduser()
    out = Path(args.out).expanduser()
    if not file.is_file():
        raise UserError(_("The file {path} does not exist.").format(path=file))
    if out.exists():
        raise UserError(_("{path} already exists; choose another name or a folder.").format(path=out))
    header_of(file)  # says "not an isodesk file" before asking anything
    office = stored_office_key(_data_dir(args))  # this PC's office: a copy from before a passphrase change opens
    header = decrypt_to(file, out, read_passphrase(args), office=office)
    return Result(
        {"out": str(out), "kind": header.kind, "unit_code": header.unit_code, "bytes": out.stat().st_size},
        _("Decrypted into {path}.").format(path=out),
    )


def cmd_before_erasure(args: argparse.Namespace) -> Result:
    from isodesk.services.safety.backups import copies_before_erasure, drop_copies, kind_name

    _require_backup_right(args)
    data_dir = _data_dir(args)
    found = copies_before_erasure(data_dir)
    dropped = drop_copies(data_dir, [b.path for b in found]) if args.drop else []
    deleted = _("deleted")
    lines = [
        f"{short_datetime(b.moment)}  {kind_name(b.kind):<22} {b.path}"
        + (f"  ({deleted})" if b.path in dropped else "")
        for b in found
    ]
    text = "\n".join(lines) or _("No copy holds personal data erased since it was made.")
    return Result({"copies": [b.to_dict() for b in found], "dropped": [str(p) for p in dropped]}, text)


def cmd_check(args: argparse.Namespace) -> Result:
    from isodesk.db.paths import database_path
    from isodesk.db.storage import damaged
    from isodesk.services.safety.health import check_integrity

    data_dir = _data_dir(args)
    if not database_path(data_dir).exists():
        raise UserError(_("There is no database in {path}.").format(path=data_dir))
    report = check_integrity(data_dir, full=args.full)
    if not report.ok:
        if args.json:
            sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
        raise damaged(database_path(data_dir))
    return Result(report.to_dict(), _("The database is sound ({seconds} s).").format(seconds=decimal(report.seconds)))


def cmd_trail_verify(args: argparse.Namespace) -> Result:
    from isodesk.services.safety.trail_verify import verify_trail

    result = with_context(args, verify_trail)
    if result.ok:
        text = _("The audit trail is intact: {n} entries checked.").format(n=result.entries)
        return Result(result.to_dict(), text)
    lines = [
        _("The audit trail has been tampered with: {n} problems in {entries} entries.").format(
            n=result.problems_total, entries=result.entries
        )
    ]
    lines += ["  " + p.describe() for p in result.problems]
    return Result(result.to_dict(), "\n".join(lines), status=1)


def cmd_trail_list(args: argparse.Namespace) -> Result:
    from isodesk.i18n.dates import sortable_datetime
    from isodesk.services.safety.trail import describe, list_trail, summary, table_name, trail_action_name

    items = with_context(args, lambda c: list_trail(c, args.record, limit=args.limit))
    lines = [
        f"{i.seq:>7} {sortable_datetime(i.at)} {i.actor:<12} "
        f"{trail_action_name(i.action)} {table_name(i.table)} {i.label}: {summary(i, describe(i))}"
        for i in items
    ]
    return Result({"entries": [i.to_dict() for i in items]}, "\n".join(lines) or _("No entries."))
