"""Every unit of the province at a glance: enrolled or not, its last package, and its figures from the reduced
dossier records it sent (received, and the on-time rate as the ledger counts it: settled ahead of time or on
time over all settled)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from isodesk.db.models import AdminUnit, EnrolledUnit, ReceivedRecord
from isodesk.services.context import AppContext
from isodesk.services.province.imports import province_office
from isodesk.services.sync.records import DOSSIERS


@dataclass(frozen=True)
class UnitStatus:
    unit_code: str
    unit_name: str
    enrolled: bool
    confirmed: bool
    last_package_at: datetime | None
    sequence: int | None
    received: int
    on_time_rate: float | None
    qms_step: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit_code": self.unit_code,
            "unit_name": self.unit_name,
            "enrolled": self.enrolled,
            "confirmed": self.confirmed,
            "last_package_at": self.last_package_at.isoformat() if self.last_package_at else None,
            "sequence": self.sequence,
            "received": self.received,
            "on_time_rate": self.on_time_rate,
            "qms_step": self.qms_step,
        }


def province_status(ctx: AppContext) -> list[UnitStatus]:
    """Every commune and ward of the province, in code order."""
    office = province_office(ctx)
    with ctx.read() as s:
        units = s.execute(
            select(AdminUnit.code, AdminUnit.name)
            .where(AdminUnit.province_code == office.province_code)
            .order_by(AdminUnit.code)
        ).all()
        enrolled = {e.unit_code: e for e in s.scalars(select(EnrolledUnit))}
        figures: dict[str, dict[str, int]] = {}
        for code, body in s.execute(
            select(ReceivedRecord.unit_code, ReceivedRecord.body).where(ReceivedRecord.kind == DOSSIERS)
        ):
            counts = figures.setdefault(code, {"received": 0, "ahead": 0, "on_time": 0, "late": 0})
            counts["received"] += 1
            timeliness = json.loads(body).get("timeliness")
            if timeliness in ("ahead", "on_time", "late"):
                counts[timeliness] += 1
        out: list[UnitStatus] = []
        for code, name in units:
            e = enrolled.get(code)
            c = figures.get(code, {"received": 0, "ahead": 0, "on_time": 0, "late": 0})
            settled = c["ahead"] + c["on_time"] + c["late"]
            out.append(
                UnitStatus(
                    unit_code=code,
                    unit_name=name,
                    enrolled=e is not None,
                    confirmed=bool(e and e.confirmed),
                    last_package_at=e.last_package_at if e else None,
                    sequence=(e.last_sequence or None) if e else None,
                    received=c["received"],
                    on_time_rate=round((c["ahead"] + c["on_time"]) / settled, 4) if settled else None,
                    qms_step=None,
                )
            )
    return out
