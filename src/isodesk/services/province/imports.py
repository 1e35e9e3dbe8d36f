"""Importing the units' sync packages at the province.

Each file is verified whole before anything is written (:func:`isodesk.sync.package.read_package`): against the key
enrolled for its unit, or, for a unit not seen before, against the key it carries; that unit is then enrolled but its
package held until a person has compared the key's fingerprint with the unit's signed enrolment sheet (unless the
import is told to trust new units). A unit of another province is refused. Then the chain: the same package again,
or an older one (full or not), changes nothing; a package after a missing one is held, naming the missing sequence;
a newer full package always applies. A package is applied in one transaction, each record kept at its newest
change. Refused files are copied into ``quarantine/`` in the data folder, each with the reason beside it, and every
attempt (but a dry run, which writes nothing) goes to the import log.

Each file is read and checked by a worker while the one before it is applied, and a unit's dossiers come to the
package's transaction staged as rows (:mod:`isodesk.services.province.staging`).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import AdminUnit, EnrolledUnit, ImportLog, Office
from isodesk.db.types import utcnow
from isodesk.domain.permissions import Permission
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.province.staging import (
    DOSSIER_COLUMNS,
    DOSSIER_KEYS,
    MONTH_COLUMNS,
    STAGED_MONTHS,
    STAGED_TABLE,
    Prepared,
    Staged,
    reading_ahead,
)
from isodesk.services.sync.records import DOSSIERS
from isodesk.sync import signing
from isodesk.sync.format import UNIT_TO_PROVINCE
from isodesk.sync.package import Package, PackageError

#: What became of a package.
IMPORTED, UNCHANGED, REJECTED, HELD = "imported", "unchanged", "rejected", "held"
#: The folder in the data folder where refused files are copied.
QUARANTINE = "quarantine"

Progress = Callable[[int, int], None]
#: Asked before each file: true when the person importing asked to stop (the files after are not read).
Cancelled = Callable[[], bool]


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
    cancelled: Cancelled | None = None,
) -> list[ImportResult]:
    """Import each file in turn; one result per file, in the order given, up to the file where ``cancelled`` said
    to stop (each package is applied whole, so a stop falls between two of them)."""
    require(ctx, Permission.OFFICE_MANAGE)
    office = province_office(ctx)
    paths = [Path(f) for f in files]
    results: list[ImportResult] = []
    with reading_ahead(paths, staging=not dry_run) as prepared:
        for done, ready in enumerate(prepared):
            if cancelled is not None and cancelled():
                break
            path = ready.path
            result = _import_one(ctx, office.province_code, ready, dry_run=dry_run, trust_new=trust_new)
            if not dry_run:
                keep_refusal(ctx, path, result)
            results.append(result)
            if progress:
                progress(done + 1, len(paths))
    return results


def _import_one(
    ctx: AppContext, province_code: str, ready: Prepared, *, dry_run: bool, trust_new: bool
) -> ImportResult:
    path, package = ready.path, ready.package
    name = str(path)
    if isinstance(package, PackageError):
        return ImportResult(name, "", REJECTED, reason=package.reason)
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
        # The manifest's signature was verified against the key it carries: it must be the key enrolled.
        try:
            enrolled_key = signing.public_raw(signing.public_from_raw(bytes.fromhex(known[0])))
            if enrolled_key != bytes.fromhex(manifest.public_key):
                return ImportResult(name, code, REJECTED, reason=_other_key(code), sequence=seq)
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
    try:
        if dry_run:
            with ctx.read() as s:
                added, updated = _apply(s, code, package, None, write=False)
            return ImportResult(name, code, IMPORTED, added, updated, sequence=seq)
        return _applied(ctx, path, package, ready.staged, unit.name, fingerprint)
    except PackageError as exc:  # a record that cannot be read: the transaction was rolled back
        return ImportResult(name, code, REJECTED, reason=exc.reason, sequence=seq)


def _applied(
    ctx: AppContext, path: Path, package: Package, staged: Staged | None, unit_name: str, fingerprint: str
) -> ImportResult:
    """Apply a verified package in one transaction, move the unit's chain on and log it."""
    manifest = package.manifest
    code, seq = manifest.unit_code, manifest.sequence
    with ctx.unit_of_work(attach={_STAGE: staged.path} if staged else None) as s:
        added, updated = _apply(s, code, package, staged, write=True)
        row = s.scalars(select(EnrolledUnit).where(EnrolledUnit.unit_code == code)).one_or_none()
        if row is None:
            row = EnrolledUnit(unit_code=code, public_key=manifest.public_key, fingerprint=fingerprint,
                               enrolled_at=utcnow(), last_sequence=0, last_sha256="")  # fmt: skip
            s.add(row)
        row.unit_name = unit_name
        row.confirmed = True
        if seq >= row.last_sequence:
            row.last_sequence = seq
            row.last_sha256 = package.sha256
        row.last_package_at = utcnow()
        result = ImportResult(str(path), code, IMPORTED, added, updated, sequence=seq)
        log_attempt(s, ctx, path, result, package.sha256)
    return result


