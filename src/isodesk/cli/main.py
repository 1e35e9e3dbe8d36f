"""Parsing, dispatch and error handling of the ``isodesk`` command.

Exit status (docs/ARCHITECTURE.md §8): 0 success; 1 an error the user caused, with a message on stderr in the
chosen language and nothing changed; 2 bad usage (argparse). Nothing here imports Qt: a command that
opens no window starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any

from isodesk import __version__
from isodesk.cli.common import read_credentials
from isodesk.cli.output import Result, emit
from isodesk.errors import UserError
from isodesk.i18n import LANGUAGES, N_, _, set_language

Handler = Callable[[argparse.Namespace], Result]

#: argparse's own words (usage, headings, its error messages), translated through the program's catalogs.
ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


def _chosen_language(argv: list[str]) -> str:
    """The language asked for, read before the parser is built so that its help is written in it."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return os.environ.get("ISODESK_LANG") or "vi"


def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir",
        default=default,
        metavar="DIR",
        help=_("data folder (default: $ISODESK_DATA_DIR or the user data folder)"),
    )
    parser.add_argument("--lang", choices=LANGUAGES, default=default, help=_("language of messages (vi, en)"))
    parser.add_argument(
        "--user", default=default, metavar="NAME", help=_("the account to sign in with (default: $ISODESK_USER)")
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help=_("read the account's password from the first line of stdin (default: $ISODESK_PASSWORD)"),
    )


def command_modules() -> list[Any]:
    from isodesk.cli import accounts as account_cmds
    from isodesk.cli import audit as audit_cmds
    from isodesk.cli import ledger as ledger_cmds
    from isodesk.cli import office as office_cmds
    from isodesk.cli import printing as form_cmds
    from isodesk.cli import privacy as person_cmds
    from isodesk.cli import province as province_cmds
    from isodesk.cli import qms as qms_cmds
    from isodesk.cli import safety as backup_cmds
    from isodesk.cli import sync as sync_cmds

    return [
        office_cmds,
        ledger_cmds,
        form_cmds,
        account_cmds,
        backup_cmds,
        person_cmds,
        qms_cmds,
        audit_cmds,
        sync_cmds,
        province_cmds,
    ]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="isodesk",
        description=_("isodesk: ISO 9001 quality management and one-stop-shop ledger for communes and wards."),
    )
    parser.add_argument(
        "--version", action="version", version=f"isodesk {__version__}", help=_("show the program's version and exit")
    )
    _global_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, top=False)
    for module in command_modules():
        module.register(sub, common)
    return parser


def run(argv: list[str], open_gui: Callable[[str | None, str | None], int] | None = None) -> int:
    """Run one command; with no command, call ``open_gui`` (given by the entry point, which may load Qt)."""
    lang = _chosen_language(argv)
    set_language(lang if lang in LANGUAGES else "vi")
    argparse._ = _  # type: ignore[attr-defined]  # argparse's own words in the same language
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if open_gui is None:
            parser.print_help()
            return 2
        return open_gui(args.data_dir, args.lang)
    handler: Handler = args.handler
    try:
        args.credentials = read_credentials(args)  # before anything is opened: without them nothing happens
        result = handler(args)
    except UserError as exc:
        sys.stderr.write(_("Error: {message}").format(message=exc.message) + "\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write(_("Interrupted; nothing was changed by the unfinished action.") + "\n")
        return 1
    emit(result, getattr(args, "json", False))
    return result.status
