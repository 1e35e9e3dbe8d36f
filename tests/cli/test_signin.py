"""The command line signs in (issue 17): every command that changes data or shows personal data is refused without
credentials and with a wrong password, changing nothing; allowed for an account with the permission, whose name the
trail records; refused for an account without it. The commands are run in this process through the real parser and
handlers (``isodesk.cli.main.run``), on real SQLite files, so each of the fifty commands costs milliseconds, not a
Python start-up; the end-to-end checks through a subprocess are at the bottom.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from isodesk.cli.common import needs_account
from isodesk.cli.main import build_parser, run
from isodesk.db.paths import database_path
from tests.cli.conftest import ADMIN, ADMIN_PASSWORD, USER_PASSWORD, as_user, init, isodesk

PASSPHRASE = "bốn con voi đi qua cầu"
SECOND_ADMIN = "hai"


@dataclass
class Outcome:
    code: int
    out: str
    err: str


@pytest.fixture
def cli_in_process(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def call(data_dir: Path, *argv: str, env: dict[str, str] | None = None, stdin: str = "") -> Outcome:
        for name in ("ISODESK_USER", "ISODESK_PASSWORD", "ISODESK_BACKUP_PASSPHRASE", "ISODESK_LANG"):
            monkeypatch.delenv(name, raising=False)
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = run(["--data-dir", str(data_dir), *argv])
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return call


def _leaves(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    if parser.get_default("handler") is not None:
        yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _leaves(child, (*path, name))


@dataclass(frozen=True)
class Sample:
    argv: tuple[str, ...]
    refused_for: str | None  # an account without the permission ("tung" officer, "son" auditor), None: any may
    changes: bool = False  # leaves entries in the trail
    stdin: str = ""
    env: tuple[tuple[str, str], ...] = ()
    province_only: bool = False  # in this commune office: refused after sign-in with the province's-desk message


def samples(codes: dict[str, str], files: dict[str, Path], out: Path) -> dict[tuple[str, ...], Sample]:
    d = codes["received"]
    pdf = str(out / "x.pdf")
    passphrase_env = (("ISODESK_BACKUP_PASSPHRASE", PASSPHRASE),)
    finding = ("--audit", codes["audit"], "--grade", "minor", "--clause", "7.5", "--evidence", "Sổ thiếu chữ ký")
    action = ("--finding", codes["finding"], "--owner", "Lò Văn Hộ", "--due", "2026-12-31", "--plan", "Ký bổ sung")
    decision = ("--text", "Tập huấn lại", "--owner", "Lò Văn Hộ", "--due", "2026-12-31")
    return {
        ("init",): Sample(("init", "--province", "82", "--unit", "28261"), None),
        ("demo",): Sample(("demo", "--dossiers", "3"), "tung", changes=True),
        ("setting", "list"): Sample(("setting", "list"), None),
        ("setting", "set"): Sample(("setting", "set", "ledger.cutoff", "16:00"), "tung", changes=True),
        ("staff", "add"): Sample(("staff", "add", "--name", "Lê Văn Ba", "--department", "Một cửa"), "tung", True),
        ("staff", "list"): Sample(("staff", "list"), None),
        ("procedure", "add"): Sample(
            ("procedure", "add", "--code", "9.999001", "--name", "Thủ tục thử", "--working-days", "3"), "tung", True
        ),
        ("procedure", "set"): Sample(("procedure", "set", "1.004873", "--working-days", "4"), "tung", True),
        ("procedure", "import"): Sample(("procedure", "import", str(files["catalogue"])), "tung", True),
        ("procedure", "retire"): Sample(("procedure", "retire", "1.001193"), "tung", True),
        ("procedure", "restore"): Sample(("procedure", "restore", "1.001193"), "tung", True),
        ("calendar", "set"): Sample(("calendar", "set", "2026-12-26", "--workday"), "tung", True),
        ("dossier", "receive"): Sample(
            ("dossier", "receive", "--procedure", "1.004873", "--applicant", "Võ Thị Sáu"), "son", True
        ),
        ("dossier", "refuse"): Sample(
            ("dossier", "refuse", "--procedure", "1.004873", "--applicant", "Võ Thị Sáu", "--reason", "Sai thẩm quyền"),
            "son",
            True,
        ),
        ("dossier", "move"): Sample(("dossier", "move", d, "--to", "processing"), "son", True),
        ("dossier", "edit"): Sample(("dossier", "edit", d, "--phone", "0909 123 456"), "son", True),
        ("dossier", "list"): Sample(("dossier", "list"), None),
        ("dossier", "show"): Sample(("dossier", "show", d), None),
        ("form", "receipt"): Sample(("form", "receipt", "--dossier", d, "--out", pdf), None),
        ("form", "supplement"): Sample(("form", "supplement", "--dossier", codes["supplement"], "--out", pdf), None),
        ("form", "refusal"): Sample(("form", "refusal", "--dossier", codes["refused"], "--out", pdf), None),
        ("form", "apology"): Sample(("form", "apology", "--dossier", codes["extended"], "--out", pdf), None),
        ("form", "stop"): Sample(("form", "stop", "--dossier", codes["stopped"], "--out", pdf), None),
        ("form", "control-sheet"): Sample(("form", "control-sheet", "--dossier", d, "--out", pdf), None),
        ("form", "ledger"): Sample(
            ("form", "ledger", "--from", "2026-01-01", "--to", "2026-12-31", "--out", pdf), None
        ),
        ("form", "stats"): Sample(("form", "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--out", pdf), None),
        ("form", "procedure"): Sample(("form", "procedure", "--procedure", "1.004873", "--out", pdf), None),
        ("form", "scope"): Sample(("form", "scope", "--out", pdf), None),
        ("form", "objectives"): Sample(("form", "objectives", "--year", "2026", "--out", pdf), None),
        ("form", "policy"): Sample(("form", "policy", "--out", pdf), None),
        ("form", "announcement"): Sample(("form", "announcement", "--out", pdf), None),
        ("form", "province-report"): Sample(
            ("form", "province-report", "--year", "2026", "--out", pdf), None, province_only=True
        ),
        ("qms", "status"): Sample(("qms", "status"), None),
        ("qms", "objective", "add"): Sample(
            ("qms", "objective", "add", "--title", "Đúng hạn", "--measure", "on_time_rate", "--target", "95"),
            "tung",
            True,
        ),
        ("qms", "objective", "list"): Sample(("qms", "objective", "list"), None),
        ("qms", "policy", "draft"): Sample(
            ("qms", "policy", "draft", "--text-file", str(files["policy"])), "son", True
        ),
        ("qms", "policy", "approve"): Sample(("qms", "policy", "approve"), "tung", True),
        ("qms", "announce"): Sample(("qms", "announce", "--number", "12/QĐ-UBND", "--date", "2026-11-20"), "son", True),
        ("qms", "problem", "add"): Sample(("qms", "problem", "add", "--text", "Máy in hỏng"), "tung", True),
        ("qms", "problem", "list"): Sample(("qms", "problem", "list", "--open"), None),
        ("qms", "problem", "review"): Sample(("qms", "problem", "review", "--note", "Đã sửa máy in"), "tung", True),
        ("sync", "export"): Sample(("sync", "export", "--out", str(out / "goi.isosync")), "tung"),
        ("sync", "fingerprint"): Sample(("sync", "fingerprint"), None),
        ("sync", "enrolment"): Sample(("sync", "enrolment", "--out", pdf), None),
        ("sync", "history"): Sample(("sync", "history"), None),
        # Applying the province's package changes the office's catalogue and calendar: the administrator's act.
        ("sync", "import"): Sample(("sync", "import", str(files["province_package"]), "--trust-new"), "tung", True),
        ("sync", "trust-province"): Sample(("sync", "trust-province"), "tung"),  # trusted by the import above
        ("sync", "province-export"): Sample(
            ("sync", "province-export", "--out", str(out / "tinh.isosync")), "tung", province_only=True
        ),
        ("province", "status"): Sample(("province", "status"), None, province_only=True),
        ("province", "confirm"): Sample(("province", "confirm", "28261"), "tung", province_only=True),
        ("province", "forget-key"): Sample(("province", "forget-key", "28261"), "tung", province_only=True),
        ("user", "add"): Sample(
            ("user", "add", "--username", "ba", "--name", "Lê Ba", "--role", "officer"), "tung", True
        ),
        ("user", "list"): Sample(("user", "list"), None),
        ("user", "reset"): Sample(("user", "reset", "son"), "tung", True),
        ("user", "unlock"): Sample(("user", "unlock", "son"), "tung"),  # nothing to unlock: no change
        ("user", "disable"): Sample(("user", "disable", "son"), "tung", True),
        ("user", "enable"): Sample(("user", "enable", "son"), "tung", True),
        ("user", "roles"): Sample(("user", "roles", "son", "--role", "leader"), "tung", True),
        ("backup",): Sample(("backup",), "tung"),
        ("backup", "list"): Sample(("backup", "list"), "tung"),
        ("backup", "passphrase", "set"): Sample(
            ("backup", "passphrase", "set", "--change"), "tung", True, stdin=f"{PASSPHRASE}\nmột cụm mới dài hơn\n"
        ),
        ("backup", "before-erasure"): Sample(("backup", "before-erasure"), "tung"),
        ("restore",): Sample(("restore", str(files["backup"]), "--yes"), "tung", env=passphrase_env),
        ("trail", "verify"): Sample(("trail", "verify"), "tung"),
        ("trail", "list"): Sample(("trail", "list"), "tung"),
        ("person", "find"): Sample(("person", "find", "--name", "Huỳnh Văn Nghĩa"), "son"),
        ("person", "export"): Sample(
            ("person", "export", "--name", "Huỳnh Văn Nghĩa", "--out", str(out / "nghia")),
            "son",
            True,
            env=passphrase_env,
        ),
        ("person", "erase"): Sample(("person", "erase", "--id", codes["applicant"]), "son", True),
        ("person", "erase-expired"): Sample(("person", "erase-expired"), "son"),  # the one expired: erased above
        ("audit", "plan"): Sample(
            (
                "audit",
                "plan",
                "--date",
                "2026-11-20",
                "--area",
                "Địa chính",
                "--lead",
                "Kiều Văn Thẩm",
                "--clause",
                "8",
            ),
            "tung",
            True,
        ),
        ("audit", "list"): Sample(("audit", "list"), None),
        ("audit", "show"): Sample(("audit", "show", codes["audit"]), None),
        ("audit", "checklist"): Sample(("audit", "checklist", codes["audit"], "--out", pdf), None),
        ("audit", "coverage"): Sample(("audit", "coverage", "--year", "2026"), None),
        ("audit", "finding", "add"): Sample(("audit", "finding", "add", *finding), "tung", True),
        ("audit", "finding", "list"): Sample(("audit", "finding", "list", "--open"), None),
        ("audit", "finding", "propose"): Sample(
            ("audit", "finding", "propose", "--from", "2026-01-01", "--to", "2026-12-31"), None
        ),
        ("audit", "finding", "acknowledge"): Sample(
            ("audit", "finding", "acknowledge", codes["finding"], "--by", "Lò Văn Hộ"), "tung", True
        ),
        ("audit", "finding", "close"): Sample(("audit", "finding", "close", codes["observation"]), "tung", True),
        ("audit", "action", "add"): Sample(("audit", "action", "add", *action), "tung", True),
        ("audit", "action", "list"): Sample(("audit", "action", "list"), None),
        ("audit", "action", "done"): Sample(("audit", "action", "done", codes["action"]), "tung", True),
        ("audit", "action", "verify"): Sample(
            ("audit", "action", "verify", codes["done_action"], "--by", "Kiều Văn Thẩm", "--effective"), "tung", True
        ),
        ("audit", "report"): Sample(("audit", "report", codes["audit"], "--out", pdf), "tung", True),
        ("audit", "reopen"): Sample(("audit", "reopen", codes["reported_audit"]), "tung", True),
        ("review", "start"): Sample(("review", "start", "--date", "2026-12-01"), "son", True),
        ("review", "edit"): Sample(("review", "edit", codes["review"], "--decisions", "Tập huấn lại"), "son", True),
        ("review", "minutes"): Sample(("review", "minutes", codes["review"], "--out", pdf), None),
        ("review", "confirm"): Sample(
            ("review", "confirm", codes["review"], "--by", "Kiều Văn Thẩm", "--effective"), "son", True
        ),
        ("review", "decide"): Sample(("review", "decide", codes["open_review"], *decision), "son", True),
        ("review", "decision", "done"): Sample(("review", "decision", "done", codes["decision"]), "son", True),
        ("review", "decision", "list"): Sample(("review", "decision", "list", "--open"), None),
    }


EXEMPT = {
    ("info",),
    ("check",),
    ("deadline",),
    ("calendar", "show"),
    ("procedure", "list"),
    ("stats",),  # the office's own figures; with --unit, a unit's at the province, which needs one (ACCOUNT_WITH)
    ("user", "passwd"),  # proves the old password itself
    ("decrypt",),  # reads no office: the passphrase is the proof
}

#: Exempt commands that need an account with these options (the province's data).
ACCOUNT_WITH = {("stats",): ("--unit", "28261")}


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, Path]]:
    """A set-up office with a second administrator, an officer, an auditor, dossiers in every state a paper needs,
    a settled old dossier whose applicant may be erased, the backup passphrase and an encrypted backup."""
    root = tmp_path_factory.mktemp("signin")
    data = root / "office"
    assert init("--province", "82", "--unit", "28261", data_dir=data).code == 0
    # The second administrator is also the chairman (a leader approves the quality policy).
    for username, roles in ((SECOND_ADMIN, ("admin", "leader")), ("tung", ("officer",)), ("son", ("auditor",))):
        role_args = [a for r in roles for a in ("--role", r)]
        run_ = isodesk(
            "user", "add", "--username", username, "--name", username.title(), *role_args,
            "--new-password-stdin", input=USER_PASSWORD + "\n", data_dir=data,
        )  # fmt: skip
        assert run_.code == 0, run_.err
    codes: dict[str, str] = {}

    def receive(name: str, when: str = "2026-11-02T09:00") -> str:
        made = isodesk(
            "dossier", "receive", "--procedure", "1.004873", "--applicant", name, "--received", when, "--json",
            data_dir=data,
        )  # fmt: skip
        assert made.code == 0, made.err
        return str(made.json()["code"])

    def move(code: str, *args: str) -> None:
        moved = isodesk("dossier", "move", code, *args, data_dir=data)
        assert moved.code == 0, moved.err

    codes["received"] = receive("Lê Thị Hoa")
    codes["supplement"] = receive("Trần Văn Bảy")
    move(codes["supplement"], "--to", "supplement", "--note", "Thiếu giấy khai sinh")
    first_request = isodesk(
        "form", "supplement", "--dossier", codes["supplement"], "--out", str(root / "yeu-cau.pdf"),
        "--contact", "Nguyễn Thị Lan", "--contact-phone", "0912 345 678", data_dir=data,
    )  # fmt: skip
    assert first_request.code == 0, first_request.err  # the office's contact is kept for every later request
    codes["refused"] = receive("Phạm Thị Tám")
    move(codes["refused"], "--to", "refused", "--note", "Không thuộc thẩm quyền")
    codes["stopped"] = receive("Đỗ Văn Chín")
    move(codes["stopped"], "--to", "stopped", "--note", "Người nộp rút")
    codes["extended"] = receive("Ngô Thị Mười", "2026-11-02T09:00")
    move(codes["extended"], "--to", "extended", "--new-due", "2026-12-20T16:00", "--note", "Cần xác minh")
    old = receive("Huỳnh Văn Nghĩa", "2014-05-05T09:00")
    move(old, "--to", "ready", "--at", "2014-05-06T09:00")
    move(old, "--to", "returned", "--at", "2014-05-07T10:00")
    found = isodesk("person", "find", "--name", "Huỳnh Văn Nghĩa", "--json", data_dir=data).json()["applicants"]
    assert isodesk("backup", "passphrase", "set", input=PASSPHRASE + "\n", data_dir=data).code == 0
    copy = isodesk("backup", "--out", str(root), "--json", data_dir=data)
    assert copy.code == 0, copy.err
    catalogue = root / "danh-muc.csv"
    catalogue.write_text(
        "code,name,field,time_value,time_unit,cutoff,fee_vnd,components,source,confidence\n"
        "1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Hộ tịch,2,working_days,,,,QĐ tỉnh,high\n",
        "utf-8",
    )
    codes["applicant"] = str(found[0]["id"])
    policy = root / "chinh-sach.txt"
    policy.write_text("Công khai, minh bạch thủ tục hành chính.\n", "utf-8")
    for argv, env in (  # a year's objective, an approved policy and a new draft, an announcement
        (("qms", "objective", "add", "--title", "Đúng hạn", "--measure", "on_time_rate", "--target", "95",
          "--year", "2026"), None),
        (("qms", "policy", "draft", "--text-file", str(policy)), None),
        (("qms", "policy", "approve"), as_user(SECOND_ADMIN)),
        (("qms", "policy", "draft", "--text-file", str(policy)), None),
        (("qms", "announce", "--number", "12/QĐ-UBND", "--date", "2026-06-01"), None),
    ):  # fmt: skip
        done = isodesk(*argv, data_dir=data, env=env)
        assert done.code == 0, (argv, done.err)
    codes.update(_audit_records(data, root))
    files = {
        "backup": Path(copy.json()["path"]),
        "catalogue": catalogue,
        "policy": policy,
        "province_package": _province_package(root),
    }
    return data, codes, files


def _province_package(root: Path) -> Path:
    """The package a real province office (Đồng Tháp) makes for its units, with a day off of its own."""
    province = root / "province"
    assert init("--role", "province", "--province", "82", data_dir=province).code == 0
    day_off = isodesk("calendar", "set", "2026-12-28", "--day-off", "--note", "Nghỉ bù", data_dir=province)
    assert day_off.code == 0, day_off.err
    package = root / "goi-cua-tinh.isosync"
    made = isodesk("sync", "province-export", "--out", str(package), data_dir=province)
    assert made.code == 0, made.err
    return package


def _audit_records(data: Path, root: Path) -> dict[str, str]:
    """An auditor and a civil-status officer; a planned audit with a finding, an open action and a done one, an
    observation, an audit whose report is issued, a management review with an open decision, and a later review that
    is never confirmed."""

    def ok(*argv: str) -> str:
        done = isodesk(*argv, "--json", data_dir=data)
        assert done.code == 0, (argv, done.err)
        return str(done.json().get("id", ""))

    ok("staff", "add", "--name", "Kiều Văn Thẩm", "--department", "Văn phòng")
    ok("staff", "add", "--name", "Lò Văn Hộ", "--department", "Tư pháp - Hộ tịch")
    ok("staff", "add", "--name", "Mai Thị Đất", "--department", "Địa chính")
    plan = ("--area", "Tư pháp - Hộ tịch", "--lead", "Kiều Văn Thẩm", "--clause", "7.5")
    audit = ok("audit", "plan", "--date", "2026-11-10", *plan)
    reported = ok("audit", "plan", "--date", "2026-11-12", *plan)
    finding = ok("audit", "finding", "add", "--audit", audit, "--grade", "minor", "--clause", "7.5", "--evidence", "Sổ")
    observation = ok("audit", "finding", "add", "--audit", audit, "--grade", "observation", "--clause", "7.5",
                     "--evidence", "Bảng niêm yết cũ")  # fmt: skip
    action = ok("audit", "action", "add", "--finding", finding, "--owner", "Lò Văn Hộ", "--due", "2026-12-31",
                "--plan", "Ký bổ sung")  # fmt: skip
    done_action = ok("audit", "action", "add", "--finding", finding, "--owner", "Lò Văn Hộ", "--due", "2026-12-31",
                     "--plan", "Kiểm tra hằng tuần")  # fmt: skip
    ok("audit", "action", "done", done_action)
    assert isodesk("audit", "report", reported, "--out", str(root / "bao-cao.pdf"), data_dir=data).code == 0
    review = ok("review", "start", "--date", "2026-06-01")
    open_review = ok("review", "start", "--date", "2026-09-01")  # stays unconfirmed: it takes decisions
    decision = ok("review", "decide", review, "--text", "Bổ sung sổ", "--owner", "Lò Văn Hộ", "--due", "2026-12-31")
    return {
        "audit": audit,
        "reported_audit": reported,
        "finding": finding,
        "observation": observation,
        "action": action,
        "done_action": done_action,
        "review": review,
        "open_review": open_review,
        "decision": decision,
    }


@pytest.fixture
def office(prepared: tuple[Path, dict[str, str], dict[str, Path]], tmp_path: Path):  # type: ignore[no-untyped-def]
    data, codes, files = prepared
    copy = tmp_path / "office"
    shutil.copytree(data, copy)
    out = tmp_path / "out"
    out.mkdir()
    return copy, samples(codes, files, out), out


def _trail(data_dir: Path) -> list[tuple[int, str, str]]:
    conn = sqlite3.connect(database_path(data_dir))
    try:
        return list(conn.execute("SELECT seq, actor, table_name FROM audit_trail ORDER BY seq"))
    finally:
        conn.close()


def _state(data_dir: Path, out: Path) -> tuple[object, ...]:
    """Everything a refused command must leave as it was. A wrong password is counted on its account (that is
    the growing wait), so the accounts' own trail entries are left out."""
    entries = [e for e in _trail(data_dir) if e[2] != "accounts"]
    backups = sorted(p.name for p in (data_dir / "backups").iterdir()) if (data_dir / "backups").is_dir() else []
    return len(entries), backups, sorted(p.name for p in out.iterdir())


