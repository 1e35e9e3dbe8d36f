"""Entry point of the `isodesk` command: the GUI when no subcommand is given, else the command line.

Opening the window is the common case on an office PC, so it skips building the full command-line
parser: when the arguments hold only the global options, the GUI starts straight away.
"""

from __future__ import annotations

import multiprocessing
import sys

_GUI_OPTIONS = ("--data-dir", "--lang")


def _gui_options(argv: list[str]) -> dict[str, str] | None:
    """The global options when ``argv`` asks for the GUI, else None (a subcommand, --help, ...)."""
    found: dict[str, str] = {}
    i = 0
    while i < len(argv):
        arg = argv[i]
        name, eq, value = arg.partition("=")
        if name not in _GUI_OPTIONS:
            return None
        if not eq:
            if i + 1 >= len(argv):
                return None
            value = argv[i + 1]
            i += 1
        found[name] = value
        i += 1
    if found.get("--lang", "vi") not in ("vi", "en"):
        return None
    return found


def main(argv: list[str] | None = None) -> int:
    # In the Windows bundle a worker process (the province's batch import reads packages in them) is this program
    # started again: here it becomes the worker and never reaches the window or the command line.
    multiprocessing.freeze_support()
    args = sys.argv[1:] if argv is None else argv
    gui = _gui_options(args)
    if gui is not None:
        return _open_gui(gui.get("--data-dir"), gui.get("--lang"))
    from isodesk.cli.main import run

    return run(args, open_gui=_open_gui)


def _open_gui(data_dir: str | None, lang: str | None) -> int:
    from isodesk.app import run_gui

    return run_gui(data_dir, lang)


if __name__ == "__main__":
    sys.exit(main())
