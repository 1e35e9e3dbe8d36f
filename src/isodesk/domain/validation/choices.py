"""Choices typed by name: the applicant's satisfaction rating."""

from __future__ import annotations

import re

from isodesk.domain.ledger import Satisfaction
from isodesk.domain.validation.text import N_, Invalid, normalise

SATISFACTION = N_("The satisfaction rating")
_SEPARATORS = re.compile(r"[\s\-]+")


def satisfaction(value: str) -> Satisfaction:
    """A satisfaction level typed by its code (``very_satisfied``, ``satisfied``, ``neutral``, ``dissatisfied``;
    case, spaces and hyphens do not matter) or by its score, 4 very satisfied to 1 dissatisfied, the direction of
    the counter devices' buttons (QĐ 766/QĐ-TTg 2022 counts satisfaction among the service-quality indicators)."""
    raw = normalise(value)
    key = _SEPARATORS.sub("_", raw.lower())
    for level in Satisfaction:
        if key in (level.code, str(level.score)):
            return level
    raise Invalid(
        N_(
            "{field} “{value}” is not one of: very_satisfied, satisfied, neutral, dissatisfied "
            "(or a score from 4, very satisfied, to 1, dissatisfied)."
        ),
        SATISFACTION,
        raw,
    )