def test_every_command_says_whether_it_needs_an_account(prepared: tuple[Path, dict[str, str], dict[str, Path]]) -> None:
    """A new command must be added here: to the samples (it needs an account) or to the exemptions."""
    data, codes, files = prepared
    table = samples(codes, files, data)
    commands = dict(_leaves(build_parser()))
    assert set(commands) == set(table) | EXEMPT
    for path in EXEMPT:
        if path in ACCOUNT_WITH:
            assert not needs_account(build_parser().parse_args(["--data-dir", str(data), *path])), path
            args = build_parser().parse_args(["--data-dir", str(data), *path, *ACCOUNT_WITH[path]])
            assert needs_account(args), path
        else:
            assert commands[path].get_default("needs_account") is False, path
    for path, sample in table.items():
        args = build_parser().parse_args(["--data-dir", str(data), *sample.argv])
        assert needs_account(args), path


def test_init_and_demo_need_no_account_on_an_empty_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    args = build_parser().parse_args(["--data-dir", str(empty), "init", "--province", "82", "--unit", "28261"])
    assert not needs_account(args)
    args = build_parser().parse_args(["--data-dir", str(empty), "demo"])
    assert not needs_account(args)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_protected_commands_are_refused_without_credentials(cli_in_process, office, lang: str) -> None:  # type: ignore[no-untyped-def]
    data, table, out = office
    before = _state(data, out)
    for path, sample in table.items():
        env = dict(sample.env)
        if lang == "en":
            env["ISODESK_LANG"] = "en"
        done = cli_in_process(data, *sample.argv, env=env, stdin=sample.stdin)
        assert done.code == 1 and done.out == "", path
        if lang == "vi":
            assert "Lệnh này cần đăng nhập: cho --user TÊN (hoặc đặt ISODESK_USER)" in done.err, (path, done.err)
        else:
            assert "This command needs an account: give --user NAME (or set ISODESK_USER)" in done.err, path
        assert "--password-stdin" in done.err and "ISODESK_PASSWORD" in done.err
        assert _state(data, out) == before, path
    # A user name without a password is refused the same way.
    refused = cli_in_process(data, "dossier", "list", env={"ISODESK_USER": ADMIN})
    assert refused.code == 1 and "ISODESK_PASSWORD" in refused.err


