"""Correcting a dossier: who may, on an open and on a closed dossier, and what is saved."""

from __future__ import annotations

from datetime import datetime

import pytest

from isodesk.errors import UserError
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.accounts.accounts import add_account
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossier_edit import DossierCorrection, edit_dossier
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier, show_dossier
from isodesk.services.office.staff import add_staff

PASSWORD = "Một cửa 2026!"


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=LOCAL_TZ)


@pytest.fixture
def desk(office: AppContext) -> dict[str, int]:
    """Two desk officers and a handler, each with an account linked to their staff row; a leader."""
    ids = {}
    for username, name, dept in (
        ("anh", "Phạm Thị Ngọc Ánh", "Bộ phận một cửa"),
        ("tung", "Võ Thanh Tùng", "Bộ phận một cửa"),
        ("linh", "Huỳnh Thị Mỹ Linh", "Tư pháp - Hộ tịch"),
    ):
        ids[username] = add_staff(office, name, dept).id
        add_account(office, username, name, ["officer"], staff_id=ids[username], password=PASSWORD)
    add_account(office, "chu.tich", "Nguyễn Văn Hùng", ["leader"], password=PASSWORD)
    return ids


def _closed_by_anh(office: AppContext, desk: dict[str, int]) -> str:
    office.actor = "anh"
    code = receive_dossier(
        office, "1.004873", ApplicantInput("Nguyễn Văn Bình", phone="0912345678"), received_at=at(16)
    ).code
    move_dossier(office, code, "processing", at=at(16, 10), to_staff_id=desk["linh"])
    move_dossier(office, code, "ready", at=at(17))
    move_dossier(office, code, "returned", at=at(18), rating=1)
    return code


def test_receiving_officer_is_the_signed_in_one(office: AppContext, desk: dict[str, int]) -> None:
    office.actor = "tung"
    code = receive_dossier(office, "1.004873", ApplicantInput("Lê Thị Hoa"), received_at=at(16)).code
    assert show_dossier(office, code)["handler"] == "Võ Thanh Tùng"


def test_another_officer_may_correct_an_open_dossier(office: AppContext, desk: dict[str, int]) -> None:
    office.actor = "anh"
    code = receive_dossier(office, "1.004873", ApplicantInput("Lê Thị Hoa"), received_at=at(16)).code
    office.actor = "tung"
    result = edit_dossier(office, code, DossierCorrection(phone="0987 654 321", sets=2, note="bổ sung bản sao"))
    assert result == {"code": code, "changed": ["phone", "sets", "note"]}
    shown = show_dossier(office, code)
    assert (shown["applicant"]["phone"], shown["sets"], shown["note"]) == (
        "0987 654 321",
        2,
        "bổ sung bản sao",
    )  # stored without separators


def test_an_officer_cannot_edit_another_officers_closed_dossier(office: AppContext, desk: dict[str, int]) -> None:
    code = _closed_by_anh(office, desk)
    office.actor = "tung"
    with pytest.raises(UserError) as err:
        edit_dossier(office, code, DossierCorrection(note="sửa lén"))
    assert code in err.value.message and "“tung” không tiếp nhận cũng không xử lý" in err.value.message
    assert show_dossier(office, code)["note"] == ""

    # Those who took part may: the receiving officer, and the officer it was handed to.
    office.actor = "anh"
    edit_dossier(office, code, DossierCorrection(note="người nộp đổi số điện thoại"))
    office.actor = "linh"
    edit_dossier(office, code, DossierCorrection(email="binh@example.vn"))
    # A leader may correct any dossier.
    office.actor = "chu.tich"
    edit_dossier(office, code, DossierCorrection(sets=3))
    shown = show_dossier(office, code)
    assert (shown["note"], shown["applicant"]["email"], shown["sets"]) == (
        "người nộp đổi số điện thoại",
        "binh@example.vn",
        3,
    )


def test_an_officer_without_a_staff_link_who_recorded_a_step_took_part(office: AppContext) -> None:
    add_account(office, "thu.ky", "Lê Minh Đức", ["officer"], password=PASSWORD)
    add_account(office, "khac", "Đỗ Thị Hồng Nhung", ["officer"], password=PASSWORD)
    code = receive_dossier(office, "1.004873", ApplicantInput("Lê Thị Hoa"), received_at=at(16)).code
    office.actor = "thu.ky"
    move_dossier(office, code, "refused", at=at(16, 10), note="không thuộc thẩm quyền")
    edit_dossier(office, code, DossierCorrection(note="đã hướng dẫn nộp nơi khác"))
    office.actor = "khac"
    with pytest.raises(UserError):
        edit_dossier(office, code, DossierCorrection(note="x"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (DossierCorrection(phone="gọi tôi"), "Số điện thoại “gọi tôi” không hợp lệ"),
        (DossierCorrection(email="binh@"), "Địa chỉ thư điện tử “binh@” không hợp lệ"),
        (DossierCorrection(sets=0), "từ 1 đến 99"),
        (DossierCorrection(note="x" * 1001), "tối đa 1000"),
    ],
)
def test_bad_corrections_are_refused(office: AppContext, change: DossierCorrection, message: str) -> None:
    code = receive_dossier(office, "1.004873", ApplicantInput("Lê Thị Hoa"), received_at=at(16)).code
    with pytest.raises(UserError, match=message):
        edit_dossier(office, code, change)
    with pytest.raises(UserError, match="Không có hồ sơ"):
        edit_dossier(office, "KHONG-CO", DossierCorrection(sets=2))
