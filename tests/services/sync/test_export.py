"""Exporting sync packages from a real office: what goes (and what never does), incremental and full packages
chained by their hashes, the history, the unit key made at set-up and carried by backups."""

from __future__ import annotations

import re
import sqlite3
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from isodesk.db.base import PERSONAL
from isodesk.db.models import Dossier
from isodesk.db.paths import database_path
from isodesk.errors import UserError
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.audit.findings import add_finding
from isodesk.services.context import AppContext
from isodesk.services.demo.quality import fill_demo_quality
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier
from isodesk.services.office.demo import fill_demo
from isodesk.services.qms.policy import draft_policy
from isodesk.services.safety.backups import make_backup
from isodesk.services.sync.export import export_package, list_exports
from isodesk.services.sync.keys import fingerprint, unit_key
from isodesk.services.sync.records import DOSSIER_FIELDS, KINDS
from isodesk.sync import signing
from isodesk.sync.keystore import KEY_FILE
from isodesk.sync.package import read_package

CITIZEN = ApplicantInput(
    "Trịnh Thị Xuân Quỳnh",
    address="Số 17 hẻm 5 đường Lê Văn Phẩm",
    phone="0918273645",
    email="xuanquynh.trinh@example.vn",
    id_number="082199012345",
    representative="Trịnh Văn Khải",
    representative_id_number="082170098765",
    representative_phone="0903112233",
)
NOTE = "Công dân xin nhận kết quả qua bưu điện, gọi trước khi giao"


@pytest.fixture
def demo(office: AppContext) -> AppContext:
    fill_demo(office, 120)
    office.actor = "admin"
    assert fill_demo_quality(office).added  # the QMS and audit records travel too, and hold no citizen's data
    code = receive_dossier(office, "1.001193", CITIZEN, received_at=datetime(2026, 2, 3, 9, tzinfo=LOCAL_TZ),
                           note=NOTE).code  # fmt: skip
    move_dossier(office, code, "processing", at=datetime(2026, 2, 3, 10, tzinfo=LOCAL_TZ), note=NOTE + " (bước 2)")
    return office


def _personal_values(data_dir: Path) -> set[str]:
    """Every citizen's name, ID number, address, phone and e-mail, and every free-text note of a dossier."""
    conn = sqlite3.connect(database_path(data_dir))
    try:
        found: set[str] = set()
        for sql in (
            "SELECT name, address, phone, email, id_number, representative_name, representative_id_number, "
            "representative_phone FROM applicants",
            "SELECT note, code FROM dossiers",
            "SELECT note FROM dossier_events",
        ):
            for row in conn.execute(sql):
                found |= {str(v) for v in row if v and len(str(v)) >= 5}
                found |= {d for v in row if v and len(d := re.sub(r"\D", "", str(v))) >= 9}  # a phone's digits
        staff = {name for (name,) in conn.execute("SELECT name FROM staff")}
    finally:
        conn.close()
    return found - staff  # an officer who shares a citizen's name is named as the officer


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def test_a_demo_offices_package_holds_no_citizen_data(demo: AppContext, tmp_path: Path) -> None:
    done = export_package(demo, tmp_path / "gói.isosync", full=True)
    personal = _personal_values(demo.data_dir)
    assert {CITIZEN.name, CITIZEN.id_number, CITIZEN.phone, CITIZEN.email, CITIZEN.address, NOTE} <= personal
    assert len(personal) > 300  # the demo's 120 applicants and more
    members = _members(Path(done.file))
    raw = Path(done.file).read_bytes()
    for value in personal:
        needle = value.encode("utf-8")
        assert needle not in raw
        for name, body in members.items():
            assert needle not in body, (value, name)
    package = read_package(Path(done.file), unit_key(demo).public_key())
    dossiers = package.records("dossiers")
    assert len(dossiers) == 121 and all(tuple(sorted(d)) == tuple(sorted(DOSSIER_FIELDS)) for d in dossiers)
    assert "applicants" not in package.data and "dossier_events" not in package.data


def test_no_exported_table_column_is_personal() -> None:
    from isodesk.db.base import Base

    for kind in KINDS:
        table = Base.metadata.tables[kind.table]
        model = next(m.class_ for m in Base.registry.mappers if m.local_table is table)
        withheld = {c for c, why in getattr(model, "trail_withheld", {}).items() if why == PERSONAL}
        columns = set(kind.columns or [c.name for c in table.columns])
        assert not withheld & columns, kind.name
    assert Dossier.__tablename__ not in {k.table for k in KINDS}  # dossiers go only through the allow-list


