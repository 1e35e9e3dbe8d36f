"""The province's commands as a script runs them: sync import's results and exit status, province status and
confirm; the province's package for its units (sync province-export, then sync import in a unit: held, dry run,
trust-province, applied, unchanged); and each office refusing the other's work with a Vietnamese message."""

from __future__ import annotations

from pathlib import Path

import pytest

from isodesk.i18n.dates import local_today
from tests.cli.conftest import init
from tests.cli.conftest import isodesk_here as isodesk

pytestmark = pytest.mark.usefixtures("signed_in_here")


@pytest.fixture
def province_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "tỉnh"
    folder.mkdir()
    done = init("--role", "province", "--province", "82", data_dir=folder)
    assert done.code == 0, done.err
    return folder


def test_import_status_and_confirm(office_dir: Path, province_dir: Path, tmp_path: Path) -> None:
    package = tmp_path / "1.isosync"
    assert isodesk("sync", "export", "--out", str(package), data_dir=office_dir).code == 0
    held = isodesk("sync", "import", str(package), "--json", data_dir=province_dir)
    assert held.code == 0, held.err
    (result,) = held.json()["results"]
    assert set(result) >= {"file", "unit_code", "status", "added", "updated", "reason"}
    assert (result["unit_code"], result["status"], result["added"]) == ("28261", "held", 0)
    assert "isodesk province confirm 28261" in result["reason"]
    confirmed = isodesk("province", "confirm", "28261", data_dir=province_dir)
    assert confirmed.code == 0 and "Đã xác nhận" in confirmed.out
    dry = isodesk("sync", "import", str(package), "--dry-run", "--json", data_dir=province_dir).json()
    assert dry["results"][0]["status"] == "imported" and dry["results"][0]["added"] > 0
    done = isodesk("sync", "import", str(package), "--json", data_dir=province_dir).json()["results"][0]
    assert (done["status"], done["added"]) == ("imported", dry["results"][0]["added"])
    again = isodesk("sync", "import", str(package), data_dir=province_dir)
    assert again.code == 0 and "không thay đổi" in again.out
    units = isodesk("province", "status", "--json", data_dir=province_dir).json()["units"]
    row = next(u for u in units if u["unit_code"] == "28261")
    assert row["enrolled"] and row["sequence"] == 1 and row["received"] == 0 and row["on_time_rate"] is None
    assert set(row) >= {"unit_code", "unit_name", "enrolled", "last_package_at", "sequence", "received",
                        "on_time_rate", "qms_step"}  # fmt: skip
    assert row["qms_step"] == "build" and row["reported_this_year"] and row["open_nonconformities"] == 0
    assert set(row) >= {"confirmed", "announced_on", "last_audit_on", "last_review_on", "objectives_met",
                        "objectives_total", "open_nonconformities", "reported_this_year"}  # fmt: skip
    before = isodesk("province", "status", "--year", "2020", "--json", data_dir=province_dir).json()["units"]
    assert not next(u for u in before if u["unit_code"] == "28261")["reported_this_year"]
    bad = isodesk("province", "status", "--year", "1700", data_dir=province_dir)
    assert bad.code == 1 and "Năm" in bad.err
    forgotten = isodesk("province", "forget-key", "28261", "--json", data_dir=province_dir)
    assert forgotten.code == 0, forgotten.err
    unit_print = isodesk("sync", "fingerprint", "--json", data_dir=office_dir).json()["fingerprint"]
    assert forgotten.json() == {"unit_code": "28261", "unit_name": row["unit_name"], "fingerprint": unit_print}
    text = isodesk("province", "forget-key", "28261", data_dir=province_dir)
    assert text.code == 1 and "28261" in text.err  # forgotten already: nothing enrolled any more
    held_again = isodesk("sync", "import", str(package), "--json", data_dir=province_dir).json()["results"][0]
    assert held_again["status"] == "held"  # the same key, enrolled anew, waits for a person again


