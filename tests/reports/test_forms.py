"""Every one-stop-shop paper of both form sets, generated for demo dossiers and read back from the PDF."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.printing import form_pdf, form_set_on, ledger_pdf
from tests.forms_life import NAMES, NOW, Life, build_life
from tests.pdfcheck import (
    A4,
    A4_LANDSCAPE,
    A5,
    assert_fonts_embedded_subsets,
    pages_text,
    placed_text,
    reader,
    sizes,
    text,
)

MM = 72 / 25.4

COUNTRY = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
#: The heading of the desk's papers (the committee above the centre) and of the committee's own (no parent line).
DESK = "UBND PHƯỜNG MỸ THO TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
COMMITTEE = "ỦY BAN NHÂN DÂN PHƯỜNG MỸ THO"
HEADINGS = {"apology": COMMITTEE, "stop": COMMITTEE}

TITLES = {
    "receipt": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "supplement": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    "refusal": "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    "apology": {
        "2018": "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        "2025": "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
    },
    "stop": "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
    "control-sheet": "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
}
# What each paper must say, per era: (applicant, official date and time lines, paper size). A month takes a leading
# zero only when it is January or February (NĐ 30/2020): "tháng 9", "tháng 02".
EXPECTED: dict[str, dict[str, tuple[str, tuple[str, ...], tuple[int, int]]]] = {
    "2018": {
        "receipt": (
            "main",
            (
                "Mỹ Tho, ngày 08 tháng 9 năm 2025",
                "09 giờ 30 phút, ngày 08 tháng 9 năm 2025",
                "17 giờ 00 phút, ngày 11 tháng 9 năm 2025",
            ),
            A5,
        ),
        "supplement": ("supplement", ("Mỹ Tho, ngày 08 tháng 9 năm 2025",), A4),
        "refusal": ("refusal", ("Mỹ Tho, ngày 08 tháng 9 năm 2025",), A4),
        "apology": (
            "main",
            (
                "Mỹ Tho, ngày 09 tháng 9 năm 2025",
                "09 giờ 30 phút, ngày 08 tháng 9 năm 2025",
                "17 giờ 00 phút, ngày 11 tháng 9 năm 2025",
                "16 giờ 30 phút, ngày 15 tháng 9 năm 2025",
            ),
            A4,
        ),
        "control-sheet": ("main", ("09 giờ 30 phút, ngày 08 tháng 9 năm 2025", "ngày 09 tháng 9 năm 2025"), A4),
    },
    "2025": {
        "receipt": (
            "main",
            (
                "Mỹ Tho, ngày 05 tháng 02 năm 2026",
                "09 giờ 30 phút, ngày 05 tháng 02 năm 2026",
                "17 giờ 00 phút, ngày 10 tháng 02 năm 2026",
            ),
            A5,
        ),
        "supplement": ("supplement", ("Mỹ Tho, ngày 05 tháng 02 năm 2026",), A4),
        "refusal": ("refusal", ("Mỹ Tho, ngày 05 tháng 02 năm 2026",), A4),
        "apology": (
            "main",
            (
                "Mỹ Tho, ngày 06 tháng 02 năm 2026",
                "09 giờ 30 phút, ngày 05 tháng 02 năm 2026",
                "17 giờ 00 phút, ngày 10 tháng 02 năm 2026",
                "16 giờ 30 phút, ngày 12 tháng 02 năm 2026",
            ),
            A4,
        ),
        "stop": (
            "stop",
            ("Mỹ Tho, ngày 06 tháng 02 năm 2026", "14 giờ 00 phút, ngày 05 tháng 02 năm 2026"),
            A4,
        ),
        "control-sheet": ("main", ("09 giờ 30 phút, ngày 05 tháng 02 năm 2026", "ngày 06 tháng 02 năm 2026"), A4),
    },
}
CASES = [(era, form) for era, forms in EXPECTED.items() for form in forms]


@pytest.fixture(scope="module")
def life(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Life]:
    world = build_life(tmp_path_factory.mktemp("life"))
    yield world
    world.ctx.close()


@pytest.mark.parametrize(("era", "form"), CASES, ids=[f"{e}-{f}" for e, f in CASES])
def test_paper_reads_back(life: Life, era: str, form: str) -> None:
    code = life.codes[era][form]
    data = form_pdf(life.ctx, form, code, now=NOW)
    applicant, dates, size = EXPECTED[era][form]
    title = TITLES[form] if isinstance(TITLES[form], str) else TITLES[form][era]  # type: ignore[index]
    pages = pages_text(data)
    for page in pages if form == "receipt" else pages[:1]:
        for expected in (COUNTRY, MOTTO, HEADINGS.get(form, DESK), title, code, NAMES[applicant], *dates):
            assert expected in page, (expected, page)
        assert "tháng 09" not in page and "UBND TỈNH" not in page  # no zero before September, no province line
        if form in HEADINGS:
            assert "UBND PHƯỜNG" not in page  # the committee's own paper names itself in full, with no parent
    assert sizes(data) == {size}
    assert_fonts_embedded_subsets(data)


def test_receipt_has_a_page_per_copy_and_the_qr_code(life: Life) -> None:
    data = form_pdf(life.ctx, "receipt", life.codes["2025"]["receipt"])
    pages = pages_text(data)
    assert len(pages) == 2
    assert "(Liên: Lưu)" in pages[0] and "(Liên: Giao khách hàng)" in pages[1]
    assert "Trung tâm Phục vụ hành chính công" in pages[0]  # the 2025 desk
    assert "03 ngày làm việc" in pages[0]  # processing time as the law writes it, whatever the screen language
    assert "Theo Nghị quyết của Hội đồng nhân dân tỉnh" in pages[0]  # fee "HĐND" worded
    # The QR code: one path of module runs, filled with the non-zero rule (overlaps stay dark), in a form XObject
    # both copies place.
    forms = [
        {name: ref.get_object().get_data() for name, ref in page["/Resources"]["/XObject"].items()}
        for page in reader(data).pages
    ]
    qr = [name for name, content in forms[0].items() if content.count(b" re") > 50]
    assert len(qr) == 1 and forms[0][qr[0]].rstrip().endswith(b"re\nf") and qr[0] in forms[1]


def test_desk_is_named_by_the_receipt_date_not_the_form_set(life: Life) -> None:
    """Received 08/09/2025: the 2018 forms were still in force, but the desk was already the ward's centre."""
    page = pages_text(form_pdf(life.ctx, "receipt", life.codes["2018"]["receipt"]))[0]
    assert "Trung tâm Phục vụ hành chính công phường Mỹ Tho tiếp nhận hồ sơ của: Nguyễn Thị Ánh Tuyết" in page
    assert "Bộ phận Tiếp nhận" not in page