def test_protected_commands_are_refused_with_a_wrong_password(cli_in_process, office) -> None:  # type: ignore[no-untyped-def]
    data, table, out = office
    before = _state(data, out)
    for path, sample in table.items():
        if path == ("init",):
            continue  # the office is set up: refused before any password is looked at (tested below)
        env = {**dict(sample.env), "ISODESK_USER": SECOND_ADMIN, "ISODESK_PASSWORD": "không phải mật khẩu"}
        done = cli_in_process(data, *sample.argv, env=env, stdin=sample.stdin)
        assert done.code == 1 and done.out == "", path
        assert "Sai mật khẩu" in done.err or "Quá nhiều lần sai mật khẩu" in done.err, (path, done.err)
        assert _state(data, out) == before, path
        unlocked = cli_in_process(data, "user", "unlock", SECOND_ADMIN, env=as_user(ADMIN, ADMIN_PASSWORD))
        assert unlocked.code == 0  # the growing wait is tested on its own below


def test_each_command_runs_as_the_account_and_the_trail_names_it(cli_in_process, office) -> None:  # type: ignore[no-untyped-def]
    data, table, _out = office
    for path, sample in table.items():
        if path in (("init",), ("restore",)):
            continue  # init: the folder is set up; restore: replaces the trail itself (tested below)
        last = _trail(data)[-1][0]
        env = {**dict(sample.env), **as_user(SECOND_ADMIN)}
        done = cli_in_process(data, *sample.argv, env=env, stdin=sample.stdin)
        if sample.province_only:  # signed in, then told this is the province's work (run there: test_province)
            assert done.code == 1 and "tỉnh" in done.err, (path, done.err)
            continue
        assert done.code == 0, (path, done.err)
        new = [e for e in _trail(data) if e[0] > last]
        assert {actor for _seq, actor, _table in new} <= {SECOND_ADMIN}, path
        if sample.changes:
            assert new, path


