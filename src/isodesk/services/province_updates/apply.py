"""Applying the province's package in a commune or ward office.

The package is verified whole first (:func:`isodesk.sync.package.read_package`): it must go from the province to
its units and come from this office's own province. The province's key is enrolled on the first package, which is
held until a person has compared its fingerprint with the province's signed enrolment sheet (confirmed with
``isodesk sync trust-province``, the GUI's button, or an import told ``--trust-new``); from then on only packages
signed with that key apply, any other is rejected. The same package again, or an older one, changes nothing.

What wins when the unit changed something itself: the province's values, for what the province publishes: a
procedure's name, field, times, fees, exemptions, documents, legal basis and the catalogue's remarks, its own time
and fee (the office's time and fee are the province's by definition), and whether it is still in use; and the days
of the calendar overlay the province announces. The unit's own: whether a procedure is in the scope of its QMS and
its internal steps (never touched), procedures the province does not list, and calendar days the province never
announced (a day is the province's when the shipped overlay or an earlier province package had it: only such a day
is withdrawn when the province withdraws it).

Every change is listed before it is applied (a dry run writes nothing) and the package is applied in one
transaction; calendar changes go to the calendar's log as a person's would.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import AdminUnit, CalendarChange, CalendarOverride, Office, Procedure, ProvinceKey
from isodesk.db.types import utcnow
from isodesk.domain import validation as v
from isodesk.domain.deadlines import TimeUnit
from isodesk.domain.permissions import Permission
from isodesk.domain.procedures import MAX_TIME, UNKNOWN, parse_time
from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.i18n.text import search_key
from isodesk.resources_path import resource_path
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.ledger.calendar import describe_time
from isodesk.services.province.imports import (
    HELD,
    IMPORTED,
    REJECTED,
    UNCHANGED,
    ImportResult,
    keep_refusal,
    log_attempt,
)
from isodesk.services.province_updates.export import CALENDAR_FIELDS, JSON_FIELDS, PROCEDURE_FIELDS
from isodesk.sync import signing
from isodesk.sync.format import CALENDAR_DAYS, PROCEDURES, PROVINCE_TO_UNITS, TEMPLATES
from isodesk.sync.package import Package, PackageError, read_package

#: What a change does.
ADDED, CHANGED, REMOVED = "added", "changed", "removed"
#: What a change is about.
CALENDAR, PROCEDURE = "calendar", "procedure"
#: How a procedure's changes are shown: the time as one value (unit and number), the rest column by column.
SHOWN_FIELDS = (
    "name",
    "field",
    "time",
    "cutoff_note",
    "fee",
    "exemptions",
    "components",
    "legal_basis",
    "notes",
    "source",
    "confidence",
    "office_time",
    "office_fee",
    "active",
)
_TEXT_LIMIT = 20_000
#: How the change list names a field.
FIELD_LABELS = {
    "name": N_("name"),
    "field": N_("field"),
    "time": N_("processing time"),
    "cutoff_note": N_("cut-off note"),
    "fee": N_("fee"),
    "exemptions": N_("exemptions"),
    "components": N_("documents"),
    "legal_basis": N_("legal basis"),
    "notes": N_("catalogue notes"),
    "source": N_("source"),
    "confidence": N_("confidence"),
    "office_time": N_("the province's processing time"),
    "office_fee": N_("the province's fee"),
    "active": N_("in use"),
    "kind": N_("day"),
    "note": N_("note"),
    "confirmed": N_("confirmed"),
}


def field_label(name: str) -> str:
    """A field's name in the user's language."""
    return _(FIELD_LABELS[name]) if name in FIELD_LABELS else name


@dataclass(frozen=True)
class Change:
    """One change the package makes: a procedure (by code) or a calendar day (ISO date), the field, before and
    after, in words."""

    target: str  # "procedure" | "calendar"
    key: str
    action: str  # "added" | "changed" | "removed"
    field: str
    old: str
    new: str

    def to_dict(self) -> dict[str, str]:
        return {
            "target": self.target,
            "key": self.key,
            "action": self.action,
            "field": self.field,
            "old": self.old,
            "new": self.new,
        }


@dataclass(frozen=True)
class ProvinceImport(ImportResult):
    """What became of one province package in this office: the keys of ``sync import``'s results (``unit_code`` is
    the province's code), the province key's fingerprint and the changes."""

    fingerprint: str = ""
    province_name: str = ""
    changes: tuple[Change, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            **super().to_dict(),
            "fingerprint": self.fingerprint,
            "changes": [c.to_dict() for c in self.changes],
        }


@dataclass(frozen=True)
class TrustedProvince:
    province_code: str
    province_name: str
    fingerprint: str

    def to_dict(self) -> dict[str, str]:
        return {
            "province_code": self.province_code,
            "province_name": self.province_name,
            "fingerprint": self.fingerprint,
        }


class _Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def unit_office(ctx: AppContext) -> Office:
    """The office, if it is a commune's or ward's; the province's office is told what it does instead."""
    with ctx.read() as s:
        office = s.scalars(select(Office)).one_or_none()
    if office is None or office.role == "province":
        raise UserError(
            _(
                "The province's office makes the package for its units with “isodesk sync province-export”; a "
                "commune or ward office applies it."
            )
        )
    return office


