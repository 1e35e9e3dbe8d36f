"""The ledger commands end to end, with their JSON keys (docs/ARCHITECTURE.md §8 and the ledger issue)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.cli.conftest import isodesk


def test_deadline_across_tet(data_dir: Path) -> None:
    run = isodesk("deadline", "--received", "2026-02-12T09:00", "--working-days", "3", "--json", data_dir=data_dir)
    assert run.code == 0, run.err
    data = run.json()
    assert data["due"] == "2026-02-24T17:00:00+07:00"
    assert "Tết Nguyên Đán" in data["explanation"]


def test_deadline_same_day_with_cutoff_and_hours(data_dir: Path) -> None:
    late = isodesk("deadline", "--received", "2026-11-20T15:30", "--same-day", "--json", data_dir=data_dir).json()
    assert late["due"] == "2026-11-23T17:00:00+07:00"
    custom = isodesk(
        "deadline", "--received", "2026-11-20T15:30", "--same-day", "--cutoff", "16:00", "--json", data_dir=data_dir
    ).json()
    assert custom["due"] == "2026-11-20T17:00:00+07:00"
    hours = isodesk("deadline", "--received", "2026-11-20T16:00", "--hours", "4", "--json", data_dir=data_dir).json()
    assert hours["due"] == "2026-11-23T10:30:00+07:00"
    bad = isodesk("deadline", "--received", "hôm qua", "--same-day", data_dir=data_dir)
    assert bad.code == 1 and "hôm qua" in bad.err


def test_calendar_show_and_set(office_dir: Path) -> None:
    data = isodesk("calendar", "show", "--year", "2026", "--json", data_dir=office_dir).json()
    assert "2026-11-24" in data["days_off"] and "2026-08-22" in data["workdays"]
    assert (
        isodesk("calendar", "set", "2026-12-31", "--day-off", "--note", "Thông báo 1/TB", data_dir=office_dir).code == 0
    )
    assert (
        "2026-12-31" in isodesk("calendar", "show", "--year", "2026", "--json", data_dir=office_dir).json()["days_off"]
    )
    # Dates are typed as papers write them too; a day not in the calendar is refused with the field named.
    assert isodesk("calendar", "set", "30/12/2026", "--day-off", "--json", data_dir=office_dir).json() == {
        "date": "2026-12-30",
        "kind": "day_off",
    }
    refused = isodesk("calendar", "set", "31/02/2026", "--day-off", data_dir=office_dir)
    assert refused.code == 1 and "31/02/2026" in refused.err and "Ngày" in refused.err


def test_procedures(office_dir: Path) -> None:
    listed = isodesk("procedure", "list", "--json", data_dir=office_dir).json()["procedures"]
    birth = next(p for p in listed if p["code"] == "1.001193")
    assert birth["same_day"] is True and birth["name"] == "Thủ tục đăng ký khai sinh"
    assert next(p for p in listed if p["code"] == "1.004873")["working_days"] == 3
    added = isodesk(
        "procedure", "add", "--code", "9.1", "--name", "Thủ tục giờ", "--hours", "8", "--json", data_dir=office_dir
    )
    assert added.code == 0 and added.json()["hours"] == 8


def test_import(office_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "tinh.csv"
    path.write_text(
        "code,name,field,time_value,time_unit,cutoff,fee_vnd,components,source,confidence\n"
        "1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,Hộ tịch,1.5,working_days,,,,QĐ tỉnh,high\n",
        encoding="utf-8",
    )
    dry = isodesk("procedure", "import", str(path), "--dry-run", "--json", data_dir=office_dir).json()
    assert dry["applied"] is False and "1.004873" in dry["changed"]
    assert isodesk("procedure", "import", str(path), "--json", data_dir=office_dir).json()["applied"] is True
    listed = isodesk("procedure", "list", "--search", "tinh trang hon nhan", "--json", data_dir=office_dir).json()
    assert listed["procedures"][0]["working_days"] == 1.5


def test_dossier_life(office_dir: Path) -> None:
    received = isodesk(
        "dossier",
        "receive",
        "--procedure",
        "1.004873",
        "--applicant",
        "Đặng Thị Ánh",
        "--received",
        "2026-11-16T09:00",
        "--json",
        data_dir=office_dir,
    )
    assert received.code == 0, received.err
    data = received.json()
    code = data["code"]
    assert data["due"] == "2026-11-19T17:00:00+07:00"
    for step in (
        ["--to", "processing"],
        ["--to", "ready", "--at", "2026-11-18T08:00"],
        ["--to", "returned", "--at", "2026-11-18T09:00", "--rating", "1"],
    ):
        run = isodesk("dossier", "move", code, *step, "--json", data_dir=office_dir)
        assert run.code == 0, run.err
    shown = isodesk("dossier", "show", code, "--json", data_dir=office_dir).json()
    assert shown["status"] == "returned" and shown["timeliness"] == "ahead"
    found = isodesk("dossier", "list", "--search", "dang thi anh", "--json", data_dir=office_dir).json()
    assert [d["code"] for d in found["dossiers"]] == [code]
    stats = isodesk("stats", "--from", "2026-01-01", "--to", "2026-12-31", "--json", data_dir=office_dir).json()
    assert {k: stats[k] for k in ("received", "settled", "ahead", "on_time", "late", "in_progress", "overdue")} == {
        "received": 1,
        "settled": 1,
        "ahead": 1,
        "on_time": 0,
        "late": 0,
        "in_progress": 0,
        "overdue": 0,
    }
    assert stats["on_time_rate"] == 1.0


def test_dossier_bad_input(office_dir: Path) -> None:
    unknown = isodesk("dossier", "receive", "--procedure", "0.000", "--applicant", "A", data_dir=office_dir)
    assert unknown.code == 1 and "0.000" in unknown.err
    empty = isodesk("dossier", "receive", "--procedure", "1.001193", "--applicant", "  ", data_dir=office_dir)
    assert empty.code == 1
    closed = isodesk(
        "dossier",
        "receive",
        "--procedure",
        "1.001193",
        "--applicant",
        "Lê Văn Tám",
        "--received",
        "2026-11-24T09:00",
        "--json",
        data_dir=office_dir,
    )
    assert closed.code == 0 and closed.json()["warnings"] and "24/11/2026" in closed.err
    code = closed.json()["code"]
    before = isodesk("dossier", "move", code, "--to", "ready", "--at", "2026-11-20T09:00", data_dir=office_dir)
    assert before.code == 1
    twice = [
        isodesk(
            "dossier",
            "move",
            code,
            "--to",
            "extended",
            "--at",
            "2026-11-25T09:00",
            "--new-due",
            due,
            data_dir=office_dir,
        ).code
        for due in ("2026-12-01T17:00", "2026-12-08T17:00")
    ]
    assert twice == [0, 1]
    assert isodesk("dossier", "move", code, "--to", "flying", data_dir=office_dir).code == 2


def test_settings_change_codes_and_cutoff(office_dir: Path) -> None:
    assert isodesk("setting", "set", "ledger.code_pattern", "{agency}/{yyyy}/{seq:05d}", data_dir=office_dir).code == 0
    assert isodesk("setting", "set", "ledger.cutoff", "16:00", data_dir=office_dir).code == 0
    received = isodesk(
        "dossier",
        "receive",
        "--procedure",
        "1.001193",
        "--applicant",
        "Lê Thị Hồng",
        "--received",
        "2026-11-20T15:30",
        "--json",
        data_dir=office_dir,
    ).json()
    assert received["code"] == "28261/2026/00001"
    assert received["due"] == "2026-11-20T17:00:00+07:00"  # before the new 16:00 cut-off: same day
    listed = isodesk("setting", "list", "--json", data_dir=office_dir).json()["settings"]
    assert listed["ledger.cutoff"] == "16:00" and listed["ledger.max_extensions"] == 1
    for key, value in (
        ("ledger.cutoff", "25:00"),
        ("ledger.code_pattern", "{agency}"),
        ("no.such", "1"),
        ("ledger.max_extensions", "nhiều"),
    ):
        bad = isodesk("setting", "set", key, value, data_dir=office_dir)
        assert bad.code == 1 and "Traceback" not in bad.err, (key, bad.err)


def test_receive_with_missing_documents_sends_it_back_in_one_go(office_dir: Path, tmp_path: Path) -> None:
    """An incomplete dossier is received and sent back for a supplement by one command, in one transaction; the
    request prints each item under the copy asked for, and the reason."""
    from tests.pdfcheck import text

    received = isodesk(
        "dossier",
        "receive",
        "--procedure",
        "1.001193",
        "--applicant",
        "Trương Thị Mỹ Duyên",
        "--received",
        "2026-11-16T09:00",
        "--missing",
        "Giấy chứng sinh (bản chính)",
        "--missing",
        "Văn bản ủy quyền có chứng thực",
        "--reason",
        "Hồ sơ thiếu giấy chứng sinh.",
        "--json",
        data_dir=office_dir,
    )
    assert received.code == 0, received.err
    data = received.json()
    assert data["status"] == "supplement"
    assert data["missing"] == ["Giấy chứng sinh (bản chính)", "Văn bản ủy quyền có chứng thực"]
    shown = isodesk("dossier", "show", data["code"], "--json", data_dir=office_dir).json()
    assert shown["status"] == "supplement" and shown["actions"] == ["declined", "resumed", "stopped", "withdrawn"]
    assert [(e["action"], e["at"]) for e in shown["events"]] == [
        ("received", "2026-11-16T09:00:00+07:00"),
        ("supplement", "2026-11-16T09:00:00+07:00"),  # sent back at the desk, as it was received
    ]
    assert (
        shown["events"][1]["note"]
        == "Giấy chứng sinh (bản chính); Văn bản ủy quyền có chứng thực. Lý do: Hồ sơ thiếu giấy chứng sinh."
    )
    out = tmp_path / "bo-sung.pdf"
    form = ("form", "supplement", "--dossier", data["code"], "--out", str(out))
    refused = isodesk(*form, data_dir=office_dir)
    assert refused.code == 1 and not out.exists()  # the request names whom to call: asked for first
    paper = isodesk(*form, "--contact", "Lê Thị Hoa", "--contact-phone", "0273 3871 234", data_dir=office_dir)
    assert paper.code == 0, paper.err
    request = text(out.read_bytes())
    assert "Giấy chứng sinh" in request and "Văn bản ủy quyền có chứng thực" in request
    assert "Hồ sơ thiếu giấy chứng sinh." in request and "Lê Thị Hoa" in request
    assert "(bản chính)" not in request  # the copy is a ticked column, not words after the name
    assert data["code"] in isodesk("dossier", "list", "--status", "supplement", data_dir=office_dir).out


def test_receive_with_missing_documents_that_fails_leaves_nothing(office_dir: Path) -> None:
    def receive(*extra: str) -> Any:
        return isodesk(
            "dossier", "receive", "--procedure", "1.001193", "--applicant", "Phan Văn Lộc", *extra, data_dir=office_dir
        )

    for extra in (
        ("--missing", "   "),  # a blank document name
        ("--missing", "Giấy tờ " * 400),  # past the length of a step's note
        ("--reason", "Thiếu giấy tờ."),  # a reason for a request that asks for nothing
        ("--missing", "Giấy chứng sinh", "--reason", "Lý do " * 400),  # the note as a whole too long
    ):
        run = receive(*extra)
        assert run.code == 1 and "Traceback" not in run.err and run.err.strip(), extra
    unconfirmed = isodesk(
        "dossier",
        "receive",
        "--procedure",
        "2.002516",  # time not confirmed: refused inside the transaction
        "--applicant",
        "Phan Văn Lộc",
        "--missing",
        "Giấy chứng sinh",
        data_dir=office_dir,
    )
    assert unconfirmed.code == 1 and "2.002516" in unconfirmed.err
    assert isodesk("dossier", "list", "--json", data_dir=office_dir).json()["dossiers"] == []
    first = receive("--missing", "Giấy chứng sinh")
    assert first.code == 0 and "bổ sung" in first.out
    assert "-0001" in first.out  # no number was used by the refused ones


def test_a_late_dossier_with_an_apology_counts_late(office_dir: Path, tmp_path: Path) -> None:
    """Due Tuesday 17/11/2026 17:00 by the slip (a same-day procedure); the apology sent on the due day gives 20/11
    and warns (NĐ 61/2018 art. 19 asked for it a day before); returned 19/11, before the new date, it is late in
    the figures, the statistics PDF and ``dossier show``, which keeps both dates."""
    from tests.pdfcheck import text

    received = isodesk(
        "dossier", "receive", "--procedure", "1.001193", "--applicant", "Lê Văn Tám",
        "--received", "2026-11-17T09:00", "--json", data_dir=office_dir,
    ).json()  # fmt: skip
    code, due = received["code"], received["due"]
    assert due == "2026-11-17T17:00:00+07:00"
    handed = isodesk("dossier", "move", code, "--to", "processing", "--at", "2026-11-17T10:00", data_dir=office_dir)
    assert handed.code == 0
    apology = isodesk(
        "dossier", "move", code, "--to", "extended", "--at", "2026-11-17T11:00", "--new-due", "2026-11-20T17:00",
        "--json", data_dir=office_dir,
    )  # fmt: skip
    assert apology.code == 0 and "17:00 17/11/2026" in apology.err
    moved = apology.json()
    assert moved["original_due"] == due and moved["new_due"] == "2026-11-20T17:00:00+07:00"
    assert len(moved["warnings"]) == 1 and "Nghị định 61/2018/NĐ-CP" in moved["warnings"][0]
    for step, at in (("ready", "2026-11-19T09:00"), ("returned", "2026-11-19T10:00")):
        assert isodesk("dossier", "move", code, "--to", step, "--at", at, data_dir=office_dir).code == 0
    shown = isodesk("dossier", "show", code, "--json", data_dir=office_dir).json()
    assert (shown["original_due"], shown["new_due"], shown["timeliness"]) == (
        due,
        "2026-11-20T17:00:00+07:00",
        "late",
    )
    assert len(shown["step_dues"]) == 4 and shown["step_dues"][-1] == due
    stats = isodesk("stats", "--from", "2026-11-01", "--to", "2026-11-30", "--json", data_dir=office_dir).json()
    assert (stats["ahead"], stats["on_time"], stats["late"], stats["on_time_rate"]) == (0, 0, 1, 0.0)
    out = tmp_path / "stats.pdf"
    printed = isodesk(
        "form", "stats", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out), data_dir=office_dir
    )
    assert printed.code == 0, printed.err
    report = text(out.read_bytes())
    assert "Trễ hạn" in report and "0%" in report and "100%" not in report


def test_a_late_apology_can_be_refused_by_the_office(office_dir: Path) -> None:
    assert isodesk("setting", "set", "ledger.late_apology", "refuse", data_dir=office_dir).code == 0
    assert isodesk("setting", "set", "ledger.late_apology", "maybe", data_dir=office_dir).code == 1
    assert isodesk("setting", "set", "ledger.step_shares", "50,40", data_dir=office_dir).code == 1
    code = isodesk(
        "dossier", "receive", "--procedure", "1.001193", "--applicant", "Lê Văn Tám",
        "--received", "2026-11-17T09:00", "--json", data_dir=office_dir,
    ).json()["code"]  # fmt: skip
    late = isodesk(
        "dossier", "move", code, "--to", "extended", "--at", "2026-11-17T10:00", "--new-due", "2026-11-26T17:00",
        data_dir=office_dir,
    )  # fmt: skip
    assert late.code == 1 and "Nghị định 61/2018/NĐ-CP" in late.err
    shown = isodesk("dossier", "show", code, "--json", data_dir=office_dir).json()
    assert shown["extensions"] == 0 and shown["new_due"] is None and len(shown["events"]) == 1
    assert isodesk("setting", "set", "ledger.apology_lead_days", "0", data_dir=office_dir).code == 0
    early = isodesk(
        "dossier", "move", code, "--to", "extended", "--at", "2026-11-17T10:00", "--new-due", "2026-11-26T17:00",
        "--json", data_dir=office_dir,
    )  # fmt: skip
    assert early.code == 0 and early.json()["warnings"] == []
    again = isodesk(
        "dossier", "move", code, "--to", "extended", "--at", "2026-11-17T11:00", "--new-due", "2026-11-30T17:00",
        data_dir=office_dir,
    )  # fmt: skip
    assert again.code == 1  # already apologised for: the office allows one new appointment


def test_a_dossier_refused_at_the_desk_is_never_received(office_dir: Path, tmp_path: Path) -> None:
    """Form 03 refuses to receive: the refusal slip names the code and the reason; there is no receipt slip, no
    appointment, no control sheet, and the dossier counts neither as received nor in the timeliness figures."""
    from tests.pdfcheck import text

    out = tmp_path / "refusal.pdf"
    refused = isodesk(
        "dossier", "refuse", "--procedure", "1.001193", "--applicant", "Trần Văn Bảy",
        "--reason", "Không thuộc thẩm quyền giải quyết của UBND phường", "--at", "2026-11-17T09:00",
        "--out", str(out), "--json", data_dir=office_dir,
    )  # fmt: skip
    assert refused.code == 0, refused.err
    data = refused.json()
    code = data["code"]
    assert data["status"] == "refused" and data["due"] is None
    slip = text(out.read_bytes())
    assert code in slip and "Không thuộc thẩm quyền giải quyết của UBND phường" in slip
    shown = isodesk("dossier", "show", code, "--json", data_dir=office_dir).json()
    assert (shown["status"], shown["due"], shown["new_due"]) == ("refused", None, None)
    assert [e["action"] for e in shown["events"]] == ["refused"]
    for form in ("receipt", "control-sheet"):
        paper = tmp_path / f"{form}.pdf"
        printed = isodesk("form", form, "--dossier", code, "--out", str(paper), data_dir=office_dir)
        assert printed.code == 1 and "03" in printed.err and not paper.exists()
    stats = isodesk("stats", "--from", "2026-11-01", "--to", "2026-11-30", "--json", data_dir=office_dir).json()
    assert (stats["received"], stats["settled"], stats["late"]) == (0, 0, 0)
    listed = isodesk("dossier", "list", "--status", "refused", "--json", data_dir=office_dir).json()["dossiers"]
    assert [d["code"] for d in listed] == [code]  # the ledger keeps it among the refusals
    no_reason = isodesk(
        "dossier", "refuse", "--procedure", "1.001193", "--applicant", "Trần Văn Bảy", "--reason", " ",
        data_dir=office_dir,
    )  # fmt: skip
    assert no_reason.code == 1


def test_form_03_is_not_for_a_dossier_in_processing(office_dir: Path, tmp_path: Path) -> None:
    """Once processing has begun a dossier cannot be refused at the desk; the competent authority declines it in
    its own written answer, and no form 03 is printed for it."""
    code = isodesk(
        "dossier", "receive", "--procedure", "1.001193", "--applicant", "Lê Văn Tám",
        "--received", "2026-11-17T09:00", "--json", data_dir=office_dir,
    ).json()["code"]  # fmt: skip
    assert (
        isodesk("dossier", "move", code, "--to", "processing", "--at", "2026-11-17T09:30", data_dir=office_dir).code
        == 0
    )
    late = isodesk("dossier", "move", code, "--to", "refused", "--at", "2026-11-17T10:00", data_dir=office_dir)
    assert late.code == 1 and "declined" in late.err
    shown = isodesk("dossier", "show", code, "--json", data_dir=office_dir).json()
    assert shown["status"] == "processing" and len(shown["events"]) == 2  # nothing changed
    declined = isodesk(
        "dossier", "move", code, "--to", "declined", "--at", "2026-11-17T10:00", "--note", "Không đủ điều kiện",
        "--json", data_dir=office_dir,
    )  # fmt: skip
    assert declined.code == 0 and declined.json()["status"] == "refused"
    slip = tmp_path / "refusal.pdf"
    printed = isodesk("form", "refusal", "--dossier", code, "--out", str(slip), data_dir=office_dir)
    assert printed.code == 1 and not slip.exists()


def test_procedure_retire_and_an_import_with_unknown_columns(office_dir: Path, tmp_path: Path) -> None:
    retired = isodesk("procedure", "retire", "2.001019", "--json", data_dir=office_dir)
    assert retired.code == 0 and retired.json()["active"] is False
    listed = isodesk("procedure", "list", "--json", data_dir=office_dir).json()["procedures"]
    assert len(listed) == 67 and "2.001019" not in {p["code"] for p in listed}
    assert next(p for p in listed if p["code"] == "1.001193")["documents"][0]["originals"] is None
    again = isodesk("procedure", "retire", "2.001019", data_dir=office_dir)
    assert again.code == 1 and "Thủ tục 2.001019 đã được ngừng áp dụng." in again.err
    assert isodesk("procedure", "restore", "2.001019", "--json", data_dir=office_dir).json()["active"] is True
    assert isodesk("procedure", "retire", "2.001019", data_dir=office_dir).code == 0
    path = tmp_path / "cot-la.csv"
    path.write_text("code,name,time_value,time_unit,le_phi\n9.5,Thủ tục,3,working_days,0\n", encoding="utf-8")
    refused = isodesk("procedure", "import", str(path), data_dir=office_dir)
    assert refused.code == 1 and "có cột mà danh mục không nhận biết: le_phi" in refused.err
    assert len(isodesk("procedure", "list", "--json", data_dir=office_dir).json()["procedures"]) == 67


def test_satisfaction_by_name_or_score_reaches_the_statistics_report(office_dir: Path, tmp_path: Path) -> None:
    """``--rating`` takes the level's name, or a score with 4 the best (as the counter devices count); the report's
    "Hài lòng" column is the share of "very satisfied" and "satisfied" among the ratings."""
    from tests.pdfcheck import text

    codes = []
    for name in ("Đặng Thị Ánh", "Lê Văn Tám", "Phạm Thị Hoa"):
        run = isodesk(
            "dossier", "receive", "--procedure", "1.004873", "--applicant", name, "--received", "2026-11-16T09:00",
            "--json", data_dir=office_dir,
        )  # fmt: skip
        assert run.code == 0, run.err
        codes.append(run.json()["code"])
        ready = isodesk("dossier", "move", codes[-1], "--to", "ready", "--at", "2026-11-17T08:00", data_dir=office_dir)
        assert ready.code == 0, ready.err
    for bad in ("5", "0", "rất tốt", "very"):
        refused = isodesk(
            "dossier", "move", codes[0], "--to", "returned", "--at", "2026-11-17T09:00", "--rating", bad,
            data_dir=office_dir,
        )  # fmt: skip
        assert refused.code == 1, (bad, refused.err)
        assert f"“{bad}”" in refused.err and "very_satisfied" in refused.err and "Traceback" not in refused.err
    unchanged = isodesk("dossier", "show", codes[0], "--json", data_dir=office_dir).json()
    assert unchanged["status"] == "ready" and unchanged["rating"] is None
    for code, rating in zip(codes, ("very_satisfied", "4", "Dissatisfied"), strict=True):
        run = isodesk(
            "dossier", "move", code, "--to", "returned", "--at", "2026-11-17T09:00", "--rating", rating,
            data_dir=office_dir,
        )  # fmt: skip
        assert run.code == 0, (rating, run.err)
    assert [isodesk("dossier", "show", c, "--json", data_dir=office_dir).json()["satisfaction"] for c in codes] == [
        "very_satisfied",
        "very_satisfied",
        "dissatisfied",
    ]
    stats = isodesk("stats", "--from", "2026-11-01", "--to", "2026-11-30", "--json", data_dir=office_dir).json()
    assert stats["satisfaction"] == {"very_satisfied": 2, "satisfied": 0, "neutral": 0, "dissatisfied": 1}
    assert stats["satisfaction_rate"] == 0.6667
    plain = isodesk("stats", "--from", "2026-11-01", "--to", "2026-11-30", data_dir=office_dir)
    assert "hài lòng 66,7%" in plain.out and "tỷ lệ đúng hạn 100,0%" in plain.out
    out = tmp_path / "bao-cao.pdf"
    period = ("--from", "2026-11-01", "--to", "2026-11-30")
    printed = isodesk("form", "stats", *period, "--out", str(out), data_dir=office_dir)
    assert printed.code == 0, printed.err
    report = text(out.read_bytes())
    # The month row and the total: received, settled, ahead, on time, late, on-time rate, overdue, satisfied.
    assert report.count("3 3 3 0 0 100,0% 0 66,7%") == 2, report
