"""Staff service: NFC input, departments matched accent-insensitively, Vietnamese order, search."""

from __future__ import annotations

import unicodedata

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
