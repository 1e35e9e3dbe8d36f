"""`isodesk user ...`, `isodesk trail ...` and signing in: accounts, permissions and the trail from the command line."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from isodesk.db.paths import database_path
from tests.cli import conftest
from tests.cli.conftest import USER_PASSWORD, Run, add_user

ADMIN = "duc.le"
ADMIN_PASSWORD = "Quản trị 2026"


def isodesk(*args: str, env: dict[str, str] | None = None, **kw: object) -> Run:
    """The command, signed in as this office's administrator ``duc.le`` unless ``env`` names another account."""
    return conftest.isodesk(*args, env={"ISODESK_USER": ADMIN, "ISODESK_PASSWORD": ADMIN_PASSWORD, **(env or {})}, **kw)  # type: ignore[arg-type]


def run_stdin(data_dir: Path, text: str, *args: str) -> subprocess.CompletedProcess[str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("ISODESK_")}
    env.update({"ISODESK_DATA_DIR": str(data_dir), "ISODESK_USER": ADMIN, "ISODESK_PASSWORD": ADMIN_PASSWORD})
    return subprocess.run(
        [sys.executable, "-m", "isodesk", *args], input=text, capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def office_dir(data_dir: Path) -> Path:
    setup = run_stdin(
        data_dir,
        "Quản trị 2026\n",
        "init",
        "--province",
        "82",
        "--unit",
        "28261",
        "--admin",
        "duc.le",
        "--admin-password-stdin",
    )
    assert setup.returncode == 0, setup.stderr
    return data_dir


def test_init_creates_the_administrator_and_user_commands_manage_accounts(office_dir: Path) -> None:
    listed = isodesk("user", "list", "--json", data_dir=office_dir).json()["users"]
    assert [(u["username"], u["roles"], u["has_password"]) for u in listed] == [("duc.le", ["admin"], True)]
    assert all("password_hash" not in u for u in listed)

    added = run_stdin(
        office_dir,
        "Một cửa 2026\n",
        "user",
        "add",
        "--username",
        "anh",
        "--name",
        "Phạm Thị Ngọc Ánh",
        "--role",
        "officer",
        "--role",
        "auditor",
        "--new-password-stdin",
        "--json",
    )
    assert added.returncode == 0, added.stderr
    assert '"temporary_password": null' in added.stdout and '"roles": ["officer", "auditor"]' in added.stdout

    reset = isodesk("user", "reset", "anh", "--json", data_dir=office_dir)
    temporary = reset.json()["temporary_password"]
    assert reset.code == 0 and len(temporary) == 10
    changed = run_stdin(office_dir, f"{temporary}\nMật khẩu riêng 1\n", "user", "passwd", "anh", "--json")
    assert changed.returncode == 0, changed.stderr
    wrong = run_stdin(office_dir, "không đúng\nMật khẩu riêng 2\n", "user", "passwd", "anh")
    assert wrong.returncode == 1 and "Sai mật khẩu" in wrong.stderr

    assert isodesk("user", "unlock", "anh", data_dir=office_dir).code == 0
    disabled = isodesk("user", "disable", "anh", "--json", data_dir=office_dir)
    assert disabled.code == 0 and disabled.json()["active"] is False
    refused = isodesk(
        "--user", "anh", "dossier", "list", data_dir=office_dir, env={"ISODESK_PASSWORD": "Mật khẩu riêng 1"}
    )
    assert refused.code == 1 and "Tài khoản “anh” đã ngừng hoạt động" in refused.err


def test_user_option_applies_the_accounts_permissions_and_is_recorded(office_dir: Path) -> None:
    add_user(
        office_dir, "tung", "Võ Thanh Tùng", "officer", env={"ISODESK_USER": ADMIN, "ISODESK_PASSWORD": ADMIN_PASSWORD}
    )
    add_user(
        office_dir, "son", "Bùi Văn Sơn", "auditor", env={"ISODESK_USER": ADMIN, "ISODESK_PASSWORD": ADMIN_PASSWORD}
    )
    officer = {"ISODESK_PASSWORD": USER_PASSWORD}
    received = isodesk(
        "--user",
        "tung",
        "dossier",
        "receive",
        "--procedure",
        "1.004873",
        "--applicant",
        "Lê Thị Hoa",
        "--json",
        data_dir=office_dir,
        env=officer,
    )
    assert received.code == 0, received.err
    code = received.json()["code"]

    refused = isodesk(
        "--user", "tung", "procedure", "set", "1.004873", "--working-days", "4", data_dir=office_dir, env=officer
    )
    assert refused.code == 1 and refused.out == ""
    assert "Tài khoản “tung” không được sửa danh mục thủ tục" in refused.err
    assert isodesk("--user", "tung", "trail", "list", data_dir=office_dir, env=officer).code == 1
    assert (
        isodesk("--user", "son", "dossier", "move", code, "--to", "processing", data_dir=office_dir, env=officer).code
        == 1
    )

    trail = isodesk("--user", "son", "trail", "list", "--record", code, "--json", data_dir=office_dir, env=officer)
    assert trail.code == 0, trail.err
    entries = trail.json()["entries"]
    assert {e["actor"] for e in entries} == {"tung"} and {e["label"] for e in entries} == {code}
    assert "Lê Thị Hoa" not in trail.out
    verified = isodesk("--user", "son", "trail", "verify", "--json", data_dir=office_dir, env=officer).json()
    assert verified["ok"] is True and verified["problems"] == [] and verified["entries"] > 70

    # Signed in as the office's administrator (ISODESK_USER), changes are recorded under that account.
    assert isodesk("procedure", "set", "1.004873", "--working-days", "4", data_dir=office_dir).code == 0
    last = isodesk("trail", "list", "--limit", "1", "--json", data_dir=office_dir).json()["entries"][0]
    assert (last["actor"], last["table"]) == ("duc.le", "procedures")
    assert last["after"] == {"office_time_unit": "working_days", "office_time_value": "4"}


def test_trail_verify_exits_1_and_names_the_tampered_entries(office_dir: Path) -> None:
    conn = sqlite3.connect(database_path(office_dir), isolation_level=None)
    try:
        conn.execute("DROP TRIGGER audit_trail_no_delete")
        conn.execute("DELETE FROM audit_trail WHERE seq = 5")
    finally:
        conn.close()
    run = isodesk("trail", "verify", "--json", data_dir=office_dir)
    assert run.code == 1
    data = run.json()
    assert data["ok"] is False
    assert data["problems"] == [{"seq": 5, "kind": "deleted"}, {"seq": 6, "kind": "broken_chain"}]
    text = isodesk("trail", "verify", data_dir=office_dir)
    assert text.code == 1 and "mục 5 đã bị xóa" in text.out
