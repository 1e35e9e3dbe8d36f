"""The QMS journey: the four steps of QĐ 19/2014/QĐ-TTg as concrete tasks, each done, to do or overdue.

Sources (docs/DOMAIN.md §1):

1. **Build** (the ministry's framework model, QĐ 101/QĐ-BKHCN 2019): a steering committee and the
   quality roles named, the scope set (ISO 9001:2015 4.3), the quality policy approved (5.2), the year's quality
   objectives set (6.2), the procedures issued (7.5), the staff trained (7.2).
2. **Apply**: the first internal audit (9.2), the first management review (9.3), the head of the office
   confirming that the system works.
3. **Announce** (the decision's Annex I sample): the decision announcing conformity to TCVN ISO 9001:2015, the
   province's Department of Science and Technology notified in writing.
4. **Maintain and improve**: internal audit and management review at least once a year (due a
   year after the last one), legal changes brought into the system within three months of their entry into force,
   and the system announced again whenever its scope changed.

Everything here is computed from :class:`Facts` and the day given (never the PC's clock), so the same data gives
the same journey in a test, a report of last year, or tomorrow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from isodesk.domain.validation import N_


class Phase(StrEnum):
    BUILD = "build"
    APPLY = "apply"
    ANNOUNCE = "announce"
    MAINTAIN = "maintain"


class TaskState(StrEnum):
    DONE = "done"
    TODO = "todo"
    OVERDUE = "overdue"


class TaskKey(StrEnum):
    ORGANISATION = "organisation"
    SCOPE = "scope"
    POLICY = "policy"
    OBJECTIVES = "objectives"
    PROCEDURES = "procedures"
    TRAINING = "training"
    FIRST_AUDIT = "first_audit"
    FIRST_REVIEW = "first_review"
    EFFECTIVENESS = "effectiveness"
    ANNOUNCEMENT = "announcement"
    NOTIFICATION = "notification"
    YEARLY_AUDIT = "yearly_audit"
    YEARLY_REVIEW = "yearly_review"
    LEGAL_UPDATES = "legal_updates"
    REANNOUNCEMENT = "reannouncement"


#: Task -> (phase, title, what to do next): English msgids, worded where they are shown.
TASKS: dict[TaskKey, tuple[Phase, str, str]] = {
    TaskKey.ORGANISATION: (
        Phase.BUILD,
        N_("Steering committee and quality roles named"),
        N_("Name the steering committee, the quality representative, the ISO secretary and the audit team."),
    ),
    TaskKey.SCOPE: (
        Phase.BUILD,
        N_("Scope of the quality system set"),
        N_("Choose the procedures in scope and the excluded requirements with their reason."),
    ),
    TaskKey.POLICY: (
        Phase.BUILD,
        N_("Quality policy approved"),
        N_("Draft the quality policy and have a leader approve it."),
    ),
    TaskKey.OBJECTIVES: (
        Phase.BUILD,
        N_("Quality objectives of the year set"),
        N_("Set measurable quality objectives for this year."),
    ),
    TaskKey.PROCEDURES: (
        Phase.BUILD,
        N_("ISO procedures issued"),
        N_("Issue the ISO procedure of every procedure in scope."),
    ),
    TaskKey.TRAINING: (
        Phase.BUILD,
        N_("Staff trained"),
        N_("Record the training of the staff and of the internal auditors."),
    ),
    TaskKey.FIRST_AUDIT: (
        Phase.APPLY,
        N_("First internal audit held"),
        N_("Hold the first internal audit and correct what it found."),
    ),
    TaskKey.FIRST_REVIEW: (
        Phase.APPLY,
        N_("Management review held"),
        N_("Hold the management review with the leaders."),
    ),
    TaskKey.EFFECTIVENESS: (
        Phase.APPLY,
        N_("Head of the office confirmed the system works"),
        N_("Record the head's confirmation that the quality system is effective."),
    ),
    TaskKey.ANNOUNCEMENT: (
        Phase.ANNOUNCE,
        N_("Conformity announced"),
        N_("Issue the decision announcing the quality system conforms to TCVN ISO 9001:2015 and post it."),
    ),
    TaskKey.NOTIFICATION: (
        Phase.ANNOUNCE,
        N_("Province notified"),
        N_("Send the decision to the provincial Department of Science and Technology."),
    ),
    TaskKey.YEARLY_AUDIT: (
        Phase.MAINTAIN,
        N_("Internal audit of the year"),
        N_("Hold an internal audit at least once a year."),
    ),
    TaskKey.YEARLY_REVIEW: (
        Phase.MAINTAIN,
        N_("Management review of the year"),
        N_("Hold a management review at least once a year."),
    ),
    TaskKey.LEGAL_UPDATES: (
        Phase.MAINTAIN,
        N_("Legal changes brought in"),
        N_("Update the documents touched by a legal change within three months of its entry into force."),
    ),
    TaskKey.REANNOUNCEMENT: (
        Phase.MAINTAIN,
        N_("Announced again after a change of scope"),
        N_("The scope changed after the announcement: announce the quality system again."),
    ),
}

PHASE_NAMES = {
    Phase.BUILD: N_("1. Build"),
    Phase.APPLY: N_("2. Apply"),
    Phase.ANNOUNCE: N_("3. Announce"),
    Phase.MAINTAIN: N_("4. Maintain and improve"),
}

#: Months within which a legal change must be brought into the system (QĐ 19/2014/QĐ-TTg, step 4).
LEGAL_UPDATE_MONTHS = 3
#: Internal audit and management review at least once a year (QĐ 19/2014/QĐ-TTg, step 4).
YEARLY_MONTHS = 12


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day when it has no such day (30 Nov + 3 = 28 Feb)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date(year, month, min(day.day, (following - timedelta(days=1)).day))


@dataclass(frozen=True)
class Facts:
    """What the office's records say, as dates (None: not yet)."""

    organised: bool = False  # a quality representative, an ISO secretary and a steering committee are named
    scope_set_on: date | None = None  # the first scope with procedures
    scope_changed_on: date | None = None  # the latest change of the procedures in scope
    policy_approved_on: date | None = None
    objectives_years: frozenset[int] = frozenset()  # the years that have objectives
    procedures_issued: bool = False  # every procedure in scope has an issued ISO procedure
    trained: bool = False
    audits: Sequence[date] = ()  # internal audits held
    reviews: Sequence[date] = ()  # management reviews held
    effective_on: date | None = None  # the head's confirmation
    announced_on: date | None = None  # the latest announcement
    first_announced_on: date | None = None
    notified_on: date | None = None  # the province notified of the latest announcement
    pending_legal: Sequence[date] = ()  # entry into force of legal changes not yet brought in