def import_province_packages(
    ctx: AppContext, files: Iterable[str | Path], *, dry_run: bool = False, trust_new: bool = False
) -> list[ProvinceImport]:
    """Apply each of the province's packages in turn (or, with ``dry_run``, only say what each would change). As at
    the province, every attempt but a dry run goes to the import log, and a refused file is copied into
    ``quarantine/`` with its reason."""
    require(ctx, Permission.OFFICE_MANAGE)
    office = unit_office(ctx)
    results = []
    for file in files:
        path = Path(file)
        result = _import_one(ctx, office.province_code, path, dry_run=dry_run, trust_new=trust_new)
        if not dry_run:
            keep_refusal(ctx, path, result)
        results.append(result)
    return results


def preview_province_package(ctx: AppContext, file: str | Path) -> ProvinceImport:
    """What applying ``file`` would change, and the province key's fingerprint to compare; nothing is written (the
    province's key is not even enrolled)."""
    require(ctx, Permission.OFFICE_MANAGE)
    office = unit_office(ctx)
    return _import_one(ctx, office.province_code, Path(file), dry_run=True, trust_new=True)


def _import_one(ctx: AppContext, province_code: str, path: Path, *, dry_run: bool, trust_new: bool) -> ProvinceImport:
    name = str(path)
    try:
        package = read_package(path)
    except PackageError as exc:
        return ProvinceImport(name, "", REJECTED, reason=exc.reason)
    manifest = package.manifest
    code, seq = manifest.unit_code, manifest.sequence
    fingerprint = signing.fingerprint(bytes.fromhex(manifest.public_key))

    def result(status: str, reason: str = "", **more: Any) -> ProvinceImport:
        return ProvinceImport(name, code, status, reason=reason, sequence=seq, fingerprint=fingerprint,
                              province_name=manifest.unit_name, **more)  # fmt: skip

    if manifest.direction != PROVINCE_TO_UNITS:
        return result(REJECTED, _(
            "This is a unit's package for the province, not a package from the province: a commune or ward office "
            "applies only its province's packages."))  # fmt: skip
    with ctx.read() as s:
        province = s.get(AdminUnit, province_code)
        province_name = province.name if province else province_code
        row = s.scalars(select(ProvinceKey).where(ProvinceKey.province_code == province_code)).one_or_none()
        known = None if row is None else (row.public_key, row.confirmed, row.last_sequence, row.last_sha256)
    if code != province_code:
        return result(REJECTED, _(
            "The package comes from {name} (code {code}), not from {province}, the province of this office."
        ).format(name=manifest.unit_name, code=code, province=province_name))  # fmt: skip
    confirmed = bool(known and known[1])
    if confirmed and known is not None:
        try:
            read_package(path, signing.public_from_raw(bytes.fromhex(known[0])))
        except PackageError as exc:
            return result(REJECTED, exc.reason)
        except ValueError:
            return result(REJECTED, _("The province's key enrolled in this office cannot be read."))
    last_sequence, last_sha256 = (known[2], known[3]) if known else (0, "")
    if package.sha256 == last_sha256:
        return result(UNCHANGED, _("This package was applied already; nothing changed."))
    if seq <= last_sequence:
        return result(UNCHANGED, _(
            "Package {sequence} is older than the last package applied from the province ({last}); nothing changed."
        ).format(sequence=seq, last=last_sequence))  # fmt: skip
    previous = _previous_days(ctx, province_code)
    try:
        with ctx.read() as s:
            changes, added, updated = _changes(s, package, previous, write=False)
    except _Refused as exc:
        return result(REJECTED, exc.reason)
    left_aside = _left_aside(package)
    if not confirmed and not trust_new:
        if not dry_run:
            _enrol(ctx, province_code, manifest.unit_name, manifest.public_key, fingerprint)
        reason = _(
            "The province's key is not confirmed yet: compare its fingerprint {fingerprint} with the enrolment sheet "
            "the province signed, confirm it with “isodesk sync trust-province” (or import with --trust-new), then "
            "import the package again."
        ).format(fingerprint=fingerprint)
        return result(HELD, reason, added=added, updated=updated, changes=tuple(changes))
    if dry_run:
        return result(IMPORTED, left_aside, added=added, updated=updated, changes=tuple(changes))
    with ctx.unit_of_work() as s:
        require(s, Permission.OFFICE_MANAGE)
        changes, added, updated = _changes(s, package, previous, write=True)
        key = s.scalars(select(ProvinceKey).where(ProvinceKey.province_code == province_code)).one_or_none()
        if key is None:
            key = ProvinceKey(province_code=province_code, enrolled_at=utcnow(), last_sequence=0, last_sha256="")
            s.add(key)
        key.province_name = manifest.unit_name
        key.public_key, key.fingerprint, key.confirmed = manifest.public_key, fingerprint, True
        key.last_sequence, key.last_sha256, key.last_package_at = seq, package.sha256, utcnow()
        key.calendar_days = json.dumps(sorted({str(r["day"]) for r in package.records(CALENDAR_DAYS)}))
        done = result(IMPORTED, left_aside, added=added, updated=updated, changes=tuple(changes))
        log_attempt(s, ctx, path, done, package.sha256)
    return done