#: The memory SQLite keeps pages in while a package is applied (KiB), instead of its 2 MB: a unit's dossiers and
#: their index (some 3.5 MB for 10,000) are read again as they are counted by month. Memory only: what is written,
#: and when it is on the disk, is the same.
CACHE_KIB = 32 * 1024
#: Records written per statement: a package is applied in chunks, never all of it in memory as rows at once.
CHUNK = 5000
#: The schema a package's staged dossiers are attached as.
_STAGE = "stage"
_DOSSIER_VALUES_OF = itemgetter(*DOSSIER_KEYS)
#: How each is written: NOT NULL columns get their default when the record has none; numbers are made numbers.
_DOSSIER_VALUES = {
    "uuid": "CAST(coalesce(?, '') AS TEXT)",
    "change_seq": "CAST(coalesce(?, 0) AS INTEGER)",
    "updated_at": "coalesce(?, '')",
    "procedure_code": "coalesce(?, '')",
    "procedure_field": "coalesce(?, '')",
    "status": "coalesce(?, '')",
    "extensions": "CAST(coalesce(?, 0) AS INTEGER)",
    "rating": "CAST(? AS INTEGER)",
    "handling_role": "coalesce(?, '')",
}
_ON_DOSSIER_CONFLICT = (
    "ON CONFLICT (unit_code, uuid) DO UPDATE SET "
    "unit_change_seq = excluded.unit_change_seq, unit_updated_at = excluded.unit_updated_at, "
    + ", ".join(f"{c} = excluded.{c}" for c in DOSSIER_COLUMNS)
    + " WHERE excluded.unit_change_seq > province_dossiers.unit_change_seq"
)
#: The staged dossiers copied in the order they were sent ("WHERE true" tells SQLite's parser that the ON CONFLICT
#: is the upsert's: https://www.sqlite.org/lang_upsert.html, "Parsing Ambiguity").
_DOSSIER_COPY = (
    f"INSERT INTO province_dossiers (unit_code, uuid, unit_change_seq, unit_updated_at, {', '.join(DOSSIER_COLUMNS)}) "
    f"SELECT ?, {', '.join(DOSSIER_KEYS)} FROM {_STAGE}.{STAGED_TABLE} WHERE true ORDER BY rowid "
    + _ON_DOSSIER_CONFLICT
)
_RECORD_UPSERT = (
    "INSERT INTO province_records (unit_code, kind, uuid, unit_change_seq, unit_updated_at, body) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (unit_code, kind, uuid) DO UPDATE SET "
    "unit_change_seq = excluded.unit_change_seq, unit_updated_at = excluded.unit_updated_at, body = excluded.body "
    "WHERE excluded.unit_change_seq > province_records.unit_change_seq"
)
_DOSSIER_UPSERT = (
    f"INSERT INTO province_dossiers (unit_code, uuid, unit_change_seq, unit_updated_at, {', '.join(DOSSIER_COLUMNS)}) "
    f"VALUES (?, {', '.join(_DOSSIER_VALUES.get(k, '?') for k in DOSSIER_KEYS)}) " + _ON_DOSSIER_CONFLICT
)
#: A unit's dossiers counted again by month and procedure (see :class:`isodesk.db.models.ReceivedMonth`): received
#: by the month received, then settled, by timeliness and rating, and the days to settle by the month settled.
_MONTHS_COLUMNS = (
    "month, unit_code, procedure_code, procedure_field, received, ahead, on_time, late, "
    "rating_1, rating_2, rating_3, rating_4, settle_days"
)
_MONTHS_RECEIVED = f"""
INSERT INTO province_dossier_months ({_MONTHS_COLUMNS})
SELECT substr(received_on, 1, 7), :unit, procedure_code, procedure_field, count(*), 0, 0, 0, 0, 0, 0, 0, 0
FROM province_dossiers WHERE unit_code = :unit AND received_on IS NOT NULL
GROUP BY 1, 3, 4
"""
_MONTHS_SETTLED = f"""
INSERT INTO province_dossier_months ({_MONTHS_COLUMNS})
SELECT substr(settled_on, 1, 7), :unit, procedure_code, procedure_field, 0, sum(timeliness = 'ahead'),
    sum(timeliness = 'on_time'), sum(timeliness = 'late'), sum(rating IS 1), sum(rating IS 2), sum(rating IS 3),
    sum(rating IS 4), sum(CAST(julianday(settled_on) - julianday(received_on) AS INTEGER))
FROM province_dossiers
WHERE unit_code = :unit AND settled_on IS NOT NULL AND timeliness IN ('ahead', 'on_time', 'late')
GROUP BY 1, 3, 4
ON CONFLICT DO UPDATE SET ahead = excluded.ahead, on_time = excluded.on_time, late = excluded.late,
    rating_1 = excluded.rating_1, rating_2 = excluded.rating_2, rating_3 = excluded.rating_3,
    rating_4 = excluded.rating_4, settle_days = excluded.settle_days
"""
#: The months of dossiers that were all added by a package, as staged, added to the unit's months.
_MONTHS_ADDED = (
    f"INSERT INTO province_dossier_months (unit_code, {MONTH_COLUMNS}) "
    f"SELECT ?, {MONTH_COLUMNS} FROM {_STAGE}.{STAGED_MONTHS} WHERE true ON CONFLICT DO UPDATE SET "
    + ", ".join(
        f"{c} = {c} + excluded.{c}"
        for c in ("received", "ahead", "on_time", "late", "rating_1", "rating_2", "rating_3", "rating_4", "settle_days")
    )
)


