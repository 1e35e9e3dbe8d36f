"""The office as its papers name it: from the office profile, with the unit's and the desk's names of the paper's
date (a dossier received before 1 July 2025 keeps the names of then)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from isodesk.reports.official import Issuer, Signer
from isodesk.reports.papers import PaperOffice, fill
from isodesk.services.office.profile import OfficeProfile
from isodesk.services.office.units import name_on
from isodesk.services.printing.templates import desk_on

_TYPES = ("Phường ", "Xã ", "Đặc khu ", "Thành phố ", "Thị trấn ", "Tỉnh ")


def place_name(unit_name: str) -> str:
    """ "Mỹ Tho" from "Phường Mỹ Tho": the place on the date line (NĐ 30/2020, Phụ lục I, mục II.5)."""
    for prefix in _TYPES:
        if unit_name.startswith(prefix):
            return unit_name.removeprefix(prefix)
    return unit_name


def in_sentence(unit_name: str) -> str:
    """ "phường Mỹ Tho" as running text writes a unit: its type in lower case, its name capitalised; a unit named
    by a number keeps the capital ("Phường 1") (NĐ 30/2020, Phụ lục II, mục II.3)."""
    for prefix in _TYPES:
        if unit_name.startswith(prefix):
            rest = unit_name.removeprefix(prefix)
            return unit_name if rest[:1].isdigit() else f"{prefix.lower()}{rest}"
    return unit_name


def committee_issuer(unit_name: str, place: str) -> Issuer:
    """ "ỦY BAN NHÂN DÂN" over "PHƯỜNG MỸ THO": the heading of the committee's own papers, with no parent line
    (NĐ 30/2020, Phụ lục I, mục II.3: only a parent body's name is abbreviated)."""
    return Issuer(body=f"Ủy ban nhân dân\n{unit_name}", place=place)


def office_issuer(profile: OfficeProfile) -> Issuer:
    """The committee's heading under its current name (reports, QMS documents, the ledger)."""
    return committee_issuer(profile.unit_name, place_name(profile.unit_name))


def full_name(profile: OfficeProfile, unit_name: str | None = None) -> str:
    """ "Ủy ban nhân dân phường Mỹ Tho", as the sentences of a paper name the office."""
    return f"Ủy ban nhân dân {in_sentence(unit_name or profile.unit_name)}"


def authority_name(profile: OfficeProfile) -> str:
    """ "UBND phường Mỹ Tho": the competent authority in a table cell (the ledger's column)."""
    return f"UBND {in_sentence(profile.unit_name)}"


def desk_name(day: date, unit_name: str) -> str:
    """The desk as sentences name it on ``day``: "Bộ phận Tiếp nhận và Trả kết quả" before 1 July 2025, then
    "Trung tâm Phục vụ hành chính công phường Mỹ Tho" (NĐ 118/2025/NĐ-CP): the names are data by date."""
    desk = desk_on(day)
    return f"{desk['name']} {in_sentence(unit_name)}" if desk.get("of_unit") else str(desk["name"])


def leader_title(profile: OfficeProfile) -> str:
    """The head's title as papers print it; "Chủ tịch" (the chairman) when the profile leaves it empty."""
    return profile.leader_title or "Chủ tịch"


def head_signer(profile: OfficeProfile, template: Mapping[str, Any]) -> Signer:
    """The head's signature block as a report's template words it ("TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH")."""
    return Signer(fill(template["signer"], {"leader_title": leader_title(profile).upper()}), profile.leader_name)


def paper_office(session: Session, profile: OfficeProfile, day: date) -> PaperOffice:
    """The office as the papers of a dossier received on ``day`` name it: the unit under its name of that day
    (the unit list keeps former names), the desk under its name of that day."""
    unit = name_on(session, profile.unit_code, day)
    place = place_name(profile.unit_name)  # the locality on the date line does not change with the unit's name
    return PaperOffice(
        office_issuer=committee_issuer(unit, place),
        desk_issuer=Issuer(body=str(desk_on(day)["name"]), place=place, parent=f"UBND {unit}"),
        name=full_name(profile, unit),
        desk=desk_name(day, unit),
        leader_title=leader_title(profile),
        leader_name=profile.leader_name,
        phone=profile.phone,
    )