def _enrol(ctx: AppContext, province_code: str, name: str, public_key: str, fingerprint: str) -> None:
    """Keep the key of a first package, not confirmed: an unconfirmed key is replaced by the next package's."""
    with ctx.unit_of_work() as s:
        row = s.scalars(select(ProvinceKey).where(ProvinceKey.province_code == province_code)).one_or_none()
        if row is None:
            row = ProvinceKey(province_code=province_code, enrolled_at=utcnow(), last_sequence=0, last_sha256="")
            s.add(row)
        if not row.confirmed:
            row.province_name, row.public_key, row.fingerprint = name, public_key, fingerprint
            row.enrolled_at = utcnow()


def trust_province(ctx: AppContext) -> TrustedProvince:
    """A person compared the province key's fingerprint with the province's signed enrolment sheet: its packages
    apply from now on."""
    require(ctx, Permission.OFFICE_MANAGE)
    office = unit_office(ctx)
    with ctx.unit_of_work() as s:
        row = s.scalars(select(ProvinceKey).where(ProvinceKey.province_code == office.province_code)).one_or_none()
        if row is None:
            raise UserError(_("No package from the province has been received: import the province's package first."))
        row.confirmed = True
        return TrustedProvince(row.province_code, row.province_name, row.fingerprint)


def province_key(ctx: AppContext) -> TrustedProvince | None:
    """The province key enrolled in this office (confirmed or not), or None."""
    with ctx.read() as s:
        row = s.scalars(select(ProvinceKey).order_by(ProvinceKey.id)).first()
        return None if row is None else TrustedProvince(row.province_code, row.province_name, row.fingerprint)


