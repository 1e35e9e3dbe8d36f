"""Commands of the province's sync (issue 13): sync export (the next signed package, or a full one), sync
fingerprint (the office key's fingerprint, for the enrolment sheet), sync import (at the province, the units'
packages, files or whole folders applied in each unit's sequence order; in a unit, the province's package), sync
province-export (the province's package for its units) and sync trust-province (a unit confirms the province key's
fingerprint) (docs/ARCHITECTURE.md §8)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from isodesk.cli.common import add_json, with_context
from isodesk.cli.output import Result
from isodesk.i18n import _


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    sync = sub.add_parser("sync", parents=[common], help=_("sync packages for the province"))
    ssub = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    p = ssub.add_parser(
        "export",
        parents=[common],
        help=_("write the next sync package: the changes since the last one, or everything with --full"),
    )
    p.add_argument("--out", required=True, metavar="FILE.isosync", help=_("the package file to write"))
    p.add_argument("--full", action="store_true", help=_("every record, not only the changes since the last package"))
    add_json(p)
    p.set_defaults(handler=cmd_export)
    p = ssub.add_parser(
        "fingerprint", parents=[common], help=_("the fingerprint of the unit's signing key, for the enrolment sheet")
    )
    add_json(p)
    p.set_defaults(handler=cmd_fingerprint)
    p = ssub.add_parser("history", parents=[common], help=_("the packages exported, and those received, newest first"))
    add_json(p)
    p.set_defaults(handler=cmd_history)
    p = ssub.add_parser(
        "enrolment",
        parents=[common],
        help=_("print the enrolment sheet: the unit and its key's fingerprint, for the head to sign"),
    )
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    add_json(p)
    p.set_defaults(handler=cmd_enrolment)
    p = ssub.add_parser(
        "import",
        parents=[common],
        help=_("verify and import sync packages: the units' packages at the province, the province's in a unit"),
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE_OR_FOLDER",
        help=_("the package files to import; a folder stands for every .isosync file in it"),
    )
    p.add_argument("--dry-run", action="store_true", help=_("check and count, but write nothing"))
    p.add_argument(
        "--trust-new",
        action="store_true",
        help=_(
            "apply packages of units (in a unit: of the province) not enrolled yet without waiting for the "
            "fingerprint to be confirmed"
        ),
    )
    add_json(p)
    p.set_defaults(handler=cmd_import)
    p = ssub.add_parser(
        "province-export",
        parents=[common],
        help=_("at the province: write the signed package for the units (calendar and procedure catalogue)"),
    )
    p.add_argument("--out", required=True, metavar="FILE.isosync", help=_("the package file to write"))
    add_json(p)
    p.set_defaults(handler=cmd_province_export)
    p = ssub.add_parser(
        "trust-province",
        parents=[common],
        help=_("in a unit: confirm the province key's fingerprint, compared with the province's enrolment sheet"),
    )
    add_json(p)
    p.set_defaults(handler=cmd_trust_province)


def cmd_export(args: argparse.Namespace) -> Result:
    from isodesk.services.sync.export import check_package_path, export_package

    out = check_package_path(args.out)
    done = with_context(args, lambda c: export_package(c, out, full=args.full))
    text = _("Written {file}: package {sequence}, {records} records.").format(
        file=done.file, sequence=done.sequence, records=done.records
    )
    return Result(done.to_dict(), text)


def cmd_fingerprint(args: argparse.Namespace) -> Result:
    from isodesk.services.office.profile import get_profile
    from isodesk.services.sync.keys import fingerprint

    found, role = with_context(args, lambda c: (fingerprint(c), get_profile(c).role))
    if role == "province":
        return Result(found.to_dict(), _("Fingerprint of the province's key: {fingerprint}").format(**found.to_dict()))
    return Result(found.to_dict(), _("Fingerprint of the unit's key: {fingerprint}").format(**found.to_dict()))


def cmd_enrolment(args: argparse.Namespace) -> Result:
    from isodesk.services.printing.output import check_output, write_pdf
    from isodesk.services.sync.keys import enrolment_sheet_pdf

    out = check_output(args.out)
    path = write_pdf(out, with_context(args, enrolment_sheet_pdf))
    return Result({"path": str(path)}, _("Written {path}.").format(path=path))


def cmd_history(args: argparse.Namespace) -> Result:
    from isodesk.i18n.dates import short_datetime
    from isodesk.services.province.desk import import_log, status_name
    from isodesk.services.sync.export import list_exports

    rows = with_context(args, list_exports)
    text = "\n".join(
        f"{r.sequence:>4}  {r.to_dict()['created']}  {_('Full') if r.full else _('Changes only')}  {r.records}  "
        f"{r.file_name}"
        for r in rows
    ) or _("No package exported yet.")
    received = with_context(args, import_log)
    if received:
        text += (
            "\n\n"
            + _("Packages received:")
            + "\n"
            + "\n".join(
                f"{short_datetime(e.at)}  {status_name(e.status)}  {e.file_name}"
                + (f"  {e.reason}" if e.reason else "")
                for e in received
            )
        )
    received_json = [
        {
            "at": e.at.isoformat(),
            "by": e.by,
            "file_name": e.file_name,
            "from_code": e.unit_code,
            "sequence": e.sequence,
            "status": e.status,
            "added": e.added,
            "updated": e.updated,
            "reason": e.reason,
        }
        for e in received
    ]
    return Result({"packages": [r.to_dict() for r in rows], "received": received_json}, text)


def cmd_province_export(args: argparse.Namespace) -> Result:
    from isodesk.services.province_updates.export import export_for_units
    from isodesk.services.sync.export import check_package_path

    out = check_package_path(args.out)
    done = with_context(args, lambda c: export_for_units(c, out))
    text = _("Written {file}: package {sequence} for the units, {records} records.").format(
        file=done.file, sequence=done.sequence, records=done.records
    )
    return Result({"file": done.file, "sequence": done.sequence, "records": done.records}, text)


def cmd_trust_province(args: argparse.Namespace) -> Result:
    from isodesk.services.province_updates.apply import trust_province

    done = with_context(args, trust_province)
    text = _("Confirmed the key of {province}: {fingerprint}. Import the province's package again.").format(
        province=done.province_name or done.province_code, fingerprint=done.fingerprint
    )
    return Result(done.to_dict(), text)


def _stderr_progress(done: int, total: int) -> None:
    """``12/100`` on one line of a terminal, for a batch of many files (never on standard output)."""
    sys.stderr.write("\r" + _("Package {done} of {total}").format(done=done, total=total))
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _import(c: Any, args: argparse.Namespace) -> list[Any]:
    from isodesk.services.office.profile import get_profile
    from isodesk.services.province.batch import expand, import_batch
    from isodesk.services.province_updates.apply import import_province_packages

    if get_profile(c).role == "province":
        progress = _stderr_progress if sys.stderr.isatty() else None
        return list(import_batch(c, args.files, dry_run=args.dry_run, trust_new=args.trust_new, progress=progress))
    files = expand(args.files)  # a folder stands for its packages in a unit too
    return list(import_province_packages(c, files, dry_run=args.dry_run, trust_new=args.trust_new))


def cmd_import(args: argparse.Namespace) -> Result:
    from isodesk.services.province.imports import REJECTED
    from isodesk.services.province_updates.apply import field_label

    results = with_context(args, lambda c: _import(c, args))
    words = {
        "imported": _("imported"),
        "unchanged": _("unchanged"),
        "rejected": _("rejected"),
        "held": _("held"),
    }
    lines = []
    for r in results:
        line = _("{file}: {status}, {added} added, {updated} updated.").format(
            file=r.file, status=words[r.status], added=r.added, updated=r.updated
        )
        lines.append(f"{line} {r.reason}".rstrip())
        for change in getattr(r, "changes", ()):
            lines.append(f"  {change.key} · {field_label(change.field)}: {change.old or '—'} → {change.new or '—'}")
    status = 1 if any(r.status == REJECTED for r in results) else 0
    return Result({"results": [r.to_dict() for r in results]}, "\n".join(lines), status)
