"""Commands of the province's desk (issue 13): province status (every unit of the province and its figures from
the packages received), province confirm (a unit's key fingerprint checked against its enrolment sheet) and province
forget-key (a unit's key lost with its PC, so that its new key can be enrolled)."""

from __future__ import annotations

import argparse
from typing import Any

from isodesk.cli.common import add_json, with_context
from isodesk.cli.output import Result
from isodesk.i18n import _


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    province = sub.add_parser("province", parents=[common], help=_("the province's desk: its units and their packages"))
    psub = province.add_subparsers(dest="province_command", metavar="ACTION", required=True)
    p = psub.add_parser(
        "status", parents=[common], help=_("every unit of the province: enrolled or not, last package, figures")
    )
    p.add_argument("--year", type=int, default=None, metavar="YEAR", help=_("the year (default this year)"))
    add_json(p)
    p.set_defaults(handler=cmd_status)
    p = psub.add_parser(
        "confirm",
        parents=[common],
        help=_("confirm a unit's key fingerprint, checked against its signed enrolment sheet"),
    )
    p.add_argument("unit_code", metavar="UNIT_CODE", help=_("the code of the commune or ward"))
    add_json(p)
    p.set_defaults(handler=cmd_confirm)
    p = psub.add_parser(
        "forget-key",
        parents=[common],
        help=_("forget a unit's key lost with its PC: its next package enrols the new key, held until confirmed"),
    )
    p.add_argument("unit_code", metavar="UNIT_CODE", help=_("the code of the commune or ward"))
    add_json(p)
    p.set_defaults(handler=cmd_forget_key)


def cmd_status(args: argparse.Namespace) -> Result:
    from isodesk.services.province.status import province_status

    units = with_context(args, lambda c: province_status(c, args.year))
    lines = []
    for u in units:
        rate = "—" if u.on_time_rate is None else f"{u.on_time_rate:.1%}"
        state = _("enrolled") if u.enrolled else _("not enrolled")
        lines.append(f"{u.unit_code}  {u.unit_name}  {state}  {u.received}  {rate}")
    return Result({"units": [u.to_dict() for u in units]}, "\n".join(lines))


def cmd_confirm(args: argparse.Namespace) -> Result:
    from isodesk.services.province.imports import confirm_unit

    done = with_context(args, lambda c: confirm_unit(c, args.unit_code))
    text = _("Confirmed {unit} (fingerprint {fingerprint}): its packages will be imported.").format(
        unit=done.unit_name, fingerprint=done.fingerprint
    )
    return Result(done.to_dict(), text)


def cmd_forget_key(args: argparse.Namespace) -> Result:
    from isodesk.services.province.imports import forget_unit_key

    done = with_context(args, lambda c: forget_unit_key(c, args.unit_code))
    text = _(
        "The key of {unit} (fingerprint {fingerprint}) is forgotten. Its next package enrols its new key and is held "
        "until you confirm it against the new enrolment sheet with “isodesk province confirm {code}”."
    ).format(unit=done.unit_name, fingerprint=done.fingerprint, code=done.unit_code)
    return Result(done.to_dict(), text)
