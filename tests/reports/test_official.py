"""The official look: heading, motto, date line and fonts, read back from the PDF."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from isodesk.reports.fonts import official_font
from isodesk.reports.official import (
    Issuer,
    Page,
    body,
    build_pdf,
    heading,
    para,
    recipients,
    section_heading,
    signatures,
    title,
    write_atomically,
)
from tests.pdfcheck import (
    A4,
    A5,
    assert_fonts_embedded_subsets,
    listed_fonts,
    pages_text,
    placed_text,
    ruled_lines,
    sizes,
)


def _pdf() -> bytes:
    page = Page()
    story = [
        heading(
            Issuer("Trung tâm Phục vụ hành chính công", "Mỹ Tho", "UBND phường Mỹ Tho"),
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
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
        "Số: 12/QĐ-UBND",
        "Mỹ Tho, ngày 05 tháng 02 năm 2026",
        "Nguyễn Văn Hùng",
        "Nơi nhận:",
    ):
        assert expected in text, expected
    assert "Trang" not in text  # a one-page paper carries no page number


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


def _runs(data: bytes, page: int = 0) -> list[str]:
    return [t for t, _x, _y in placed_text(data, page)]


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_a_unit_name_is_never_broken_across_lines(paper: str) -> None:
    """ "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" stays on one line on A4 and on the A5 slip (set smaller if need be),
    and the motto beside it too."""
    page = Page(size="A5", top=12 * mm, bottom=12 * mm, left=18 * mm, right=12 * mm) if paper == "A5" else Page()
    issuer = Issuer("Trung tâm Phục vụ hành chính công", "Mỹ Tho", "UBND phường Mỹ Tho")
    data = build_pdf([heading(issuer, "12/TTPVHCC", date(2026, 2, 5), page.frame_width)], page, title="x")
    runs = _runs(data)
    for line in ("UBND PHƯỜNG MỸ THO", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"):
        assert line in runs, runs
    assert sizes(data) == {A5 if paper == "A5" else A4}


def test_committee_heading_has_no_parent_line() -> None:
    page = Page()
    issuer = Issuer("Ủy ban nhân dân\nPhường Mỹ Tho", "Mỹ Tho")
    data = build_pdf([heading(issuer, "……/BC-UBND", date(2026, 8, 20), page.frame_width)], page, title="x")
    placed = placed_text(data)
    runs = [t for t, _x, _y in placed]
    assert runs[:3] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG MỸ THO", "Số: ……/BC-UBND"], runs
    assert "Mỹ Tho, ngày 20 tháng 8 năm 2026" in runs
    (committee_y,) = [y for t, _x, y in placed if t == "ỦY BAN NHÂN DÂN"]
    (country_y,) = [y for t, _x, y in placed if t == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert committee_y == pytest.approx(country_y, abs=1)  # the first lines of both columns side by side


def test_subject_line_is_bold_lower_case_with_a_rule_under_it() -> None:
    page = Page()
    data = build_pdf([*title("BÁO CÁO", 14, subtitle="Kết quả giải quyết thủ tục hành chính")], page, title="Báo cáo")
    fonts: dict[str, str] = {}

    def visit(text: str, _cm: object, _tm: object, font: object, _size: object) -> None:
        if text.strip() and font is not None:
            fonts[text.strip()] = str(font["/BaseFont"])  # type: ignore[index]

    from tests.pdfcheck import reader

    reader(data).pages[0].extract_text(visitor_text=visit)
    assert "Bold" in fonts["Kết quả giải quyết thủ tục hành chính"]
    ((subject_y, subject_x),) = [(y, x) for t, x, y in placed_text(data) if t.startswith("Kết quả")]
    ((x0, y0, x1, y1),) = ruled_lines(data)
    assert y0 == y1 and subject_y - 10 < y0 < subject_y  # just under the subject line
    centre = page.left + page.frame_width / 2
    assert (x0 + x1) / 2 == pytest.approx(centre, abs=1) and x0 > subject_x  # centred, shorter than the line


def test_page_numbers_top_centre_from_page_two() -> None:
    """NĐ 30/2020, Phụ lục I, mục I.5: the number in the top margin, centred, not on the first page."""
    page = Page()
    story = [body(f"Đoạn văn số {i}: " + "nội dung báo cáo " * 30, 13) for i in range(40)]
    data = build_pdf(story, page, title="Dài", page_numbers=True)
    pages = pages_text(data)
    assert len(pages) >= 3
    top = A4[1] - page.top
    assert not [t for t, _x, y in placed_text(data, 0) if y > top]  # nothing above the frame on page 1
    for n in range(2, len(pages) + 1):
        above = [(t, x, y) for t, x, y in placed_text(data, n - 1) if y > top]
        assert [t for t, _x, _y in above] == [str(n)]
        _t, x, y = above[0]
        assert x == pytest.approx(page.left + page.frame_width / 2, abs=8)  # centred over the text
        assert A4[1] - page.top < y < A4[1] - 4 * mm  # inside the top margin


def test_a_heading_is_kept_with_the_text_under_it() -> None:
    """A section heading that would end a page moves to the next page with its first paragraph."""
    page = Page()
    filler = Spacer(1, page.frame_height - 40)  # leaves room for the heading line, not for the paragraph too
    story = [filler, section_heading("II. KẾT QUẢ THEO LĨNH VỰC"), body("Nội dung " * 60, 13)]
    pages = pages_text(build_pdf(story, page, title="x"))
    assert len(pages) == 2 and "II. KẾT QUẢ THEO LĨNH VỰC" in pages[1] and "KẾT QUẢ" not in pages[0]
