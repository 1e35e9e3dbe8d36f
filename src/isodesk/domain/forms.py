"""Which one-stop-shop paper applies to a dossier, and how a step of its route is judged.

The papers are the forms annexed to TT 01/2018/TT-VPCP (dossiers received until 14/09/2025) and TT 03/2025/TT-VPCP
(from 15/09/2025), under NĐ 61/2018/NĐ-CP and NĐ 118/2025/NĐ-CP:

- the receipt and appointment slip and the process control sheet go with every received dossier
  (NĐ 61/2018 art. 18–19; NĐ 118/2025, same rules);
- the supplement request is issued when the dossier is incomplete (NĐ 61/2018 art. 18 §3 b);
- the refusal slip when the dossier is not accepted at the desk (NĐ 61/2018 art. 18 §3 c): form 03 refuses to
  receive, so such a dossier has no receipt slip, no appointment and no control sheet; one found not eligible
  after receipt is declined by the competent authority in its own written answer, not with form 03;
- the apology (with a new appointment; in the 2025 set, with a request to extend the time) when the dossier is
  late: it has been given a new appointment, or it is still being processed past its appointment
  (NĐ 61/2018 art. 19 §2 b; QĐ 766/QĐ-TTg counts such dossiers as overdue);
- the notice of stopping when the processing was stopped (TT 03/2025, form 05; the 2018 set has no such form).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from isodesk.domain.ledger import RUNNING_STATES, Action, State, Timeliness


class FormName(StrEnum):
    RECEIPT = "receipt"
    SUPPLEMENT = "supplement"
    REFUSAL = "refusal"
    APOLOGY = "apology"
    STOP = "stop"
    CONTROL_SHEET = "control-sheet"


class NotApplicable(StrEnum):
    """Why a paper does not apply (the service words the message in the user's language)."""

    NO_SUPPLEMENT = "no_supplement"
    NOT_REFUSED = "not_refused"
    NOT_LATE = "not_late"
    NOT_STOPPED = "not_stopped"
    REFUSED_AT_DESK = "refused_at_desk"  # never received: no receipt slip, no appointment, no control sheet


@dataclass(frozen=True)
class DossierFacts:
    """What the rule needs to know of a dossier: its state, the actions in its history, its appointment."""

    status: State
    actions: frozenset[Action]
    due: datetime | None
    now: datetime

    @property
    def overdue(self) -> bool:
        """Past its appointment while its clock runs (a dossier waiting for a supplement or paused is not late)."""
        return self.status in RUNNING_STATES and self.due is not None and self.due < self.now


def not_applicable(form: FormName, facts: DossierFacts) -> NotApplicable | None:
    """None when ``form`` applies to the dossier, else the reason it does not."""
    if form is FormName.SUPPLEMENT and Action.SUPPLEMENT not in facts.actions:
        return NotApplicable.NO_SUPPLEMENT
    if form is FormName.REFUSAL and Action.REFUSED not in facts.actions:
        return NotApplicable.NOT_REFUSED  # a dossier declined after receipt gets the authority's own answer
    if form in (FormName.RECEIPT, FormName.CONTROL_SHEET) and Action.REFUSED in facts.actions:
        return NotApplicable.REFUSED_AT_DESK
    if form is FormName.APOLOGY and Action.EXTENDED not in facts.actions and not facts.overdue:
        return NotApplicable.NOT_LATE
    if form is FormName.STOP and facts.status is not State.STOPPED:
        return NotApplicable.NOT_STOPPED
    return None


def step_timeliness(done: datetime, due: datetime) -> Timeliness:
    """A hand-over against the due moment of the step it ends (column "Kết quả giải quyết hồ sơ" of the process
    control sheet, TT 01/2018 form 05 / TT 03/2025 form 06).

    Steps are counted in working hours, so the moment matters and not only the day: late after the due moment,
    ahead when done on an earlier day, on time on the due day up to the due moment.
    """
    if done > due:
        return Timeliness.LATE
    if done.date() < due.date():
        return Timeliness.AHEAD
    return Timeliness.ON_TIME
