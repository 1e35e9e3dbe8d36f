"""Writing a finished PDF where the user asked, whole or not at all."""

from __future__ import annotations

from pathlib import Path

from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.services.files import write_file


def check_output(out: str | Path) -> Path:
    """Refuse at once (before a long render) a path that is not a .pdf file in an existing folder."""
    path = Path(out)
    if path.suffix.lower() != ".pdf":
        raise UserError(_("The output file must end in .pdf."))
    if path.is_dir():
        raise UserError(_("{path} is a folder: give a file name ending in .pdf.").format(path=path))
    if not path.parent.is_dir():
        raise UserError(_("The folder {folder} does not exist. Choose another folder.").format(folder=path.parent))
    return path


def write_pdf(out: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``out`` (a .pdf path) atomically; a clear message when it cannot be written."""
    return write_file(check_output(out), data)
