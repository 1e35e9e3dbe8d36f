"""The province's yearly consolidated report (QĐ 19/2014 Annex II) from real packages of a real unit: the figures
of the dashboard, the PDF parsed back (its Vietnamese text and figures), the Excel workbook read back with openpyxl,
and a commune office told in Vietnamese that the report is the province's."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from isodesk.errors import UserError
from isodesk.i18n.dates import local_today
from isodesk.services.audit.findings import add_finding
from isodesk.services.audit.reviews import start_review
from isodesk.services.context import AppContext
from isodesk.services.province.imports import import_packages
from isodesk.services.province.report import province_overview, write_report
from isodesk.services.qms.announcements import announce
from isodesk.services.qms.milestones import record_milestone
from isodesk.services.sync.export import export_package
from tests.pdfcheck import assert_fonts_embedded_subsets, text


@pytest.fixture
def reported(unit: AppContext, province: AppContext, tmp_path: Path) -> AppContext:
    """Phường Mỹ Tho announced, audited and reviewed this year, with one open nonconformity, imported."""
    year = local_today().year
    record_milestone(unit, "audit", date(year, 3, 10), "01/BC-ĐGNB")
    start_review(unit, date(year, 4, 2))
    announce(unit, "12/QĐ-UBND", date(year, 5, 20))
    add_finding(unit, None, "minor", "7.5", "Sổ theo dõi hồ sơ ghi thiếu ngày trả kết quả")
    done = export_package(unit, tmp_path / "1.isosync")
    import_packages(province, [done.file], trust_new=True)
    return province


def test_the_overview_counts_the_units(reported: AppContext) -> None:
    year = local_today().year
    o = province_overview(reported, year)
    s = o.summary
    assert (o.province_name, s.units, s.reporting, s.applying) == ("Tỉnh Đồng Tháp", 102, 1, 1)
    assert (s.announced, s.maintained, s.audits_held, s.reviews_held) == (1, 1, 1, 1)
    assert s.open_nonconformities == 1 and s.by_step["maintain"] == 1 and s.by_step[None] == 101
    row = next(u for u in o.units if u.unit_code == "28261")
    assert row.reported_this_year and row.announced_on == date(year, 5, 20)
    assert s.mean_on_time_rate == row.on_time_rate
    last_year = province_overview(reported, year - 1).summary
    assert (last_year.reporting, last_year.audits_held, last_year.maintained) == (0, 0, 0)


def test_the_pdf_reads_back_with_its_figures(reported: AppContext, tmp_path: Path) -> None:
    year = local_today().year
    out = tmp_path / "Báo cáo tổng hợp.pdf"
    done = write_report(reported, out, year)
    assert (done.kind, done.units) == ("pdf", 102) and done.pages >= 2
    data = out.read_bytes()
    assert_fonts_embedded_subsets(data)
    words = " ".join(text(data).split())
    assert "BÁO CÁO" in words and "cải tiến hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 tại các xã" in words
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in words and "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP" in words
    assert "Quyết định số 19/2014/QĐ-TTg" in words
    assert "Tổng số xã, phường của tỉnh 102" in words
    assert "Đơn vị đã công bố hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015 1 1,0%" in words
    assert "Phường Mỹ Tho (28261) Bước 4. Duy trì, cải tiến" in words
    assert f"20/05/{year}" in words and "Bước 4. Duy trì, cải tiến: 1" in words
    assert f"IV. ĐƠN VỊ CHƯA GỬI SỐ LIỆU NĂM {year}" in words and "Phường Đạo Thạnh (28249)" in words
    assert "TRẦN VĂN TỈNH" not in words and "Trần Văn Tỉnh" in words


def test_the_workbook_reads_back(reported: AppContext, tmp_path: Path) -> None:
    year = local_today().year
    out = tmp_path / "Báo cáo tổng hợp.xlsx"
    done = write_report(reported, out, year)
    assert (done.kind, done.pages) == ("xlsx", 0)
    book = load_workbook(out)
    assert book.sheetnames == ["Tổng hợp", "Đơn vị"]
    summary = {row[1]: row[2:4] for row in book["Tổng hợp"].iter_rows(values_only=True) if len(row) > 2 and row[1]}
    assert summary["Tổng số xã, phường của tỉnh"][0] == 102
    assert summary["Đơn vị duy trì hệ thống (đã công bố, có đánh giá nội bộ và xem xét của lãnh đạo trong năm)"] == (
        1,
        pytest.approx(1 / 102),
    )
    sheet = book["Đơn vị"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["TT", "Đơn vị", "Mã", "Bước"] and header[-1] == f"Đã gửi số liệu năm {year}"
    rows = {r[2]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == 102
    mine = rows["28261"]
    assert mine[1] == "Phường Mỹ Tho" and mine[3] == "Bước 4. Duy trì, cải tiến"
    assert mine[4] == datetime(year, 5, 20) and mine[9] == 1 and mine[11] == "Có"
    assert isinstance(mine[8], float) and 0 <= mine[8] <= 1
    assert rows["28249"][11] == "Chưa" and sheet.freeze_panes == "C2"


def test_a_wrong_suffix_and_a_commune_office_are_refused(
    office: AppContext, reported: AppContext, tmp_path: Path
) -> None:
    with pytest.raises(UserError, match=r"\.pdf .* \.xlsx"):
        write_report(reported, tmp_path / "báo cáo.docx")
    with pytest.raises(UserError, match="văn phòng của tỉnh"):
        write_report(office, tmp_path / "báo cáo.pdf")
    assert not (tmp_path / "báo cáo.pdf").exists()
