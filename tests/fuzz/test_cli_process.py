"""A few inputs through the real ``isodesk`` command, in its own process, as a script or a batch would call it.

Only a real process sees what the in-process fuzzing cannot: bytes on the command line that are not UTF-8 (they
reach Python as lone surrogates), the interpreter's own start-up and exit paths, and stderr as a user sees it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isodesk.db.paths import database_path

ARGS = st.one_of(
    st.binary(max_size=24),
    st.sampled_from([b"\xff\xfe", b"Nguy\xe1\xbb\x85n", b"Nguy\xc3n", b"0912\x00345", b"--", b"-x", b"2026-02-30"]),
    st.text(max_size=20).map(lambda s: s.encode("utf-8", "surrogateescape")),
)
PASSWORD = "Quản trị 2026"
COMMANDS = [
    [b"staff", b"add", b"--name", None, b"--department", b"V\xc4\x83n ph\xc3\xb2ng"],
    [b"dossier", b"receive", b"--procedure", b"1.004873", b"--applicant", None, b"--phone", None],
    [b"person", b"find", b"--name", None],
    [b"setting", b"set", b"ledger.cutoff", None],
    [b"calendar", b"set", None, b"--day-off"],
]


@pytest.fixture(scope="module")
def office_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from isodesk.services.context import open_context
    from isodesk.services.office.profile import init_office

    folder = tmp_path_factory.mktemp("cli-fuzz")
    ctx = open_context(folder)
    init_office(ctx, province_code="82", unit_code="28261", leader_name="Nguyễn Văn Hùng", admin_password=PASSWORD)
    ctx.close()
    yield folder


@settings(max_examples=12, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(command=st.sampled_from(COMMANDS), values=st.lists(ARGS, min_size=2, max_size=2))
def test_the_real_command_answers_any_bytes_cleanly(office_dir: Path, command: list, values: list[bytes]) -> None:
    argv = [(values.pop() if part is None else part).replace(b"\x00", b"") for part in command]  # the OS takes no NUL
    env = {k: v for k, v in os.environ.items() if not k.startswith("ISODESK_")} | {
        "ISODESK_DATA_DIR": str(office_dir),
        "ISODESK_USER": "admin",  # signed in, so the bytes reach the command's own checks
        "ISODESK_PASSWORD": PASSWORD,
    }
    watcher = sqlite3.connect(database_path(office_dir))
    try:
        before = watcher.execute("PRAGMA data_version").fetchone()
        proc = subprocess.run(
            [os.fsencode(sys.executable), b"-m", b"isodesk", *argv], capture_output=True, env=env, timeout=120
        )
        after = watcher.execute("PRAGMA data_version").fetchone()
    finally:
        watcher.close()
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode in (0, 1, 2), err
    assert "Traceback" not in err
    if proc.returncode == 1:
        assert err.startswith("Lỗi: ") and len(err) < 800 and after == before
