"""The official look: heading, motto, date line and fonts, read back from the PDF."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from isodesk.reports.fonts import official_font
from isodesk.reports.official import Issuer, Page, build_pdf, heading, para, recipients, signatures, write_atomically
from tests.pdfcheck import A4, assert_fonts_embedded_subsets, listed_fonts, sizes


def _pdf() -> bytes:
    page = Page()
    story = [
        heading(
            Issuer("UBND phường Mỹ Tho", "Mỹ Tho", "UBND tỉnh Đồng Tháp"),
            "12/QĐ-UBND",
            date(2026, 2, 5),
            page.frame_width,
        ),
        para("QUYẾT ĐỊNH", 14, bold=True),
        signatures([("Chủ tịch", "", "Nguyễn Văn Hùng")], page.frame_width),
        *recipients(["Sở Khoa học và Công nghệ", "Lưu: VT"]),
    ]
    return build_pdf(story, page, title="Quyết định", page_numbers=True)


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def test_heading_text_reads_back_exactly() -> None:
    text = _text(_pdf())
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND PHƯỜNG MỸ THO",
        "Số: 12/QĐ-UBND",
        "Mỹ Tho, ngày 05 tháng 02 năm 2026",
        "Nguyễn Văn Hùng",
        "Nơi nhận:",
        "Trang 1",
    ):
        assert expected in text, expected


def test_fonts_are_embedded_and_page_is_a4() -> None:
    data = _pdf()
    assert sizes(data) == {A4}
    assert_fonts_embedded_subsets(data)
    assert len(listed_fonts(data)) >= 3  # regular, bold and italic of the official serif, nothing else
    assert official_font().source.startswith(("Times New Roman", "Liberation Serif"))


def test_write_atomically_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "qd.pdf"
    write_atomically(target, _pdf())
    assert target.read_bytes().startswith(b"%PDF")
    with pytest.raises(OSError):
        write_atomically(tmp_path / "missing-folder" / "qd.pdf", b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["qd.pdf"]
