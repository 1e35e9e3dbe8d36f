"""Applicants' personal data: a copy for the person, erasure after the retention period, on a real database file."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from isodesk.db.paths import backup_dir
from isodesk.errors import UserError
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier, show_dossier
from isodesk.services.ledger.queries import DossierFilter, list_dossiers
from isodesk.services.ledger.stats import stats, stats_by, stats_by_period
from isodesk.services.privacy.personal_data import (
    PersonQuery,
    erase_applicants,
    erase_expired,
    export_person,
    find_person,
    person_data,
)
from isodesk.services.settings import set_setting_text

MARRIAGE_STATUS = "1.004873"  # 3 working days
TODAY = date(2026, 11, 24)
OLD_NAME = "Phạm Thị Quỳnh Như"
OLD_PHONE = "0987 654 321"  # as stored, whatever separators were typed
OLD_ID = "082195012345"


def at(y: int, m: int, d: int, hh: int = 9) -> datetime:
    return datetime(y, m, d, hh, 0, tzinfo=LOCAL_TZ)


def settle(office: AppContext, code: str, day: datetime, rating: int | None = 2) -> None:
    move_dossier(office, code, "ready", at=day)
    move_dossier(office, code, "returned", at=day.replace(hour=10), rating=rating)


@pytest.fixture
def ledger(office: AppContext) -> dict[str, str]:
    """Dossiers of 2015 (settled, past a 10-year retention), of 2026 (settled, recent) and one still open."""
    person = ApplicantInput(OLD_NAME, address="Số 12 đường Ấp Bắc", phone="0987.654.321", id_number=OLD_ID)
    codes = {}
    codes["old1"] = receive_dossier(office, MARRIAGE_STATUS, person, received_at=at(2015, 3, 2)).code
    settle(office, codes["old1"], at(2015, 3, 4))
    codes["old2"] = receive_dossier(office, MARRIAGE_STATUS, person, received_at=at(2015, 6, 1)).code
    move_dossier(office, codes["old2"], "refused", at=at(2015, 6, 2), note="Thiếu giấy tờ")
    chi = ApplicantInput("Võ Thị Kim Chi", phone="0356789012", email="kimchi@gmail.com")
    codes["old3"] = receive_dossier(office, MARRIAGE_STATUS, chi, received_at=at(2015, 8, 3)).code
    settle(office, codes["old3"], at(2015, 8, 10), rating=4)
    codes["recent"] = receive_dossier(office, MARRIAGE_STATUS, person, received_at=at(2026, 3, 2)).code
    settle(office, codes["recent"], at(2026, 3, 3))
    loc = ApplicantInput("Trần Văn Lộc", phone="0912345678")
    codes["loc"] = receive_dossier(office, MARRIAGE_STATUS, loc, received_at=at(2026, 5, 4)).code
    settle(office, codes["loc"], at(2026, 5, 5))
    codes["open"] = receive_dossier(office, MARRIAGE_STATUS, loc, received_at=at(2026, 11, 20)).code
    return codes


def _all_stats(office: AppContext) -> list[object]:
    now = at(2026, 11, 24, 12)
    return [
        stats(office, date(2015, 1, 1), date(2015, 12, 31), now=now),
        stats(office, date(2026, 1, 1), date(2026, 12, 31), now=now),
        stats_by_period(office, 2015, "quarter", now=now),
        stats_by(office, "procedure", date(2015, 1, 1), date(2026, 12, 31)),
        stats_by(office, "officer", date(2015, 1, 1), date(2026, 12, 31)),
    ]


def _file_bytes(office: AppContext) -> bytes:
    path = office.db.path
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_find_is_accent_insensitive_and_by_phone_or_id(office: AppContext, ledger: dict[str, str]) -> None:
    by_name = find_person(office, PersonQuery(name="pham thi quynh nhu"))
    assert [m.dossiers for m in by_name] == [[ledger["old1"]], [ledger["old2"]], [ledger["recent"]]]
    assert len(find_person(office, PersonQuery(phone="+84 987-654-321"))) == 3
    assert len(find_person(office, PersonQuery(id_number=OLD_ID, name="Phạm Thị Quỳnh Như"))) == 3
    assert find_person(office, PersonQuery(name="Phạm Thị Quỳnh")) == []  # the whole name, not a part of it
    with pytest.raises(UserError, match="số điện thoại"):
        find_person(office, PersonQuery())


def test_export_holds_everything_about_the_person(office: AppContext, ledger: dict[str, str], tmp_path: Path) -> None:
    result = export_person(office, PersonQuery(name="Pham Thi Quynh Nhu"), tmp_path / "ban-sao")
    assert (result.applicants, result.dossiers) == (3, 3)
    data = json.loads(result.json_path.read_text("utf-8"))
    assert data["office"]["unit_code"] == "28261"
    first = data["applicants"][0]
    assert (first["name"], first["phone"], first["id_number"], first["address"]) == (
        OLD_NAME,
        OLD_PHONE,
        OLD_ID,
        "Số 12 đường Ấp Bắc",
    )
    dossier = first["dossiers"][0]
    assert dossier["code"] == ledger["old1"] and dossier["procedure"]["code"] == MARRIAGE_STATUS
    assert dossier["received"].startswith("2015-03-02T09:00") and dossier["timeliness"] == "ahead"
    assert [e["action"] for e in dossier["events"]] == ["received", "ready", "returned"]
    refused = data["applicants"][1]["dossiers"][0]
    assert refused["status"] == "refused" and refused["events"][-1]["note"] == "Thiếu giấy tờ"
    assert "Trần Văn Lộc" not in result.json_path.read_text("utf-8")  # nobody else's data
    raw = result.csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert ["Họ và tên", OLD_NAME] in rows and ["Điện thoại", OLD_PHONE] in rows
    assert [r[5:8] for r in rows if r and r[0] == ledger["old2"]] == [
        ["từ chối", data["applicants"][1]["dossiers"][0]["events"][0]["at"], "đã tiếp nhận"],
        ["từ chối", data["applicants"][1]["dossiers"][0]["events"][1]["at"], "từ chối"],
    ]


def test_export_of_nobody_and_to_a_missing_folder(office: AppContext, ledger: dict[str, str], tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Không có người nộp"):
        export_person(office, PersonQuery(name="Không Có Ai"), tmp_path / "x")
    with pytest.raises(UserError, match="không tồn tại"):
        export_person(office, PersonQuery(name=OLD_NAME), tmp_path / "khong-co" / "x")


def test_dry_run_counts_and_changes_nothing(office: AppContext, ledger: dict[str, str]) -> None:
    watcher = sqlite3.connect(office.db.path)
    version = watcher.execute("PRAGMA data_version").fetchone()
    result = erase_expired(office, dry_run=True, today=TODAY)
    assert result.to_dict() == {"applicants": 3, "dossiers": 3, "dry_run": True}
    assert watcher.execute("PRAGMA data_version").fetchone() == version
    assert not backup_dir(office.data_dir).exists() or not list(backup_dir(office.data_dir).glob("*pre-erasure*"))
    watcher.close()


def test_erasure_keeps_statistics_and_removes_the_values_from_the_file(
    office: AppContext, ledger: dict[str, str]
) -> None:
    before = _all_stats(office)
    assert OLD_NAME.encode() in _file_bytes(office)
    result = erase_expired(office, today=TODAY)
    assert (result.applicants, result.dossiers, result.dry_run) == (3, 3, False)
    assert result.cutoff == date(2016, 11, 24)
    assert _all_stats(office) == before

    old = show_dossier(office, ledger["old1"])
    assert old["applicant"] == {
        "name": "",
        "kind": "person",
        "address": "",
        "phone": "",
        "email": "",
        "id_number": "",
        "representative": "",
        "representative_id_number": "",
        "representative_phone": "",
    }
    assert old["timeliness"] == "ahead" and old["rating"] == 2 and old["code"] == ledger["old1"]
    assert show_dossier(office, ledger["recent"])["applicant"]["name"] == OLD_NAME  # not expired yet
    # Search no longer finds the erased dossiers by name, still by code.
    found = {r.code for r in list_dossiers(office, DossierFilter(search="quynh nhu"))}
    assert found == {ledger["recent"]}
    assert [r.code for r in list_dossiers(office, DossierFilter(search=ledger["old1"]))] == [ledger["old1"]]
    assert [r.applicant for r in list_dossiers(office, DossierFilter(search=ledger["old3"]))] == [
        "(đã xóa dữ liệu cá nhân)"
    ]

    # The values are gone from the database file and its write-ahead log, not only from the tables.
    content = _file_bytes(office)
    for value in ("Võ Thị Kim Chi", "0356 789 012", "kimchi@gmail.com", "vo thi kim chi"):
        assert value.encode() not in content, value
    assert OLD_NAME.encode() in content  # the recent dossier's applicant keeps theirs
    assert result.backup is not None and "Võ Thị Kim Chi".encode() in result.backup.read_bytes()

    again = erase_expired(office, today=TODAY)
    assert (again.applicants, again.dossiers) == (0, 0)


def test_retention_period_is_a_setting(office: AppContext, ledger: dict[str, str]) -> None:
    set_setting_text(office, "privacy.retention_years", "12")
    assert erase_expired(office, dry_run=True, today=TODAY).applicants == 0
    with pytest.raises(UserError, match="Thời hạn lưu giữ"):
        set_setting_text(office, "privacy.retention_years", "0")


def test_erase_one_person_on_request_only_when_settled(office: AppContext, ledger: dict[str, str]) -> None:
    loc = find_person(office, PersonQuery(name="Trần Văn Lộc"))
    open_one = next(m.id for m in loc if ledger["open"] in m.dossiers)
    with pytest.raises(UserError) as err:
        erase_applicants(office, [open_one])
    assert ledger["open"] in err.value.message and "chưa" in err.value.message
    settled = next(m.id for m in loc if ledger["loc"] in m.dossiers)
    result = erase_applicants(office, [settled])
    assert (result.applicants, result.dossiers) == (1, 1)
    with pytest.raises(UserError, match="đã được xóa"):
        erase_applicants(office, [settled])
    with pytest.raises(UserError):
        erase_applicants(office, [99999])
    assert [m.dossiers for m in find_person(office, PersonQuery(name="Trần Văn Lộc"))] == [[ledger["open"]]]
    assert (
        person_data(office, PersonQuery(name="Trần Văn Lộc"))["applicants"][0]["dossiers"][0]["code"] == ledger["open"]
    )


def test_no_trace_is_left_in_full_pages(office: AppContext) -> None:
    """With many rows on a page, SQLite leaves a rewritten row's old bytes in free space unless secure_delete is on:
    this test finds them if it is off (checked by turning it off: dozens of names remain)."""
    surnames = ("Võ Thị Kim Chi", "Lê Văn Tám", "Đỗ Minh Khôi", "Ngô Thị Hạnh")
    for i in range(60):
        name = f"{surnames[i % 4]} {'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]}{'abc'[i // 26]}"
        person = ApplicantInput(name, address=f"Hẻm Bồ Kết Sáu Mươi, {name}", phone="0356789012")
        code = receive_dossier(office, MARRIAGE_STATUS, person, received_at=at(2015, 3, 2)).code
        settle(office, code, at(2015, 3, 3))
    assert erase_expired(office, today=TODAY).applicants == 60
    content = _file_bytes(office)
    for value in (*surnames, "vo thi kim chi", "0356 789 012", "Bồ Kết Sáu Mươi"):
        assert value.encode() not in content, value


def test_who_may_export_and_who_may_erase(office: AppContext, ledger: dict[str, str], tmp_path: Path) -> None:
    from isodesk.services.accounts.accounts import add_account

    password = "Một cửa 2026!"
    add_account(office, "mot.cua", "Võ Thanh Tùng", ["officer"], password=password)
    add_account(office, "chu.tich", "Nguyễn Văn Hùng", ["leader"], password=password)
    add_account(office, "kiem.toan", "Bùi Văn Sơn", ["auditor"], password=password)
    office.actor = "mot.cua"  # the desk gives a citizen their copy, but does not erase
    assert export_person(office, PersonQuery(name=OLD_NAME), tmp_path / "x").applicants == 3
    with pytest.raises(UserError, match=r"Tài khoản “mot\.cua” không được xóa dữ liệu cá nhân"):
        erase_expired(office, dry_run=True, today=TODAY)
    office.actor = "kiem.toan"
    with pytest.raises(UserError, match="không được cung cấp cho người dân bản sao"):
        find_person(office, PersonQuery(name=OLD_NAME))
    office.actor = "chu.tich"
    assert erase_expired(office, today=TODAY).applicants == 3


def test_the_trail_records_export_and_erasure_without_the_values(
    office: AppContext, ledger: dict[str, str], tmp_path: Path
) -> None:
    from isodesk.services.safety.trail import list_trail, summary
    from isodesk.services.safety.trail_verify import verify_trail

    export_person(office, PersonQuery(phone=OLD_PHONE), tmp_path / "x")
    erase_expired(office, today=TODAY)
    items = list_trail(office, limit=100_000)
    text = json.dumps([i.to_dict() for i in items], ensure_ascii=False)
    for value in (OLD_NAME, "0987", OLD_ID, "Ấp Bắc", "Võ Thị Kim Chi", "kimchi", "pham thi"):
        assert value not in text, value
    exports = [i for i in items if i.action == "export"]
    assert sorted(i.label for i in exports) == sorted([ledger["old1"], ledger["old2"], ledger["recent"]])
    erasure = next(i for i in items if i.action == "erase")
    assert summary(erasure, []) == "3 dòng (xóa dữ liệu cá nhân khi hết thời hạn lưu giữ)"
    blanked = [i for i in items if i.table == "applicants" and i.action == "update"]
    assert len(blanked) == 3 and all(i.before["name"] == {"redacted": "personal"} for i in blanked)
    assert all(i.after["name"] == "" for i in blanked)
    assert verify_trail(office).ok


def test_printed_forms_show_a_placeholder_for_an_erased_applicant(office: AppContext, ledger: dict[str, str]) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    from isodesk.services.printing.dossier import receipt_pdf

    erase_expired(office, today=TODAY)
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(receipt_pdf(office, ledger["old3"]))).pages)
    assert "(đã xóa dữ liệu cá nhân)" in " ".join(text.split()) and "Kim Chi" not in text


def test_who_filed_on_the_applicants_behalf_is_erased_with_the_applicant(office: AppContext) -> None:
    """The representative's name, ID number and phone are personal data of the dossier: erased with it."""
    behalf = ApplicantInput(
        "Công ty TNHH Phú Quý",
        kind="organisation",
        representative="Lương Thế Vinh Quang",
        representative_id_number="082089004455",
        representative_phone="0977 123 456",
    )
    code = receive_dossier(office, MARRIAGE_STATUS, behalf, received_at=at(2015, 6, 1)).code
    settle(office, code, at(2015, 6, 3))
    assert "Lương Thế Vinh Quang".encode() in _file_bytes(office)
    erase_expired(office, today=TODAY)
    applicant = show_dossier(office, code)["applicant"]
    assert (applicant["representative"], applicant["representative_id_number"], applicant["representative_phone"]) == (
        "",
        "",
        "",
    )
    data = _file_bytes(office)
    assert "Lương Thế Vinh Quang".encode() not in data and b"082089004455" not in data
