"""The quality system on the command line: ``isodesk qms …`` (docs/ARCHITECTURE.md §8).

- ``qms status [--today D] --json`` → ``steps`` (each ``key``, ``title``, ``state`` done|todo|overdue, ``due``),
  ``announced_on``, ``objectives`` (each ``id``, ``title``, ``target``, ``actual``, ``met``);
- ``qms objective add --title T --measure M [--procedure CODE …] [--field F] --target N --year Y
  [--period year|quarter|month] --json`` → ``id``; ``qms objective list [--year Y] --json`` → ``objectives``
  (rates as percentages);
- ``qms policy draft --text-file F --json`` → ``version``; ``qms policy approve --json`` (a leader only);
- ``qms announce --number N --date D --json``;
- ``qms problem add --text T [--procedure CODE] [--action A] [--on D] --json`` → ``id``; ``qms problem list [--open]
  --json`` → ``problems`` (each ``id``, ``noted_on``, ``procedure``, ``description``, ``action``, ``reviewed_on``,
  ``review_note``, ``review_due``); ``qms problem review [--on D] [--note N] --json`` → ``reviewed``.

The scope, the organisation, milestones, plan, risks and documents are kept in the quality area's tabs.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from isodesk.cli.common import add_json, parse_date, with_context
from isodesk.cli.output import Result
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_today, short_date


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    qms = sub.add_parser("qms", parents=[common], help=_("the quality management system (QĐ 19/2014, ISO 9001)"))
    qsub = qms.add_subparsers(dest="qms_command", metavar="ACTION", required=True)

    p = qsub.add_parser("status", parents=[common], help=_("the journey's steps, the announcement, the objectives"))
    p.add_argument("--today", default=None, metavar="DATE", help=_("the day to judge the journey on (default today)"))
    add_json(p)
    p.set_defaults(handler=cmd_status)

    objective = qsub.add_parser("objective", parents=[common], help=_("quality objectives (ISO 9001:2015 6.2)"))
    osub = objective.add_subparsers(dest="objective_command", metavar="ACTION", required=True)
    p = osub.add_parser("add", parents=[common], help=_("add a measurable objective"))
    p.add_argument("--title", required=True)
    p.add_argument(
        "--measure",
        required=True,
        metavar="MEASURE",
        help=_("on_time_rate, satisfaction_rate, supplement_rate, avg_days or manual"),
    )
    p.add_argument("--procedure", action="append", default=[], metavar="CODE", help=_("narrow to a procedure"))
    p.add_argument("--field", default="", metavar="FIELD", help=_("narrow to a field of procedures"))
    p.add_argument("--target", default=None, metavar="N", help=_("the target (a percentage for a rate)"))
    p.add_argument("--year", type=int, default=None, metavar="YEAR", help=_("the year (default this year)"))
    p.add_argument("--period", default="year", metavar="PERIOD", help=_("year, quarter or month (default year)"))
    p.add_argument("--unit", default="", help=_("unit of a manual measure"))
    p.add_argument("--at-most", action="store_true", help=_("a manual measure is met at or under its target"))
    p.add_argument("--plan", default="", help=_("what is done to achieve it"))
    p.add_argument("--owner", default="", help=_("who is responsible"))
    add_json(p)
    p.set_defaults(handler=cmd_objective_add)
    p = osub.add_parser("list", parents=[common], help=_("objectives with their actual value against the target"))
    p.add_argument("--year", type=int, default=None, metavar="YEAR")
    add_json(p)
    p.set_defaults(handler=cmd_objective_list)

    policy = qsub.add_parser("policy", parents=[common], help=_("the quality policy (ISO 9001:2015 5.2)"))
    psub = policy.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    p = psub.add_parser("draft", parents=[common], help=_("write the policy's draft from a text file"))
    p.add_argument("--text-file", required=True, metavar="FILE", help=_("UTF-8 text, one statement a paragraph"))
    add_json(p)
    p.set_defaults(handler=cmd_policy_draft)
    p = psub.add_parser("approve", parents=[common], help=_("approve the draft (a leader only)"))
    p.add_argument("--version", type=int, default=None, metavar="N", help=_("the version (default the latest)"))
    add_json(p)
    p.set_defaults(handler=cmd_policy_approve)

    p = qsub.add_parser("announce", parents=[common], help=_("record the decision announcing conformity"))
    p.add_argument("--number", required=True, metavar="N", help=_('the decision\'s number, e.g. "125/QĐ-UBND"'))
    p.add_argument("--date", required=True, metavar="DATE")
    p.add_argument("--notified", default=None, metavar="DATE", help=_("when the province was notified"))
    add_json(p)
    p.set_defaults(handler=cmd_announce)

    problem = qsub.add_parser("problem", parents=[common], help=_("problems met applying the procedures (weekly)"))
    bsub = problem.add_subparsers(dest="problem_command", metavar="ACTION", required=True)
    p = bsub.add_parser("add", parents=[common], help=_("note a problem met this week"))
    p.add_argument("--text", required=True, help=_("what went wrong"))
    p.add_argument("--procedure", default="", metavar="CODE", help=_("the procedure it concerns, if one"))
    p.add_argument("--action", default="", help=_("what was done about it"))
    p.add_argument("--on", default=None, metavar="DATE", help=_("when it was met (default today)"))
    add_json(p)
    p.set_defaults(handler=cmd_problem_add)
    p = bsub.add_parser("list", parents=[common], help=_("the log, newest first"))
    p.add_argument("--open", action="store_true", help=_("only those not yet reviewed"))
    add_json(p)
    p.set_defaults(handler=cmd_problem_list)
    p = bsub.add_parser("review", parents=[common], help=_("the monthly review of the problems noted so far"))
    p.add_argument("--on", default=None, metavar="DATE", help=_("the day of the review (default today)"))
    p.add_argument("--note", default="", help=_("the meeting's conclusion"))
    add_json(p)
    p.set_defaults(handler=cmd_problem_review)


def cmd_status(args: argparse.Namespace) -> Result:
    from isodesk.services.qms.journey import qms_status, task_state_name

    today = parse_date(args.today) if args.today else None
    view = with_context(args, lambda c: qms_status(c, today))
    lines = [
        f"[{task_state_name(t.state)}] {_(t.title)}" + (f" ({t.due.isoformat()})" if t.due else "") for t in view.tasks
    ]
    return Result(view.to_dict(), "\n".join(lines))


def cmd_objective_add(args: argparse.Namespace) -> Result:
    from isodesk.services.qms.objectives import add_objective

    view = with_context(
        args,
        lambda c: add_objective(
            c,
            title=args.title,
            measure=args.measure,
            target=args.target,
            year=args.year,
            period=args.period,
            procedures=args.procedure,
            field_name=args.field,
            unit=args.unit,
            at_most=args.at_most,
            plan=args.plan,
            owner=args.owner,
        ),
    )
    return Result(view.to_dict(), _("Quality objective {id} added.").format(id=view.id))


def cmd_objective_list(args: argparse.Namespace) -> Result:
    from isodesk.services.qms.objectives import list_objectives

    views = with_context(args, lambda c: list_objectives(c, args.year))
    lines = [f"{o.id}. {o.title}: {o.actual if o.actual is not None else '—'} / {o.target}{o.unit}" for o in views]
    return Result({"objectives": [o.to_dict() for o in views]}, "\n".join(lines))


def cmd_policy_draft(args: argparse.Namespace) -> Result:
    from isodesk.services.qms.policy import draft_policy

    path = Path(args.text_file)
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise UserError(
            _("Cannot read the text file {path}: it must exist and be UTF-8 text.").format(path=path)
        ) from None
    view = with_context(args, lambda c: draft_policy(c, text))
    return Result(view.to_dict(), _("Quality policy version {version} drafted.").format(version=view.version))


def cmd_policy_approve(args: argparse.Namespace) -> Result:
    from isodesk.services.qms.policy import approve_policy

    view = with_context(args, lambda c: approve_policy(c, args.version))
    return Result(view.to_dict(), _("Quality policy version {version} approved.").format(version=view.version))


def cmd_announce(args: argparse.Namespace) -> Result:
    from isodesk.services.qms.announcements import announce

    on = parse_date(args.date)
    notified = parse_date(args.notified) if args.notified else None
    made = with_context(args, lambda c: announce(c, args.number, on, notified))
    return Result(made.to_dict(), _("Announcement {number} recorded.").format(number=made.number))


def cmd_problem_add(args: argparse.Namespace) -> Result:
    from isodesk.services.qms.register import add_problem

    on = parse_date(args.on) if args.on else local_today()
    made = with_context(args, lambda c: add_problem(c, args.text, on, args.procedure, args.action))
    return Result(made.to_dict(), _("Problem {id} noted.").format(id=made.id))


def cmd_problem_list(args: argparse.Namespace) -> Result:
    from isodesk.services.qms.register import list_problems

    today = local_today()
    problems = with_context(args, lambda c: list_problems(c, open_only=args.open))
    rows = [{**p.to_dict(), "review_due": p.review_due_on(today)} for p in problems]
    lines = [
        f"{p.id:>4}  {short_date(p.noted_on)}  {p.procedure_code or '—':<9} {p.description}"
        + ("" if p.reviewed_on else "  [" + (_("review due") if p.review_due_on(today) else _("not reviewed")) + "]")
        for p in problems
    ]
    return Result({"problems": rows}, "\n".join(lines) or _("No problem noted."))


def cmd_problem_review(args: argparse.Namespace) -> Result:
    from isodesk.services.qms.register import review_problems

    on = parse_date(args.on) if args.on else local_today()
    reviewed = with_context(args, lambda c: review_problems(c, on, args.note))
    return Result(
        {"reviewed": [p.id for p in reviewed]},
        _("{count} problems reviewed on {day}.").format(count=len(reviewed), day=short_date(on)),
    )
