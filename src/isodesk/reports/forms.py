"""One-stop-shop forms as PDF: the receipt and appointment slip, and the dossier ledger.

Fields follow DOMAIN.md §2 (TT 01/2018/TT-VPCP forms 01 and 06; TT 03/2025/TT-VPCP forms 01 and 07). The fixed
wording, paper and copies come from ``resources/forms/form-sets.json`` so a province can adjust them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from isodesk.i18n.dates import official_date
from isodesk.i18n.text import nfc
from isodesk.reports.fonts import official_font
from isodesk.reports.official import Issuer, Page, build_pdf, heading, para, signatures, style, t


@dataclass(frozen=True)
class ReceiptSlip:
    code: str
    applicant: str
    address: str
    phone: str
    email: str
    procedure: str
    components: Sequence[str]
    sets: int
    processing_time: str
    received: datetime  # Vietnam time
    due: datetime
    fee: str
    book_number: int
    book_year: int
    officer: str


@dataclass(frozen=True)
class LedgerRow:
    number: int
    code: str
    procedure: str
    sets: int
    applicant: str
    contact: str
    authority: str
    received: datetime
    due: datetime | None
    handed_over: datetime | None
    result_back: datetime | None
    returned: datetime | None
    note: str


def time_words(moment: datetime) -> str:
    """ "09 giờ 30 phút, ngày 05 tháng 02 năm 2026" as slips write times."""
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút, {official_date(moment.date())}"


@lru_cache(maxsize=64)
def _qr(text: str, size: float) -> Drawing:
    """The QR code of a dossier code, built once for both copies (each module is a shape: building it is slow)."""
    widget = QrCodeWidget(text)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def _receipt_copy(slip: ReceiptSlip, issuer: Issuer, template: dict[str, Any], copy: str, page: Page) -> list[Flowable]:
    width = page.frame_width
    size = 10 if page.size == "A5" else 12
    story: list[Flowable] = [heading(issuer, slip.code, slip.received.date(), width, size=size - 1.5)]
    title = Table(
        [
            [
                [
                    para(template["title"], size + 1, bold=True, align=TA_CENTER),
                    para(f"Mã hồ sơ: {slip.code}", size, bold=True, align=TA_CENTER),
                    para(f"({copy})", size - 1, italic=True, align=TA_CENTER),
                ],
                _qr(slip.code, 20 * mm),
            ]
        ],
        colWidths=[width - 22 * mm, 22 * mm],
    )
    title.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story += [Spacer(1, 2 * mm), title, Spacer(1, 2 * mm)]
    lines = [
        f"{issuer.body} tiếp nhận hồ sơ của: {slip.applicant}",
        f"Địa chỉ: {slip.address or '.....'}",
        f"Số điện thoại: {slip.phone or '.....'}    Thư điện tử: {slip.email or '.....'}",
        f"Nội dung yêu cầu giải quyết: {slip.procedure}",
        "1. Thành phần hồ sơ nộp gồm:",
    ]
    story += [para(line, size) for line in lines]
    rows: list[list[Any]] = [["TT", "Tên loại giấy tờ", "Bản chính", "Bản sao"]]
    rows += [[str(i), Paragraph(t(name), style(size - 1.5)), "", ""] for i, name in enumerate(slip.components, 1)]
    if len(rows) == 1:
        rows.append(["1", "", "", ""])
    table = Table(rows, colWidths=[8 * mm, width - 44 * mm, 18 * mm, 18 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), official_font().name("bold"), size - 1),
                ("FONT", (0, 1), (-1, -1), official_font().name(), size - 1),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ]
        )
    )
    story.append(table)
    more = [
        f"2. Số lượng hồ sơ: {slip.sets:02d} (bộ)",
        f"3. Thời gian giải quyết hồ sơ theo quy định là: {slip.processing_time}",
        f"4. Thời gian nhận hồ sơ: {time_words(slip.received)}",
        f"5. Thời gian trả kết quả giải quyết hồ sơ: {time_words(slip.due)}",
        f"6. Đăng ký nhận kết quả tại: {template['return_place']}",
        f"Lệ phí: {slip.fee or 'Không'}",
        f"Vào Sổ theo dõi hồ sơ, Quyển số: {slip.book_year}, Số thứ tự: {slip.book_number}",
    ]
    story += [para(line, size) for line in more]
    story.append(Spacer(1, 2 * mm))
    story.append(
        signatures(
            [
                (template["applicant_title"], "(Ký và ghi rõ họ tên)", slip.applicant),
                (template["officer_title"], "(Ký và ghi rõ họ tên)", slip.officer),
            ],
            width,
            size,
            gap_lines=2,
        )
    )
    return story


def render_receipt(slip: ReceiptSlip, issuer: Issuer, template: dict[str, Any]) -> bytes:
    """Form 01, one page per copy ("Liên: Lưu", "Liên: Giao khách hàng")."""
    page = Page(size=template.get("paper", "A5"), top=12 * mm, bottom=12 * mm, left=18 * mm, right=12 * mm)
    story: list[Flowable] = []
    for i, copy in enumerate(template["copies"]):
        if i:
            story.append(PageBreak())
        story += _receipt_copy(slip, issuer, template, copy, page)
    return build_pdf(story, page, title=f"{template['title']} {slip.code}")


def render_ledger(
    rows: Sequence[LedgerRow], issuer: Issuer, template: dict[str, Any], start: date, end: date, printed: date
) -> bytes:
    """Form 06/07: A4 landscape, the header row repeated on every page, page numbers."""
    page = Page(size="A4", landscape=True, top=15 * mm, bottom=15 * mm, left=15 * mm, right=12 * mm)
    width = page.frame_width
    size = 8.5
    story: list[Flowable] = [
        heading(issuer, None, printed, width, size=11),
        Spacer(1, 3 * mm),
        para(template["title"], 14, bold=True, align=TA_CENTER),
        para(f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}", 11, italic=True, align=TA_CENTER),
        para(template["number"], 9, italic=True, align=TA_RIGHT),
        Spacer(1, 2 * mm),
    ]
    header = [
        "TT",
        "Mã hồ sơ",
        "Tên thủ tục",
        "Số bộ",
        "Tên cá nhân, tổ chức",
        "Địa chỉ, số điện thoại",
        "Cơ quan chủ trì giải quyết",
        "Nhận hồ sơ",
        "Hẹn trả kết quả",
        "Chuyển hồ sơ đến cơ quan giải quyết",
        "Nhận kết quả từ cơ quan giải quyết",
        "Trả kết quả cho cá nhân, tổ chức",
        "Ghi chú",
    ]
    data: list[list[Any]] = [
        [Paragraph(t(h), style(size, bold=True, align=TA_CENTER, leading=size * 1.2)) for h in header]
    ]
    fractions = [0.035, 0.1, 0.14, 0.03, 0.085, 0.085, 0.075, 0.075, 0.075, 0.075, 0.075, 0.075, 0.06]
    widths = [width * f for f in fractions]
    font = official_font().name()
    # Plain strings wrapped once here, not a Paragraph per cell: ten times faster on a ledger of thousands of rows.

    def wrap(text: str, column: int) -> str:
        return "\n".join(simpleSplit(nfc(text), font, size, widths[column] - 6))

    def code_lines(code: str) -> str:
        head, sep, tail = code.partition("-")
        return f"{head}{sep}\n{tail}" if sep and stringWidth(code, font, size) > widths[1] - 6 else code

    def when(moment: datetime | None) -> str:
        return moment.strftime("%d/%m/%Y\n%H:%M") if moment else ""

    for r in rows:
        data.append(
            [
                str(r.number),
                code_lines(r.code),
                wrap(r.procedure, 2),
                str(r.sets),
                wrap(r.applicant, 4),
                wrap(r.contact, 5),
                wrap(r.authority, 6),
                when(r.received),
                when(r.due),
                when(r.handed_over),
                when(r.result_back),
                when(r.returned),
                wrap(r.note, 12),
            ]
        )
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 1), (-1, -1), official_font().name(), size),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (3, 1), (3, -1), "CENTER"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ]
        )
    )
    story.append(table)
    return build_pdf(story, page, title=f"{template['title']} {start:%d/%m/%Y}-{end:%d/%m/%Y}", page_numbers=True)