def _record_row(unit_code: str, kind: str, line: dict[str, Any]) -> tuple[Any, ...]:
    return (
        unit_code,
        kind,
        str(line.get("uuid", "")),
        _seq(line.get("change_seq")),
        str(line.get("updated_at") or ""),
        json.dumps(line, ensure_ascii=False, sort_keys=True),
    )


def _dossier_rows(unit_code: str, _kind: str, lines: Iterable[dict[str, Any]]) -> Iterator[tuple[Any, ...]]:
    """Each dossier's values in one C call when the record has every field (as a unit's records have), else field by
    field, a missing one as nothing."""
    unit = (unit_code,)
    values = _DOSSIER_VALUES_OF
    for line in lines:
        try:
            yield unit + values(line)
        except KeyError:
            yield (unit_code, *map(line.get, DOSSIER_KEYS))


def _record_rows(unit_code: str, kind: str, lines: Iterable[dict[str, Any]]) -> Iterator[tuple[Any, ...]]:
    for line in lines:
        yield _record_row(unit_code, kind, line)


def _plain(value: Any) -> Any:
    """A value SQLite can take: an object, a list (which no reduced record holds) or a number out of SQLite's range
    is written as nothing."""
    if isinstance(value, dict | list) or (isinstance(value, int) and not -(2**63) <= value < 2**63):
        return None
    return value


