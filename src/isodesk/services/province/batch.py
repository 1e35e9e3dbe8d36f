"""Importing many packages at once: a folder stands for its ``.isosync`` files, and the files are put in the order
in which they can apply (issue 13, item 7).

The order comes from each file's manifest, read cheaply (only ``manifest.json``, capped in size, nothing verified:
:func:`isodesk.services.province.imports.import_packages` verifies every file whole before it writes anything).
Each unit's packages come by sequence number; a file whose manifest cannot be read comes last, by name, and is
refused with its reason by the import. A package held because one before it was missing is tried once more at the
end when a later package of its unit was imported meanwhile (a full package that closed the gap).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from isodesk.domain.permissions import Permission
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.province.imports import HELD, IMPORTED, Cancelled, ImportResult, Progress, import_packages
from isodesk.sync.format import EXTENSION, MANIFEST

#: A manifest larger than this is not read for ordering (the import itself refuses it with its reason).
MANIFEST_CAP = 1 << 20


@dataclass(frozen=True)
class Queued:
    """A file to import and what its manifest says of its place (None when it could not be read)."""

    path: Path
    unit_code: str | None
    sequence: int | None
    full: bool


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Every file named, a folder replaced by its ``.isosync`` files (not those of its subfolders), without
    duplicates; a folder without one is refused. A name that is neither stays as it is: the import says why."""
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                (p for p in path.iterdir() if p.is_file() and p.name.lower().endswith(EXTENSION)),
                key=lambda p: p.name.lower(),
            )
            if not found:
                raise UserError(
                    _("The folder {folder} holds no sync package (a file ending in {extension}).").format(
                        folder=path, extension=EXTENSION
                    )
                )
        else:
            found = [path]
        for p in found:
            key = p.resolve() if p.exists() else p
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out


def peek(path: Path) -> Queued:
    """The unit, sequence and kind of a package from its manifest alone; None's when it cannot be read."""
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(MANIFEST)
            if info.file_size > MANIFEST_CAP:
                return Queued(path, None, None, False)
            with zf.open(info) as fh:
                raw = json.loads(fh.read(MANIFEST_CAP + 1).decode("utf-8"))
        unit = raw["unit"]["code"]
        sequence = raw["sequence"]
        full = raw["changes"]["full"]
        if not isinstance(unit, str) or not isinstance(sequence, int) or not isinstance(full, bool):
            return Queued(path, None, None, False)
        return Queued(path, unit, sequence, full)
    except (OSError, KeyError, TypeError, ValueError, zipfile.BadZipFile, RuntimeError, NotImplementedError):
        return Queued(path, None, None, False)


def ordered(paths: Iterable[Path]) -> list[Queued]:
    """The files in the order they can apply: by unit, then sequence; unreadable ones last, by name."""
    queued = [peek(p) for p in paths]
    readable = [q for q in queued if q.unit_code is not None]
    unreadable = [q for q in queued if q.unit_code is None]
    readable.sort(key=lambda q: (q.unit_code or "", q.sequence or 0, not q.full, q.path.name))
    unreadable.sort(key=lambda q: q.path.name.lower())
    return readable + unreadable


def import_batch(
    ctx: AppContext,
    paths: Iterable[str | Path],
    *,
    dry_run: bool = False,
    trust_new: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[ImportResult]:
    """Import files and folders; one result per file, in the order they were applied, up to where ``cancelled``
    said to stop."""
    require(ctx, Permission.OFFICE_MANAGE)
    queue = ordered(expand(paths))
    files = [q.path for q in queue]
    results = import_packages(ctx, files, dry_run=dry_run, trust_new=trust_new, progress=progress, cancelled=cancelled)
    if dry_run or len(results) < len(files):  # a stop asked for is not followed by another try
        return results
    # A package held for a gap that a later package of its unit has closed (a full one) is tried once more.
    retry: list[int] = []
    for i, result in enumerate(results):
        if result.status != HELD or result.sequence is None:
            continue
        if any(r.status == IMPORTED and r.unit_code == result.unit_code for r in results[i + 1 :]):
            retry.append(i)
    if retry:
        again = import_packages(ctx, [files[i] for i in retry], trust_new=trust_new)
        for i, result in zip(retry, again, strict=True):
            results[i] = result
    return results
