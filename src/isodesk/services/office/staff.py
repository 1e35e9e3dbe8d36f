"""People of the office and the departments they belong to."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import Department, Staff
from isodesk.domain import validation as v
from isodesk.domain.permissions import Permission
from isodesk.i18n.text import person_sort_key, search_key
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check


@dataclass(frozen=True)
class StaffInfo:
    id: int
    name: str
    department: str
    position: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def find_or_add_department(session: Session, name: str) -> Department:
    """The department called ``name`` (accent- and case-insensitive), created if new."""
    key = search_key(name)
    found = session.execute(select(Department).where(Department.search_key == key)).scalars().first()
    if found is None:
        found = Department(name=name, search_key=key)
        session.add(found)
    return found


def add_staff(ctx: AppContext, name: str, department: str, position: str = "") -> StaffInfo:
    clean_name = check(v.person_name, name, v.STAFF_NAME)
    clean_dept = check(v.text, department, v.DEPARTMENT)
    clean_pos = check(v.text, position, v.POSITION)
    with ctx.unit_of_work() as s:
        require(s, Permission.STAFF_MANAGE)
        dept = find_or_add_department(s, clean_dept)
        person = Staff(name=clean_name, position=clean_pos, department=dept, search_key=search_key(clean_name))
        s.add(person)
        s.flush()
        return StaffInfo(person.id, person.name, dept.name, person.position)


def list_staff(ctx: AppContext, search: str = "") -> list[StaffInfo]:
    """Active staff in Vietnamese order (by given name), optionally filtered accent-insensitively."""
    key = search_key(check(v.text, search, v.SEARCH))
    with ctx.read() as s:
        query = select(Staff, Department.name).join(Staff.department).where(Staff.active.is_(True))
        if key:
            query = query.where(Staff.search_key.contains(key))
        rows = [StaffInfo(p.id, p.name, dept, p.position) for p, dept in s.execute(query)]
    return sorted(rows, key=lambda r: person_sort_key(r.name))
