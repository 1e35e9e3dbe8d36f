#!/usr/bin/env python3
"""Set up and run isodesk from a source checkout, on Windows or Linux, with nothing but Python 3.11+.

    python3 dev.py start    install into .venv and open the program (demo data is offered on first run)
    python3 dev.py test     install with the test tools into .venv and run the whole test suite
    python3 dev.py lint     ruff, ruff format --check, mypy, import-linter
    python3 dev.py bench    run every benchmark in bench/
    python3 dev.py i18n     re-extract, update, compile and check the translation catalogs
    python3 dev.py lock     rewrite requirements/*.lock from pyproject.toml (the only way to change them)
    python3 dev.py bundle   build the one-folder program dist/isodesk/ with PyInstaller (--tarball: and the
                            Linux tarball); installer/README.md tells the rest, the Windows installer included

Every package comes from the committed lock, pinned with its hashes: requirements/app.lock for `start`,
requirements/dev.lock (the same versions plus the test and development tools) for the rest. Installing is
skipped while the lock is the one last installed; a changed lock gets a fresh .venv, so nothing from an older
lock stays behind. On Debian or Ubuntu the system libraries Qt needs (and the fonts the printed forms use) are
checked and, when missing, installed with apt-get if running as root; otherwise the exact command is printed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
WINDOWS = os.name == "nt"
BIN = VENV / ("Scripts" if WINDOWS else "bin")
PYTHON = BIN / ("python.exe" if WINDOWS else "python")

# Debian packages: Qt's xcb/offscreen platform needs these shared libraries; forms use Liberation Serif.
QT_PACKAGES = ["libgl1", "libegl1", "libfontconfig1", "libdbus-1-3", "libglib2.0-0", "libxkbcommon0"]
# A window on an X11 desktop also needs the libraries of Qt's xcb platform plugin.
GUI_PACKAGES = [
    *QT_PACKAGES,
    "libx11-xcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-sync1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
]
# The tests also build the bundle, whose Linux libraries binutils' strip slims (tests/test_bundle.py's size limit).
TEST_PACKAGES = [*QT_PACKAGES, "fonts-liberation2", "binutils"]


def say(text: str) -> None:
    print(f"[dev] {text}", flush=True)


def run(*cmd: str | Path, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env)


def check(*cmd: str | Path) -> None:
    code = run(*cmd)
    if code:
        sys.exit(code)


def debian_packages(packages: list[str]) -> None:
    """Make sure the Debian packages are installed (Linux with dpkg only)."""
    if WINDOWS or sys.platform == "darwin" or not shutil.which("dpkg-query"):
        return
    missing = [
        p
        for p in packages
        if subprocess.run(["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True).stdout.strip()
        != "install ok installed"
    ]
    if not missing:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        say(f"installing system packages: {' '.join(missing)}")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        if run("apt-get", "update", "-qq", env=env) or run("apt-get", "install", "-y", "-qq", *missing, env=env):
            sys.exit("[dev] apt-get failed; install the packages above and run again")
        return
    sys.exit(
        "[dev] missing system packages. Install them first:\n"
        f"    sudo apt-get update && sudo apt-get install -y {' '.join(missing)}"
    )


LOCKS = {"app": ROOT / "requirements" / "app.lock", "dev": ROOT / "requirements" / "dev.lock"}
STAMP = VENV / ".installed-lock"


def _lock_digest(kind: str) -> str:
    return hashlib.sha256(LOCKS[kind].read_bytes()).hexdigest()


def install(kind: str) -> None:
    """Install exactly ``requirements/<kind>.lock`` and isodesk itself (editable) into .venv.

    The dev lock holds the app lock's versions and more, so a .venv made from it serves ``start`` too."""
    installed = STAMP.read_text().split() if STAMP.exists() else []
    wanted = {kind: _lock_digest(kind)}
    if kind == "app":
        wanted["dev"] = _lock_digest("dev")
    if any(f"{k}:{d}" in installed for k, d in wanted.items()):
        return
    if VENV.exists():  # made from another lock, or its install was interrupted
        say("the lock has changed since .venv was made: making it afresh")
        shutil.rmtree(VENV)
    if not PYTHON.exists():
        say("creating .venv")
        venv.EnvBuilder(with_pip=True).create(VENV)
    say(f"installing requirements/{kind}.lock and isodesk into .venv")
    quiet = ["--quiet", "--disable-pip-version-check"]
    check(PYTHON, "-m", "pip", "install", *quiet, "--require-hashes", "-r", LOCKS[kind])
    # The build backend comes from the lock too: no isolated build that would fetch an unpinned one.
    check(PYTHON, "-m", "pip", "install", *quiet, "--no-deps", "--no-build-isolation", "-e", ".")
    STAMP.write_text(f"{kind}:{wanted[kind]}")


def start(args: list[str]) -> int:
    debian_packages(GUI_PACKAGES)
    install("app")
    return run(BIN / ("isodesk.exe" if WINDOWS else "isodesk"), *args)


def test(args: list[str]) -> int:
    debian_packages(TEST_PACKAGES)
    install("dev")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("ISODESK_DATA_DIR", None)
    return run(PYTHON, "-m", "pytest", *args, env=env)


def lint(_args: list[str]) -> int:
    install("dev")
    codes = [
        run(BIN / "ruff", "check", "."),
        run(BIN / "ruff", "format", "--check", "."),
        run(BIN / "mypy"),
        run(BIN / "lint-imports"),
    ]
    return max(codes)


def bench(args: list[str]) -> int:
    debian_packages(QT_PACKAGES)
    install("dev")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    code = 0
    for script in sorted((ROOT / "bench").glob("*.py")):
        say(f"bench/{script.name}")
        code = max(code, run(PYTHON, script, *args, env=env))
    return code


def i18n(args: list[str]) -> int:
    install("dev")
    return run(PYTHON, ROOT / "tools" / "i18n.py", *(args or ["all"]))


def bundle(args: list[str]) -> int:
    """The one-folder bundle, built by PyInstaller from the dev lock's .venv (installer/build.py)."""
    install("dev")
    return run(PYTHON, ROOT / "installer" / "build.py", *args)


def lock(_args: list[str]) -> int:
    """Resolve pyproject.toml anew into both locks with uv (itself installed from the dev lock)."""
    install("dev")
    env = dict(os.environ, PATH=str(BIN) + os.pathsep + os.environ.get("PATH", ""))
    return run(PYTHON, ROOT / "tools" / "lock.py", env=env)


COMMANDS = {"start": start, "test": test, "lint": lint, "bench": bench, "i18n": i18n, "lock": lock, "bundle": bundle}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py may be started by an older Python)
        sys.exit("[dev] isodesk needs Python 3.11 or newer")
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