def _seq(value: Any) -> int:
    """A change number as sent, or 0 when it is none."""
    try:
        number = int(value or 0)
    except (TypeError, ValueError):
        return 0
    return number if 0 <= number < 2**63 else 0


def _chunks(rows: Iterator[tuple[Any, ...]]) -> Iterator[list[tuple[Any, ...]]]:
    while chunk := list(islice(rows, CHUNK)):
        yield chunk


def _apply(
    session: Session, unit_code: str, package: Package, staged: Staged | None, *, write: bool
) -> tuple[int, int]:
    """Upsert every record of the package by (unit, kind, uuid), keeping the newer change; (added, updated).

    Dossiers go to their own table in columns, the other kinds as the unit sent them; each kind is written in chunks
    of :data:`CHUNK` rows by one prepared statement that keeps a record's newer change only, or, for dossiers staged
    ahead, copied from their staging file by one statement that does the same. A dry run compares the records with
    the change numbers kept, writing nothing."""
    driver = session.connection().connection.driver_connection
    assert driver is not None
    cache = driver.execute("PRAGMA cache_size").fetchone()[0]
    driver.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
    try:
        return _apply_kinds(driver, unit_code, package, staged, write=write)
    finally:
        driver.execute(f"PRAGMA cache_size = {int(cache)}")  # the pages written stay until the commit


def _apply_kinds(
    driver: sqlite3.Connection, unit_code: str, package: Package, staged: Staged | None, *, write: bool
) -> tuple[int, int]:
    added = updated = 0
    for kind in sorted({*package.data, *([DOSSIERS] if staged else [])}):  # staged dossiers left the package
        dossiers = kind == DOSSIERS
        table = "province_dossiers" if dossiers else "province_records"
        where, params = (
            ("unit_code = ?", (unit_code,)) if dossiers else ("unit_code = ? AND kind = ?", (unit_code, kind))
        )
        rows = (_dossier_rows if dossiers else _record_rows)(unit_code, kind, package.iter_records(kind))
        if not write:
            kept = dict(driver.execute(f"SELECT uuid, unit_change_seq FROM {table} WHERE {where}", params).fetchall())
            for row in rows:
                uuid, seq = (str(row[1] or ""), _seq(row[2])) if dossiers else (row[2], row[3])
                if uuid not in kept:
                    added += 1
                    kept[uuid] = seq
                elif seq > kept[uuid]:
                    updated += 1
                    kept[uuid] = seq
            continue
        # A row added gets the id one above the largest (https://www.sqlite.org/autoinc.html, while that is below
        # 2**63 - 1) and these statements delete none: the rows added are the rise of the largest id, read from the
        # end of the table where counting the unit's rows before and after read all of them twice.
        top = driver.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        changed = driver.total_changes
        if dossiers and staged is not None:
            driver.execute(_DOSSIER_COPY, (unit_code,))
        else:
            statement = _DOSSIER_UPSERT if dossiers else _RECORD_UPSERT
            for chunk in _chunks(rows):
                try:
                    driver.executemany(statement, chunk)
                except (sqlite3.InterfaceError, sqlite3.ProgrammingError, OverflowError):
                    # a value SQLite cannot bind (the statement stopped before it): the chunk again, made plain
                    driver.executemany(statement, [tuple(_plain(x) for x in row) for row in chunk])
        changed = driver.total_changes - changed
        new = driver.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0] - top
        added += new
        updated += changed - new
        if dossiers and changed:
            _count_months(driver, unit_code, staged if staged and new == changed == staged.rows else None)
    return added, updated


