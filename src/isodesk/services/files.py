"""Files written where the user asked (a printed paper as PDF, a person's data): whole or not at all.

A USB stick may be full, write-protected or pulled out; the file is then not left half-written
(:func:`isodesk.reports.official.write_atomically`) and the user reads what to do instead of an error number.
"""

from __future__ import annotations

from pathlib import Path

from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.reports.official import write_atomically


def write_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; a :class:`UserError` when the folder cannot take it."""
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise UserError(
            _("The file {path} cannot be written ({reason}). Choose another folder.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    return path
