"""What every command module shares: the ``--json`` option, signing in, the office opened for a command, and
parsing of the dates and numbers people type (docs/ARCHITECTURE.md §8). Command modules import this, never
:mod:`isodesk.cli.main`, which imports them."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from isodesk.domain import validation as v
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.services.inputs import check


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print one JSON object on stdout"))


#: Where scripts put the account a command signs in with, and its password (a script must not type it).
USER_VARIABLE = "ISODESK_USER"
PASSWORD_VARIABLE = "ISODESK_PASSWORD"

#: ``needs_account`` of a command: True (the default: it changes data or shows personal data), False (it shows
#: nothing personal and changes nothing), or a test on the parsed arguments (``init`` and ``demo`` on an empty
#: folder, where no account exists yet).
NeedsAccount = bool | Callable[[argparse.Namespace], bool]


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str


def no_account(parser: argparse.ArgumentParser) -> None:
    """Declare that a command needs no sign-in: it shows nothing personal and changes nothing."""
    parser.set_defaults(needs_account=False)


def account_if_office(parser: argparse.ArgumentParser) -> None:
    """Declare that a command needs a sign-in once the data folder holds an office (none before: no account yet)."""
    parser.set_defaults(needs_account=lambda args: office_set_up(args.data_dir))


def office_set_up(data_dir: str | None) -> bool:
    from isodesk.services.context import office_set_up as set_up

    return set_up(data_dir)


def needs_account(args: argparse.Namespace) -> bool:
    rule: NeedsAccount = getattr(args, "needs_account", True)
    return rule(args) if callable(rule) else rule


def _how_to_sign_in() -> str:
    return _(
        "This command needs an account: give --user NAME (or set ISODESK_USER) and the password on standard "
        "input with --password-stdin (or in ISODESK_PASSWORD). Nothing was changed."
    )


def read_credentials(args: argparse.Namespace) -> Credentials | None:
    """The account and password a command signs in with, read before it does anything; None if it needs none.

    The password is never a command-line argument (other users of the PC see those in the process list): it is
    the first line of standard input with ``--password-stdin`` (a hidden prompt on a terminal), or
    ``ISODESK_PASSWORD``. Lines a command reads for itself (a new password, a passphrase) come after it.
    """
    if not needs_account(args):
        return None
    username = (getattr(args, "user", None) or os.environ.get(USER_VARIABLE, "")).strip()
    if not username:
        raise UserError(_how_to_sign_in())
    if getattr(args, "password_stdin", False):
        password = read_secret(_("Password of {name}: ").format(name=username))
    elif PASSWORD_VARIABLE in os.environ:
        password = os.environ[PASSWORD_VARIABLE]
    else:
        raise UserError(_how_to_sign_in())
    return Credentials(username, password)


def read_secret(prompt: str) -> str:
    """One secret: a hidden prompt on a terminal, else the next line of standard input."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\r\n")


def context(args: argparse.Namespace) -> Any:
    """The office, acting as the account that signed in with the command's credentials, or as nobody.

    The password is checked by the sign-in window's own service (the growing wait after wrong passwords
    included); once it passed, further openings in the same command reuse the account without checking again.
    A command that needs no account acts as nobody, so it cannot change anything under someone's name. A PC clock
    that cannot be right is said on stderr (the command still runs)."""
    from isodesk.services.accounts.signin import sign_in_command
    from isodesk.services.context import open_context
    from isodesk.services.safety.health import clock_warning

    ctx = open_context(args.data_dir, actor="")
    try:
        signed_in: str | None = getattr(args, "signed_in", None)
        credentials: Credentials | None = getattr(args, "credentials", None)
        if signed_in:
            ctx.actor = signed_in
        elif credentials is not None:
            args.signed_in = sign_in_command(ctx, credentials.username, credentials.password).username
            ctx.actor = args.signed_in
        warning = clock_warning(ctx)
    except BaseException:
        ctx.close()
        raise
    if warning:
        sys.stderr.write(_("Warning: {message}").format(message=warning) + "\n")
    return ctx


def with_context(args: argparse.Namespace, fn: Callable[[Any], Any]) -> Any:
    """Open the office named by the global options, run ``fn`` on it, and close it whatever happens."""
    ctx = context(args)
    try:
        return fn(ctx)
    finally:
        ctx.close()


def parse_datetime(value: str) -> datetime:
    """ISO 8601 or "09:30 12/02/2026"; local Vietnam time unless an offset is given (docs/ARCHITECTURE.md §8)."""
    from isodesk.i18n.dates import local_datetime

    return local_datetime(check(v.parse_datetime, value))


def parse_date(value: str) -> date:
    return check(v.parse_date, value)


def parse_number(value: str) -> Decimal:
    from isodesk.domain.procedures import MAX_TIME, PROCESSING_TIME

    return check(v.decimal_number, value, PROCESSING_TIME, Decimal(0), MAX_TIME)
