"""The names of a dossier's states and steps, of a satisfaction rating and of an applicant, in the user's language.

One place for the words every feature shows for the ledger's values (the ledger, the trail, a person's data copy,
the printed papers, the command line and the screens), so that none keeps a copy of its own.
"""

from __future__ import annotations

from isodesk.domain.ledger import Action, Satisfaction, State, Timeliness
from isodesk.i18n import N_, _

#: Shown and printed where an erased applicant's name was.
ERASED_NAME = N_("(personal data erased)")

STATE_NAMES = {
    "received": N_("received"),
    "processing": N_("in processing"),
    "supplement": N_("waiting for a supplement"),
    "paused": N_("paused"),
    "ready": N_("result ready"),
    "returned": N_("returned"),
    "refused": N_("refused"),
    "stopped": N_("processing stopped"),
    "withdrawn": N_("withdrawn"),
}


def state_name(state: str) -> str:
    return _(STATE_NAMES.get(state, state))


ACTION_NAMES = {
    Action.PROCESSING: N_("handed over for processing"),
    Action.SUPPLEMENT: N_("sent back for a supplement"),
    Action.REFUSED: N_("refused"),
    Action.DECLINED: N_("declined by the competent authority"),
    Action.PAUSED: N_("paused"),
    Action.RESUMED: N_("resumed"),
    Action.EXTENDED: N_("given a new appointment"),
    Action.STOPPED: N_("stopped"),
    Action.READY: N_("marked ready"),
    Action.RETURNED: N_("returned"),
    Action.WITHDRAWN: N_("withdrawn"),
}


def action_name(action: str) -> str:
    """The name of a step of a dossier's life in the user's language; receipt is the first step of every dossier."""
    if action in {a.value for a in Action}:
        return _(ACTION_NAMES[Action(action)])
    return state_name(action) if action == State.RECEIVED.value else action


SATISFACTION_NAMES = {
    Satisfaction.VERY_SATISFIED: N_("very satisfied"),
    Satisfaction.SATISFIED: N_("satisfied"),
    Satisfaction.NEUTRAL: N_("neutral"),
    Satisfaction.DISSATISFIED: N_("dissatisfied"),
}


def satisfaction_name(rating: int) -> str:
    return _(SATISFACTION_NAMES[Satisfaction(rating)])


TIMELINESS_NAMES = {
    Timeliness.AHEAD: N_("ahead of time"),
    Timeliness.ON_TIME: N_("on time"),
    Timeliness.LATE: N_("late"),
}


def applicant_label(name: str | None) -> str:
    """The applicant's name, or the neutral placeholder once their personal data has been erased."""
    return name if name else _(ERASED_NAME)