def _previous_days(ctx: AppContext, province_code: str) -> set[date]:
    """The calendar days that are the province's: those of the shipped overlay and of the last package applied."""
    with resource_path("seed", "calendar-overlay.csv").open(encoding="utf-8") as fh:
        days = {date.fromisoformat(r["date"]) for r in csv.DictReader(fh)}
    with ctx.read() as s:
        row = s.scalars(select(ProvinceKey).where(ProvinceKey.province_code == province_code)).one_or_none()
        if row is not None:
            days |= {date.fromisoformat(d) for d in json.loads(row.calendar_days or "[]")}
    return days


def _left_aside(package: Package) -> str:
    n = len(package.records(TEMPLATES))
    if not n:
        return ""
    return _("{n} templates in the package were left aside: this version keeps the templates it ships with.").format(
        n=n
    )


# -- reading the records (signed by the province, yet checked: a wrong value is refused, never half applied) ----
def _text(record: dict[str, Any], name: str, *, optional: bool = False) -> str | None:
    value = record.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > _TEXT_LIMIT:
        raise _Refused(_records_reason(name))
    return value


def _records_reason(name: str) -> str:
    return _("The province's package holds a value this office cannot read ({field}); nothing was applied.").format(
        field=name
    )


def _calendar(record: dict[str, Any]) -> tuple[date, dict[str, Any]]:
    try:
        day = date.fromisoformat(str(record.get("day")))
    except ValueError as exc:
        raise _Refused(_records_reason("day")) from exc
    if not v.EARLIEST <= day <= v.LATEST or record.get("kind") not in ("day_off", "workday"):
        raise _Refused(_records_reason("kind"))
    if not isinstance(record.get("confirmed"), bool):
        raise _Refused(_records_reason("confirmed"))
    return day, {"kind": record["kind"], "note": _text(record, "note"), "source": _text(record, "source"),
                 "confirmed": record["confirmed"]}  # fmt: skip


def _time(unit: str | None, value: str | None, name: str) -> None:
    if unit is None or unit == UNKNOWN:  # a time not confirmed keeps whatever the catalogue wrote
        return
    if unit not in {u.value for u in TimeUnit} or value is None:
        raise _Refused(_records_reason(name))
    try:
        number = Decimal(value or "0")
    except InvalidOperation as exc:
        raise _Refused(_records_reason(name)) from exc
    if not number.is_finite() or not 0 <= number <= MAX_TIME:
        raise _Refused(_records_reason(name))


