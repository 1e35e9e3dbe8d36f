"""The files a person receives with their data: JSON (complete) and CSV (to read in Excel).

The CSV is UTF-8 with a byte-order mark, which is how Excel on Windows recognises UTF-8 and shows Vietnamese
letters; a cell that would start with ``=``, ``+``, ``-`` or ``@`` gets a leading apostrophe so Excel shows it
as text instead of running it as a formula (OWASP, "CSV injection").
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from isodesk.db.storage import storage_errors
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.services.files import write_file

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _write(path: Path, data: bytes) -> None:
    if not path.parent.is_dir():
        raise UserError(_("The folder {path} does not exist.").format(path=path.parent))
    write_file(path, data)


def json_bytes(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def write_json(path: Path, data: dict[str, Any]) -> None:
    _write(path, json_bytes(data))


def write_csv(path: Path, data: dict[str, Any]) -> None:
    _write(path, csv_bytes(data))


def write_sealed(path: Path, content: bytes, passphrase: str, unit_code: str) -> None:
    """The file encrypted with the passphrase the person is given (it leaves the office)."""
    from isodesk.services.safety.sealed import KIND_PERSONAL_DATA, encrypt_with_passphrase

    if not path.parent.is_dir():
        raise UserError(_("The folder {path} does not exist.").format(path=path.parent))
    with storage_errors(path.parent):
        encrypt_with_passphrase(content, path, passphrase, kind=KIND_PERSONAL_DATA, unit_code=unit_code)


def csv_bytes(data: dict[str, Any]) -> bytes:
    """One block per applicant record: the personal data, then one row per dossier event."""
    buf = io.StringIO()
    out = csv.writer(buf)
    out.writerow([_("Personal data held by {office}").format(office=data["office"]["unit_name"])])
    out.writerow([_("Exported at"), data["exported_at"]])
    labels = {
        "name": _("Full name"),
        "address": _("Address"),
        "phone": _("Phone"),
        "email": _("Email"),
        "id_number": _("Citizen ID number"),
        "representative_name": _("Filed on their behalf by"),
        "representative_id_number": _("Representative's citizen ID number"),
        "representative_phone": _("Representative's phone"),
        "recorded": _("Recorded at"),
    }
    header = [
        _("Dossier code"),
        _("Procedure"),
        _("Received"),
        _("Due"),
        _("Settled"),
        _("State"),
        _("Event time"),
        _("Event"),
        _("Note"),
    ]
    for person in data["applicants"]:
        out.writerow([])
        for key, label in labels.items():
            out.writerow([label, _cell(person[key])])
        out.writerow([])
        out.writerow(header)
        for d in person["dossiers"]:
            first = [
                d["code"],
                d["procedure"]["name"],
                d["received"],
                d["due"] or "",
                d["settled"] or "",
                d["status_name"],
            ]
            for event in d["events"] or [{"at": "", "step": "", "note": ""}]:
                out.writerow([_cell(x) for x in first] + [_cell(event["at"]), event["step"], _cell(event["note"])])
    return buf.getvalue().encode("utf-8-sig")
