"""Exporting a sync package for the province: the changes since the last package, or everything on request.

Each package has the next sequence number and names the hash of the one before, so the province sees at once a
package missing or replayed. The records are read in one read transaction (a consistent picture of the office), the
file is written whole or not at all, and only then is it entered in the history, whose last entry says where the
next incremental package starts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from isodesk import __version__
from isodesk.db.migrate import HEAD_REVISION
from isodesk.db.models import AdminUnit, ChangeCounter, Office, SyncExport
from isodesk.db.types import utcnow
from isodesk.domain.permissions import Permission
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import short_datetime
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.sync.keys import unit_key
from isodesk.services.sync.records import Progress, collect
from isodesk.sync import signing
from isodesk.sync.format import EXTENSION, FORMAT_VERSION, Manifest
from isodesk.sync.package import write_package


@dataclass(frozen=True)
class Exported:
    file: str
    sequence: int
    records: int
    full: bool
    sha256: str
    counts: dict[str, int]

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "sequence": self.sequence,
            "records": self.records,
            "full": self.full,
            "sha256": self.sha256,
            "counts": self.counts,
        }


@dataclass(frozen=True)
class ExportRow:
    sequence: int
    created_at: datetime
    full: bool
    records: int
    sha256: str
    file_name: str

    def to_dict(self) -> dict[str, object]:
        return {
            "sequence": self.sequence,
            "created_at": self.created_at.isoformat(),
            "created": short_datetime(self.created_at),
            "full": self.full,
            "records": self.records,
            "sha256": self.sha256,
            "file_name": self.file_name,
        }


def check_package_path(out: str | Path) -> Path:
    """Refuse at once (before records are gathered) a path that cannot be a package in an existing folder."""
    path = Path(out)
    if path.suffix.lower() != EXTENSION:
        raise UserError(_("The sync package's file name must end in {extension}.").format(extension=EXTENSION))
    if path.is_dir():
        raise UserError(_("{path} is a folder: give a file name ending in {extension}.").format(
            path=path, extension=EXTENSION))  # fmt: skip
    if not path.parent.is_dir():
        raise UserError(_("The folder {folder} does not exist. Choose another folder.").format(folder=path.parent))
    return path


def export_package(
    ctx: AppContext, out: str | Path, *, full: bool = False, progress: Progress | None = None
) -> Exported:
    """Write the next package to ``out``: the records changed since the last package, or all of them."""
    path = check_package_path(out)
    require(ctx, Permission.OFFICE_MANAGE)
    key = unit_key(ctx)
    with ctx.read() as s:
        office = s.scalars(select(Office)).one()
        if office.role == "province":
            raise UserError(
                _(
                    "The province's office sends no package to a province: it writes the package for its units "
                    "with “isodesk sync province-export”."
                )
            )
        unit = s.get(AdminUnit, office.unit_code)
        last = s.scalars(select(SyncExport).order_by(SyncExport.sequence.desc()).limit(1)).first()
        counter = s.scalar(select(func.max(ChangeCounter.value))) or 0
        after = 0 if full or last is None else last.changes_to
        data = collect(s, after, progress)
    now = utcnow()
    header = Manifest(
        format_version=FORMAT_VERSION,
        schema_version=HEAD_REVISION,
        unit_code=office.unit_code,
        unit_name=unit.name if unit else office.unit_code,
        sequence=(last.sequence + 1) if last else 1,
        previous_sha256=last.sha256 if last else "",
        created_at=now.isoformat(),
        program_version=__version__,
        period_start=last.created_at.isoformat() if last and not full else "",
        period_end=now.isoformat(),
        changes_from=after,
        changes_to=max(counter, after),
        full=after == 0,
        public_key="",
    )
    return write_and_record(ctx, path, key, header, data, now)


def write_and_record(
    ctx: AppContext, path: Path, key: signing.PrivateKey, header: Manifest, data: Mapping[str, bytes], now: datetime
) -> Exported:
    """Write the signed package (atomically: a temporary file renamed) and add it to the history of exports, which
    numbers the next one; a folder that cannot be written is told in Vietnamese and nothing is recorded. Shared by
    the unit's packages and the province's package for its units."""
    try:
        written = write_package(path, key, header, data)
    except OSError as exc:
        raise UserError(
            _("The file {path} cannot be written ({reason}). Choose another folder.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    counts = written.manifest.counts
    with ctx.unit_of_work() as s:
        s.add(
            SyncExport(
                sequence=header.sequence,
                created_at=now,
                created_by=ctx.actor,
                full=header.full,
                changes_from=header.changes_from,
                changes_to=header.changes_to,
                records=sum(counts.values()),
                sha256=written.sha256,
                file_name=path.name,
            )
        )
    return Exported(str(path), header.sequence, sum(counts.values()), header.full, written.sha256, counts)


def list_exports(ctx: AppContext) -> list[ExportRow]:
    """The packages exported, newest first."""
    with ctx.read() as s:
        rows = s.scalars(select(SyncExport).order_by(SyncExport.sequence.desc())).all()
        return [ExportRow(r.sequence, r.created_at, r.full, r.records, r.sha256, r.file_name) for r in rows]
