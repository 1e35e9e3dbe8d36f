"""The clause catalogue of ISO 9001 from the program's data (``resources/iso/iso9001-clauses.json``)."""

from __future__ import annotations

import json
from datetime import date
from functools import cache

from isodesk.domain.audit.clauses import Clause, Edition, edition_for, parse_editions
from isodesk.domain.validation import audit as va
from isodesk.errors import UserError
from isodesk.i18n import _, current_language
from isodesk.resources_path import resource_path
from isodesk.services.inputs import check


@cache
def _editions() -> tuple[Edition, ...]:
    data = json.loads(resource_path("iso", "iso9001-clauses.json").read_text("utf-8"))
    return tuple(parse_editions(data))


def clause_catalogue(day: date) -> Edition:
    """The edition of ISO 9001 in force on ``day``."""
    return edition_for(_editions(), day)


def check_clause(value: str, edition: Edition) -> str:
    """A clause number as typed, refused when it is not a clause of sections 4 to 10 of ``edition``."""
    code = check(va.clause_code, value)
    if edition.find(code) is None:
        raise UserError(
            _("Clause {clause} is not in {standard}: the auditable clauses run from 4 to 10 (e.g. 7.5, 10.2).").format(
                clause=code, standard=edition.national
            )
        )
    return code


def clause_title(code: str, edition: Edition) -> str:
    found: Clause | None = edition.find(code)
    return found.title(current_language()) if found else ""
