"""Accounts on the command line: ``isodesk user ...``.

Managing accounts needs the administrator's permission, checked on the account that signed in (``--user`` and its
password, :func:`isodesk.cli.common.context`). ``user passwd`` needs no other sign-in: it proves the old password
itself, with the same growing wait after wrong ones, and is how an administrator set up without a password (or an
account given a temporary one) becomes usable on the command line. Passwords are read from standard input, never
from the command line, where other users of the PC could see them in the process list: one line per password when
stdin is a pipe (after the signing-in one), hidden prompts when it is a terminal.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from isodesk.cli.common import add_json, no_account, read_secret, with_context
from isodesk.cli.output import Result
from isodesk.errors import UserError
from isodesk.i18n import N_, _


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    user = sub.add_parser("user", parents=[common], help=_("user accounts of the office"))
    usub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    p = usub.add_parser("add", parents=[common], help=_("add an account"))
    p.add_argument("--username", required=True)
    p.add_argument("--name", required=True, help=_("display name"))
    p.add_argument(
        "--role",
        action="append",
        required=True,
        metavar="ROLE",
        help=_("officer, iso_secretary, auditor, leader or admin (repeat for several)"),
    )
    p.add_argument("--staff-id", type=int, metavar="ID", help=_("the staff member this account belongs to"))
    p.add_argument(
        "--new-password-stdin",
        action="store_true",
        help=_("read the new account's password from stdin, after the signing-in one (else a temporary one)"),
    )
    add_json(p)
    p.set_defaults(handler=cmd_user_add)
    p = usub.add_parser("list", parents=[common], help=_("list the accounts"))
    add_json(p)
    p.set_defaults(handler=cmd_user_list)
    p = usub.add_parser("passwd", parents=[common], help=_("change an account's password (old, then new)"))
    p.add_argument("username")
    add_json(p)
    p.set_defaults(handler=cmd_user_passwd)
    no_account(p)  # the old password is the proof
    p = usub.add_parser("reset", parents=[common], help=_("give an account a temporary password"))
    p.add_argument("username")
    add_json(p)
    p.set_defaults(handler=cmd_user_reset)
    for name, helptext, handler in (
        ("unlock", N_("end a lockout after wrong passwords"), cmd_user_unlock),
        ("disable", N_("disable an account"), cmd_user_disable),
        ("enable", N_("enable a disabled account again"), cmd_user_enable),
    ):
        p = usub.add_parser(name, parents=[common], help=_(helptext))
        p.add_argument("username")
        add_json(p)
        p.set_defaults(handler=handler)
    p = usub.add_parser("roles", parents=[common], help=_("set an account's roles"))
    p.add_argument("username")
    p.add_argument("--role", action="append", required=True, metavar="ROLE")
    add_json(p)
    p.set_defaults(handler=cmd_user_roles)


def _account_line(a: Any) -> str:
    from isodesk.services.accounts.auth import role_name

    state = _("active") if a.active else _("disabled")
    if a.locked():
        state = _("locked")
    roles = ", ".join(role_name(r) for r in a.roles)
    return f"{a.username:<16} {a.display_name:<28} {roles} ({state})"


def cmd_user_add(args: argparse.Namespace) -> Result:
    from isodesk.services.accounts.accounts import add_account

    password = read_secret(_("Password: ")) if args.new_password_stdin else None
    made = with_context(
        args,
        lambda c: add_account(c, args.username, args.name, args.role, staff_id=args.staff_id, password=password),
    )
    text = _("Added account {name}.").format(name=made.account.username)
    if made.temporary_password:
        text += "\n" + _("Temporary password (to be changed at the first sign-in): {password}").format(
            password=made.temporary_password
        )
    return Result(made.to_dict(), text)


def cmd_user_list(args: argparse.Namespace) -> Result:
    from isodesk.services.accounts.accounts import list_accounts

    accounts = with_context(args, list_accounts)
    return Result({"users": [a.to_dict() for a in accounts]}, "\n".join(_account_line(a) for a in accounts))


def cmd_user_passwd(args: argparse.Namespace) -> Result:
    from isodesk.services.accounts.signin import change_password

    old = read_secret(_("Old password (empty if none was set): "))
    new = read_secret(_("New password: "))
    if sys.stdin.isatty() and read_secret(_("Repeat the new password: ")) != new:
        raise UserError(_("The two new passwords differ."))
    info = with_context(args, lambda c: change_password(c, args.username, old, new))
    return Result(
        {"username": info.username, "changed": True},
        _("The password of {name} was changed.").format(name=info.username),
    )


def cmd_user_reset(args: argparse.Namespace) -> Result:
    from isodesk.services.accounts.accounts import reset_password

    temporary = with_context(args, lambda c: reset_password(c, args.username))
    return Result(
        {"username": args.username, "temporary_password": temporary},
        _("Temporary password for {name} (to be changed at the next sign-in): {password}").format(
            name=args.username, password=temporary
        ),
    )


def cmd_user_unlock(args: argparse.Namespace) -> Result:
    from isodesk.services.accounts.accounts import unlock

    info = with_context(args, lambda c: unlock(c, args.username))
    return Result(info.to_dict(), _("{name} may sign in again.").format(name=info.username))


def cmd_user_disable(args: argparse.Namespace) -> Result:
    from isodesk.services.accounts.accounts import set_active

    info = with_context(args, lambda c: set_active(c, args.username, False))
    return Result(info.to_dict(), _("The account {name} is disabled.").format(name=info.username))


def cmd_user_enable(args: argparse.Namespace) -> Result:
    from isodesk.services.accounts.accounts import set_active

    info = with_context(args, lambda c: set_active(c, args.username, True))
    return Result(info.to_dict(), _("The account {name} is enabled.").format(name=info.username))


def cmd_user_roles(args: argparse.Namespace) -> Result:
    from isodesk.services.accounts.accounts import set_roles

    info = with_context(args, lambda c: set_roles(c, args.username, args.role))
    return Result(info.to_dict(), _account_line(info))
