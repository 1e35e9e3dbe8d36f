"""Running the real ``isodesk`` command in a subprocess, as a script or a province batch would.

A script signs in through the environment (``ISODESK_USER``, ``ISODESK_PASSWORD``); :func:`isodesk` does so as the
administrator :func:`init` creates, unless the test gives other variables or ``signed_in=False``.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ADMIN = "admin"
ADMIN_PASSWORD = "Quản trị 2026"
#: The password every account a test adds is given (``add_user``).
USER_PASSWORD = "Một cửa 2026"
_OURS = ("ISODESK_DATA_DIR", "ISODESK_LANG", "ISODESK_USER", "ISODESK_PASSWORD", "ISODESK_BACKUP_PASSPHRASE")


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def isodesk(
    *args: str,
    data_dir: Path | None = None,
    env: dict[str, str] | None = None,
    input: str | None = None,
    signed_in: bool = True,
) -> Run:
    full_env = {k: v for k, v in os.environ.items() if k not in _OURS}
    if signed_in:
        full_env.update({"ISODESK_USER": ADMIN, "ISODESK_PASSWORD": ADMIN_PASSWORD})
    full_env.update(env or {})
    if data_dir is not None:
        full_env["ISODESK_DATA_DIR"] = str(data_dir)
    proc = subprocess.run(
        [sys.executable, "-m", "isodesk", *args],
        input=input or "",
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def init(*args: str, data_dir: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """``isodesk init ARGS`` with the administrator ``admin`` and its password (what :func:`isodesk` signs in with)."""
    return isodesk("init", *args, "--admin-password-stdin", input=ADMIN_PASSWORD + "\n", data_dir=data_dir, env=env)


def add_user(data_dir: Path, username: str, name: str, *roles: str, env: dict[str, str] | None = None) -> None:
    """An account with :data:`USER_PASSWORD`, added by the administrator (or the account ``env`` signs in as)."""
    role_args = [a for r in roles for a in ("--role", r)]
    run = isodesk(
        "user", "add", "--username", username, "--name", name, *role_args, "--new-password-stdin",
        input=USER_PASSWORD + "\n", data_dir=data_dir, env=env,
    )  # fmt: skip
    assert run.code == 0, run.err


def as_user(username: str, password: str = USER_PASSWORD) -> dict[str, str]:
    """The environment a script signs in with as ``username``."""
    return {"ISODESK_USER": username, "ISODESK_PASSWORD": password}


@pytest.fixture
def cli():
    return isodesk


@pytest.fixture
def office_dir(data_dir: Path) -> Path:
    """A commune office set up with ``init``, whose administrator :func:`isodesk` signs in as."""
    run = init("--province", "82", "--unit", "28261", data_dir=data_dir)
    assert run.code == 0, run.err
    return data_dir


_captures: list[pytest.CaptureFixture[str]] = []


@pytest.fixture
def signed_in_here(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Iterator[None]:
    """Commands run in this process (a start-up each would make a module of them slow), signed in as the
    administrator ``init`` creates, with nothing of the tester's own environment and an empty standard input. A test
    module asks for it with ``pytestmark = pytest.mark.usefixtures("signed_in_here")`` and runs commands through
    :func:`isodesk_here`."""
    for name in ("ISODESK_DATA_DIR", "ISODESK_LANG", "ISODESK_BACKUP_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ISODESK_USER", ADMIN)
    monkeypatch.setenv("ISODESK_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    _captures.append(capsys)
    yield
    _captures.pop()


def isodesk_here(*argv: str, data_dir: Path) -> Run:
    """One command, run in this process under :func:`signed_in_here`: its exit status and what it printed."""
    from isodesk.cli.main import run

    assert _captures, "the test module must use the signed_in_here fixture"
    capture = _captures[-1]
    capture.readouterr()
    code = run(["--data-dir", str(data_dir), *argv])
    out = capture.readouterr()
    return Run(code, out.out, out.err)
