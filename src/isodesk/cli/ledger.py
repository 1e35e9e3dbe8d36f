"""Commands of the one-stop-shop ledger: procedure, calendar, deadline, dossier, stats (docs/ARCHITECTURE.md §8)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any, Literal

from isodesk.cli.common import add_json, no_account, parse_date, parse_datetime, parse_number, with_context
from isodesk.cli.output import Result
from isodesk.domain import validation as v
from isodesk.domain.ledger import Action, Satisfaction
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_today
from isodesk.i18n.numbers import percent, whole_number
from isodesk.services.inputs import check

#: The steps ``dossier move --to`` records, as the domain names them.
ACTIONS = tuple(a.value for a in Action)


def _time_options(p: argparse.ArgumentParser, *, required: bool = True) -> None:
    g = p.add_mutually_exclusive_group(required=required)
    g.add_argument("--working-days", metavar="N")
    g.add_argument("--hours", metavar="N")
    g.add_argument("--days", metavar="N", help=_("calendar days"))
    g.add_argument("--same-day", action="store_true")


def _processing_time(args: argparse.Namespace) -> Any:
    from isodesk.domain.deadlines import ProcessingTime, TimeUnit

    if args.same_day:
        return ProcessingTime(TimeUnit.SAME_DAY)
    if args.working_days is not None:
        return ProcessingTime(TimeUnit.WORKING_DAYS, parse_number(args.working_days))
    if args.hours is not None:
        return ProcessingTime(TimeUnit.WORKING_HOURS, parse_number(args.hours))
    if args.days is not None:
        return ProcessingTime(TimeUnit.CALENDAR_DAYS, parse_number(args.days))
    return None


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    proc = sub.add_parser("procedure", parents=[common], help=_("the procedure catalogue"))
    psub = proc.add_subparsers(dest="procedure_command", metavar="ACTION", required=True)
    p = psub.add_parser("add", parents=[common], help=_("add a procedure"))
    p.add_argument("--code", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--field", default="")
    p.add_argument("--fee", default="", metavar="VND")
    _time_options(p)
    add_json(p)
    p.set_defaults(handler=cmd_procedure_add)
    p = psub.add_parser("set", parents=[common], help=_("the office's own processing time, fee, steps, QMS scope"))
    p.add_argument("code")
    p.add_argument("--fee", default=None, metavar="VND")
    p.add_argument(
        "--steps", metavar="TEXT", help=_('internal steps: "name | responsible | 4h; name | responsible | 1d"')
    )
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--in-scope", dest="in_scope", action="store_true", default=None)
    scope.add_argument("--out-of-scope", dest="in_scope", action="store_false")
    _time_options(p, required=False)
    add_json(p)
    p.set_defaults(handler=cmd_procedure_set)
    p = psub.add_parser("list", parents=[common], help=_("list procedures"))
    p.add_argument("--search", default="")
    add_json(p)
    p.set_defaults(handler=cmd_procedure_list)
    no_account(p)
    p = psub.add_parser(
        "retire", parents=[common], help=_("take a procedure out of the catalogue the desk receives for")
    )
    p.add_argument("code")
    add_json(p)
    p.set_defaults(handler=cmd_procedure_retire)
    p = psub.add_parser("restore", parents=[common], help=_("bring a retired procedure back to the desk"))
    p.add_argument("code")
    add_json(p)
    p.set_defaults(handler=cmd_procedure_restore)
    p = psub.add_parser("import", parents=[common], help=_("import a CSV or XLSX catalogue"))
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help=_("only show what would change"))
    p.add_argument("--remove-missing", action="store_true", help=_("withdraw procedures absent from the file"))
    add_json(p)
    p.set_defaults(handler=cmd_procedure_import)

    cal = sub.add_parser("calendar", parents=[common], help=_("the working-day calendar"))
    csub = cal.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    p = csub.add_parser("show", parents=[common], help=_("days off and working weekend days of a year"))
    p.add_argument("--year", type=int, default=local_today().year)
    add_json(p)
    p.set_defaults(handler=cmd_calendar_show)
    no_account(p)
    p = csub.add_parser("set", parents=[common], help=_("declare a day off or a working day"))
    p.add_argument("date")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--day-off", action="store_true")
    g.add_argument("--workday", action="store_true")
    p.add_argument("--note", default="", help=_("legal basis, e.g. the Government's announcement"))
    add_json(p)
    p.set_defaults(handler=cmd_calendar_set)

    p = sub.add_parser("deadline", parents=[common], help=_("compute a due date"))
    p.add_argument("--received", required=True, metavar="DATETIME")
    p.add_argument("--cutoff", metavar="HH:MM")
    _time_options(p)
    add_json(p)
    p.set_defaults(handler=cmd_deadline)
    no_account(p)

    dossier = sub.add_parser("dossier", parents=[common], help=_("dossiers of the one-stop shop"))
    dsub = dossier.add_subparsers(dest="dossier_command", metavar="ACTION", required=True)
    p = dsub.add_parser("receive", parents=[common], help=_("receive a dossier"))
    p.add_argument("--procedure", required=True, metavar="CODE")
    p.add_argument("--applicant", required=True, metavar="NAME")
    p.add_argument("--organisation", action="store_true", help=_("the applicant is an organisation"))
    p.add_argument("--address", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--email", default="")
    p.add_argument("--id-number", default="")
    p.add_argument("--representative", default="", metavar="NAME", help=_("who files on the applicant's behalf"))
    p.add_argument("--representative-id", default="", metavar="NUMBER", help=_("their personal identification number"))
    p.add_argument("--representative-phone", default="", metavar="PHONE", help=_("their phone"))
    p.add_argument("--received", metavar="DATETIME")
    p.add_argument("--sets", type=int, default=1)
    p.add_argument(
        "--missing",
        action="append",
        default=[],
        metavar="DOCUMENT",
        help=_(
            'a document the dossier lacks (repeatable), with the copy wanted in brackets if said, e.g. "Giấy chứng '
            'sinh (bản chính)": it is received and sent back for a supplement'
        ),
    )
    p.add_argument("--reason", default="", help=_("why the supplement is asked for (printed on the request)"))
    add_json(p)
    p.set_defaults(handler=cmd_dossier_receive)
    p = dsub.add_parser(
        "refuse", parents=[common], help=_("refuse to receive a dossier at the desk (form 03: no receipt slip)")
    )
    p.add_argument("--procedure", required=True, metavar="CODE")
    p.add_argument("--applicant", required=True, metavar="NAME")
    p.add_argument("--organisation", action="store_true", help=_("the applicant is an organisation"))
    p.add_argument("--address", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--reason", required=True, help=_("why it is refused (printed on the refusal slip)"))
    p.add_argument("--at", metavar="DATETIME")
    p.add_argument("--out", metavar="FILE.pdf", help=_("print the refusal slip (form 03) to this file"))
    add_json(p)
    p.set_defaults(handler=cmd_dossier_refuse)
    p = dsub.add_parser(
        "move",
        parents=[common],
        help=_("move a dossier to its next step"),
        description=_("Record a dossier's next step: a hand-over, a supplement request, the result returned…"),
    )
    p.add_argument("code", help=_("the dossier's code"))
    p.add_argument("--to", required=True, choices=ACTIONS, help=_("the step"))
    p.add_argument("--at", metavar="DATETIME", help=_("when it happened (default: now)"))
    p.add_argument(
        "--note",
        default="",
        help=_('why; for a supplement request: "Giấy chứng sinh (bản chính); Tờ khai (bản chụp). Lý do: …"'),
    )
    p.add_argument("--new-due", metavar="DATETIME", help=_("the new appointment, when the time is extended"))
    p.add_argument(
        "--rating",
        metavar="|".join(level.code for level in Satisfaction),
        help=_(
            "the applicant's satisfaction when the result is returned, by name, or as a score from 4 (very "
            "satisfied) to 1 (dissatisfied)"
        ),
    )
    p.add_argument("--staff", type=int, metavar="ID", help=_("hand over to this staff member"))
    add_json(p)
    p.set_defaults(handler=cmd_dossier_move)
    p = dsub.add_parser("edit", parents=[common], help=_("correct contact details, number of sets or note"))
    p.add_argument("code")
    p.add_argument("--address")
    p.add_argument("--phone")
    p.add_argument("--email")
    p.add_argument("--sets", type=int)
    p.add_argument("--note")
    add_json(p)
    p.set_defaults(handler=cmd_dossier_edit)
    p = dsub.add_parser("list", parents=[common], help=_("list dossiers"))
    p.add_argument("--status")
    p.add_argument("--search", default="")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)
    add_json(p)
    p.set_defaults(handler=cmd_dossier_list)
    p = dsub.add_parser("show", parents=[common], help=_("a dossier and its timeline"))
    p.add_argument("code")
    add_json(p)
    p.set_defaults(handler=cmd_dossier_show)

    p = sub.add_parser("stats", parents=[common], help=_("on-time statistics"))
    p.add_argument("--from", dest="start", metavar="DATE")
    p.add_argument("--to", dest="end", metavar="DATE")
    p.add_argument("--by", choices=("month", "quarter", "half", "nine_months", "year", "procedure", "field", "officer"))
    p.add_argument(
        "--unit",
        metavar="CODE",
        help=_("in the province's office: a unit's figures from the packages it sent (needs an account)"),
    )
    add_json(p)
    p.set_defaults(handler=cmd_stats)
    # The office's own figures show nothing personal; a unit's, at the province, are the province's data.
    p.set_defaults(needs_account=lambda args: args.unit is not None)


def cmd_procedure_add(args: argparse.Namespace) -> Result:
    from isodesk.services.ledger.procedures import add_procedure

    info = with_context(
        args, lambda c: add_procedure(c, args.code, args.name, _processing_time(args), args.field, args.fee)
    )
    return Result(info.to_dict(), _("Added procedure {code}.").format(code=info.code))


def cmd_procedure_set(args: argparse.Namespace) -> Result:
    from isodesk.services.ledger.procedures import update_procedure

    processing = _processing_time(args)
    info = with_context(
        args,
        lambda c: update_procedure(
            c,
            args.code,
            processing=processing,
            set_time=processing is not None,
            fee=args.fee,
            steps=args.steps,
            in_scope=args.in_scope,
        ),
    )
    return Result(info.to_dict(), _("Procedure {code} updated.").format(code=info.code))


def cmd_procedure_list(args: argparse.Namespace) -> Result:
    from isodesk.services.ledger.calendar import describe_time
    from isodesk.services.ledger.procedures import list_procedures

    items = with_context(args, lambda c: list_procedures(c, args.search))
    unknown = _("time not confirmed")
    lines = [
        f"{p.code:<12} {describe_time(p.processing_time) if p.processing_time else unknown:<20} {p.name}" for p in items
    ]
    return Result({"procedures": [p.to_dict() for p in items]}, "\n".join(lines))


def cmd_procedure_retire(args: argparse.Namespace) -> Result:
    from isodesk.services.ledger.catalogue import retire_procedure

    info = with_context(args, lambda c: retire_procedure(c, args.code))
    return Result(info.to_dict() | {"active": False}, _("Procedure {code} retired.").format(code=info.code))


def cmd_procedure_restore(args: argparse.Namespace) -> Result:
    from isodesk.services.ledger.catalogue import restore_procedure

    info = with_context(args, lambda c: restore_procedure(c, args.code))
    return Result(info.to_dict() | {"active": True}, _("Procedure {code} is in use again.").format(code=info.code))


def cmd_procedure_import(args: argparse.Namespace) -> Result:
    from isodesk.services.ledger.procedures import apply_import, preview_import

    if args.dry_run:
        preview = with_context(args, lambda c: preview_import(c, args.file))
    else:
        preview = with_context(args, lambda c: apply_import(c, args.file, remove_missing=args.remove_missing))
    data = preview.to_dict() | {"applied": not args.dry_run}
    text = _("Added: {a}; changed: {c}; removed: {r}.").format(
        a=len(preview.added), c=len(preview.changed), r=len(preview.removed)
    )
    return Result(data, text)


def cmd_calendar_show(args: argparse.Namespace) -> Result:
    from isodesk.services.ledger.calendar import calendar_year

    data = with_context(args, lambda c: calendar_year(c, args.year))
    lines = [
        f"{d['date']}  {d['kind']:<8} {d['name']}" + ("" if d["confirmed"] else "  " + _("(unconfirmed)"))
        for d in data["details"]
    ]
    return Result(data, "\n".join(lines))


def cmd_calendar_set(args: argparse.Namespace) -> Result:
    from isodesk.services.ledger.calendar import set_day

    day = parse_date(args.date)
    kind: Literal["day_off", "workday"] = "day_off" if args.day_off else "workday"
    with_context(args, lambda c: set_day(c, day, kind, args.note))
    return Result({"date": day.isoformat(), "kind": kind}, _("Saved {day}.").format(day=day.isoformat()))


def cmd_deadline(args: argparse.Namespace) -> Result:
    from isodesk.services.ledger.calendar import deadline_for, explain

    received = parse_datetime(args.received)
    cutoff = check(v.parse_time, args.cutoff, v.N_("The cut-off hour")) if args.cutoff else None
    deadline = with_context(args, lambda c: deadline_for(c, received, _processing_time(args), cutoff))
    text = explain(deadline)
    return Result(
        {
            "due": deadline.due.isoformat(),
            "explanation": text,
            "skipped": [{"date": d.day.isoformat(), "kind": d.kind.value, "name": d.name} for d in deadline.skipped],
        },
        text,
    )


def cmd_dossier_receive(args: argparse.Namespace) -> Result:
    import sys

    from isodesk.services.ledger.dossiers import ApplicantInput, receive_dossier

    applicant = ApplicantInput(
        args.applicant,
        "organisation" if args.organisation else "person",
        args.address,
        args.phone,
        args.email,
        args.id_number,
        args.representative,
        args.representative_id,
        args.representative_phone,
    )
    received = parse_datetime(args.received) if args.received else None
    result = with_context(
        args,
        lambda c: receive_dossier(
            c, args.procedure, applicant, received_at=received, sets=args.sets, missing=args.missing, reason=args.reason
        ),
    )
    for warning in result.warnings:
        sys.stderr.write(_("Warning: {message}").format(message=warning) + "\n")
    if result.missing:
        text = _(
            "Received {code} and sent it back for a supplement: {documents}. The appointment is set again when "
            "the dossier is complete."
        ).format(code=result.code, documents="; ".join(result.missing))
    else:
        from isodesk.i18n.dates import short_datetime

        text = _("Received {code}; due {due}.").format(
            code=result.code, due=short_datetime(result.due) if result.due else "—"
        )
    return Result(result.to_dict(), text)


def cmd_dossier_refuse(args: argparse.Namespace) -> Result:
    from isodesk.services.ledger.dossiers import ApplicantInput, refuse_at_desk
    from isodesk.services.printing import check_output, form_pdf, write_pdf

    applicant = ApplicantInput(
        args.applicant, "organisation" if args.organisation else "person", args.address, args.phone
    )
    at = parse_datetime(args.at) if args.at else None
    if args.out:
        check_output(args.out)

    def refuse(c: Any) -> tuple[dict[str, Any], bytes | None]:
        data = refuse_at_desk(c, args.procedure, applicant, args.reason, at=at)
        return data, form_pdf(c, "refusal", data["code"]) if args.out else None

    data, pdf = with_context(args, refuse)
    text = _("Refused {code} at the desk; it was not received.").format(code=data["code"])
    if pdf is not None:
        path = write_pdf(args.out, pdf)
        data["out"] = str(path)
        text += " " + _("Written {path}.").format(path=path)
    return Result(data, text)


def cmd_dossier_move(args: argparse.Namespace) -> Result:
    import sys

    from isodesk.services.labels import state_name
    from isodesk.services.ledger.dossiers import move_dossier

    at = parse_datetime(args.at) if args.at else None
    new_due = parse_datetime(args.new_due) if args.new_due else None
    rating = check(v.satisfaction, args.rating).value if args.rating is not None else None
    data = with_context(
        args,
        lambda c: move_dossier(
            c, args.code, args.to, at=at, note=args.note, new_due=new_due, rating=rating, to_staff_id=args.staff
        ),
    )
    for warning in data.get("warnings", []):
        sys.stderr.write(_("Warning: {message}").format(message=warning) + "\n")
    return Result(data, _("Dossier {code} is now {state}.").format(code=data["code"], state=state_name(data["status"])))


def cmd_dossier_edit(args: argparse.Namespace) -> Result:
    from isodesk.services.ledger.dossier_edit import DossierCorrection, edit_dossier

    change = DossierCorrection(args.address, args.phone, args.email, args.sets, args.note)
    data = with_context(args, lambda c: edit_dossier(c, args.code, change))
    return Result(data, _("Dossier {code} corrected.").format(code=data["code"]))


def cmd_dossier_list(args: argparse.Namespace) -> Result:
    from isodesk.services.ledger.queries import DossierFilter, list_dossiers

    if not 1 <= args.limit <= 10_000 or args.offset < 0:
        raise UserError(_("--limit must be from 1 to 10000 and --offset 0 or more."))
    f = DossierFilter(status=args.status, search=args.search)
    rows = with_context(args, lambda c: list_dossiers(c, f, offset=args.offset, limit=args.limit))
    lines = [f"{r.code:<28} {r.status:<11} {r.applicant:<28} {r.procedure_name[:60]}" for r in rows]
    return Result({"dossiers": [r.to_dict() for r in rows]}, "\n".join(lines) or _("No dossiers."))


def cmd_dossier_show(args: argparse.Namespace) -> Result:
    from isodesk.services.ledger.dossiers import show_dossier

    data = with_context(args, lambda c: show_dossier(c, args.code))
    lines = [f"{data['code']} — {data['status_name']}", data["procedure"]["name"]]
    lines += [f"  {e['at']}  {e['action']:<11} {e['note']}" for e in data["events"]]
    return Result(data, "\n".join(lines))


def _unit_stats(args: argparse.Namespace, start: date | None, end: date | None) -> dict[str, Any]:
    """``stats --unit``: a unit's figures at the province, with the same keys."""
    from isodesk.services.ledger.stats import PERIODS
    from isodesk.services.province.unit_stats import unit_stats, unit_stats_by, unit_stats_by_period

    def run(ctx: Any) -> dict[str, Any]:
        data = unit_stats(ctx, args.unit, start, end)
        if args.by in PERIODS:
            data["periods"] = unit_stats_by_period(ctx, args.unit, (start or local_today()).year, args.by)
        elif args.by:
            period = (date.fromisoformat(data["from"]), date.fromisoformat(data["to"]))
            data["groups"] = unit_stats_by(ctx, args.unit, args.by, *period)
        return data

    result: dict[str, Any] = with_context(args, run)
    return result


