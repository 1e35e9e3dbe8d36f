"""A ward with four departments' people and dossiers handled by some of them, for audits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest

from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier
from isodesk.services.office.staff import add_staff

MARRIAGE_STATUS = "1.004873"  # Hộ tịch, 3 working days
BIRTH = "1.001193"  # Hộ tịch, same day
CIVIL_STATUS = "Tư pháp - Hộ tịch"


def at(y: int, m: int, d: int, hh: int = 9) -> datetime:
    return datetime(y, m, d, hh, 0, tzinfo=LOCAL_TZ)


@dataclass(frozen=True)
class People:
    an: int  # Tư pháp - Hộ tịch
    binh: int  # Văn phòng, received marriage-status dossiers at the desk
    cuong: int  # Địa chính, handled a birth registration (field Hộ tịch)
    dung: int  # Văn phòng, ties to nothing
    em: int  # Địa chính, ties to nothing


@pytest.fixture
def people(office: AppContext) -> People:
    an = add_staff(office, "Nguyễn Văn An", CIVIL_STATUS, "Công chức Tư pháp - Hộ tịch").id
    binh = add_staff(office, "Trần Thị Bình", "Văn phòng", "Công chức một cửa").id
    cuong = add_staff(office, "Lê Văn Cường", "Địa chính", "Công chức Địa chính").id
    dung = add_staff(office, "Phạm Thị Dung", "Văn phòng", "Thư ký ISO").id
    em = add_staff(office, "Hoàng Văn Em", "Địa chính", "Công chức Địa chính").id
    receive_dossier(office, MARRIAGE_STATUS, ApplicantInput("Võ Thị Sáu"), received_at=at(2026, 2, 2), officer_id=binh)
    birth = receive_dossier(office, BIRTH, ApplicantInput("Đỗ Văn Bảy"), received_at=at(2026, 2, 3)).code
    move_dossier(office, birth, "processing", at=at(2026, 2, 3, 10), to_staff_id=cuong)
    return People(an, binh, cuong, dung, em)
