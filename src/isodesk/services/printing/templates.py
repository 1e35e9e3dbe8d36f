"""The form sets (``resources/forms/form-sets.json``): which one is in force on a day, and a form's template."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.i18n.dates import short_date
from isodesk.resources_path import resource_path

#: Keys of a set that every one of its forms may use.
SHARED = ("desk", "timeliness")

FORM_TITLES = {
    "receipt": N_("Receipt and appointment slip"),
    "supplement": N_("Supplement request"),
    "refusal": N_("Refusal slip"),
    "apology": N_("Apology and new appointment"),
    "stop": N_("Notice of stopping the processing"),
    "control-sheet": N_("Process control sheet"),
    "ledger": N_("Dossier ledger"),
}
#: The 2025 set's apology also asks the applicant to accept a longer processing time (TT 03/2025, form 04).
EXTENSION_APOLOGY = N_("Apology and request to extend the processing time")


@cache
def form_sets() -> list[dict[str, Any]]:
    text = resource_path("forms", "form-sets.json").read_text("utf-8")
    return list(json.loads(text)["sets"])


def form_set_on(day: date) -> dict[str, Any]:
    """The set in force on ``day`` (TT 01/2018 until 14/09/2025, TT 03/2025 from 15/09/2025)."""
    for form_set in form_sets():
        start = date.fromisoformat(form_set["valid_from"])
        end = date.fromisoformat(form_set["valid_to"]) if form_set["valid_to"] else date.max
        if start <= day <= end:
            return form_set
    return form_sets()[-1]


def has_form(form_set: dict[str, Any], name: str) -> bool:
    return name in form_set["forms"]


@cache
def _template(set_id: str, name: str) -> dict[str, Any]:
    form_set = next(s for s in form_sets() if s["id"] == set_id)
    return {**{k: form_set[k] for k in SHARED if k in form_set}, **form_set["forms"][name]}


def template_of(form_set: dict[str, Any], name: str) -> dict[str, Any]:
    """The form's template with the set's shared wording; a clear error when the set has no such form."""
    if not has_form(form_set, name):
        words = {
            "set": form_set["name"],
            "form": form_title(name, form_set).lower(),
            "start": short_date(date.fromisoformat(form_set["valid_from"])),
        }
        if form_set["valid_to"]:
            words["end"] = short_date(date.fromisoformat(form_set["valid_to"]))
            message = _("The form set {set} has no {form}; it applies to dossiers received from {start} to {end}.")
        else:
            message = _("The form set {set} has no {form}; it applies to dossiers received from {start}.")
        raise UserError(message.format(**words))
    return _template(form_set["id"], name)


def form_title(name: str, form_set: dict[str, Any] | None = None) -> str:
    """The form's name in the user's language."""
    if form_set is not None and form_set["forms"].get(name, {}).get("asks_extension"):
        return _(EXTENSION_APOLOGY)
    return _(FORM_TITLES[name])
