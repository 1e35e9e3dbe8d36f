"""Importing the units' sync packages at the province.

Each file is verified whole before anything is written (:func:`isodesk.sync.package.read_package`): against the key
enrolled for its unit, or, for a unit not seen before, against the key it carries; that unit is then enrolled but its
package held until a person has compared the key's fingerprint with the unit's signed enrolment sheet (unless the
import is told to trust new units). A unit of another province is refused. Then the chain: the same package again,
or an older one (full or not), changes nothing; a package after a missing one is held, naming the missing sequence;
a newer full package always applies. A package is applied in one transaction, each record kept at its newest
change. Refused files are copied into ``quarantine/`` in the data folder, each with the reason beside it, and every
attempt (but a dry run, which writes nothing) goes to the import log.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import AdminUnit, EnrolledUnit, ImportLog, Office, ReceivedRecord
from isodesk.db.types import utcnow
from isodesk.domain.permissions import Permission
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.sync import signing
from isodesk.sync.format import UNIT_TO_PROVINCE
from isodesk.sync.package import Package, PackageError, read_package

#: What became of a package.
IMPORTED, UNCHANGED, REJECTED, HELD = "imported", "unchanged", "rejected", "held"
#: The folder in the data folder where refused files are copied.
QUARANTINE = "quarantine"

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportResult:
    file: str
    unit_code: str
    status: str
    added: int = 0
    updated: int = 0
    reason: str = ""
    sequence: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "unit_code": self.unit_code,
            "status": self.status,
            "added": self.added,
            "updated": self.updated,
            "reason": self.reason,
            "sequence": self.sequence,
        }


@dataclass(frozen=True)
class ConfirmedUnit:
    unit_code: str
    unit_name: str
    fingerprint: str

    def to_dict(self) -> dict[str, Any]:
        return {"unit_code": self.unit_code, "unit_name": self.unit_name, "fingerprint": self.fingerprint}


def province_office(ctx: AppContext) -> Office:
    """The office, if it is the province's; a commune or ward office is told that this is the province's work."""
    with ctx.read() as s:
        office = s.scalars(select(Office)).one_or_none()
    if office is None or office.role != "province":
        raise UserError(
            _(
                "Only the province's office imports units' sync packages. A commune or ward office sends its own "
                "package to the province with “isodesk sync export” and applies the province's package with "
                "“isodesk sync import”."
            )
        )
    return office


def import_packages(
    ctx: AppContext,
    files: Iterable[str | Path],
    *,
    dry_run: bool = False,
    trust_new: bool = False,
    progress: Progress | None = None,
) -> list[ImportResult]:
    """Import each file in turn; one result per file, in the order given."""
    require(ctx, Permission.OFFICE_MANAGE)
    office = province_office(ctx)
    paths = [Path(f) for f in files]
    results: list[ImportResult] = []
    for done, path in enumerate(paths):
        result = _import_one(ctx, office.province_code, path, dry_run=dry_run, trust_new=trust_new)
        if not dry_run:
            if result.status == REJECTED:
                _quarantine(ctx, path, result.reason)
            if result.status != IMPORTED:  # an applied package is logged in its own transaction
                with ctx.unit_of_work() as s:
                    _log(s, ctx, path, result, "")
        results.append(result)
        if progress:
            progress(done + 1, len(paths))
    return results


def _import_one(ctx: AppContext, province_code: str, path: Path, *, dry_run: bool, trust_new: bool) -> ImportResult:
    name = str(path)
    try:
        package = read_package(path)
    except PackageError as exc:
        return ImportResult(name, "", REJECTED, reason=exc.reason)
    manifest = package.manifest
    code = manifest.unit_code
    if manifest.direction != UNIT_TO_PROVINCE:
        reason = _("This is a province's package for its units, not a unit's package: the province imports its units' "
                   "packages only.")  # fmt: skip
        return ImportResult(name, code, REJECTED, reason=reason, sequence=manifest.sequence)
    with ctx.read() as s:
        unit = s.get(AdminUnit, code)
        enrolled = s.scalars(select(EnrolledUnit).where(EnrolledUnit.unit_code == code)).one_or_none()
        province = s.get(AdminUnit, province_code)
        province_name = province.name if province else province_code
        known = (
            None
            if enrolled is None
            else (enrolled.public_key, enrolled.confirmed, enrolled.last_sequence, enrolled.last_sha256)
        )
    seq = manifest.sequence
    if unit is None or unit.province_code != province_code:
        reason = _("The package comes from {unit} (code {code}), which is not a unit of {province}.").format(
            unit=manifest.unit_name, code=code, province=province_name
        )
        return ImportResult(name, code, REJECTED, reason=reason, sequence=seq)
    fingerprint = signing.fingerprint(bytes.fromhex(manifest.public_key))
    if known is not None:
        try:
            read_package(path, signing.public_from_raw(bytes.fromhex(known[0])))
        except PackageError as exc:
            return ImportResult(name, code, REJECTED, reason=exc.reason, sequence=seq)
        except ValueError:
            return ImportResult(name, code, REJECTED, reason=_(
                "The key enrolled for this unit cannot be read."), sequence=seq)  # fmt: skip
    confirmed = known[1] if known else False
    if not confirmed and not trust_new:
        if known is None and not dry_run:
            with ctx.unit_of_work() as s:
                s.add(
                    EnrolledUnit(
                        unit_code=code,
                        unit_name=unit.name,
                        public_key=manifest.public_key,
                        fingerprint=fingerprint,
                        confirmed=False,
                        enrolled_at=utcnow(),
                    )
                )
        reason = _(
            "{unit} is not confirmed yet: compare its key's fingerprint {fingerprint} with the enrolment sheet the "
            "unit's head signed, confirm it with “isodesk province confirm {code}”, then import the package again."
        ).format(unit=unit.name, fingerprint=fingerprint, code=code)
        return ImportResult(name, code, HELD, reason=reason, sequence=seq)
    last_sequence, last_sha256 = (known[2], known[3]) if known else (0, "")
    if package.sha256 == last_sha256:
        return ImportResult(name, code, UNCHANGED, sequence=seq, reason=_(
            "This package was imported already; nothing changed."))  # fmt: skip
    if seq <= last_sequence:
        reason = _(
            "Package {sequence} is older than the last package imported from this unit ({last}); nothing changed."
        ).format(sequence=seq, last=last_sequence)
        return ImportResult(name, code, UNCHANGED, reason=reason, sequence=seq)
    if not manifest.full and seq > last_sequence + 1:
        reason = _(
            "Package {sequence} cannot be applied yet: package {missing} of this unit has not been imported. "
            "Import package {missing} first, or ask the unit for a full package."
        ).format(sequence=seq, missing=last_sequence + 1)
        return ImportResult(name, code, HELD, reason=reason, sequence=seq)
    if not manifest.full and last_sha256 and manifest.previous_sha256 != last_sha256:
        reason = _(
            "Package {sequence} does not follow the package imported before it (another package {last} was "
            "imported). Ask the unit for a full package."
        ).format(sequence=seq, last=last_sequence)
        return ImportResult(name, code, REJECTED, reason=reason, sequence=seq)
    if dry_run:
        with ctx.read() as s:
            added, updated = _apply(s, code, package, write=False)
        return ImportResult(name, code, IMPORTED, added, updated, sequence=seq)
    with ctx.unit_of_work() as s:
        added, updated = _apply(s, code, package, write=True)
        row = s.scalars(select(EnrolledUnit).where(EnrolledUnit.unit_code == code)).one_or_none()
        if row is None:
            row = EnrolledUnit(unit_code=code, public_key=manifest.public_key, fingerprint=fingerprint,
                               enrolled_at=utcnow(), last_sequence=0, last_sha256="")  # fmt: skip
            s.add(row)
        row.unit_name = unit.name
        row.confirmed = True
        if seq >= row.last_sequence:
            row.last_sequence = seq
            row.last_sha256 = package.sha256
        row.last_package_at = utcnow()
        result = ImportResult(name, code, IMPORTED, added, updated, sequence=seq)
        _log(s, ctx, path, result, package.sha256)
    return result


def _apply(session: Session, unit_code: str, package: Package, *, write: bool) -> tuple[int, int]:
    """Upsert every record of the package by (unit, kind, uuid), keeping the newer change; (added, updated)."""
    added = updated = 0
    for kind in sorted(package.data):
        rows = {
            r.uuid: r
            for r in session.scalars(
                select(ReceivedRecord).where(ReceivedRecord.unit_code == unit_code, ReceivedRecord.kind == kind)
            )
        }
        for record in package.records(kind):
            uuid = str(record.get("uuid", ""))
            change_seq = int(record.get("change_seq") or 0)
            body = json.dumps(record, ensure_ascii=False, sort_keys=True)
            row = rows.get(uuid)
            if row is None:
                added += 1
                if write:
                    row = ReceivedRecord(unit_code=unit_code, kind=kind, uuid=uuid, unit_change_seq=change_seq,
                                         unit_updated_at=str(record.get("updated_at") or ""), body=body)  # fmt: skip
                    session.add(row)
                    rows[uuid] = row
            elif change_seq > row.unit_change_seq:
                updated += 1
                if write:
                    row.unit_change_seq = change_seq
                    row.unit_updated_at = str(record.get("updated_at") or "")
                    row.body = body
    return added, updated


def _log(session: Session, ctx: AppContext, path: Path, result: ImportResult, sha256: str) -> None:
    session.add(
        ImportLog(
            at=utcnow(),
            by=ctx.actor,
            file_name=path.name,
            unit_code=result.unit_code,
            sequence=result.sequence,
            sha256=sha256,
            status=result.status,
            reason=result.reason,
            added=result.added,
            updated=result.updated,
        )
    )


def _quarantine(ctx: AppContext, path: Path, reason: str) -> None:
    """Copy a refused file into ``quarantine/`` with its reason beside it; a file that cannot be read is not copied."""
    folder = ctx.data_dir / QUARANTINE
    stamp = utcnow().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stamp}-{path.name}"
    try:
        folder.mkdir(exist_ok=True)
        n = 1
        while target.exists():
            n += 1
            target = folder / f"{stamp}-{n}-{path.name}"
        if path.is_file():
            shutil.copyfile(path, target)
        target.with_name(target.name + ".reason.txt").write_text(reason + "\n", encoding="utf-8")
    except OSError as exc:
        raise UserError(
            _("The refused file cannot be copied into {folder} ({reason}).").format(
                folder=folder, reason=exc.strerror or exc
            )
        ) from exc


def confirm_unit(ctx: AppContext, unit_code: str) -> ConfirmedUnit:
    """A person compared the unit's fingerprint with its signed enrolment sheet: its packages apply from now on."""
    require(ctx, Permission.OFFICE_MANAGE)
    province_office(ctx)
    with ctx.unit_of_work() as s:
        row = s.scalars(select(EnrolledUnit).where(EnrolledUnit.unit_code == unit_code.strip())).one_or_none()
        if row is None:
            text = _("No package from the unit with code {code} has been received: import one of its packages first.")
            raise UserError(text.format(code=unit_code))
        row.confirmed = True
        return ConfirmedUnit(row.unit_code, row.unit_name, row.fingerprint)
