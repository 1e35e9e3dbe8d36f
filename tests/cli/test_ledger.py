"""The ledger commands end to end, with their JSON keys (docs/ARCHITECTURE.md §8 and the ledger issue)."""

from __future__ import annotations

from pathlib import Path

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
