"""Reading the trail: pages, one record's entries, a dossier's history in words."""

from __future__ import annotations

from datetime import datetime

import pytest

from isodesk.errors import UserError
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.accounts.accounts import add_account
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossier_edit import DossierCorrection, edit_dossier
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier
from isodesk.services.office.staff import add_staff
from isodesk.services.safety.trail import count_trail, dossier_history, list_trail, summary, trail_head


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=LOCAL_TZ)


def test_pages_newest_first_and_one_record(office: AppContext) -> None:
    total = count_trail(office)
    first = receive_dossier(office, "1.004873", ApplicantInput("Lê Thị Hoa"), received_at=at(16)).code
    receive_dossier(office, "1.004873", ApplicantInput("Trần Văn Bảy"), received_at=at(16))
    assert count_trail(office) == total + 6
    page = list_trail(office, limit=4)
    assert [e.seq for e in page] == list(range(total + 6, total + 2, -1))
    assert [e.seq for e in list_trail(office, limit=2, offset=4)] == [total + 2, total + 1]
    mine = list_trail(office, first)
    assert count_trail(office, first) == 3 and {e.label for e in mine} == {first}
    dossier_uuid = next(e.record_uuid for e in mine if e.table == "dossiers")
    assert [e.table for e in list_trail(office, dossier_uuid)] == ["dossiers"]
    assert trail_head(office)["seq"] == total + 6
    with pytest.raises(UserError):
        list_trail(office, limit=0)


def test_history_of_a_dossier_in_words(office: AppContext) -> None:
    linh = add_staff(office, "Huỳnh Thị Mỹ Linh", "Tư pháp - Hộ tịch")
    code = receive_dossier(
        office, "1.004873", ApplicantInput("Lê Thị Hoa", phone="0912345678"), received_at=at(16)
    ).code
    move_dossier(office, code, "processing", at=at(16, 10), to_staff_id=linh.id)
    edit_dossier(office, code, DossierCorrection(phone="0987654321", note="gọi lại"))
    history = dossier_history(office, code)
    assert [(item.action, item.table) for item, _changes in history] == [
        ("insert", "applicants"),
        ("insert", "dossiers"),
        ("insert", "dossier_events"),
        ("insert", "dossier_events"),
        ("update", "dossiers"),
        ("update", "applicants"),
        ("update", "dossiers"),
    ]
    handover = {c.field: (c.old, c.new) for c in history[4][1]}
    assert handover == {"status": ("đã tiếp nhận", "đang giải quyết"), "handler_id": ("—", "Huỳnh Thị Mỹ Linh")}
    (phone,) = history[5][1]
    assert (phone.name, phone.personal, phone.old, phone.new) == ("Điện thoại", True, "", "")
    item, described = history[5]
    assert summary(item, described) == "Điện thoại: đã thay đổi (không lưu giá trị trong nhật ký)"
    note = {c.field: (c.old, c.new) for c in history[6][1]}
    assert note == {"note": ("—", "gọi lại")}
    receipt = {c.field: c.new for c in history[2][1]}
    assert receipt["action"] == "đã tiếp nhận"  # the first step is named like the others
    event = {c.field: c.new for c in history[3][1]}
    assert event["action"] == "chuyển xử lý" and event["to_staff_id"] == "Huỳnh Thị Mỹ Linh"
    assert event["at"] == "10:00 16/11/2026"
    assert all("0912345678" not in c.old + c.new for _item, changes in history for c in changes)


def test_reading_the_whole_trail_needs_the_permission(office: AppContext) -> None:
    code = receive_dossier(office, "1.004873", ApplicantInput("Lê Thị Hoa"), received_at=at(16)).code
    add_account(office, "mot.cua", "Võ Thanh Tùng", ["officer"], password="Một cửa 2026!")
    office.actor = "mot.cua"
    with pytest.raises(UserError, match="xem và kiểm tra nhật ký thay đổi"):
        list_trail(office)
    with pytest.raises(UserError):
        count_trail(office)
    assert len(dossier_history(office, code)) == 3  # the history of a dossier is part of the dossier
    with pytest.raises(UserError, match="Không có hồ sơ"):
        dossier_history(office, "KHONG-CO")