def _count_months(driver: sqlite3.Connection, unit_code: str, added: Staged | None) -> None:
    """Count the unit's dossiers by month again; or, when every dossier of the package was added (none changed one
    kept before) and its months were counted as it was staged, add those counts to the unit's months."""
    if added is not None and added.months:
        driver.execute(_MONTHS_ADDED, (unit_code,))
        return
    driver.execute("DELETE FROM province_dossier_months WHERE unit_code = ?", (unit_code,))
    driver.execute(_MONTHS_RECEIVED, {"unit": unit_code})
    driver.execute(_MONTHS_SETTLED, {"unit": unit_code})


def log_attempt(session: Session, ctx: AppContext, path: Path, result: ImportResult, sha256: str) -> None:
    """Record an attempt to import ``path`` in the import log (of a province's units' packages, or of a unit's
    province packages)."""
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


def keep_refusal(ctx: AppContext, path: Path, result: ImportResult) -> None:
    """After an attempt that was not applied: a refused file goes into ``quarantine/`` and the attempt to the import
    log (an applied package is logged in its own transaction)."""
    if result.status == REJECTED:
        quarantine_file(ctx, path, result.reason)
    if result.status != IMPORTED:
        with ctx.unit_of_work() as s:
            log_attempt(s, ctx, path, result, "")


def quarantine_file(ctx: AppContext, path: Path, reason: str) -> None:
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


def _other_key(unit_code: str) -> str:
    return _(
        "The package is signed with another key than the one enrolled for this unit: it was made by someone else, or "
        "the unit's computer was replaced and its key lost. In that case only, accept the unit's new key (“Accept a "
        "new key for this unit…”, or “isodesk province forget-key {code}”) and confirm it against its new enrolment "
        "sheet."
    ).format(code=unit_code)


def refused_for_its_key(result: ImportResult) -> bool:
    """Whether a unit's package was refused because it is signed by another key than the one enrolled for the unit
    (a package damaged or forged is refused before its unit is known): what a unit whose PC was replaced without its
    backup sends, and what :func:`forget_unit_key` is for, once the unit has said so."""
    return result.status == REJECTED and bool(result.unit_code) and result.reason == _other_key(result.unit_code)


def forget_unit_key(ctx: AppContext, unit_code: str) -> ConfirmedUnit:
    """Forget the key enrolled for a unit whose key was lost with its PC, with no backup to bring it back: the
    unit's next package enrols its new key and is held until a person confirms that key's fingerprint against the
    new enrolment sheet the unit's head signed; its packages are numbered from 1 again. What the unit sent before
    stays as it was received. The key forgotten is returned (its fingerprint, for the record)."""
    require(ctx, Permission.OFFICE_MANAGE)
    province_office(ctx)
    with ctx.unit_of_work() as s:
        row = s.scalars(select(EnrolledUnit).where(EnrolledUnit.unit_code == unit_code.strip())).one_or_none()
        if row is None:
            raise UserError(_not_enrolled(unit_code))
        forgotten = ConfirmedUnit(row.unit_code, row.unit_name, row.fingerprint)
        s.delete(row)
    return forgotten


def _not_enrolled(unit_code: str) -> str:
    return _("No package from the unit with code {code} has been received: import one of its packages first.").format(
        code=unit_code
    )


def confirm_unit(ctx: AppContext, unit_code: str) -> ConfirmedUnit:
    """A person compared the unit's fingerprint with its signed enrolment sheet: its packages apply from now on."""
    require(ctx, Permission.OFFICE_MANAGE)
    province_office(ctx)
    with ctx.unit_of_work() as s:
        row = s.scalars(select(EnrolledUnit).where(EnrolledUnit.unit_code == unit_code.strip())).one_or_none()
        if row is None:
            raise UserError(_not_enrolled(unit_code))
        row.confirmed = True
        return ConfirmedUnit(row.unit_code, row.unit_name, row.fingerprint)
