"""Receipt slips and the dossier ledger, generated from a real office and read back from the PDF."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from isodesk.errors import UserError
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext
from isodesk.services.dossiers import ApplicantInput, receive_dossier
from isodesk.services.forms import form_set_on, ledger_pdf, receipt_pdf, write_receipt
from tests.cli.conftest import isodesk


def _pages(data: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages]


def test_receipt_slip_reads_back(office: AppContext) -> None:
    name = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")  # typed decomposed: printed composed
    r = receive_dossier(
        office,
        "1.004873",
        ApplicantInput(name, address="Số 5 Ấp Bắc", phone="0912345678"),
        received_at=datetime(2026, 2, 5, 9, 30, tzinfo=LOCAL_TZ),
    )
    data = receipt_pdf(office, r.code)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 2  # "Liên: Lưu" and "Liên: Giao khách hàng"
    width, height = (round(float(v)) for v in (reader.pages[0].mediabox.width, reader.pages[0].mediabox.height))
    assert (width, height) == (420, 595)  # A5 portrait
    for page, copy in zip(_pages(data), ("Liên: Lưu", "Liên: Giao khách hàng"), strict=True):
        for expected in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "UBND PHƯỜNG MỸ THO",
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            r.code,
            "Nguyễn Thị Ánh Tuyết",
            "Mỹ Tho, ngày 05 tháng 02 năm 2026",
            "09 giờ 30 phút, ngày 05 tháng 02 năm 2026",
            "17 giờ 00 phút, ngày 10 tháng 02 năm 2026",
            copy,
            "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
        ):
            assert expected in page, expected


def test_form_set_follows_the_receipt_date() -> None:
    assert form_set_on(date(2025, 9, 14))["id"] == "tt01-2018"
    assert form_set_on(date(2025, 9, 15))["id"] == "tt03-2025"


def test_ledger_of_5000_dossiers_repeats_its_header(office: AppContext) -> None:
    from isodesk.services.demo import fill_demo
    from isodesk.services.demo_ledger import fill_demo_ledger

    fill_demo(office, 0)
    fill_demo_ledger(office, 5000, now=datetime(2026, 11, 20, 12, 0, tzinfo=LOCAL_TZ))
    data = ledger_pdf(office, date(2025, 11, 1), date(2026, 11, 30))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) > 100
    assert round(float(reader.pages[0].mediabox.width)) == 842  # A4 landscape
    pages = _pages(data)
    for number, text in enumerate(pages, start=1):
        assert "Mã hồ sơ" in text and "Tên thủ tục" in text, number  # header row on every page
        assert f"Trang {number}" in text
    assert "SỔ THEO DÕI HỒ SƠ" in pages[0]


def test_bad_requests_leave_no_file(office: AppContext, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserError):
        write_receipt(office, "KHONG-CO-MA", out / "a.pdf")
    code = receive_dossier(office, "1.001193", ApplicantInput("Lê Văn Tám")).code
    with pytest.raises(UserError):
        write_receipt(office, code, out / "no-such-folder" / "a.pdf")
    with pytest.raises(UserError):
        write_receipt(office, code, out / "a.docx")
    assert list(out.iterdir()) == []


def test_cli_forms(data_dir: Path, tmp_path: Path) -> None:
    assert isodesk("demo", "--dossiers", "50", data_dir=data_dir).code == 0
    code = isodesk("dossier", "list", "--limit", "1", "--json", data_dir=data_dir).json()["dossiers"][0]["code"]
    out = tmp_path / "slip.pdf"
    run = isodesk("form", "receipt", "--dossier", code, "--out", str(out), "--json", data_dir=data_dir)
    assert run.code == 0, run.err
    assert code in _pages(out.read_bytes())[0]
    ledger = tmp_path / "so.pdf"
    assert (
        isodesk(
            "form", "ledger", "--from", "2025-01-01", "--to", "2026-12-31", "--out", str(ledger), data_dir=data_dir
        ).code
        == 0
    )
    assert "SỔ THEO DÕI HỒ SƠ" in _pages(ledger.read_bytes())[0]
    bad = isodesk("form", "receipt", "--dossier", "KHONG-CO", "--out", str(tmp_path / "x.pdf"), data_dir=data_dir)
    assert bad.code == 1 and not (tmp_path / "x.pdf").exists()
