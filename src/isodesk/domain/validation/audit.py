"""What people type about internal audits, findings, corrective actions and the management review, with its
limits (ISO 9001:2015 9.2, 9.3, 10.2; ISO 19011:2018 6.3-6.6). The columns that store these take their widths
from here (``tests/db/test_column_limits.py``)."""

from __future__ import annotations

import re

from isodesk.domain.validation.moments import parse_time
from isodesk.domain.validation.text import N_, Invalid, TextField, normalise, text

EVIDENCE = TextField(N_("The evidence"), 4000, required=True)
ACTION_PLAN = TextField(N_("The action plan"), 2000, required=True)
ROOT_CAUSE = TextField(N_("The root cause"), 2000)
CORRECTION = TextField(N_("The correction"), 2000)
OBJECTIVES = TextField(N_("The objectives"), 2000)
CRITERIA = TextField(N_("The criteria"), 1000)
CONCLUSIONS = TextField(N_("The conclusions"), 4000)
AUDIT_PLACE = TextField(N_("The place"), 200)
CHECKLIST_NOTE = TextField(N_("The note"), 2000)
REVIEW_TEXT = TextField(N_("The text"), 8000)
DECISION = TextField(N_("The decision"), 2000, required=True)  # one decision of a management review

#: "4", "7.5", "7.5.3": a clause of ISO 9001 as audit papers write it.
CLAUSE_LENGTH = 10
_CLAUSE = re.compile(r"\d{1,2}(\.\d{1,2}){0,3}")


def clause_code(value: str) -> str:
    """A clause number of the standard ("7.5", "10.2.1"); a trailing dot or "điều" is dropped."""
    clean = normalise(value).lower().removeprefix("điều").removeprefix("clause").strip().rstrip(".")
    if not _CLAUSE.fullmatch(clean) or len(clean) > CLAUSE_LENGTH:
        raise Invalid(
            N_("{field} “{value}” is not a clause of the standard, e.g. 7.5 or 10.2."), N_("The clause"), value
        )
    return clean


def evidence(value: str) -> str:
    return text(value, EVIDENCE)


CHECK_EVIDENCE = TextField(N_("The evidence"), 4000)  # a checklist item's, filled in during the audit


def paragraphs(value: str, field: TextField) -> str:
    """Text of several paragraphs (minutes, decisions): each line normalised as free text, empty lines dropped, the
    line breaks kept; the limit counts the whole."""
    joined = "\n".join(line for line in (normalise(x) for x in value.splitlines()) if line)
    text(joined, field)  # the same refusals: one space in place of each line break counts the same
    return joined


#: The usual times of an audit's opening and closing meetings (ISO 19011:2018 6.4.3, 6.4.10), when none is given.
OPENING_TIME = "08:00"
CLOSING_TIME = "16:30"


def meeting_times(opening: str, closing: str) -> tuple[str, str]:
    """The opening and closing meetings of an audit as HH:MM (7:30 and 16h00 are read too); the closing meeting
    comes after the opening one."""
    start = parse_time(opening, N_("The time of the opening meeting"))
    end = parse_time(closing, N_("The time of the closing meeting"))
    if end <= start:
        raise Invalid(
            N_("{field} {value} is not after the opening meeting at {opening}: the audit closes after it opens."),
            N_("The time of the closing meeting"),
            f"{end:%H:%M}",
            opening=f"{start:%H:%M}",
        )
    return f"{start:%H:%M}", f"{end:%H:%M}"
