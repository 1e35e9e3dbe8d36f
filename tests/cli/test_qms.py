"""``isodesk qms …`` and the QMS papers end to end, as item 11 of the issue writes them (JSON keys fixed)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from isodesk.db.paths import database_path
from tests.cli.conftest import add_user, as_user, isodesk
from tests.pdfcheck import pages_text, text


def _count(data: Path, table: str, where: str = "1") -> int:
    conn = sqlite3.connect(database_path(data))
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}").fetchone()[0])
    finally:
        conn.close()


def test_status_objectives_policy_and_announcement(office_dir: Path, tmp_path: Path) -> None:
    data = office_dir
    status = isodesk("qms", "status", "--today", "2026-12-05", "--json", data_dir=data)
    assert status.code == 0, status.err
    body = status.json()
    assert body["announced_on"] is None and body["objectives"] == []
    steps = {s["key"]: s for s in body["steps"]}
    assert set(steps["policy"]) >= {"key", "title", "state", "due"}
    assert {s["state"] for s in body["steps"]} <= {"done", "todo", "overdue"}
    assert steps["policy"]["state"] == "todo" and steps["policy"]["title"] == "Phê duyệt chính sách chất lượng"

    added = isodesk(
        "qms", "objective", "add", "--title", "Giải quyết hồ sơ đúng hạn", "--measure", "on_time_rate",
        "--procedure", "1.004873", "--target", "95", "--year", "2026", "--period", "quarter", "--json", data_dir=data,
    )  # fmt: skip
    assert added.code == 0, added.err
    objective_id = added.json()["id"]
    listed = isodesk("qms", "objective", "list", "--year", "2026", "--json", data_dir=data).json()["objectives"]
    assert [(o["id"], o["title"], o["target"], o["actual"], o["met"]) for o in listed] == [
        (objective_id, "Giải quyết hồ sơ đúng hạn", 95.0, None, None)
    ]
    assert isodesk("qms", "objective", "list", "--year", "2025", "--json", data_dir=data).json()["objectives"] == []

    policy = tmp_path / "chinh-sach.txt"
    policy.write_text("Công khai, minh bạch thủ tục hành chính.\n\nGiải quyết đúng hạn, thân thiện.\n", "utf-8")
    drafted = isodesk("qms", "policy", "draft", "--text-file", str(policy), "--json", data_dir=data)
    assert drafted.code == 0, drafted.err
    assert drafted.json()["version"] == 1

    refused = isodesk("qms", "policy", "approve", "--json", data_dir=data)  # the administrator is not a leader
    assert refused.code == 1 and refused.out == ""
    assert "Tài khoản “admin” không được phê duyệt tài liệu được kiểm soát" in refused.err
    assert _count(data, "qms_policies", "state = 'draft'") == 1
    assert isodesk("form", "policy", "--out", str(tmp_path / "cs.pdf"), data_dir=data).code == 1
    assert not (tmp_path / "cs.pdf").exists()

    add_user(data, "hung", "Nguyễn Văn Hùng", "leader")
    approved = isodesk("--user", "hung", "qms", "policy", "approve", "--json", data_dir=data, env=as_user("hung"))
    assert approved.code == 0, approved.err
    assert approved.json()["version"] == 1 and approved.json()["state"] == "approved"
    assert approved.json()["approved_by"] == "Nguyễn Văn Hùng"

    announced = isodesk("qms", "announce", "--number", "125/QĐ-UBND", "--date", "2026-06-01", "--json", data_dir=data)
    assert announced.code == 0, announced.err
    assert announced.json()["number"] == "125/QĐ-UBND" and announced.json()["date"] == "2026-06-01"
    body = isodesk("qms", "status", "--today", "2026-12-05", "--json", data_dir=data).json()
    assert body["announced_on"] == "2026-06-01"
    steps = {s["key"]: s for s in body["steps"]}
    assert steps["policy"]["state"] == "done" and steps["announcement"]["state"] == "done"
    assert steps["objectives"]["state"] == "done"
    assert [o["id"] for o in body["objectives"]] == [objective_id]
    assert set(body["objectives"][0]) >= {"id", "title", "target", "actual", "met"}
    # A year after the announcement with no internal audit held, the yearly audit is overdue.
    later = isodesk("qms", "status", "--today", "2027-06-02", "--json", data_dir=data).json()
    yearly = {s["key"]: s for s in later["steps"]}["yearly_audit"]
    assert yearly["state"] == "overdue" and yearly["due"] == "2027-06-01"

    for name, expected in (
        ("policy", ["CHÍNH SÁCH CHẤT LƯỢNG", "Giải quyết đúng hạn, thân thiện.", "Nguyễn Văn Hùng"]),
        ("objectives", ["MỤC TIÊU CHẤT LƯỢNG NĂM 2026", "Giải quyết hồ sơ đúng hạn", "≥ 95%"]),
        ("announcement", ["Số: 125/QĐ-UBND", "QUYẾT ĐỊNH", "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân"]),
    ):
        out = tmp_path / f"{name}.pdf"
        made = isodesk("form", name, "--out", str(out), "--json", data_dir=data)
        assert made.code == 0, (name, made.err)
        assert made.json()["pages"] >= 1
        got = text(out.read_bytes())
        for line in expected:
            assert line in got, (name, line)
    pages = pages_text((tmp_path / "announcement.pdf").read_bytes())
    assert "Điều 1." in pages[0] and "PHỤ LỤC" not in pages[0]  # the annex starts on a page of its own
    assert "PHỤ LỤC" in "".join(pages[1:]) and "Thành lập hội" in pages[-1]


def test_bad_input_is_refused_with_a_message_and_changes_nothing(office_dir: Path, tmp_path: Path) -> None:
    data = office_dir
    no_target = isodesk("qms", "objective", "add", "--title", "Đúng hạn", "--measure", "on_time_rate", "--year",
                        "2026", "--json", data_dir=data)  # fmt: skip
    assert no_target.code == 1 and no_target.out == ""
    assert "Mục tiêu phải đo lường được" in no_target.err
    not_a_number = isodesk("qms", "objective", "add", "--title", "Đúng hạn", "--measure", "on_time_rate",
                           "--target", "cao", "--year", "2026", data_dir=data)  # fmt: skip
    assert not_a_number.code == 1 and "cao" in not_a_number.err
    assert _count(data, "qms_objectives") == 0
    missing = isodesk("qms", "policy", "draft", "--text-file", str(tmp_path / "khong-co.txt"), data_dir=data)
    assert missing.code == 1 and "khong-co.txt" in missing.err
    nothing = isodesk("qms", "announce", "--number", "", "--date", "2026-06-01", data_dir=data)
    assert nothing.code == 1 and _count(data, "qms_announcements") == 0


def test_the_problem_log_is_noted_weekly_and_reviewed_monthly(office_dir: Path) -> None:
    data = office_dir
    first = isodesk("qms", "problem", "add", "--text", "Phần mềm một cửa của tỉnh ngừng hoạt động cả buổi sáng",
                    "--procedure", "1.001193", "--action", "Tiếp nhận trên giấy, nhập lại buổi chiều",
                    "--on", "2026-10-07", "--json", data_dir=data)  # fmt: skip
    assert first.code == 0, first.err
    second = isodesk("qms", "problem", "add", "--text", "Thiếu mẫu tờ khai in sẵn", "--on", "2026-11-03",
                     "--json", data_dir=data)  # fmt: skip
    assert second.code == 0, second.err
    listed = isodesk("qms", "problem", "list", "--open", "--json", data_dir=data).json()["problems"]
    assert [(p["id"], p["procedure"], p["review_due"]) for p in listed] == [
        (second.json()["id"], "", True),  # noted in an earlier month than today's, not reviewed: due
        (first.json()["id"], "1.001193", True),
    ]
    assert set(listed[0]) >= {"id", "noted_on", "procedure", "description", "action", "reviewed_on", "review_note"}

    reviewed = isodesk("qms", "problem", "review", "--on", "2026-10-30", "--note", "Đề nghị tỉnh khắc phục",
                       "--json", data_dir=data)  # fmt: skip
    assert reviewed.code == 0, reviewed.err
    assert reviewed.json() == {"reviewed": [first.json()["id"]]}  # only what was noted up to the meeting
    still_open = isodesk("qms", "problem", "list", "--open", "--json", data_dir=data).json()["problems"]
    assert [p["id"] for p in still_open] == [second.json()["id"]]
    everything = isodesk("qms", "problem", "list", "--json", data_dir=data).json()["problems"]
    done = next(p for p in everything if p["id"] == first.json()["id"])
    assert done["reviewed_on"] == "2026-10-30" and done["review_note"] == "Đề nghị tỉnh khắc phục"
    assert done["review_due"] is False


def test_a_problem_without_text_or_with_an_unknown_procedure_is_refused(office_dir: Path) -> None:
    data = office_dir
    empty = isodesk("qms", "problem", "add", "--text", "  ", data_dir=data)
    assert empty.code == 1 and empty.out == "" and "vướng mắc" in empty.err.lower()
    unknown = isodesk("qms", "problem", "add", "--text", "Hồ sơ thất lạc", "--procedure", "9.999999", data_dir=data)
    assert unknown.code == 1 and "9.999999" in unknown.err
    nothing = isodesk("qms", "problem", "review", "--on", "2026-12-01", data_dir=data)
    assert nothing.code == 1 and "01/12/2026" in nothing.err
    assert _count(data, "qms_problems") == 0
