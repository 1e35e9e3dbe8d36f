"""Printing forms to PDF: ``isodesk form receipt --dossier CODE --out FILE.pdf`` and ``form ledger``."""

from __future__ import annotations

import argparse
from typing import Any

from isodesk.cli.ledger_cmds import parse_date
from isodesk.cli.main import add_json, with_context
from isodesk.cli.output import Result
from isodesk.i18n import _


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    form = sub.add_parser("form", parents=[common], help="print official forms as PDF")
    fsub = form.add_subparsers(dest="form_command", metavar="NAME", required=True)
    p = fsub.add_parser("receipt", parents=[common], help="receipt and appointment slip (form 01)")
    p.add_argument("--dossier", required=True, metavar="CODE")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    add_json(p)
    p.set_defaults(handler=cmd_receipt)
    p = fsub.add_parser("ledger", parents=[common], help="dossier ledger for a period (A4 landscape)")
    p.add_argument("--from", dest="start", required=True, metavar="DATE")
    p.add_argument("--to", dest="end", required=True, metavar="DATE")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    add_json(p)
    p.set_defaults(handler=cmd_ledger)


def cmd_receipt(args: argparse.Namespace) -> Result:
    from isodesk.services.forms import write_receipt

    path = with_context(args, lambda c: write_receipt(c, args.dossier, args.out))
    return Result({"out": str(path)}, _("Written {path}.").format(path=path))


def cmd_ledger(args: argparse.Namespace) -> Result:
    from isodesk.services.forms import write_ledger

    start, end = parse_date(args.start), parse_date(args.end)
    path = with_context(args, lambda c: write_ledger(c, start, end, args.out))
    return Result({"out": str(path)}, _("Written {path}.").format(path=path))