@dataclass(frozen=True)
class Task:
    key: TaskKey
    phase: Phase
    state: TaskState
    due: date | None  # when it must be done (None: no deadline set by the rules)
    done_on: date | None = None

    @property
    def title(self) -> str:
        return TASKS[self.key][1]

    @property
    def next_action(self) -> str:
        return TASKS[self.key][2]


def _once(key: TaskKey, done_on: date | None, done: bool | None = None) -> Task:
    finished = done_on is not None if done is None else done
    return Task(key, TASKS[key][0], TaskState.DONE if finished else TaskState.TODO, None, done_on)


def _yearly(key: TaskKey, held: Sequence[date], started: date | None, today: date) -> Task:
    """Due a year after the last one held (or after the announcement, if none since); overdue once that passed."""
    phase = TASKS[key][0]
    last = max((d for d in held if d <= today), default=None)
    base = max(d for d in (last, started) if d is not None) if (last or started) else None
    if base is None:
        return Task(key, phase, TaskState.TODO, None)
    due = add_months(base, YEARLY_MONTHS)
    if today > due:
        return Task(key, phase, TaskState.OVERDUE, due, last)
    if last is not None and (started is None or last >= started):
        return Task(key, phase, TaskState.DONE, due, last)
    return Task(key, phase, TaskState.TODO, due, last)


def journey(facts: Facts, today: date) -> list[Task]:
    """Every task of the journey, in order, with its state on ``today``."""
    tasks = [
        _once(TaskKey.ORGANISATION, None, facts.organised),
        _once(TaskKey.SCOPE, facts.scope_set_on),
        _once(TaskKey.POLICY, facts.policy_approved_on),
        _once(TaskKey.OBJECTIVES, None, today.year in facts.objectives_years),
        _once(TaskKey.PROCEDURES, None, facts.procedures_issued),
        _once(TaskKey.TRAINING, None, facts.trained),
        _once(TaskKey.FIRST_AUDIT, min(facts.audits, default=None)),
        _once(TaskKey.FIRST_REVIEW, min(facts.reviews, default=None)),
        _once(TaskKey.EFFECTIVENESS, facts.effective_on),
        _once(TaskKey.ANNOUNCEMENT, facts.first_announced_on or facts.announced_on),
        _once(
            TaskKey.NOTIFICATION, facts.notified_on, facts.notified_on is not None and facts.announced_on is not None
        ),
    ]
    announced = facts.first_announced_on or facts.announced_on
    tasks.append(_yearly(TaskKey.YEARLY_AUDIT, facts.audits, announced, today))
    tasks.append(_yearly(TaskKey.YEARLY_REVIEW, facts.reviews, announced, today))
    dues = sorted(add_months(d, LEGAL_UPDATE_MONTHS) for d in facts.pending_legal)
    if not dues:
        tasks.append(Task(TaskKey.LEGAL_UPDATES, Phase.MAINTAIN, TaskState.DONE, None))
    else:
        state = TaskState.OVERDUE if today > dues[0] else TaskState.TODO
        tasks.append(Task(TaskKey.LEGAL_UPDATES, Phase.MAINTAIN, state, dues[0]))
    changed_after = (
        facts.announced_on is not None
        and facts.scope_changed_on is not None
        and facts.scope_changed_on > facts.announced_on
    )
    if facts.announced_on is None or not changed_after:
        state = TaskState.DONE if facts.announced_on is not None else TaskState.TODO
        tasks.append(Task(TaskKey.REANNOUNCEMENT, Phase.MAINTAIN, state, None, facts.announced_on))
    else:
        tasks.append(Task(TaskKey.REANNOUNCEMENT, Phase.MAINTAIN, TaskState.TODO, None))
    return tasks


#: The tasks done once, in the order of the journey (the steps before maintaining the system).
ONCE = (
    TaskKey.ORGANISATION,
    TaskKey.SCOPE,
    TaskKey.POLICY,
    TaskKey.OBJECTIVES,
    TaskKey.PROCEDURES,
    TaskKey.TRAINING,
    TaskKey.FIRST_AUDIT,
    TaskKey.FIRST_REVIEW,
    TaskKey.EFFECTIVENESS,
    TaskKey.ANNOUNCEMENT,
)


def step_of(facts: Facts, today: date) -> Phase:
    """The step an office is at: maintaining the system once it announced conformity (QĐ 19/2014/QĐ-TTg, step 4),
    else the step of its first task done once that is not done yet."""
    if facts.first_announced_on or facts.announced_on:
        return Phase.MAINTAIN
    for task in journey(facts, today):
        if task.key in ONCE and task.state is not TaskState.DONE:
            return task.phase
    return Phase.ANNOUNCE


def overdue(tasks: Sequence[Task]) -> list[Task]:
    return [t for t in tasks if t.state is TaskState.OVERDUE]
