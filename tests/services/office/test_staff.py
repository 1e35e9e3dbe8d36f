"""Staff service: NFC input, departments matched accent-insensitively, Vietnamese order, search."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from isodesk.errors import UserError
from isodesk.services.context import AppContext
from isodesk.services.office.staff import add_staff, list_staff


def test_add_staff_stores_nfc_text(office: AppContext) -> None:
    info = add_staff(office, unicodedata.normalize("NFD", "  Nguyễn Văn Đức "), "Văn phòng", "Công chức")
    assert info.name == "Nguyễn Văn Đức"
    assert unicodedata.is_normalized("NFC", info.name)
    assert [s.name for s in list_staff(office)] == ["Nguyễn Văn Đức"]


def test_department_is_shared_whatever_the_accents(office: AppContext) -> None:
    add_staff(office, "Trần Thị Hoa", "Văn phòng")
    second = add_staff(office, "Lê Văn An", "VAN PHONG")
    assert second.department == "Văn phòng"


def test_list_is_in_vietnamese_order_by_given_name(office: AppContext) -> None:
    """Letters first (a < â, so Ánh < Ân), tones only break ties."""
    for name in ["Nguyễn Văn Đức", "Trần Thị Dung", "Lê Văn Ân", "Phạm Thị An", "Võ Ánh"]:
        add_staff(office, name, "Tư pháp - Hộ tịch")
    assert [s.name for s in list_staff(office)] == [
        "Phạm Thị An",
        "Võ Ánh",
        "Lê Văn Ân",
        "Trần Thị Dung",
        "Nguyễn Văn Đức",
    ]


def test_search_is_accent_insensitive(office: AppContext) -> None:
    add_staff(office, "Nguyễn Văn Đức", "Văn phòng")
    add_staff(office, "Trần Thị Hoa", "Văn phòng")
    assert [s.name for s in list_staff(office, "duc")] == ["Nguyễn Văn Đức"]


@pytest.mark.parametrize(
    ("name", "department"), [("", "Văn phòng"), ("   ", "Văn phòng"), ("An", ""), ("x" * 201, "VP")]
)
def test_bad_input_is_refused_and_nothing_saved(office: AppContext, name: str, department: str) -> None:
    with pytest.raises(UserError):
        add_staff(office, name, department)
    assert list_staff(office) == []


def test_demo_staff_work_in_the_wards_departments_since_july_2025(office: AppContext) -> None:
    """A ward's People's Committee has, since 1 July 2025, these departments and its centre (NĐ 150/2025/NĐ-CP)."""
    from isodesk.services.office.demo import fill_demo

    fill_demo(office, 0)
    departments = {s.department for s in list_staff(office)}
    assert departments == {
        "Lãnh đạo UBND",
        "Văn phòng HĐND và UBND",
        "Phòng Kinh tế – Hạ tầng và Đô thị",
        "Phòng Văn hóa – Xã hội",
        "Trung tâm Phục vụ hành chính công",
    }


def test_demo_staff_take_the_leaders_the_office_was_set_up_with(data_dir: Path) -> None:
    """An office set up with its own chairman gets demo staff around him, not a second chairman."""
    from isodesk.services.context import open_context
    from isodesk.services.office.demo import fill_demo
    from isodesk.services.office.profile import init_office

    ctx = open_context(data_dir)
    try:
        init_office(ctx, province_code="82", unit_code="28261", leader_name="Trần Văn Bảy", iso_secretary="Lê Thị Mai")
        fill_demo(ctx, 0)
        staff = list_staff(ctx)
        chairmen = [p.name for p in staff if p.position == "Chủ tịch UBND phường"]
        assert chairmen == ["Trần Văn Bảy"]
        assert [p.name for p in staff if "thư ký ISO" in p.position] == ["Lê Thị Mai"]
        assert "Trần Thị Thu Hà" in {p.name for p in staff}  # no ISO representative typed: the demo's stays
        assert len(staff) == 11
    finally:
        ctx.close()