def _procedure(record: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    try:
        code = v.procedure_code(str(record.get("code", "")))
    except v.Invalid as exc:
        raise _Refused(_records_reason("code")) from exc
    values: dict[str, Any] = {}
    for name in PROCEDURE_FIELDS:
        if name in JSON_FIELDS:
            value = record.get(name)
            if not isinstance(value, list) or not all(isinstance(i, str | dict) for i in value):
                raise _Refused(_records_reason(name))
            values[name] = value
        elif name == "active":
            if not isinstance(record.get(name), bool):
                raise _Refused(_records_reason(name))
            values[name] = record[name]
        else:
            values[name] = _text(record, name, optional=name.startswith("office_"))
    if not values["name"]:
        raise _Refused(_records_reason("name"))
    _time(values["time_unit"], values["time_value"], "time_unit")
    _time(values["office_time_unit"], values["office_time_value"], "office_time_unit")
    return code, values


# -- what changes, and changing it --------------------------------------------------------------------------------
def _changes(
    session: Session, package: Package, province_days: set[date], *, write: bool
) -> tuple[list[Change], int, int]:
    changes: list[Change] = []
    added = updated = 0
    # Procedures, by code.
    existing = {p.code: p for p in session.scalars(select(Procedure))}
    for record in package.records(PROCEDURES):
        code, values = _procedure(record)
        current = existing.get(code)
        if current is None:
            added += 1
            changes.append(Change(PROCEDURE, code, ADDED, "name", "", values["name"]))
            if write:
                p = Procedure(code=code)
                _set_procedure(p, values)
                session.add(p)
                existing[code] = p
            continue
        before = _procedure_values(current)
        found = [
            Change(PROCEDURE, code, CHANGED, f, _shown(f, before), _shown(f, values))
            for f in SHOWN_FIELDS
            if _shown(f, before) != _shown(f, values) or _raw(f, before) != _raw(f, values)
        ]
        if found:
            updated += 1
            changes.extend(found)
            if write:
                _set_procedure(current, values)
    # The calendar overlay, by day.
    rows = {r.day: r for r in session.scalars(select(CalendarOverride))}
    sent: set[date] = set()
    for record in package.records(CALENDAR_DAYS):
        day, values = _calendar(record)
        sent.add(day)
        row = rows.get(day)
        if row is None:
            added += 1
            changes.append(Change(CALENDAR, day.isoformat(), ADDED, "kind", "", _day_kind(values["kind"])))
            if write:
                session.add(CalendarOverride(day=day, **values))
                session.add(CalendarChange(day=day, old_kind="", new_kind=values["kind"], note=values["note"]))
            continue
        found = [
            Change(CALENDAR, day.isoformat(), CHANGED, f, _day_value(f, getattr(row, f)), _day_value(f, values[f]))
            for f in CALENDAR_FIELDS
            if getattr(row, f) != values[f]
        ]
        if found:
            updated += 1
            changes.extend(found)
            if write:
                old = row.kind
                for f in CALENDAR_FIELDS:
                    setattr(row, f, values[f])
                session.add(CalendarChange(day=day, old_kind=old, new_kind=row.kind, note=row.note))
    for day in sorted((province_days - sent) & set(rows)):
        row = rows[day]
        updated += 1
        changes.append(Change(CALENDAR, day.isoformat(), REMOVED, "kind", _day_kind(row.kind), ""))
        if write:
            session.add(CalendarChange(day=day, old_kind=row.kind, new_kind="", note=row.note))
            session.delete(row)
    if write:
        session.flush()
    return changes, added, updated


def _procedure_values(p: Procedure) -> dict[str, Any]:
    values = {f: getattr(p, f) for f in PROCEDURE_FIELDS}
    for f in JSON_FIELDS:
        values[f] = json.loads(values[f] or "[]")
    return values


def _set_procedure(p: Procedure, values: dict[str, Any]) -> None:
    for f in PROCEDURE_FIELDS:
        value = values[f]
        setattr(p, f, json.dumps(value, ensure_ascii=False) if f in JSON_FIELDS else value)
    p.search_key = search_key(f"{p.code} {p.name} {p.field}")


def _raw(name: str, values: dict[str, Any]) -> Any:
    if name == "time":
        return values["time_unit"], values["time_value"]
    if name == "office_time":
        return values["office_time_unit"], values["office_time_value"]
    return values[name]


def _shown(name: str, values: dict[str, Any]) -> str:
    """A field's value in words, as the change list shows it."""
    if name in ("time", "office_time"):
        unit, value = _raw(name, values)
        if unit is None:
            return _("as published") if name == "office_time" else ""
        try:
            processing = parse_time(unit, value or "0")
        except (ValueError, InvalidOperation):
            processing = None
        return describe_time(processing) if processing is not None else _("not confirmed")
    value = values[name]
    if name == "active":
        return _("in use") if value else _("retired")
    if name == "components":
        return "; ".join(str(c.get("name", "")) if isinstance(c, dict) else str(c) for c in value)
    if name == "legal_basis":
        return "; ".join(
            " ".join(str(b.get(k, "")) for k in ("kind", "number") if b.get(k)) if isinstance(b, dict) else str(b)
            for b in value
        )
    return "" if value is None else str(value)


def _day_kind(kind: str) -> str:
    return _("day off") if kind == "day_off" else _("working day")


def _day_value(name: str, value: Any) -> str:
    if name == "kind":
        return _day_kind(str(value))
    if name == "confirmed":
        return _("confirmed") if value else _("not confirmed")
    return str(value)
