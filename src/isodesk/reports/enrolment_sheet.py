"""The enrolment sheet a unit sends to the province with its first sync package (issue 13).

It names the unit and the fingerprint of the key that signs every package, so the provincial ISO working group
can enrol the key from a paper signed and stamped by the head, not from the package itself. It is signed by the
head of the office and, on receipt, by the province's officer who enrols it.

The province's office prints its own sheet (``for_units``) for its communes and wards: the fingerprint of the key
that signs the province's packages (calendar, procedure catalogue), which each unit compares before it applies the
first one.
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
    for_units: bool = False  # the province's own sheet, sent to its units


def _province_story(sheet: EnrolmentSheet, page: Page) -> list[Flowable]:
    return [
        *title("PHIẾU THÔNG BÁO KHÓA KÝ GÓI ĐỒNG BỘ CỦA TỈNH", subtitle=sheet.office),
        field_table(
            [
                ("Mục", "Nội dung"),
                ("Tỉnh, thành phố", f"{sheet.province} (mã {sheet.unit_code})"),
                ("Dấu vân tay của khóa", sheet.fingerprint),
                ("Ngày lập phiếu", sheet.day.strftime("%d/%m/%Y")),
            ],
            [page.frame_width * 0.35, page.frame_width * 0.65],
        ),
        Spacer(1, 6 * mm),
        body(
            "Gói đồng bộ Tổ công tác ISO của tỉnh gửi các xã, phường (lịch ngày làm việc, danh mục thủ tục hành chính "
            "với thời hạn, phí, lệ phí, căn cứ pháp lý) đều được ký bằng khóa riêng của tỉnh. Khi nhận gói đầu tiên, "
            "đơn vị so dấu vân tay chương trình hiển thị với dấu vân tay trên phiếu này rồi mới áp dụng; từ đó chỉ "
            "nhận những gói ký bằng đúng khóa đó: gói bị sửa, gói của khóa khác đều bị từ chối."
        ),
        body(
            "Khóa nằm trong thư mục dữ liệu của chương trình và trong mọi bản sao lưu. Nếu tỉnh phải tạo khóa mới, "
            "tỉnh gửi phiếu thông báo mới cho các đơn vị."
        ),
        Spacer(1, 8 * mm),
        signatures(
            [
                ("Người nhận phiếu tại đơn vị", "(Ký, ghi rõ họ tên)", ""),
                (sheet.leader_title, "(Ký tên, đóng dấu)", sheet.leader_name),
            ],
            page.frame_width,
        ),
    ]


def render_enrolment_sheet(sheet: EnrolmentSheet) -> bytes:
    page = Page()
    if sheet.for_units:
        return build_pdf(_province_story(sheet, page), page, title="Phiếu thông báo khóa ký gói đồng bộ của tỉnh",
                         page_numbers=False)  # fmt: skip
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
