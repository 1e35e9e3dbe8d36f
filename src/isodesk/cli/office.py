"""Commands about the office itself: init, info, demo, staff."""

from __future__ import annotations

import argparse
from typing import Any

from isodesk.cli.common import account_if_office, add_json, no_account, with_context
from isodesk.cli.output import Result
from isodesk.i18n import _


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help=_("set up the office in the data folder"))
    p.add_argument("--province", required=True, metavar="CODE", help=_("province code, e.g. 82"))
    p.add_argument("--unit", metavar="CODE", help=_("commune/ward code, e.g. 28261 (not for a province office)"))
    p.add_argument("--role", choices=("commune", "province"), default="commune")
    p.add_argument("--leader", default="", metavar="NAME", help=_("name of the head who signs"))
    p.add_argument("--admin", default="admin", metavar="NAME", help=_("username of the administrator account"))
    p.add_argument(
        "--admin-password-stdin",
        action="store_true",
        help=_("read the administrator's password from stdin (else it is set at the first sign-in)"),
    )
    add_json(p)
    p.set_defaults(handler=cmd_init)
    account_if_office(p)  # an empty folder has no account yet; a set-up one is refused anyway

    p = sub.add_parser("info", parents=[common], help=_("show the office and its database"))
    add_json(p)
    p.set_defaults(handler=cmd_info)
    no_account(p)

    p = sub.add_parser("demo", parents=[common], help=_("fill the office with realistic demo data"))
    p.add_argument("--dossiers", type=int, default=None, metavar="N", help=_("number of demo dossiers (default 1500)"))
    add_json(p)
    p.set_defaults(handler=cmd_demo)
    account_if_office(p)

    setting = sub.add_parser("setting", parents=[common], help=_("office settings (hours, cut-off, code pattern...)"))
    ssub2 = setting.add_subparsers(dest="setting_command", metavar="ACTION", required=True)
    p = ssub2.add_parser("list", parents=[common], help=_("all settings and their values"))
    add_json(p)
    p.set_defaults(handler=cmd_setting_list)
    p = ssub2.add_parser("set", parents=[common], help=_("change a setting"))
    p.add_argument("key")
    p.add_argument("value")
    add_json(p)
    p.set_defaults(handler=cmd_setting_set)

    staff = sub.add_parser("staff", parents=[common], help=_("people of the office"))
    ssub = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    p = ssub.add_parser("add", parents=[common], help=_("add a person"))
    p.add_argument("--name", required=True)
    p.add_argument("--department", required=True)
    p.add_argument("--position", default="")
    add_json(p)
    p.set_defaults(handler=cmd_staff_add)
    p = ssub.add_parser("list", parents=[common], help=_("list people in Vietnamese order"))
    p.add_argument("--search", default="")
    add_json(p)
    p.set_defaults(handler=cmd_staff_list)


def cmd_init(args: argparse.Namespace) -> Result:
    import sys

    from isodesk.services.office.profile import init_office

    password = sys.stdin.readline().rstrip("\r\n") if args.admin_password_stdin else None
    profile = with_context(
        args,
        lambda c: init_office(
            c,
            province_code=args.province,
            unit_code=args.unit,
            role=args.role,
            leader_name=args.leader,
            admin_username=args.admin,
            admin_password=password,
        ),
    )
    text = _("Office set up: {name} ({code}).").format(name=profile.unit_name, code=profile.unit_code)
    if password is None:
        text += "\n" + _(
            "The administrator “{admin}” has no password yet: open the program (isodesk with no command) and choose "
            "one at the first sign-in, or run “isodesk user passwd {admin}” and leave the old password empty."
        ).format(admin=args.admin)
    return Result(profile.to_dict(), text)


def cmd_info(args: argparse.Namespace) -> Result:
    from isodesk.services.office.profile import office_info

    info = with_context(args, lambda c: office_info(c))
    lines = [
        _("Office: {name} ({code})").format(name=info["unit_name"], code=info["unit_code"]),
        _("Province: {name} ({code})").format(name=info["province_name"], code=info["province_code"]),
        _("Role: {role}").format(role=_("commune") if info["role"] == "commune" else _("province")),
        _("Schema version: {v}").format(v=info["schema_version"]),
        _("Data folder: {path}").format(path=info["data_dir"]),
    ]
    return Result(info, "\n".join(lines))


def cmd_demo(args: argparse.Namespace) -> Result:
    from isodesk.services.demo.quality import fill_demo_quality
    from isodesk.services.office.demo import fill_demo

    summary, quality = with_context(args, lambda c: (fill_demo(c, args.dossiers), fill_demo_quality(c)))
    text = _("Demo data added: {n} staff, {d} dossiers.").format(n=summary.staff_added, d=summary.dossiers_added)
    if quality.added:
        text += " " + _(
            "A quality system half-way through its first year: roles, scope, objectives, an internal audit and a "
            "management review ({n} records)."
        ).format(n=quality.records)
    return Result({**summary.to_dict(), "quality_records": quality.records}, text)


def cmd_staff_add(args: argparse.Namespace) -> Result:
    from isodesk.services.office.staff import add_staff

    person = with_context(args, lambda c: add_staff(c, args.name, args.department, args.position))
    return Result(person.to_dict(), _("Added {name} (id {id}).").format(name=person.name, id=person.id))


def cmd_staff_list(args: argparse.Namespace) -> Result:
    from isodesk.services.office.staff import list_staff

    people = with_context(args, lambda c: list_staff(c, args.search))
    text = "\n".join(f"{p.id:>4}  {p.name} — {p.position} ({p.department})" for p in people)
    return Result({"staff": [p.to_dict() for p in people]}, text or _("No staff yet."))


def cmd_setting_list(args: argparse.Namespace) -> Result:
    from isodesk.services.settings import list_settings

    values = with_context(args, list_settings)
    return Result({"settings": values}, "\n".join(f"{k} = {v}" for k, v in values.items()))


def cmd_setting_set(args: argparse.Namespace) -> Result:
    from isodesk.services.settings import set_setting_text

    value = with_context(args, lambda c: set_setting_text(c, args.key, args.value))
    return Result({"key": args.key, "value": value}, _("Saved {key} = {value}.").format(key=args.key, value=value))