def test_records_carry_the_sync_fields_and_references_as_uuids(demo: AppContext, tmp_path: Path) -> None:
    add_finding(demo, None, "minor", "7.5", "Sổ theo dõi hồ sơ ghi thiếu ngày trả kết quả", procedure="1.001193")
    draft_policy(demo, "Công khai, minh bạch, đúng hẹn, tận tình phục vụ nhân dân.")
    done = export_package(demo, tmp_path / "gói.isosync")
    package = read_package(Path(done.file))
    assert package.manifest.unit_code == "28261" and package.manifest.unit_name == "Phường Mỹ Tho"
    staff_uuids = {r["uuid"] for r in package.records("staff")}
    department_uuids = {r["uuid"] for r in package.records("departments")}
    assert all(r["department_id"] in department_uuids for r in package.records("staff"))
    for kind in package.data:
        for r in package.records(kind):
            assert r["unit_code"] == "28261" and r["change_seq"] > 0 and r["updated_at"].endswith("+00:00")
    raised = [f for f in package.records("audit_findings") if f["audit_id"] is None]  # the demo's are an audit's
    assert [(f["clause"], f["evidence"]) for f in raised] == [("7.5", "Sổ theo dõi hồ sơ ghi thiếu ngày trả kết quả")]
    assert any(p["text"].startswith("Công khai, minh bạch") for p in package.records("qms_policies"))
    handled = [d for d in package.records("dossiers") if d["handling_role"]]
    assert handled and staff_uuids


def test_incremental_packages_chain_and_a_full_one_carries_everything(demo: AppContext, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    first = export_package(demo, tmp_path / "1.isosync", progress=lambda d, t: seen.append((d, t)))
    assert first.sequence == 1 and first.full and first.records > 121
    assert seen[-1][0] == seen[-1][1] and len(seen) == len(KINDS) + 1
    add_finding(demo, None, "observation", "9.1", "Chưa tổng hợp ý kiến khảo sát tháng 11")
    second = export_package(demo, tmp_path / "2.isosync")
    assert (second.sequence, second.records, second.full) == (2, 1, False)
    assert second.counts["audit_findings"] == 1 and second.counts["dossiers"] == 0
    one = read_package(tmp_path / "1.isosync")
    two = read_package(tmp_path / "2.isosync")
    assert two.manifest.previous_sha256 == one.sha256 == first.sha256
    assert two.manifest.changes_from == one.manifest.changes_to
    assert two.manifest.period_start == one.manifest.period_end
    third = export_package(demo, tmp_path / "3.isosync")
    assert (third.sequence, third.records) == (3, 0)
    full = export_package(demo, tmp_path / "4.isosync", full=True)
    assert full.sequence == 4 and full.full and full.records == first.records + 1
    assert read_package(tmp_path / "4.isosync").manifest.previous_sha256 == third.sha256
    assert [e.sequence for e in list_exports(demo)] == [4, 3, 2, 1]
    assert list_exports(demo)[0].to_dict()["file_name"] == "4.isosync"


def test_a_path_with_vietnamese_letters_and_spaces(demo: AppContext, tmp_path: Path) -> None:
    folder = tmp_path / "Báo cáo gửi Sở Khoa học và Công nghệ"
    folder.mkdir()
    done = export_package(demo, folder / "Gói đồng bộ Phường Mỹ Thọ số 1.isosync")
    assert read_package(Path(done.file)).manifest.sequence == 1
    assert sorted(p.name for p in folder.iterdir()) == ["Gói đồng bộ Phường Mỹ Thọ số 1.isosync"]


def test_a_folder_that_cannot_take_the_file_changes_nothing(demo: AppContext, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    with pytest.raises(UserError) as caught:
        export_package(demo, tmp_path / "không có" / "gói.isosync")
    assert "không tồn tại" in caught.value.message
    with pytest.raises(UserError):
        export_package(demo, tmp_path / "gói.zip")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "Không còn chỗ trống")

    monkeypatch.setattr("isodesk.sync.package.os.replace", full_disk)
    with pytest.raises(UserError) as caught:
        export_package(demo, tmp_path / "gói.isosync")
    assert caught.value.message.startswith("Không ghi được tệp")
    assert list_exports(demo) == [] and list(tmp_path.glob("*.isosync*")) == []


def test_only_who_manages_the_office_exports(demo: AppContext, tmp_path: Path) -> None:
    demo.actor = ""
    with pytest.raises(UserError):
        export_package(demo, tmp_path / "gói.isosync")
    assert not (tmp_path / "gói.isosync").exists()


def test_the_key_is_made_at_set_up_and_carried_by_backups(office: AppContext) -> None:
    path = office.data_dir / KEY_FILE
    assert path.is_file()
    key = signing.load_key(path)
    assert fingerprint(office).fingerprint == signing.fingerprint(key)
    backup = make_backup(office.data_dir, "manual").path
    conn = sqlite3.connect(backup)
    try:
        (pem,) = conn.execute("SELECT private_pem FROM sync_keys").fetchone()
    finally:
        conn.close()
    assert pem == path.read_bytes()
    path.unlink()  # lost with the PC; the database (or a backup restored) still has it
    assert fingerprint(office).fingerprint == signing.fingerprint(key)
    assert path.read_bytes() == pem


def test_the_enrolment_sheet_names_the_unit_and_the_fingerprint(office: AppContext) -> None:
    from isodesk.services.sync.keys import enrolment_sheet_pdf
    from tests import pdfcheck

    data = enrolment_sheet_pdf(office)
    text = " ".join(pdfcheck.text(data).split())
    assert "PHIẾU ĐĂNG KÝ KHÓA KÝ GÓI ĐỒNG BỘ ISO" in text
    assert "Ủy ban nhân dân phường Mỹ Tho" in text and "28261" in text and "Nguyễn Văn Hùng" in text
    assert fingerprint(office).fingerprint in text
    pdfcheck.assert_fonts_embedded_subsets(data)
