"""The province office's package for its units: its working-day calendar overlay and its procedure catalogue.

The package is the same signed format as a unit's (:mod:`isodesk.sync.format`), marked as going from the province
to its units, naming the province and signed with the province office's own key, made when the office was set up;
its fingerprint is on the province's enrolment sheet, which each unit compares before it applies a first package.
A province package is always full: the catalogue and the overlay are small, and a unit that missed a package loses
nothing by applying the next one. Sequence numbers and the chain of hashes go on as for a unit's packages, so a unit
sees a replay at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from isodesk import __version__
from isodesk.db.base import SyncedMixin
from isodesk.db.migrate import HEAD_REVISION
from isodesk.db.models import AdminUnit, CalendarOverride, ChangeCounter, Office, Procedure, SyncExport
from isodesk.db.types import utcnow
from isodesk.domain.permissions import Permission
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.sync.export import Exported, check_package_path, write_and_record
from isodesk.services.sync.keys import unit_key
from isodesk.sync.format import (
    CALENDAR_DAYS,
    FORMAT_VERSION,
    PROCEDURES,
    PROVINCE_TO_UNITS,
    TEMPLATES,
    Manifest,
)

#: What a calendar day carries, beside its date.
CALENDAR_FIELDS = ("kind", "note", "source", "confirmed")
#: What a procedure carries, beside its code: the catalogue's values and the province's own time and fee. The
#: unit's scope (in_scope) and its internal steps are the unit's own and never travel this way.
PROCEDURE_FIELDS = (
    "name",
    "field",
    "time_unit",
    "time_value",
    "cutoff_note",
    "fee",
    "exemptions",
    "components",
    "legal_basis",
    "notes",
    "source",
    "confidence",
    "office_time_unit",
    "office_time_value",
    "office_fee",
    "active",
)
#: Procedure columns stored as JSON text and carried as JSON lists.
JSON_FIELDS = ("components", "legal_basis")


def province_office(ctx: AppContext) -> Office:
    """The office, if it is the province's; a commune or ward office is told that this is the province's work."""
    with ctx.read() as s:
        office = s.scalars(select(Office)).one_or_none()
    if office is None or office.role != "province":
        raise UserError(
            _(
                "Only the province's office exports a package for its units. A commune or ward office applies the "
                "province's package with “isodesk sync import FILE”."
            )
        )
    return office


def _utc(value: datetime) -> str:
    return (value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)).isoformat()


def _record(row: SyncedMixin, province_code: str, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "uuid": str(row.uuid),
        "unit_code": province_code,
        "updated_at": _utc(row.updated_at),
        "change_seq": row.change_seq,
        **fields,
    }


def _jsonl(records: Iterable[dict[str, Any]]) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n" for r in records)


def province_records(session: Session, province_code: str) -> dict[str, bytes]:
    """The members of a province package: every calendar day of the overlay, every procedure of the catalogue (by
    code), and the templates member, empty in this version."""
    days = session.scalars(select(CalendarOverride).order_by(CalendarOverride.day))
    procedures = session.scalars(select(Procedure).order_by(Procedure.code))
    calendar = [
        _record(d, province_code, {"day": d.day.isoformat(), **{f: getattr(d, f) for f in CALENDAR_FIELDS}})
        for d in days
    ]
    catalogue = []
    for p in procedures:
        fields = {f: getattr(p, f) for f in PROCEDURE_FIELDS}
        for f in JSON_FIELDS:
            fields[f] = json.loads(fields[f] or "[]")
        catalogue.append(_record(p, province_code, {"code": p.code, **fields}))
    return {CALENDAR_DAYS: _jsonl(calendar), PROCEDURES: _jsonl(catalogue), TEMPLATES: b""}


def export_for_units(ctx: AppContext, out: str | Path) -> Exported:
    """Write the province's next package for its units to ``out``."""
    path = check_package_path(out)
    require(ctx, Permission.OFFICE_MANAGE)
    office = province_office(ctx)
    key = unit_key(ctx)
    with ctx.read() as s:
        province = s.get(AdminUnit, office.province_code)
        last = s.scalars(select(SyncExport).order_by(SyncExport.sequence.desc()).limit(1)).first()
        counter = s.scalar(select(func.max(ChangeCounter.value))) or 0
        data = province_records(s, office.province_code)
    now = utcnow()
    header = Manifest(
        format_version=FORMAT_VERSION,
        schema_version=HEAD_REVISION,
        unit_code=office.province_code,
        unit_name=province.name if province else office.province_code,
        sequence=(last.sequence + 1) if last else 1,
        previous_sha256=last.sha256 if last else "",
        created_at=now.isoformat(),
        program_version=__version__,
        period_start="",
        period_end=now.isoformat(),
        changes_from=0,
        changes_to=counter,
        full=True,
        public_key="",
        direction=PROVINCE_TO_UNITS,
    )
    return write_and_record(ctx, path, key, header, data, now)
