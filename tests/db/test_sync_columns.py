"""Every synced record gets its UUID, unit, times, author and change number without the services asking."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from isodesk.db.models import Department, Staff
from isodesk.services.accounts.accounts import add_account
from isodesk.services.context import AppContext
from isodesk.services.office.staff import add_staff


def test_new_records_are_stamped(office: AppContext) -> None:
    before = datetime.now(UTC) - timedelta(seconds=1)
    add_staff(office, "Trần Thị Thu Hà", "Lãnh đạo UBND", "Phó Chủ tịch")
    with office.read() as s:
        person = s.execute(select(Staff)).scalar_one()
        dept = s.execute(select(Department)).scalar_one()
    assert isinstance(person.uuid, uuid.UUID)
    assert person.unit_code == "28261" and dept.unit_code == "28261"
    assert person.created_at.tzinfo is not None and person.created_at >= before
    assert person.updated_by == "admin"
    assert person.change_seq == dept.change_seq > 0  # one user action, one change number


def test_change_number_grows_with_each_action_and_records_the_actor(office: AppContext) -> None:
    first = add_staff(office, "Lê Minh Đức", "Văn phòng", "")
    add_account(office, "thu.ky", "Lê Minh Đức", ["iso_secretary", "admin"], password="mat-khau-1")
    office.actor = "thu.ky"
    add_staff(office, "Phạm Thị Ngọc Ánh", "Một cửa", "")
    with office.read() as s:
        rows = {p.name: p for p in s.execute(select(Staff)).scalars()}
    assert rows["Phạm Thị Ngọc Ánh"].change_seq > rows[first.name].change_seq
    assert rows["Phạm Thị Ngọc Ánh"].updated_by == "thu.ky"

    seq_before = rows[first.name].change_seq
    with office.unit_of_work() as s:
        person = s.get(Staff, first.id)
        assert person is not None
        person.position = "Thư ký ISO"
    with office.read() as s:
        person = s.get(Staff, first.id)
        assert person is not None
        assert person.change_seq > rows["Phạm Thị Ngọc Ánh"].change_seq > seq_before
        assert person.updated_by == "thu.ky"


def test_a_failed_action_leaves_nothing(office: AppContext) -> None:
    with pytest.raises(RuntimeError), office.unit_of_work() as s:
        s.add(Department(name="Địa chính", search_key="dia chinh"))
        s.flush()
        raise RuntimeError("power cut")
    with office.read() as s:
        assert s.execute(select(Department)).first() is None
