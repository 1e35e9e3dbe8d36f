"""The national list of administrative units, and the office's choice among them.

The current two-level list (34 provinces and cities; 3,321 communes, wards and special zones, in force
since 1 July 2025) comes from the ``vietnam-provinces`` package; it is copied into the database once,
with the current names valid from 1 July 2025, the names of merged units as aliases for searching, and a unit's
own former names, printed on the papers of their time (``resources/seed/unit-aliases.csv``, kind ``alias`` or
``former``, each with its legal source), so that names can change with an effective date without losing what was
printed before.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session

from isodesk.db.models import AdminUnit, AdminUnitName
from isodesk.domain import validation as v
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.text import nfc, search_key, sort_key
from isodesk.resources_path import resource_path
from isodesk.services.inputs import check

#: Date the two-level list came into force (Luật Tổ chức chính quyền địa phương 2025; NQ 202/2025/QH15).
TWO_LEVEL_SINCE = date(2025, 7, 1)
PROVINCE_TYPES = ("tỉnh", "thành phố trung ương")


@dataclass(frozen=True)
class UnitInfo:
    code: str
    name: str
    division_type: str
    province_code: str | None
    matched_alias: str | None = None

    @property
    def is_province(self) -> bool:
        return self.province_code is None


def normalise_code(code: str | int, *, province: bool) -> str:
    """Official codes are zero-padded: 2 digits for provinces ("01"), 5 for communes ("00070")."""
    return check(v.unit_code, str(code), province=province)


def display_name(name: str, division_type: str) -> str:
    """The package gives provinces without their type ("Cao Bằng"); papers write "Tỉnh Cao Bằng"."""
    if division_type == "tỉnh" and not name.lower().startswith("tỉnh "):
        return f"Tỉnh {name}"
    return name


def ensure_reference_data(session: Session) -> None:
    """Copy the unit list into the database the first time it is needed."""
    if session.execute(select(func.count()).select_from(AdminUnit)).scalar_one():
        return
    from vietnam_provinces import Province, Ward

    units: list[dict[str, object]] = []
    names: list[dict[str, object]] = []
    for p in Province.iter_all():
        code = normalise_code(int(p.code), province=True)
        name = display_name(p.name, p.division_type.value)
        units.append(
            dict(
                code=code,
                name=name,
                division_type=p.division_type.value,
                province_code=None,
                search_key=search_key(name),
            )
        )
        names.append(
            dict(
                unit_code=code,
                name=name,
                valid_from=TWO_LEVEL_SINCE,
                valid_to=None,
                is_alias=False,
                source="vietnam-provinces",
                search_key=search_key(name),
            )
        )
    for w in Ward.iter_all():
        code = normalise_code(int(w.code), province=False)
        units.append(
            dict(
                code=code,
                name=w.name,
                division_type=w.division_type.value,
                province_code=normalise_code(int(w.province_code), province=True),
                search_key=search_key(w.name),
            )
        )
        names.append(
            dict(
                unit_code=code,
                name=w.name,
                valid_from=TWO_LEVEL_SINCE,
                valid_to=None,
                is_alias=False,
                source="vietnam-provinces",
                search_key=search_key(w.name),
            )
        )
    seed = resource_path("seed", "unit-aliases.csv")
    with seed.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            names.append(
                dict(
                    unit_code=row["unit_code"],
                    name=nfc(row["old_name"]),
                    valid_from=None,
                    valid_to=date.fromisoformat(row["valid_to"]),
                    is_alias=row.get("kind", "alias") != "former",
                    source=row["source"],
                    search_key=search_key(row["old_name"]),
                )
            )
    session.execute(insert(AdminUnit), units)
    session.execute(insert(AdminUnitName), names)


def _info(unit: AdminUnit, alias: str | None = None) -> UnitInfo:
    return UnitInfo(unit.code, unit.name, unit.division_type, unit.province_code, alias)


def read_provinces(session: Session) -> list[UnitInfo]:
    rows = session.execute(select(AdminUnit).where(AdminUnit.province_code.is_(None))).scalars()
    return sorted(
        (_info(u) for u in rows), key=lambda u: sort_key(u.name.removeprefix("Tỉnh ").removeprefix("Thành phố "))
    )


def find_units(session: Session, province_code: str | None, text: str = "", limit: int = 200) -> list[UnitInfo]:
    """Communes of a province (or provinces when ``province_code`` is None) matching ``text``.

    The match is accent-insensitive and also looks at former names, so "tien giang" finds Đồng Tháp.
    """
    key = search_key(text)
    query = select(AdminUnit, AdminUnitName.name, AdminUnitName.is_alias).join(AdminUnit.names)
    query = query.where(
        AdminUnit.province_code.is_(None) if province_code is None else AdminUnit.province_code == province_code
    )
    if key:
        query = query.where(or_(AdminUnitName.search_key.contains(key), AdminUnit.code == text.strip()))
    seen: dict[str, UnitInfo] = {}
    for unit, name, is_alias in session.execute(query):
        if unit.code not in seen or (seen[unit.code].matched_alias and not is_alias):
            seen[unit.code] = _info(unit, name if is_alias else None)
    found = sorted(seen.values(), key=lambda u: sort_key(u.name))
    return found[:limit]


def read_unit(session: Session, code: str, *, province: bool) -> UnitInfo:
    unit = session.get(AdminUnit, normalise_code(code, province=province))
    if unit is None or (unit.province_code is None) != province:
        if province:
            raise UserError(_("There is no province or city with code {code}.").format(code=code))
        raise UserError(_("There is no commune, ward or special zone with code {code}.").format(code=code))
    return _info(unit)


def name_on(session: Session, code: str, day: date) -> str:
    """The unit's official name on ``day`` (for printing historical records): its former name before a change,
    e.g. the ward whose seat a merged ward took ("Phường 1" for Phường Mỹ Tho until 30 June 2025).

    Aliases are names of predecessor units kept for searching; they are never printed as this unit's name.
    """
    names = session.execute(
        select(AdminUnitName).where(AdminUnitName.unit_code == code, AdminUnitName.is_alias.is_(False))
    ).scalars()
    for n in names:
        if (n.valid_from is None or n.valid_from <= day) and (n.valid_to is None or day <= n.valid_to):
            return n.name
    unit = session.get(AdminUnit, code)
    return unit.name if unit else code
