"""The words for an audit's, a finding's, an action's and a decision's values, in the user's language: one place
for the screens and the command line (the stored values stay the English keys of :mod:`isodesk.domain.audit`)."""

from __future__ import annotations

from isodesk.i18n import N_, _

GRADE_NAMES = {
    "major": N_("Major nonconformity"),
    "minor": N_("Minor nonconformity"),
    "observation": N_("Observation"),
    "improvement": N_("Opportunity for improvement"),
}
AUDIT_STATUS_NAMES = {"planned": N_("planned"), "reported": N_("report issued")}
FINDING_STATUS_NAMES = {"open": N_("open"), "closed": N_("closed")}
ACTION_STATUS_NAMES = {"open": N_("open"), "done": N_("done, to verify"), "verified": N_("verified effective")}
DECISION_STATUS_NAMES = {"open": N_("open"), "done": N_("done")}


def _name(names: dict[str, str], value: str) -> str:
    return _(names[value]) if value in names else value


def grade_name(grade: str) -> str:
    return _name(GRADE_NAMES, grade)


def audit_status_name(status: str) -> str:
    return _name(AUDIT_STATUS_NAMES, status)


def finding_status_name(status: str) -> str:
    return _name(FINDING_STATUS_NAMES, status)


def action_status_name(status: str) -> str:
    return _name(ACTION_STATUS_NAMES, status)


def decision_status_name(status: str) -> str:
    return _name(DECISION_STATUS_NAMES, status)