def test_supplement_lists_each_missing_item_and_the_guide(life: Life) -> None:
    page = text(form_pdf(life.ctx, "supplement", life.codes["2025"]["supplement"]))
    assert "1 Giấy chứng sinh" in page and "2 Văn bản ủy quyền có chứng thực" in page
    assert "Võ Thanh Tùng" in page  # the officer who guides the applicant signs
    assert "0273 3872 135" in page  # the office's phone to call


def test_refusal_and_stop_give_the_reason(life: Life) -> None:
    assert "Không thuộc thẩm quyền giải quyết." in text(form_pdf(life.ctx, "refusal", life.codes["2025"]["refusal"]))
    stop = text(form_pdf(life.ctx, "stop", life.codes["2025"]["stop"]))
    assert "Lý do: Người yêu cầu đề nghị dừng giải quyết." in stop
    assert "Nguyễn Văn Hùng" in stop and "CHỦ TỊCH" in stop  # signed by the head


def test_control_sheet_rows_follow_the_hand_overs(life: Life) -> None:
    sheet = text(form_pdf(life.ctx, "control-sheet", life.codes["2025"]["control-sheet"]))
    # The demo staff work in the ward's departments since 1 July 2025 (NĐ 150/2025/NĐ-CP).
    assert "Giao: Phạm Thị Ngọc Ánh (Trung tâm Phục vụ hành chính công)" in sheet
    assert "Nhận: Huỳnh Thị Mỹ Linh (Văn phòng HĐND và UBND)" in sheet
    assert "Nhận: Trần Thị Thu Hà (Lãnh đạo UBND)" in sheet
    assert "Nhận: Ông/Bà Nguyễn Thị Ánh Tuyết" in sheet  # the result returned
    # Judged by the slip's date, not the apology's (QĐ 766/QĐ-TTg 2022): returned 11/02 after the slip's date.
    assert "Quá hạn" in sheet and "Sớm hạn" not in sheet and "Trễ hạn" not in sheet
    assert "(Trước hạn/đúng hạn/quá hạn)" in sheet and "TÊN CƠ QUAN" in sheet
    # The apology is a note: nobody gives the file to the applicant before the result is returned.
    assert sheet.count("Nhận: Ông/Bà Nguyễn Thị Ánh Tuyết") == 1 and "Xin lỗi, hẹn lại ngày trả" in sheet
    assert "Trang" not in sheet  # one page: no page number (NĐ 30/2020 numbers pages from the second)


