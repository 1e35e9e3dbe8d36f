"""What the province's import page lists besides the results of an import: the units whose key waits for a person
to compare its fingerprint with the signed enrolment sheet, and the import log, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from isodesk.db.models import AdminUnit, EnrolledUnit, ImportLog
from isodesk.i18n import N_, _
from isodesk.services.context import AppContext
from isodesk.services.province.imports import HELD, IMPORTED, REJECTED, UNCHANGED, province_office

STATUS_NAMES = {IMPORTED: N_("imported"), UNCHANGED: N_("unchanged"), REJECTED: N_("rejected"), HELD: N_("held")}


def status_name(status: str) -> str:
    """What became of a package, in the user's language."""
    return _(STATUS_NAMES[status]) if status in STATUS_NAMES else status


@dataclass(frozen=True)
class HeldUnit:
    unit_code: str
    unit_name: str
    fingerprint: str
    enrolled_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit_code": self.unit_code,
            "unit_name": self.unit_name,
            "fingerprint": self.fingerprint,
            "enrolled_at": self.enrolled_at.isoformat(),
        }


@dataclass(frozen=True)
class LogEntry:
    at: datetime
    by: str
    file_name: str
    unit_code: str
    sequence: int | None
    status: str
    added: int
    updated: int
    reason: str


def held_units(ctx: AppContext) -> list[HeldUnit]:
    """Units whose first package came but whose key nobody has confirmed yet, in code order."""
    province_office(ctx)
    with ctx.read() as s:
        rows = s.scalars(select(EnrolledUnit).where(EnrolledUnit.confirmed.is_(False)).order_by(EnrolledUnit.unit_code))
        return [HeldUnit(r.unit_code, r.unit_name, r.fingerprint, r.enrolled_at) for r in rows]


def import_log(ctx: AppContext, limit: int = 500) -> list[LogEntry]:
    """The last ``limit`` import attempts, newest first: of the units' packages at the province, of the province's
    packages in a commune or ward."""
    with ctx.read() as s:
        rows = s.scalars(select(ImportLog).order_by(ImportLog.id.desc()).limit(limit))
        return [
            LogEntry(r.at, r.by, r.file_name, r.unit_code, r.sequence, r.status, r.added, r.updated, r.reason)
            for r in rows
        ]


def unit_names(ctx: AppContext) -> dict[str, str]:
    """The province's communes and wards by code, for lists that name a unit by its code."""
    office = province_office(ctx)
    with ctx.read() as s:
        rows = s.execute(select(AdminUnit.code, AdminUnit.name).where(AdminUnit.province_code == office.province_code))
        return {code: name for code, name in rows}