def test_a_rejected_file_exits_1(province_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "hỏng.isosync"
    bad.write_bytes(b"not a package")
    done = isodesk("sync", "import", str(bad), "--json", data_dir=province_dir)
    assert done.code == 1
    assert done.json()["results"][0]["status"] == "rejected"
    assert len(list((province_dir / "quarantine").iterdir())) == 2


def test_a_commune_office_refuses_a_units_package(office_dir: Path, tmp_path: Path) -> None:
    package = tmp_path / "1.isosync"
    assert isodesk("sync", "export", "--out", str(package), data_dir=office_dir).code == 0
    done = isodesk("sync", "import", str(package), "--json", data_dir=office_dir)
    assert done.code == 1
    (result,) = done.json()["results"]
    assert result["status"] == "rejected" and "không phải gói của tỉnh" in result["reason"]
    assert isodesk("province", "status", data_dir=office_dir).code == 1


def test_a_folder_is_imported_in_sequence_order(office_dir: Path, province_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "gói các phường"
    folder.mkdir()
    assert isodesk("sync", "export", "--out", str(folder / "z-đầu.isosync"), data_dir=office_dir).code == 0
    assert isodesk("sync", "export", "--out", str(folder / "a-sau.isosync"), "--full", data_dir=office_dir).code == 0
    done = isodesk("sync", "import", str(folder), "--trust-new", "--json", data_dir=province_dir)
    assert done.code == 0, done.err
    results = done.json()["results"]
    assert [(Path(r["file"]).name, r["status"]) for r in results] == [
        ("z-đầu.isosync", "imported"),
        ("a-sau.isosync", "imported"),
    ]
    assert all(set(r) >= {"file", "unit_code", "status", "added", "updated", "reason"} for r in results)
    assert done.err == ""  # no progress on a pipe
    (folder / "hỏng.isosync").write_bytes(b"not a package")
    again = isodesk("sync", "import", str(folder), "--json", data_dir=province_dir)
    assert again.code == 1
    assert [r["status"] for r in again.json()["results"]] == ["unchanged", "unchanged", "rejected"]
    empty = tmp_path / "trống"
    empty.mkdir()
    refused = isodesk("sync", "import", str(empty), data_dir=province_dir)
    assert refused.code == 1 and "không có gói đồng bộ" in refused.err


def test_the_province_report_as_pdf_and_workbook(office_dir: Path, province_dir: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from tests.pdfcheck import text

    package = tmp_path / "1.isosync"
    assert isodesk("sync", "export", "--out", str(package), data_dir=office_dir).code == 0
    assert isodesk("sync", "import", str(package), "--trust-new", data_dir=province_dir).code == 0
    pdf = tmp_path / "báo cáo 2026.pdf"
    done = isodesk("form", "province-report", "--year", "2026", "--out", str(pdf), "--json", data_dir=province_dir)
    assert done.code == 0, done.err
    assert done.json()["out"] == str(pdf) and done.json()["pages"] >= 2 and done.json()["units"] == 102
    words = " ".join(text(pdf.read_bytes()).split())
    assert "năm 2026" in words and "Phường Mỹ Tho (28261)" in words
    xlsx = tmp_path / "báo cáo 2026.xlsx"
    done = isodesk("form", "province-report", "--year", "2026", "--out", str(xlsx), data_dir=province_dir)
    assert done.code == 0 and "báo cáo 2026.xlsx" in done.out
    assert load_workbook(xlsx)["Đơn vị"].max_row == 103
    wrong = isodesk("form", "province-report", "--out", str(tmp_path / "x.docx"), data_dir=province_dir)
    assert wrong.code == 1 and ".xlsx" in wrong.err


def test_a_commune_office_is_told_the_report_is_the_province_s(office_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    done = isodesk("form", "province-report", "--year", "2026", "--out", str(out), data_dir=office_dir)
    assert done.code == 1 and "văn phòng của tỉnh" in done.err and not out.exists()


def test_stats_of_a_unit_at_the_province_match_the_unit_s_own(
    office_dir: Path, province_dir: Path, tmp_path: Path
) -> None:
    assert isodesk("demo", "--dossiers", "60", data_dir=office_dir).code == 0
    package = tmp_path / "1.isosync"
    assert isodesk("sync", "export", "--out", str(package), data_dir=office_dir).code == 0
    assert isodesk("sync", "import", str(package), "--trust-new", data_dir=province_dir).code == 0
    year = local_today().year
    for options in ((), ("--from", f"{year - 1}-07-01", "--to", f"{year}-06-30"), ("--by", "month"),
                    ("--by", "procedure"), ("--by", "field")):  # fmt: skip
        own = isodesk("stats", *options, "--json", data_dir=office_dir)
        at_province = isodesk("stats", "--unit", "28261", *options, "--json", data_dir=province_dir)
        assert own.code == 0 and at_province.code == 0, at_province.err
        assert at_province.json() == own.json(), options
    assert own.json()["groups"] and isodesk("stats", "--json", data_dir=office_dir).json()["received"] > 0
    text = isodesk("stats", "--unit", "28261", data_dir=province_dir)
    assert (text.code == 0 and "Tỷ lệ đúng hạn" in text.out) or "đúng hạn" in text.out
    for code in ("99999", "00004"):  # no such unit; a ward of Hà Nội
        unknown = isodesk("stats", "--unit", code, "--json", data_dir=province_dir)
        assert unknown.code == 1 and unknown.out == "" and f"Không có xã, phường nào mã {code}" in unknown.err


def test_a_commune_office_refuses_stats_of_another_unit(office_dir: Path) -> None:
    done = isodesk("stats", "--unit", "28261", "--json", data_dir=office_dir)
    assert done.code == 1 and done.out == "" and "dành cho văn phòng của tỉnh" in done.err


def test_the_provinces_package_for_its_units(office_dir: Path, province_dir: Path, tmp_path: Path) -> None:
    assert isodesk("procedure", "set", "1.004873", "--working-days", "4", data_dir=province_dir).code == 0
    assert isodesk("calendar", "set", "2026-12-28", "--day-off", "--note", "Nghỉ bù", data_dir=province_dir).code == 0
    package = tmp_path / "gói của tỉnh.isosync"
    made = isodesk("sync", "province-export", "--out", str(package), "--json", data_dir=province_dir)
    assert made.code == 0, made.err
    assert set(made.json()) == {"file", "sequence", "records"} and made.json()["sequence"] == 1
    fingerprint = isodesk("sync", "fingerprint", data_dir=province_dir)
    assert "khóa của tỉnh" in fingerprint.out
    refused = isodesk("sync", "province-export", "--out", str(tmp_path / "x.isosync"), data_dir=office_dir)
    assert refused.code == 1 and "Chỉ văn phòng của tỉnh" in refused.err

    held = isodesk("sync", "import", str(package), "--dry-run", "--json", data_dir=office_dir)
    assert held.code == 0, held.err
    (result,) = held.json()["results"]
    assert set(result) >= {"file", "unit_code", "status", "added", "updated", "reason", "changes"}
    assert (result["unit_code"], result["status"]) == ("82", "held")
    assert "isodesk sync trust-province" in result["reason"]
    fields = {(c["key"], c["field"]) for c in result["changes"]}
    assert fields == {("1.004873", "office_time"), ("2026-12-28", "kind")}
    text = isodesk("sync", "import", str(package), "--dry-run", data_dir=office_dir).out
    assert "1.004873 · thời hạn giải quyết của tỉnh: theo công bố → 4 ngày làm việc" in text
    assert isodesk("sync", "trust-province", data_dir=office_dir).code == 1  # a dry run enrols nothing
    kept = isodesk("sync", "import", str(package), "--json", data_dir=office_dir).json()["results"][0]
    assert kept["status"] == "held" and kept["added"] == 1  # the key is kept, not trusted; nothing applied
    trusted = isodesk("sync", "trust-province", "--json", data_dir=office_dir)
    assert trusted.code == 0 and trusted.json()["fingerprint"] in fingerprint.out
    done = isodesk("sync", "import", str(package), "--json", data_dir=office_dir).json()["results"][0]
    assert (done["status"], done["added"], done["updated"]) == ("imported", 1, 1)
    shown = isodesk("procedure", "list", "--json", data_dir=office_dir).json()["procedures"]
    assert next(p for p in shown if p["code"] == "1.004873")["working_days"] == 4
    again = isodesk("sync", "import", str(package), "--json", data_dir=office_dir)
    assert again.code == 0 and again.json()["results"][0]["status"] == "unchanged"
    refused = isodesk("sync", "import", str(package), "--json", data_dir=province_dir)
    assert refused.code == 1 and refused.json()["results"][0]["status"] == "rejected"
    history = isodesk("sync", "history", "--json", data_dir=office_dir).json()["received"]
    assert [(e["status"], e["from_code"], e["file_name"]) for e in history] == [
        ("unchanged", "82", package.name),
        ("imported", "82", package.name),
        ("held", "82", package.name),
    ]
    assert set(history[0]) == {"at", "by", "file_name", "from_code", "sequence", "status", "added", "updated", "reason"}
    text = isodesk("sync", "history", data_dir=office_dir).out
    assert "Gói đã nhận:" in text and "đã nhập" in text
    at_province = isodesk("sync", "history", "--json", data_dir=province_dir).json()["received"]
    assert [(e["status"], e["file_name"]) for e in at_province] == [("rejected", package.name)]
