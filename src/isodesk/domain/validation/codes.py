"""Codes: procedures, dossiers, the office's agency code, administrative units."""

from __future__ import annotations

import re

from isodesk.domain.validation.text import N_, Invalid, normalise

# -- codes -------------------------------------------------------------------------------------------------------
PROCEDURE_CODE = N_("The procedure code")
DOSSIER_CODE = N_("The dossier code")
AGENCY_CODE = N_("The agency code")
#: The longest code of each kind: what the rules accept and the width of the column that stores it.
PROCEDURE_CODE_LENGTH = 40
DOSSIER_CODE_LENGTH = 60
AGENCY_CODE_LENGTH = 40
#: An account's username: 2 to 64 letters, digits, dots, hyphens or underscores.
USERNAME_LENGTH = 64
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-/]*")


def _code(value: str, label: str, limit: int, example: str) -> str:
    raw = normalise(value)
    if not raw:
        raise Invalid(N_("{field} must not be empty."), label)
    if len(raw) > limit or not _CODE.fullmatch(raw):
        raise Invalid(
            N_(
                "{field} “{value}” is not valid: letters without accents, digits, dots and dashes, "
                "at most {limit} characters (e.g. {example})."
            ),
            label,
            raw,
            limit=limit,
            example=example,
        )
    return raw


def procedure_code(value: str) -> str:
    """A procedure's code in the national database of administrative procedures (e.g. 1.001193, NĐ 63/2010 art. 24).

    Provinces add local suffixes, so the shape is not fixed: plain characters only, within the column's width.
    """
    return _code(value, PROCEDURE_CODE, PROCEDURE_CODE_LENGTH, "1.001193")


def dossier_code(value: str) -> str:
    """A dossier's code as the office's pattern makes it (``ledger.code_pattern``): plain characters, at most
    :data:`DOSSIER_CODE_LENGTH`."""
    return _code(value, DOSSIER_CODE, DOSSIER_CODE_LENGTH, "000.00.28.H20-261116-0001")


def agency_code(value: str) -> str:
    """The office's electronic agency code used in dossier codes (e.g. 000.00.28.H20, QCVN 102:2016/BTTTT)."""
    return _code(value, AGENCY_CODE, AGENCY_CODE_LENGTH, "000.00.28.H20")


def unit_code(value: str, *, province: bool) -> str:
    """An administrative unit's official code (mã ĐVHC, QĐ 124/2004/QĐ-TTg): 2 digits a province, 5 a commune.

    Codes are written zero-padded; a shorter number is padded ("1" is "01"), as spreadsheets drop the zeros.
    """
    raw = normalise(value)
    digits = 2 if province else 5
    if not re.fullmatch(rf"[0-9]{{1,{digits}}}", raw):
        label = N_("The province code") if province else N_("The commune or ward code")
        example = "82" if province else "28261"
        raise Invalid(
            N_("{field} “{value}” is not valid: it has {n} digits (e.g. {example})."),
            label,
            raw,
            n=digits,
            example=example,
        )
    return raw.zfill(digits)
