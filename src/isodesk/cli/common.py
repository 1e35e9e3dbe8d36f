"""What every command module shares: the ``--json`` option, the office opened for a command, and parsing of the
dates and numbers people type (docs/ARCHITECTURE.md §8). Command modules import this, never
:mod:`isodesk.cli.main`, which imports them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from isodesk.domain import validation as v
from isodesk.i18n import _
from isodesk.services.inputs import check


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object on stdout")


def context(args: argparse.Namespace) -> Any:
    """The office, acting as ``--user`` (an existing active account) or else as its administrator account.

    No password: whoever can run the command can already read the data folder; what matters is that changes are
    recorded under a real account and that its permissions apply. A PC clock that cannot be right is said on
    stderr (the command still runs)."""
    from isodesk.services.context import open_context
    from isodesk.services.safety.health import clock_warning

    ctx = open_context(args.data_dir)
    try:
        if args.user:
            from isodesk.services.accounts.accounts import use_account

            use_account(ctx, args.user)
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
