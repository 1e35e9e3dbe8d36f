"""Auditor independence (ISO 19011:2018 §4 e and 7.2.3; ISO 9001:2015 9.2.2 c): an auditor audits only work that is
not their own. For a commune office this means three ties, read from the staff list and the ledger:

- their **department** is the audited area;
- they **handle the procedures** in scope: they received or handled dossiers of those procedures in the ledger;
- they work in the same **field** (lĩnh vực) as the audited area or its procedures, through the procedures whose
  dossiers they handle.

An assignment with any tie is refused with the reason; the seed plans ask that "an auditor audits only work that is
not their own".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from isodesk.domain.validation.text import N_


class Tie(StrEnum):
    DEPARTMENT = "department"
    PROCEDURE = "procedure"
    FIELD = "field"


#: How each tie is said, with {name} the auditor and {what} the department, procedure or field.
TIE_MESSAGES = {
    Tie.DEPARTMENT: N_(
        "{name} cannot audit “{what}”: it is their own department (ISO 19011: an auditor audits only "
        "work that is not their own)."
    ),
    Tie.PROCEDURE: N_(
        "{name} cannot audit procedure {what}: they handle its dossiers in the ledger (ISO 19011: an "
        "auditor audits only work that is not their own)."
    ),
    Tie.FIELD: N_(
        "{name} cannot audit the field “{what}”: they handle dossiers of that field in the ledger (ISO 19011: "
        "an auditor audits only work that is not their own)."
    ),
}


@dataclass(frozen=True)
class Auditor:
    """A staff member proposed as lead auditor or team member, with what ties them to work of the office."""

    staff_id: int
    name: str
    department_key: str  # accent-insensitive key of their department's name
    procedures: frozenset[str]  # codes of the procedures whose dossiers they received or handled
    fields: Mapping[str, str]  # key -> field as written, of those procedures


@dataclass(frozen=True)
class Scope:
    """What an audit covers: the area (a department), its procedures and their fields."""

    area: str
    area_key: str
    procedures: frozenset[str]
    fields: Mapping[str, str]  # key -> field as written


@dataclass(frozen=True)
class Conflict:
    tie: Tie
    name: str
    what: str

    @property
    def message(self) -> str:
        return TIE_MESSAGES[self.tie]


def _same_field(field_key: str, scope: Scope) -> bool:
    """A field is the audited one when the scope's procedures belong to it or the area is named after it
    ("Hộ tịch" is the field of the department "Tư pháp - Hộ tịch")."""
    return field_key in scope.fields or (bool(field_key) and field_key in scope.area_key)


def conflicts(auditor: Auditor, scope: Scope) -> list[Conflict]:
    """Every tie of ``auditor`` to ``scope``; empty when they may audit it."""
    found: list[Conflict] = []
    if auditor.department_key and auditor.department_key == scope.area_key:
        found.append(Conflict(Tie.DEPARTMENT, auditor.name, scope.area))
    for code in sorted(auditor.procedures & scope.procedures):
        found.append(Conflict(Tie.PROCEDURE, auditor.name, code))
    for key, field in sorted(auditor.fields.items()):
        if key and _same_field(key, scope):
            found.append(Conflict(Tie.FIELD, auditor.name, scope.fields.get(key, field)))
    return found


def team_conflicts(team: Iterable[Auditor], scope: Scope) -> list[Conflict]:
    return [c for auditor in team for c in conflicts(auditor, scope)]
