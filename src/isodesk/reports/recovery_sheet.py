"""The backup passphrase's recovery sheet: printed once when the office sets its passphrase, kept in a sealed
envelope apart from the USB sticks.

The passphrase itself is not printed: the program never holds it after it is set, and a PDF with it would be one
more copy to lose. The sheet names the office and the key (its fingerprint, which every encrypted copy carries),
leaves boxes to write the passphrase by hand, and says what losing it means and how a copy is restored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from isodesk.reports.official import Page, body, build_pdf, field_table, title


@dataclass(frozen=True)
class RecoverySheet:
    office: str  # "Ủy ban nhân dân phường Mỹ Tho"
    unit_code: str
    fingerprint: str
    day: date
    set_by: str


def _write_in_boxes(width: float) -> Table:
    rows = [["Cụm mật khẩu (viết tay, rõ từng chữ, có dấu):"], [""], [""], ["Người viết, ngày viết:"], [""]]
    table = Table(rows, colWidths=[width], rowHeights=[8 * mm, 14 * mm, 14 * mm, 8 * mm, 12 * mm])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, "black"),
                ("LINEBELOW", (0, 1), (-1, 2), 0.4, "grey"),
                ("FONTSIZE", (0, 0), (-1, -1), 12),
            ]
        )
    )
    return table


def render_recovery_sheet(sheet: RecoverySheet) -> bytes:
    page = Page()
    story: list[Flowable] = [
        *title("PHIẾU KHÔI PHỤC CỤM MẬT KHẨU SAO LƯU", subtitle=sheet.office),
        field_table(
            [
                ("Mục", "Nội dung"),
                ("Đơn vị", f"{sheet.office} (mã {sheet.unit_code})"),
                ("Dấu vân tay của khóa", sheet.fingerprint),
                ("Ngày đặt cụm mật khẩu", sheet.day.strftime("%d/%m/%Y")),
                ("Người đặt", sheet.set_by),
            ],
            [page.frame_width * 0.35, page.frame_width * 0.65],
        ),
        Spacer(1, 6 * mm),
        _write_in_boxes(page.frame_width),
        Spacer(1, 6 * mm),
        body(
            "Mọi bản sao lưu ghi ra thư mục khác hoặc USB, và bản sao dữ liệu cá nhân gửi cho công dân, đều được mã "
            "hóa (AES-256-GCM). Chương trình không lưu cụm mật khẩu: MẤT CỤM MẬT KHẨU THÌ KHÔNG AI MỞ ĐƯỢC CÁC BẢN "
            "SAO ĐÃ MÃ HÓA, kể cả người viết chương trình."
        ),
        body(
            "Cất phiếu này trong phong bì dán kín, trong tủ có khóa của cơ quan, tách riêng khỏi các USB sao lưu. "
            "Khi đổi cụm mật khẩu, in phiếu mới nhưng giữ phiếu cũ cho tới khi không còn dùng các bản sao cũ: trên máy "
            "khác, bản sao làm trước khi đổi chỉ mở được bằng cụm mật khẩu cũ."
        ),
        body(
            "Khôi phục: trong chương trình, Cài đặt › Sao lưu › Khôi phục…, chọn tệp .isodesk-enc và gõ cụm mật khẩu; "
            "hoặc dòng lệnh: isodesk restore TỆP --yes --passphrase-stdin. Bản sao có dấu vân tay khóa khác là của "
            "khóa khác (đơn vị khác, hoặc khóa cũ)."
        ),
    ]
    return build_pdf(story, page, title="Phiếu khôi phục cụm mật khẩu sao lưu", page_numbers=False)
