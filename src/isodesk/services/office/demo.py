"""Realistic demo data, so a newcomer can see every screen filled before entering their own.

The demo office is Phường Mỹ Tho (code 28261, Đồng Tháp) with a typical ward staff in the departments a ward's
People's Committee has had since 1 July 2025 (NĐ 150/2025/NĐ-CP): Văn phòng HĐND và UBND, Phòng Kinh tế – Hạ tầng
và Đô thị, Phòng Văn hóa – Xã hội and the Trung tâm Phục vụ hành chính công, under the committee's leaders; each
civil servant keeps the title of their field (Tư pháp - Hộ tịch, Địa chính - Xây dựng, Văn hóa - Xã hội, …).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from isodesk.db.models import Dossier, Staff
from isodesk.domain.permissions import Permission
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.text import search_key
from isodesk.services.accounts.accounts import DEFAULT_ADMIN
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.ledger.demo_ledger import fill_demo_ledger
from isodesk.services.office.profile import OfficeProfile, get_profile, init_office, is_initialised, update_profile
from isodesk.services.office.staff import find_or_add_department

DEMO_PROVINCE = "82"
DEMO_UNIT = "28261"

OFFICE = "Văn phòng HĐND và UBND"
ECONOMY = "Phòng Kinh tế – Hạ tầng và Đô thị"
SOCIETY = "Phòng Văn hóa – Xã hội"
CENTRE = "Trung tâm Phục vụ hành chính công"

DEMO_STAFF: tuple[tuple[str, str, str], ...] = (
    ("Nguyễn Văn Hùng", "Lãnh đạo UBND", "Chủ tịch UBND phường"),
    ("Trần Thị Thu Hà", "Lãnh đạo UBND", "Phó Chủ tịch UBND phường"),
    ("Lê Minh Đức", OFFICE, "Công chức Văn phòng HĐND và UBND, thư ký ISO"),
    ("Phạm Thị Ngọc Ánh", CENTRE, "Công chức tiếp nhận và trả kết quả"),
    ("Võ Thanh Tùng", CENTRE, "Công chức tiếp nhận và trả kết quả"),
    ("Huỳnh Thị Mỹ Linh", OFFICE, "Công chức Tư pháp - Hộ tịch"),
    ("Đặng Quốc Bảo", OFFICE, "Công chức Tư pháp - Hộ tịch"),
    ("Bùi Văn Sơn", ECONOMY, "Công chức Địa chính - Xây dựng"),
    ("Ngô Thị Kim Oanh", SOCIETY, "Công chức Văn hóa - Xã hội"),
    ("Trương Hoàng Nam", SOCIETY, "Công chức Lao động - Thương binh và Xã hội"),
    ("Đỗ Thị Hồng Nhung", ECONOMY, "Công chức Tài chính - Kế toán"),
)


#: A year of a typical ward's desk: a few hundred to a few thousand dossiers.
DEFAULT_DOSSIERS = 1500


@dataclass(frozen=True)
class DemoSummary:
    initialised_office: bool
    staff_added: int
    dossiers_added: int

    def to_dict(self) -> dict[str, object]:
        return {
            "initialised_office": self.initialised_office,
            "staff_added": self.staff_added,
            "dossiers_added": self.dossiers_added,
        }


def demo_people(profile: OfficeProfile) -> list[tuple[str, str, str]]:
    """The demo staff, with the office's own head, ISO representative and ISO secretary (as the wizard took them)
    in the places of the demo's, so that the office does not get two chairmen."""
    own = (profile.leader_name, profile.iso_representative, profile.iso_secretary)
    people = [(name or demo, dept, position) for name, (demo, dept, position) in zip(own, DEMO_STAFF, strict=False)]
    return people + list(DEMO_STAFF[len(own) :])


def fill_demo(ctx: AppContext, dossiers: int | None = None) -> DemoSummary:
    """Fill the office with demo data; set up the demo office first if the folder is empty."""
    created = False
    if not is_initialised(ctx):
        init_office(
            ctx,
            province_code=DEMO_PROVINCE,
            unit_code=DEMO_UNIT,
            leader_name=DEMO_STAFF[0][0],
            iso_representative=DEMO_STAFF[1][0],
            iso_secretary=DEMO_STAFF[2][0],
            address="Số 25 đường Hùng Vương, phường Mỹ Tho, tỉnh Đồng Tháp",
        )
        # Whoever sets up an empty folder acts as the administrator it creates (the wizard and ``init`` alike).
        ctx.actor = ctx.actor or DEFAULT_ADMIN
        update_profile(
            ctx,
            agency_code="000.00.28.H20",
            phone="0273 3872 135",
            email="ubndmytho@dongthap.gov.vn",
            contact_name="Võ Thanh Tùng",
            contact_phone="0273 3872 135",
        )
        created = True
    added = 0
    people = demo_people(get_profile(ctx))
    with ctx.unit_of_work() as s:
        require(s, Permission.DEMO_LOAD)
        existing = set(s.execute(select(Staff.search_key)).scalars())
        for name, dept, position in people:
            key = search_key(name)
            if key in existing:
                continue
            s.add(Staff(name=name, position=position, department=find_or_add_department(s, dept), search_key=key))
            s.flush()
            existing.add(key)  # a typed leader who bears a later demo name is not added twice
            added += 1
        has_dossiers = s.execute(select(Dossier.id).limit(1)).first() is not None
    wanted = DEFAULT_DOSSIERS if dossiers is None else dossiers
    if wanted < 0 or wanted > 5_000_000:
        raise UserError(_("The number of demo dossiers must be between 0 and 5,000,000."))
    made = 0
    if wanted and (dossiers is not None or not has_dossiers):
        made = fill_demo_ledger(ctx, wanted)
    return DemoSummary(created, added, made)