def test_an_account_without_the_permission_is_refused(cli_in_process, office) -> None:  # type: ignore[no-untyped-def]
    data, table, out = office
    before = _state(data, out)
    for path, sample in table.items():
        if sample.refused_for is None:
            continue
        env = {**dict(sample.env), **as_user(sample.refused_for)}
        done = cli_in_process(data, *sample.argv, env=env, stdin=sample.stdin)
        assert done.code == 1 and done.out == "", path
        assert f"Tài khoản “{sample.refused_for}” không được" in done.err, (path, done.err)
        assert _state(data, out) == before, path


def test_init_on_a_set_up_office_and_restore_as_a_signed_in_account(cli_in_process, office) -> None:  # type: ignore[no-untyped-def]
    data, table, _out = office
    again = cli_in_process(data, *table[("init",)].argv, env=as_user(SECOND_ADMIN))
    assert again.code == 1 and "không thể thiết lập lần thứ hai" in again.err
    sample = table[("restore",)]
    wrong = cli_in_process(data, *sample.argv, env={**as_user(SECOND_ADMIN), "ISODESK_BACKUP_PASSPHRASE": "sai cụm"})
    assert wrong.code == 1 and "Cụm mật khẩu không đúng" in wrong.err
    done = cli_in_process(data, *sample.argv, env={**dict(sample.env), **as_user(SECOND_ADMIN)})
    assert done.code == 0, done.err


