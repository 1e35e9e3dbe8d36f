"""Applicants' personal data: ``isodesk person find|export|erase|erase-expired``."""

from __future__ import annotations

import argparse
from typing import Any

from isodesk.cli.common import add_json, read_secret, with_context
from isodesk.cli.output import Result
from isodesk.errors import UserError
from isodesk.i18n import _


def _who(p: argparse.ArgumentParser) -> None:
    p.add_argument("--name", default="", help=_("full name (accents optional)"))
    p.add_argument("--phone", default="")
    p.add_argument("--id-number", default="", help=_("12-digit citizen ID number"))


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    person = sub.add_parser("person", parents=[common], help=_("applicants' personal data (copy, erasure)"))
    psub = person.add_subparsers(dest="person_command", metavar="ACTION", required=True)
    p = psub.add_parser("find", parents=[common], help=_("applicant records matching a name, phone or ID number"))
    _who(p)
    add_json(p)
    p.set_defaults(handler=cmd_find)
    p = psub.add_parser("export", parents=[common], help=_("everything held about a person, as JSON and CSV"))
    _who(p)
    p.add_argument(
        "--out", required=True, metavar="FILE", help=_("FILE.json.isodesk-enc and FILE.csv.isodesk-enc are written")
    )
    p.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help=_(
            "read the passphrase the files are encrypted with (told to the person) from stdin, after the "
            "signing-in password (default: $ISODESK_BACKUP_PASSPHRASE)"
        ),
    )
    add_json(p)
    p.set_defaults(handler=cmd_export)
    p = psub.add_parser("erase", parents=[common], help=_("erase an applicant's personal data at their request"))
    p.add_argument("--id", dest="ids", type=int, action="append", required=True, metavar="APPLICANT")
    add_json(p)
    p.set_defaults(handler=cmd_erase)
    p = psub.add_parser("erase-expired", parents=[common], help=_("erase personal data past the retention period"))
    p.add_argument("--dry-run", action="store_true", help=_("only count what would be erased"))
    add_json(p)
    p.set_defaults(handler=cmd_erase_expired)


def _query(args: argparse.Namespace) -> Any:
    from isodesk.services.privacy.personal_data import PersonQuery

    return PersonQuery(args.name, args.phone, args.id_number)


def cmd_find(args: argparse.Namespace) -> Result:
    from isodesk.services.privacy.personal_data import find_person

    found = with_context(args, lambda c: find_person(c, _query(args)))
    lines = [f"{m.id:>6}  {m.name}  {m.phone}  {m.id_number}  {', '.join(m.dossiers)}" for m in found]
    return Result({"applicants": [m.to_dict() for m in found]}, "\n".join(lines) or _("No applicant matches."))


def read_export_passphrase(args: argparse.Namespace) -> str:
    """The copy leaves the office, so it is encrypted; the person is told the passphrase apart from the files."""
    import os

    if args.passphrase_stdin:
        return read_secret(_("Passphrase for the person's copy: "))
    if os.environ.get("ISODESK_BACKUP_PASSPHRASE"):
        return os.environ["ISODESK_BACKUP_PASSPHRASE"]
    raise UserError(
        _(
            "A person's copy leaves the office, so it is encrypted: give the passphrase (told to the person apart "
            "from the files) on standard input with --passphrase-stdin, or in ISODESK_BACKUP_PASSPHRASE. Nothing "
            "was written."
        )
    )


def cmd_export(args: argparse.Namespace) -> Result:
    from isodesk.services.privacy.personal_data import export_person

    passphrase = read_export_passphrase(args)
    result = with_context(args, lambda c: export_person(c, _query(args), args.out, passphrase))
    return Result(
        result.to_dict(),
        _("Written {json} and {csv}: {n} applicant records, {d} dossiers.").format(
            json=result.json_path, csv=result.csv_path, n=result.applicants, d=result.dossiers
        ),
    )


def cmd_erase(args: argparse.Namespace) -> Result:
    from isodesk.services.privacy.personal_data import erase_applicants

    result = with_context(args, lambda c: erase_applicants(c, args.ids))
    return Result(
        result.to_dict(),
        _("Erased the personal data of {n} applicant records ({d} dossiers).").format(
            n=result.applicants, d=result.dossiers
        ),
    )


def cmd_erase_expired(args: argparse.Namespace) -> Result:
    from isodesk.i18n.dates import short_date
    from isodesk.services.privacy.personal_data import erase_expired

    result = with_context(args, lambda c: erase_expired(c, dry_run=args.dry_run))
    if args.dry_run:
        text = _("Would erase the personal data of {n} applicant records ({d} dossiers settled before {day}).")
    else:
        text = _("Erased the personal data of {n} applicant records ({d} dossiers settled before {day}).")
    day = short_date(result.cutoff) if result.cutoff else "—"
    return Result(result.to_dict(), text.format(n=result.applicants, d=result.dossiers, day=day))
