"""Free text: normalisation, limits, people's names; and the refusal every rule raises."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


def N_(message: str) -> str:
    """Mark ``message`` for extraction; it is translated where it is shown (the domain has no language)."""
    return message


class Invalid(ValueError):
    """Input a rule refuses: ``message`` is a msgid with ``{field}``, ``{value}`` and ``params`` placeholders."""

    def __init__(self, message: str, field: str, value: str = "", **params: object) -> None:
        super().__init__(message.format(field=field, value=shown(value), **params))
        self.message = message
        self.field = field
        self.value = shown(value)
        self.params = params


# -- free text ---------------------------------------------------------------------------------------------------
_WHITESPACE = re.compile(r"\s+")
#: Shown values are cut to this length, so a huge pasted cell cannot flood a message box.
SHOWN = 60


def _strip_controls(text: str) -> str:
    """Drop control and format characters (C0/C1 controls, zero-width and bidirectional marks, lone surrogates).

    None belongs in a name or a note: they come from copying out of web pages and PDFs, and a lone surrogate (an
    undecodable byte on the command line) cannot even be stored. Whitespace controls (tab, new line) are kept
    for the whitespace rule.
    """
    return "".join(ch for ch in text if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))


def normalise(text: str) -> str:
    """The stored form of typed text: NFC (docs/ARCHITECTURE.md §2), no control characters, whitespace collapsed
    and trimmed."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", _strip_controls(text))).strip()


def shown(value: str) -> str:
    """``value`` as quoted in a message: one line, cut to :data:`SHOWN` characters."""
    text = normalise(value)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


@dataclass(frozen=True)
class TextField:
    """A kind of free text: its label (a msgid), its limit in characters, and whether it may be empty."""

    label: str
    limit: int
    required: bool = False


# Limits: the widths of the String columns in isodesk.db.models are taken from these; a Text column has no width,
# and its field gets a limit a person never reaches.
APPLICANT_NAME = TextField(N_("The applicant's name"), 200, required=True)
ADDRESS = TextField(N_("The address"), 400)
STAFF_NAME = TextField(N_("The name"), 200, required=True)
DEPARTMENT = TextField(N_("The department"), 200, required=True)
POSITION = TextField(N_("The position"), 200)
PERSON_NAME = TextField(N_("The name"), 200)
REPRESENTATIVE_NAME = TextField(N_("The representative's name"), 200)
CONTACT = TextField(N_("The contact"), 200)  # a person or a desk ("Công chức Tư pháp - Hộ tịch")
TITLE = TextField(N_("The title"), 200)
DOSSIER_NOTE = TextField(N_("The note"), 2000)
LEDGER_NOTE = TextField(N_("The note"), 1000)
CALENDAR_NOTE = TextField(N_("The note"), 300)
PROCEDURE_NAME = TextField(N_("The procedure's name"), 1000, required=True)
PROCEDURE_FIELD = TextField(N_("The field"), 200)
FEE = TextField(N_("The fee"), 200)
CUTOFF_NOTE = TextField(N_("The cut-off note"), 1000)
COMPONENT = TextField(N_("A dossier component"), 1000)
SOURCE = TextField(N_("The source"), 2000)
EXEMPTIONS = TextField(N_("The exemptions"), 2000)
CATALOGUE_NOTES = TextField(N_("The notes"), 4000)
LEGAL_BASIS = TextField(N_("A legal basis"), 1000)
STEP_PART = TextField(N_("A step"), 200)
SEARCH = TextField(N_("The search"), 200)


def text(value: str, field: TextField) -> str:
    """Free text of ``field``: normalised, present when required, within its limit."""
    clean = normalise(value)
    if field.required and not clean:
        raise Invalid(N_("{field} must not be empty."), field.label)
    if len(clean) > field.limit:
        raise Invalid(
            N_("{field} is too long: {length} characters, at most {limit}."),
            field.label,
            clean,
            length=len(clean),
            limit=field.limit,
        )
    return clean


_NAME_CHARS = re.compile(r"[^\W\d_]|[ .'\-()’]")


def person_name(value: str, field: TextField = STAFF_NAME) -> str:
    """A person's full name: letters of any script with spaces, dots, apostrophes and hyphens; no digits.

    A digit or a symbol in a person's name is a typing slip (most often a phone number or a date typed in the
    wrong field); foreign names keep their letters. Combining marks count as letters (NFC leaves some).
    """
    clean = text(value, field)
    wrong = [ch for ch in clean if not (_NAME_CHARS.fullmatch(ch) or unicodedata.category(ch).startswith("M"))]
    if wrong:
        raise Invalid(
            N_("{field} “{value}” contains “{char}”: a person's name has only letters and spaces."),
            field.label,
            clean,
            char=wrong[0],
        )
    return clean