def test_an_administrator_without_a_password_must_set_one(tmp_path: Path) -> None:
    data = tmp_path / "office"
    assert isodesk("init", "--province", "82", "--unit", "28261", data_dir=data, signed_in=False).code == 0
    refused = isodesk("dossier", "list", data_dir=data, env=as_user("admin", "bất kỳ gì đó"))
    assert refused.code == 1 and "chưa có mật khẩu" in refused.err and "isodesk user passwd admin" in refused.err
    chosen = isodesk("user", "passwd", "admin", input="\n" + ADMIN_PASSWORD + "\n", data_dir=data, signed_in=False)
    assert chosen.code == 0, chosen.err
    assert isodesk("dossier", "list", data_dir=data).code == 0


def test_password_on_stdin_and_the_growing_wait(cli_in_process, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Through the real command: the password as the first line of stdin; after five wrong ones the account waits,
    a try during the wait is refused without looking at the password (the right one too), and says how long."""
    data = tmp_path / "office"
    assert init("--province", "82", "--unit", "28261", data_dir=data).code == 0
    ok = isodesk("--user", ADMIN, "--password-stdin", "dossier", "list", input=ADMIN_PASSWORD + "\n", data_dir=data,
                 signed_in=False)  # fmt: skip
    assert ok.code == 0, ok.err
    for attempt in range(1, 6):
        wrong = isodesk("--user", ADMIN, "--password-stdin", "dossier", "list", input="sai rồi\n", data_dir=data,
                        signed_in=False)  # fmt: skip
        assert wrong.code == 1 and "Sai mật khẩu" in wrong.err, attempt
    assert "chờ 30 giây" in wrong.err
    # The right password during the wait (in this process: a second after the last wrong one, not a start-up later).
    waiting = cli_in_process(data, "dossier", "list", env=as_user(ADMIN, ADMIN_PASSWORD))
    assert waiting.code == 1 and "Tài khoản “admin” đã nhập sai mật khẩu quá nhiều lần. Hãy chờ" in waiting.err
    assert "giây rồi thử lại" in waiting.err and waiting.out == ""
    conn = sqlite3.connect(database_path(data))
    try:
        failed = conn.execute("SELECT failed_attempts FROM accounts WHERE username = 'admin'").fetchone()[0]
    finally:
        conn.close()
    assert failed == 5  # the try during the wait did not lengthen it


def test_a_disabled_account_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "office"
    assert init("--province", "82", "--unit", "28261", data_dir=data).code == 0
    added = isodesk("user", "add", "--username", "tung", "--name", "Tùng", "--role", "officer", "--new-password-stdin",
                    input=USER_PASSWORD + "\n", data_dir=data)  # fmt: skip
    assert added.code == 0, added.err
    assert isodesk("user", "disable", "tung", data_dir=data).code == 0
    refused = isodesk("dossier", "list", data_dir=data, env=as_user("tung"))
    assert refused.code == 1 and "Tài khoản “tung” đã ngừng hoạt động" in refused.err


def test_a_unit_s_figures_need_an_account_and_are_the_province_s(cli_in_process, office) -> None:  # type: ignore[no-untyped-def]
    """``stats`` needs no account in an office; ``stats --unit`` does, and a commune office then says, in
    Vietnamese, that it is the province's work."""
    data, _table, out = office
    before = _state(data, out)
    plain = cli_in_process(data, "stats", "--json")
    assert plain.code == 0
    refused = cli_in_process(data, "stats", "--unit", "28261", "--json")
    assert refused.code == 1 and refused.out == "" and "Lệnh này cần đăng nhập" in refused.err
    signed_in = cli_in_process(data, "stats", "--unit", "28261", "--json", env=as_user(SECOND_ADMIN))
    assert signed_in.code == 1 and signed_in.out == ""
    assert "văn phòng của tỉnh" in signed_in.err and "isodesk stats" in signed_in.err, signed_in.err
    assert _state(data, out) == before
