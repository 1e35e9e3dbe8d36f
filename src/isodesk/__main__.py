"""Entry point of the `isodesk` command: the GUI when no subcommand is given, else the command line."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from isodesk.cli.main import run

    return run(sys.argv[1:] if argv is None else argv, open_gui=_open_gui)


def _open_gui(data_dir: str | None, lang: str | None) -> int:
    from isodesk.app import run_gui

    return run_gui(data_dir, lang)


if __name__ == "__main__":
    sys.exit(main())
