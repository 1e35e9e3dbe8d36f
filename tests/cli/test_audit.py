"""The audit and review commands as a user (or a script) runs them: their JSON keys, and bad input refused with a
Vietnamese message, exit 1 and nothing changed. Commands run through the real parser and handlers in this process
(``isodesk.cli.main.run``), signed in as a script does, so each costs milliseconds; the start-to-end check through a
subprocess is the first one."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from isodesk.db.paths import database_path
from tests import pdfcheck
from tests.cli.conftest import isodesk_here as isodesk

pytestmark = pytest.mark.usefixtures("signed_in_here")


def _ok(data: Path, *argv: str) -> dict:  # type: ignore[type-arg]
    done = isodesk(*argv, "--json", data_dir=data)
    assert done.code == 0, (argv, done.err)
    return json.loads(done.out)  # type: ignore[no-any-return]


def _refused(data: Path, *argv: str) -> str:
    before = _counts(data)
    done = isodesk(*argv, data_dir=data)
    assert done.code == 1 and done.out == "", (argv, done.out)
    assert _counts(data) == before, argv
    return done.err


def _counts(data: Path) -> tuple[int, ...]:
    conn = sqlite3.connect(database_path(data))
    try:
        tables = ("audits", "audit_findings", "corrective_actions", "audit_reports", "management_reviews",
                  "review_decisions")  # fmt: skip
        states = conn.execute("SELECT group_concat(status) FROM audit_findings").fetchone()[0] or ""
        actions = conn.execute("SELECT group_concat(status) FROM corrective_actions").fetchone()[0] or ""
        decisions = conn.execute("SELECT group_concat(status) FROM review_decisions").fetchone()[0] or ""
        trail = conn.execute("SELECT count(*) FROM audit_trail").fetchone()[0]
        return (*(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables), hash(states),
                hash(actions), hash(decisions), trail)  # fmt: skip
    finally:
        conn.close()


def test_the_installed_command_lists_audits(ward: Path) -> None:
    from tests.cli.conftest import isodesk as real_isodesk

    done = real_isodesk("audit", "list", "--json", data_dir=ward)
    assert done.code == 0, done.err
    assert done.json() == {"audits": []}


@pytest.fixture
def ward(office_dir: Path) -> Path:
    for name, department in (
        ("Kiều Văn Thẩm", "Văn phòng"),
        ("Lò Văn Hộ", "Tư pháp - Hộ tịch"),
        ("Mai Thị Đất", "Địa chính"),
    ):
        _ok(office_dir, "staff", "add", "--name", name, "--department", department)
    return office_dir


def test_plan_finding_action_verify_close_report_and_review(ward: Path, tmp_path: Path) -> None:
    planned = _ok(
        ward, "audit", "plan", "--date", "2026-03-10", "--area", "Tư pháp - Hộ tịch", "--lead", "Kiều Văn Thẩm",
        "--member", "Mai Thị Đất", "--procedure", "1.004873", "--clause", "7.5", "--clause", "8.5",
    )  # fmt: skip
    audit = planned["id"]
    assert isinstance(audit, int)
    listed = _ok(ward, "audit", "list")
    assert listed == {
        "audits": [{"id": audit, "date": "2026-03-10", "area": "Tư pháp - Hộ tịch", "lead": "Kiều Văn Thẩm",
                    "status": "planned"}]
    }  # fmt: skip
    finding = _ok(ward, "audit", "finding", "add", "--audit", str(audit), "--grade", "minor", "--clause", "7.5",
                  "--evidence", "Sổ theo dõi hồ sơ tháng 2 thiếu chữ ký", "--procedure", "1.004873")["id"]  # fmt: skip
    rows = _ok(ward, "audit", "finding", "list", "--open")["findings"]
    assert [{k: r[k] for k in ("id", "audit", "grade", "clause", "status")} for r in rows] == [
        {"id": finding, "audit": audit, "grade": "minor", "clause": "7.5", "status": "open"}
    ]
    action = _ok(ward, "audit", "action", "add", "--finding", str(finding), "--owner", "Lò Văn Hộ", "--due",
                 "2026-04-10", "--plan", "Ký bổ sung, hằng tuần", "--cause", "Chưa phân công")["id"]  # fmt: skip

    err = _refused(ward, "audit", "finding", "close", str(finding))
    assert f"Phát hiện {finding} chưa thể đóng" in err
    assert isodesk("audit", "action", "done", str(action), data_dir=ward).code == 0
    err = _refused(ward, "audit", "action", "verify", str(action), "--by", "Lò Văn Hộ", "--effective")
    assert "không thể tự xác nhận" in err
    assert isodesk("audit", "action", "verify", str(action), "--by", "Kiều Văn Thẩm", "--effective",
                   data_dir=ward).code == 0  # fmt: skip
    assert isodesk("audit", "finding", "close", str(finding), data_dir=ward).code == 0
    assert _ok(ward, "audit", "finding", "list", "--open") == {"findings": []}
    assert [r["status"] for r in _ok(ward, "audit", "finding", "list")["findings"]] == ["closed"]

    covered = _ok(ward, "audit", "coverage", "--year", "2026")
    assert "7.5" not in covered["clauses_uncovered"] and "4.1" in covered["clauses_uncovered"]
    assert covered["areas_uncovered"] == ["Địa chính", "Văn phòng"]

    out = tmp_path / "bao-cao.pdf"
    assert isodesk("audit", "report", str(audit), "--out", str(out), data_dir=ward).code == 0
    text = pdfcheck.text(out.read_bytes())
    digest = re.search(r"SHA-256\)[^:]*: ([0-9a-f ]{64,})", text)
    conn = sqlite3.connect(database_path(ward))
    try:
        stored = conn.execute("SELECT sha256 FROM audit_reports").fetchone()[0]
    finally:
        conn.close()
    assert digest is not None and digest.group(1).replace(" ", "")[:64] == stored
    err = _refused(ward, "audit", "finding", "add", "--audit", str(audit), "--grade", "minor", "--clause", "7.5",
                   "--evidence", "Muộn")  # fmt: skip
    assert "đã ban hành và bị khóa" in err

    review = _ok(ward, "review", "start", "--date", "2026-12-01")
    assert isinstance(review["id"], int)
    assert review["inputs"]["audits"]["count"] == 1 and review["inputs"]["findings"]["by_grade"]["minor"] == 1
    assert "on_time_rate" in review["inputs"] and "satisfaction" in review["inputs"]


def test_bad_input_is_refused_in_vietnamese_and_changes_nothing(ward: Path) -> None:
    plan = ("audit", "plan", "--date", "2026-03-10", "--area", "Tư pháp - Hộ tịch")
    err = _refused(ward, *plan, "--lead", "Lò Văn Hộ")
    assert "Lỗi: Lò Văn Hộ không thể đánh giá “Tư pháp - Hộ tịch”: đó là bộ phận của chính mình" in err
    err = _refused(ward, *plan, "--lead", "Kiều Văn Thẩm", "--member", "Lò Văn Hộ")
    assert "Lò Văn Hộ không thể đánh giá" in err
    assert "trưởng đoàn" in _refused(ward, *plan, "--lead", "")
    assert "Không có cán bộ nào tên “Ai Đó”" in _refused(ward, *plan, "--lead", "Ai Đó")
    assert "trưởng đoàn" in _refused(ward, *plan)  # no --lead at all
    audit = str(_ok(ward, *plan, "--lead", "Kiều Văn Thẩm")["id"])
    add = ("audit", "finding", "add", "--audit", audit, "--grade", "major", "--clause", "8.5")
    assert "Bằng chứng không được để trống" in _refused(ward, *add, "--evidence", "  ")
    assert "Bằng chứng không được để trống" in _refused(ward, *add)  # no --evidence at all
    assert "điều khoản" in _refused(ward, *add[:-1], "3.1", "--evidence", "Sổ")
    assert "Không có đợt đánh giá 99" in _refused(ward, *add[:4], "99", *add[5:], "--evidence", "Sổ")
    finding = str(_ok(ward, *add, "--evidence", "Trả trễ không có phiếu xin lỗi")["id"])
    action = ("audit", "action", "add", "--finding", finding, "--owner", "Lò Văn Hộ", "--due", "2026-04-01")
    assert "Kế hoạch hành động không được để trống" in _refused(ward, *action, "--plan", " ")
    action_id = str(_ok(ward, *action, "--plan", "Lập phiếu xin lỗi")["id"])
    assert "chưa được đánh dấu đã thực hiện" in _refused(
        ward, "audit", "action", "verify", action_id, "--by", "Kiều Văn Thẩm", "--effective"
    )
    assert "Không có hành động khắc phục 42" in _refused(ward, "audit", "action", "done", "42")
    assert "Không có phát hiện 42" in _refused(ward, "audit", "finding", "close", "42")
    propose = ("audit", "finding", "propose", "--from", "2026-01-01", "--to", "2026-12-31")
    assert _ok(ward, *propose) == {"proposals": []}
    assert "Tỷ lệ hồ sơ trễ hạn “150”" in _refused(ward, *propose, "--late-share", "150")


def test_review_decisions_are_decided_listed_done_and_printed(ward: Path, tmp_path: Path) -> None:
    review = _ok(ward, "review", "start", "--date", "2026-12-01")["id"]
    first = _ok(ward, "review", "decide", str(review), "--text", "Tập huấn lại quy trình tiếp nhận", "--owner",
                "Lò Văn Hộ", "--due", "31/01/2027")  # fmt: skip
    assert list(first) == ["id"] and isinstance(first["id"], int)
    second = _ok(ward, "review", "decide", str(review), "--text", "Bổ sung người kiểm tra sổ", "--owner",
                 "Mai Thị Đất", "--due", "2026-12-15")["id"]  # fmt: skip
    listed = _ok(ward, "review", "decision", "list")
    assert listed == {
        "decisions": [
            {"id": second, "review": review, "text": "Bổ sung người kiểm tra sổ", "owner": "Mai Thị Đất",
             "due": "2026-12-15", "status": "open"},
            {"id": first["id"], "review": review, "text": "Tập huấn lại quy trình tiếp nhận", "owner": "Lò Văn Hộ",
             "due": "2027-01-31", "status": "open"},
        ]
    }  # fmt: skip
    assert _ok(ward, "review", "decision", "done", str(second)) == {"id": second, "status": "done"}
    assert [d["id"] for d in _ok(ward, "review", "decision", "list", "--open")["decisions"]] == [first["id"]]
    assert [d["status"] for d in _ok(ward, "review", "decision", "list")["decisions"]] == ["open", "done"]
    assert "đã được hoàn thành" in _refused(ward, "review", "decision", "done", str(second))
    assert "Không có quyết định xem xét của lãnh đạo 42" in _refused(ward, "review", "decision", "done", "42")

    out = tmp_path / "bien-ban.pdf"
    assert isodesk("review", "minutes", str(review), "--out", str(out), data_dir=ward).code == 0
    text = pdfcheck.text(out.read_bytes())
    for words in ("Người thực hiện", "Tập huấn lại quy trình tiếp nhận", "Lò Văn Hộ", "31/01/2027",
                  "Bổ sung người kiểm tra sổ", "Mai Thị Đất", "15/12/2026", "Đã hoàn thành ngày"):  # fmt: skip
        assert words in text, words


def test_bad_decisions_are_refused_in_vietnamese_and_change_nothing(ward: Path) -> None:
    review = str(_ok(ward, "review", "start", "--date", "2026-12-01")["id"])
    decide = ("review", "decide", review, "--owner", "Lò Văn Hộ", "--due", "2027-01-31")
    assert "Quyết định không được để trống" in _refused(ward, *decide, "--text", "   ")
    assert "Quyết định không được để trống" in _refused(ward, *decide)  # no --text at all
    err = _refused(ward, "review", "decide", review, "--text", "Tập huấn", "--owner", "Ai Đó", "--due", "2027-01-31")
    assert "Không có cán bộ nào tên “Ai Đó”" in err
    err = _refused(ward, *decide[:-1], "2026-11-30", "--text", "Tập huấn")
    assert f"Thời hạn 30/11/2026 trước ngày họp xem xét của lãnh đạo {review} (01/12/2026)" in err
    assert "Không có cuộc họp xem xét của lãnh đạo 42" in _refused(ward, "review", "decide", "42", *decide[3:],
                                                                   "--text", "Tập huấn")  # fmt: skip
    assert _ok(ward, "review", "decision", "list", "--open") == {"decisions": []}
    _ok(ward, "review", "confirm", review, "--by", "Kiều Văn Thẩm", "--effective")
    assert "đã được lãnh đạo xác nhận" in _refused(ward, *decide, "--text", "Tập huấn")


def test_audit_plan_sets_the_meeting_times(ward: Path) -> None:
    plan = ("audit", "plan", "--date", "2026-03-10", "--area", "Tư pháp - Hộ tịch", "--lead", "Kiều Văn Thẩm")
    usual = _ok(ward, *plan)["id"]
    shown = _ok(ward, "audit", "show", str(usual))
    assert (shown["opening"], shown["closing"]) == ("08:00", "16:30")
    set_ = _ok(ward, *plan, "--opening", "7:30", "--closing", "11h00")["id"]
    shown = _ok(ward, "audit", "show", str(set_))
    assert (shown["opening"], shown["closing"]) == ("07:30", "11:00")
    err = _refused(ward, *plan, "--opening", "14:00", "--closing", "09:00")
    assert "Giờ họp kết thúc 09:00 không sau giờ họp khai mạc 14:00" in err
    assert "Giờ họp kết thúc" in _refused(ward, *plan, "--opening", "08:00", "--closing", "08:00")
    assert "Giờ họp khai mạc “25:00”" in _refused(ward, *plan, "--opening", "25:00")