def cmd_stats(args: argparse.Namespace) -> Result:
    from isodesk.services.ledger.stats import PERIODS, stats, stats_by, stats_by_period

    start = parse_date(args.start) if args.start else None
    end = parse_date(args.end) if args.end else None
    if start and end and end < start:
        raise UserError(_("The end date is before the start date."))
    if args.unit is not None:
        data = _unit_stats(args, start, end)
    else:
        data = with_context(args, lambda c: stats(c, start, end))
        if args.by in PERIODS:
            year = (start or local_today()).year
            data["periods"] = with_context(args, lambda c: stats_by_period(c, year, args.by))
        elif args.by:
            data["groups"] = with_context(
                args, lambda c: stats_by(c, args.by, date.fromisoformat(data["from"]), date.fromisoformat(data["to"]))
            )
    text = _(
        "Received {received}, settled {settled} (ahead {ahead}, on time {on_time}, late {late}), "
        "in progress {in_progress}, overdue {overdue}; on-time rate {rate}; satisfied {satisfied}."
    ).format(
        rate=percent(data["on_time_rate"]),
        satisfied=percent(data["satisfaction_rate"]),
        **{
            k: whole_number(data[k])
            for k in ("received", "settled", "ahead", "on_time", "late", "in_progress", "overdue")
        },
    )
    return Result(data, text)
