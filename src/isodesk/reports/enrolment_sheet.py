"""The enrolment sheet a unit sends to the province with its first sync package (issue 13).

It names the unit and the fingerprint of the key that signs every package, so the provincial ISO working group
can enrol the key from a paper signed and stamped by the head, not from the package itself. It is signed by the
head of the office and, on receipt, by the province's officer who enrols it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from isodesk.reports.official import Page, body, build_pdf, field_table, signatures, title


@dataclass(frozen=True)
class EnrolmentSheet:
    office: str  # "Ủy ban nhân dân phường Mỹ Tho"
    unit_code: str
    province: str
    fingerprint: str
    day: date
    leader_title: str
    leader_name: str


def render_enrolment_sheet(sheet: EnrolmentSheet) -> bytes:
    page = Page()
    story: list[Flowable] = [
        *title("PHIẾU ĐĂNG KÝ KHÓA KÝ GÓI ĐỒNG BỘ ISO", subtitle=sheet.office),
        field_table(
            [
                ("Mục", "Nội dung"),
                ("Đơn vị", f"{sheet.office} (mã {sheet.unit_code})"),
                ("Tỉnh, thành phố", sheet.province),
                ("Dấu vân tay của khóa", sheet.fingerprint),
                ("Ngày lập phiếu", sheet.day.strftime("%d/%m/%Y")),
            ],
            [page.frame_width * 0.35, page.frame_width * 0.65],
        ),
        Spacer(1, 6 * mm),
        body(
            "Mọi gói đồng bộ (tệp .isosync) đơn vị gửi Tổ công tác ISO của tỉnh đều được ký bằng khóa riêng của đơn "
            "vị. Tổ công tác đăng ký dấu vân tay trên phiếu này và chỉ nhận những gói ký bằng đúng khóa đó: gói bị "
            "sửa, gói của khóa khác đều bị từ chối."
        ),
        body(
            "Gói đồng bộ không chứa tên, số định danh, địa chỉ, điện thoại, thư điện tử hay ghi chú về người dân "
            "(Luật Bảo vệ dữ liệu cá nhân, hiệu lực 01/01/2026)."
        ),
        body(
            "Khóa nằm trong thư mục dữ liệu của chương trình và trong mọi bản sao lưu. Nếu đơn vị phải tạo khóa mới "
            "(mất cả máy và các bản sao lưu), đơn vị gửi phiếu đăng ký mới."
        ),
        Spacer(1, 8 * mm),
        signatures(
            [
                ("Người nhận phiếu tại tỉnh", "(Ký, ghi rõ họ tên)", ""),
                (sheet.leader_title, "(Ký tên, đóng dấu)", sheet.leader_name),
            ],
            page.frame_width,
        ),
    ]
    return build_pdf(story, page, title="Phiếu đăng ký khóa ký gói đồng bộ", page_numbers=False)
