"""The form sets (``resources/forms/form-sets.json``): which one is in force on a day, a form's template, and the
desk's name on a day.

Both are data chosen by date, so a new circular (NĐ 309/2026/NĐ-CP hands the one-stop forms to the Ministry of
Justice) or a renamed desk is a new entry in the file, not a change of code.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.i18n.dates import local_today, short_date
from isodesk.resources_path import resource_path

#: Keys of a set that every one of its forms may use.
SHARED = ("timeliness",)

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
def _data() -> dict[str, Any]:
    text = resource_path("forms", "form-sets.json").read_text("utf-8")
    return dict(json.loads(text))


def form_sets() -> list[dict[str, Any]]:
    return list(_data()["sets"])


def _in_force(entry: dict[str, Any], day: date) -> bool:
    start = date.fromisoformat(entry["valid_from"]) if entry.get("valid_from") else date.min
    end = date.fromisoformat(entry["valid_to"]) if entry.get("valid_to") else date.max
    return start <= day <= end


def desk_on(day: date) -> dict[str, Any]:
    """The one-stop desk's name on ``day``: "Bộ phận Tiếp nhận và Trả kết quả" until 30 June 2025 (NĐ 61/2018), then
    the commune's "Trung tâm Phục vụ hành chính công" (NĐ 118/2025, in force 1 July 2025), named with its unit
    (``of_unit``). The receipt date decides, not the form set: the 2018 forms stayed in use until 14/09/2025."""
    desks = list(_data()["desks"])
    return next((d for d in desks if _in_force(d, day)), desks[-1])


def form_set_on(day: date) -> dict[str, Any]:
    """The set in force on ``day`` (TT 01/2018 until 14/09/2025, TT 03/2025 from 15/09/2025)."""
    return next((s for s in form_sets() if _in_force(s, day)), form_sets()[-1])


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


def supplement_reasons(day: date | None = None) -> list[str]:
    """The usual reasons of a supplement request the officer may choose from (the form set's, a province may
    reword them), the default one first."""
    template = form_set_on(day or local_today())["forms"]["supplement"]
    reasons = [template.get("reason_default", ""), *template.get("reasons", [])]
    return [r for r in dict.fromkeys(reasons) if r]