def test_ledger_of_5000_dossiers_repeats_its_header(office: object) -> None:
    from isodesk.services.ledger.demo_ledger import fill_demo_ledger
    from isodesk.services.office.demo import fill_demo

    fill_demo(office, 0)  # type: ignore[arg-type]
    fill_demo_ledger(office, 5000, now=datetime(2026, 11, 20, 12, 0, tzinfo=LOCAL_TZ))  # type: ignore[arg-type]
    calls: list[tuple[int, int]] = []
    data = ledger_pdf(
        office,  # type: ignore[arg-type]
        date(2025, 11, 1),
        date(2026, 11, 30),
        progress=lambda done, total: calls.append((done, total)),
    )
    pages = pages_text(data)
    assert len(pages) > 100
    assert sizes(data) == {A4_LANDSCAPE}
    x_centre = (15 + (297 - 12)) / 2 * MM  # the middle of the frame, between the margins
    y_number = A4_LANDSCAPE[1] - 7.5 * MM
    assert not [t for t, _x, y in placed_text(data, 0) if y > A4_LANDSCAPE[1] - 15 * MM]  # none on page 1
    for number, page in enumerate(pages, start=1):
        assert "Mã hồ sơ" in page and "Tên thủ tục" in page and "Ghi chú" in page, number  # header on every page
        if number > 1:  # the number at the top centre from the second page (NĐ 30/2020, Phụ lục I, mục I.5)
            top = [(t, x, y) for t, x, y in placed_text(data, number - 1) if y > A4_LANDSCAPE[1] - 15 * MM]
            assert top == [(str(number), pytest.approx(x_centre, abs=10), pytest.approx(y_number, abs=6))], top
    assert "SỔ THEO DÕI HỒ SƠ" in pages[0] and "Mẫu số 07" in pages[0]
    codes = [c for page in pages for c in re.findall(r"(?<![\d/.:-])\d{1,4} (\S+- ?\d{6}-\d{4})", page)]
    assert len(codes) == len(set(codes)) == 5000  # every dossier once: nothing lost or repeated at page breaks
    assert calls[-1] == (calls[-1][1], calls[-1][1]) and calls == sorted(calls)
    assert_fonts_embedded_subsets(data)


def test_form_set_follows_the_receipt_date() -> None:
    assert form_set_on(date(2025, 9, 14))["id"] == "tt01-2018"
    assert form_set_on(date(2025, 9, 15))["id"] == "tt03-2025"
    assert form_set_on(date(2025, 9, 15))["confirmed"] is False  # the 2025 layouts are still to be checked


def test_renders_are_written_whole(life: Life, tmp_path: Path) -> None:
    from isodesk.services.printing import write_pdf

    out = write_pdf(tmp_path / "phieu.pdf", form_pdf(life.ctx, "refusal", life.codes["2018"]["refusal"]))
    assert out.read_bytes().startswith(b"%PDF") and [p.name for p in tmp_path.iterdir()] == ["phieu.pdf"]
