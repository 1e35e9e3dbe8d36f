"""The office as its papers name it, from the office profile."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from isodesk.reports.official import Issuer, Signer
from isodesk.reports.papers import PaperOffice, fill
from isodesk.services.office.profile import OfficeProfile

_TYPES = ("Phường ", "Xã ", "Đặc khu ", "Thành phố ", "Tỉnh ")


def place_name(unit_name: str) -> str:
    """ "Mỹ Tho" from "Phường Mỹ Tho": the place on the date line (NĐ 30/2020, Phụ lục I, mục II.5)."""
    for prefix in _TYPES:
        if unit_name.startswith(prefix):
            return unit_name.removeprefix(prefix)
    return unit_name


def office_issuer(profile: OfficeProfile) -> Issuer:
    """ "UBND TỈNH ĐỒNG THÁP" over "UBND PHƯỜNG MỸ THO": the heading of papers the office issues."""
    return Issuer(
        body=f"UBND {profile.unit_name}", place=place_name(profile.unit_name), parent=f"UBND {profile.province_name}"
    )


def full_name(profile: OfficeProfile) -> str:
    """ "Ủy ban nhân dân phường Mỹ Tho", as the sentences of a paper name the office."""
    unit = profile.unit_name
    return f"Ủy ban nhân dân {unit[:1].lower()}{unit[1:]}"


def leader_title(profile: OfficeProfile) -> str:
    """The head's title as papers print it; "Chủ tịch" (the chairman) when the profile leaves it empty."""
    return profile.leader_title or "Chủ tịch"


def head_signer(profile: OfficeProfile, template: Mapping[str, Any]) -> Signer:
    """The head's signature block as a report's template words it ("TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH")."""
    return Signer(fill(template["signer"], {"leader_title": leader_title(profile).upper()}), profile.leader_name)


def paper_office(profile: OfficeProfile, form_set: dict[str, Any]) -> PaperOffice:
    issuer = office_issuer(profile)
    desk = form_set["desk"]
    return PaperOffice(
        office_issuer=issuer,
        desk_issuer=Issuer(body=desk, place=issuer.place, parent=issuer.body),
        name=full_name(profile),
        desk=desk,
        leader_title=leader_title(profile),
        leader_name=profile.leader_name,
        phone=profile.phone,
    )
