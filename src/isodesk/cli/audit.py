"""Commands of internal audits and the management review: audit (plan, list, show, checklist, coverage, report,
reopen, finding, action) and review (start, edit, decide, decision, minutes, confirm) (docs/ARCHITECTURE.md §8;
ISO 9001:2015 9.2, 9.3, 10.2)."""

from __future__ import annotations

import argparse
from typing import Any

from isodesk.cli.common import add_json, parse_date, with_context
from isodesk.cli.output import Result
from isodesk.domain import validation as v
from isodesk.domain.audit.workflow import Grade
from isodesk.domain.validation import audit as va
from isodesk.i18n import N_, _
from isodesk.services.audit.names import (
    action_status_name,
    audit_status_name,
    decision_status_name,
    finding_status_name,
    grade_name,
)
from isodesk.services.inputs import check

GRADES = tuple(g.value for g in Grade)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    audit = sub.add_parser("audit", parents=[common], help=_("internal audits, findings and corrective actions"))
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    p = asub.add_parser("plan", parents=[common], help=_("plan an audit of a department"))
    p.add_argument("--date", required=True, metavar="D")
    p.add_argument("--area", required=True, metavar="DEPARTMENT")
    p.add_argument(
        "--lead", default="", metavar="PERSON", help=_("lead auditor: a staff member's name or id (required)")
    )
    p.add_argument("--member", action="append", default=[], metavar="PERSON", help=_("a team member (repeatable)"))
    p.add_argument("--auditee", action="append", default=[], metavar="PERSON", help=_("a person audited (repeatable)"))
    p.add_argument("--procedure", action="append", default=[], metavar="CODE", help=_("a procedure in scope"))
    p.add_argument("--clause", action="append", default=[], metavar="C", help=_("a clause in scope, e.g. 7.5"))
    p.add_argument("--objectives", default="", metavar="TEXT")
    p.add_argument("--criteria", default="", metavar="TEXT")
    p.add_argument("--opening", default=va.OPENING_TIME, metavar="HH:MM", help=_("opening meeting (%(default)s)"))
    p.add_argument("--closing", default=va.CLOSING_TIME, metavar="HH:MM", help=_("closing meeting (%(default)s)"))
    add_json(p)
    p.set_defaults(handler=cmd_plan)
    p = asub.add_parser("list", parents=[common], help=_("audits by date"))
    p.add_argument("--year", type=int, default=None)
    add_json(p)
    p.set_defaults(handler=cmd_list)
    p = asub.add_parser("show", parents=[common], help=_("an audit's plan and checklist"))
    p.add_argument("id", type=int)
    add_json(p)
    p.set_defaults(handler=cmd_show)
    p = asub.add_parser("checklist", parents=[common], help=_("print an audit's checklist (blank for paper use)"))
    p.add_argument("id", type=int)
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--filled", action="store_true", help=_("with what was recorded"))
    add_json(p)
    p.set_defaults(handler=cmd_checklist)
    p = asub.add_parser("coverage", parents=[common], help=_("clauses and departments the year's audits leave out"))
    p.add_argument("--year", type=int, required=True, metavar="Y")
    add_json(p)
    p.set_defaults(handler=cmd_coverage)
    p = asub.add_parser("report", parents=[common], help=_("print the audit report (issues and locks it)"))
    p.add_argument("id", type=int)
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    add_json(p)
    p.set_defaults(handler=cmd_report)
    p = asub.add_parser(
        "reopen", parents=[common], help=_("reopen an audit whose report is issued, for a new revision")
    )
    p.add_argument("id", type=int)
    add_json(p)
    p.set_defaults(handler=cmd_reopen)

    finding = asub.add_parser("finding", parents=[common], help=_("findings of audits"))
    fsub = finding.add_subparsers(dest="finding_command", metavar="ACTION", required=True)
    p = fsub.add_parser("add", parents=[common], help=_("record a finding"))
    p.add_argument("--audit", type=int, default=None, metavar="ID")
    p.add_argument("--grade", required=True, choices=GRADES)
    p.add_argument("--clause", required=True, metavar="C")
    p.add_argument("--evidence", default="", metavar="TEXT", help=_("what was seen (required)"))
    p.add_argument("--procedure", default="", metavar="CODE")
    p.add_argument("--place", default="", metavar="TEXT")
    add_json(p)
    p.set_defaults(handler=cmd_finding_add)
    p = fsub.add_parser("list", parents=[common], help=_("findings"))
    p.add_argument("--open", action="store_true", help=_("only open findings"))
    p.add_argument("--audit", type=int, default=None, metavar="ID")
    add_json(p)
    p.set_defaults(handler=cmd_finding_list)
    p = fsub.add_parser("propose", parents=[common], help=_("procedures whose dossiers were too often late"))
    p.add_argument("--from", dest="start", required=True, metavar="D")
    p.add_argument("--to", dest="end", required=True, metavar="D")
    p.add_argument("--late-share", type=int, default=10, metavar="PERCENT", help=_("late share that proposes (10)"))
    p.add_argument("--minimum", type=int, default=5, metavar="N", help=_("least settled dossiers to judge (5)"))
    add_json(p)
    p.set_defaults(handler=cmd_finding_propose)
    p = fsub.add_parser("acknowledge", parents=[common], help=_("the audited side acknowledges a finding"))
    p.add_argument("id", type=int)
    p.add_argument("--by", required=True, metavar="PERSON")
    add_json(p)
    p.set_defaults(handler=cmd_finding_acknowledge)
    p = fsub.add_parser("close", parents=[common], help=_("close a finding whose actions are verified"))
    p.add_argument("id", type=int)
    add_json(p)
    p.set_defaults(handler=cmd_finding_close)

    action = asub.add_parser("action", parents=[common], help=_("corrective actions"))
    xsub = action.add_subparsers(dest="action_command", metavar="ACTION", required=True)
    p = xsub.add_parser("add", parents=[common], help=_("plan a corrective action for a finding"))
    p.add_argument("--finding", type=int, required=True, metavar="ID")
    p.add_argument("--owner", required=True, metavar="PERSON")
    p.add_argument("--due", required=True, metavar="D")
    p.add_argument("--plan", required=True, metavar="TEXT")
    p.add_argument("--cause", default="", metavar="TEXT")
    p.add_argument("--correction", default="", metavar="TEXT", help=_("the immediate correction"))
    add_json(p)
    p.set_defaults(handler=cmd_action_add)
    p = xsub.add_parser("list", parents=[common], help=_("corrective actions, earliest due first"))
    p.add_argument("--open", action="store_true", help=_("only those not yet verified effective"))
    add_json(p)
    p.set_defaults(handler=cmd_action_list)
    p = xsub.add_parser("done", parents=[common], help=_("mark a corrective action carried out"))
    p.add_argument("id", type=int)
    add_json(p)
    p.set_defaults(handler=cmd_action_done)
    p = xsub.add_parser("verify", parents=[common], help=_("record whether a corrective action was effective"))
    p.add_argument("id", type=int)
    p.add_argument("--by", required=True, metavar="PERSON")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--effective", dest="effective", action="store_true")
    g.add_argument("--not-effective", dest="effective", action="store_false")
    add_json(p)
    p.set_defaults(handler=cmd_action_verify)

    review = sub.add_parser("review", parents=[common], help=_("the management review (ISO 9001:2015 9.3)"))
    rsub = review.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    p = rsub.add_parser("start", parents=[common], help=_("open a review with its inputs gathered from the period"))
    p.add_argument("--date", required=True, metavar="D")
    add_json(p)
    p.set_defaults(handler=cmd_review_start)
    p = rsub.add_parser("edit", parents=[common], help=_("the chair's record of the discussion and the decisions"))
    p.add_argument("id", type=int)
    p.add_argument("--minutes", default=None, metavar="TEXT")
    p.add_argument("--decisions", default=None, metavar="TEXT")
    add_json(p)
    p.set_defaults(handler=cmd_review_edit)
    p = rsub.add_parser("decide", parents=[common], help=_("record a decision of a review as an action with its owner"))
    p.add_argument("id", type=int)
    p.add_argument("--text", default="", metavar="TEXT", help=_("what was decided (required)"))
    p.add_argument(
        "--owner", required=True, metavar="PERSON", help=_("who carries it out: a staff member's name or id")
    )
    p.add_argument("--due", required=True, metavar="D", help=_("due date, on or after the meeting"))
    add_json(p)
    p.set_defaults(handler=cmd_review_decide)
    decision = rsub.add_parser("decision", parents=[common], help=_("the decisions of management reviews"))
    dsub = decision.add_subparsers(dest="decision_command", metavar="ACTION", required=True)
    p = dsub.add_parser("done", parents=[common], help=_("mark a decision carried out"))
    p.add_argument("id", type=int)
    add_json(p)
    p.set_defaults(handler=cmd_decision_done)
    p = dsub.add_parser("list", parents=[common], help=_("decisions, the open ones first by due date"))
    p.add_argument("--open", action="store_true", help=_("only those not yet done"))
    add_json(p)
    p.set_defaults(handler=cmd_decision_list)
    p = rsub.add_parser("minutes", parents=[common], help=_("print the minutes of a management review"))
    p.add_argument("id", type=int)
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    add_json(p)
    p.set_defaults(handler=cmd_review_minutes)
    p = rsub.add_parser("confirm", parents=[common], help=_("record the head's confirmation that the QMS is effective"))
    p.add_argument("id", type=int)
    p.add_argument("--by", required=True, metavar="PERSON")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--effective", dest="effective", action="store_true")
    g.add_argument("--not-effective", dest="effective", action="store_false")
    add_json(p)
    p.set_defaults(handler=cmd_review_confirm)


def cmd_plan(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.audits import plan_audit

    day = parse_date(args.date)
    planned = with_context(
        args,
        lambda c: plan_audit(
            c,
            day,
            args.area,
            args.lead,
            args.member,
            args.procedure,
            args.clause,
            objectives=args.objectives,
            criteria=args.criteria,
            auditees=args.auditee,
            opening=args.opening,
            closing=args.closing,
        ),
    )
    lines = [_("Audit {id} planned.").format(id=planned.id)]
    lines += [_("Warning: {message}").format(message=w) for w in planned.warnings]
    return Result(planned.to_dict(), "\n".join(lines))


def cmd_list(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.audits import list_audits

    rows = with_context(args, lambda c: list_audits(c, args.year))
    text = "\n".join(f"{r.id:>4}  {r.date}  {r.area} — {r.lead} ({audit_status_name(r.status)})" for r in rows)
    return Result({"audits": [r.to_dict() for r in rows]}, text or _("No audits yet."))


def cmd_show(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.audits import get_audit

    view = with_context(args, lambda c: get_audit(c, args.id))
    lines = [
        f"{view.id}  {view.date}  {view.area} — {view.lead}",
        *(f"  {i.position}. {i.question}" for i in view.checklist),
    ]
    return Result(view.to_dict(), "\n".join(lines))


def cmd_checklist(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.papers import checklist_pdf
    from isodesk.services.printing.output import check_output, write_pdf

    out = check_output(args.out)
    data = with_context(args, lambda c: checklist_pdf(c, args.id, blank=not args.filled))
    path = write_pdf(out, data)
    return Result({"path": str(path)}, _("Written {path}.").format(path=path))


def cmd_coverage(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.audits import coverage

    found = with_context(args, lambda c: coverage(c, args.year))
    lines = [
        _("Clauses not yet audited in {year}: {list}").format(
            year=found.year, list=", ".join(found.clauses_uncovered) or "—"
        ),
        _("Departments not yet audited in {year}: {list}").format(
            year=found.year, list=", ".join(found.areas_uncovered) or "—"
        ),
    ]
    return Result(found.to_dict(), "\n".join(lines))


def cmd_report(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.papers import audit_report_pdf
    from isodesk.services.printing.output import check_output, write_pdf

    out = check_output(args.out)
    data, issued = with_context(args, lambda c: audit_report_pdf(c, args.id))
    path = write_pdf(out, data)
    text = _("Written {path} (revision {revision}, SHA-256 {sha}).").format(
        path=path, revision=issued.revision, sha=issued.sha256
    )
    return Result({**issued.to_dict(), "path": str(path)}, text)


def cmd_reopen(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.audits import reopen_audit_report

    row = with_context(args, lambda c: reopen_audit_report(c, args.id))
    return Result(row.to_dict(), _("Audit {id} reopened: its next report is a new revision.").format(id=row.id))


def cmd_finding_add(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.findings import add_finding

    row = with_context(
        args, lambda c: add_finding(c, args.audit, args.grade, args.clause, args.evidence, args.procedure, args.place)
    )
    return Result(row.to_dict(), _("Finding {id} recorded.").format(id=row.id))


def cmd_finding_list(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.findings import list_findings

    rows = with_context(args, lambda c: list_findings(c, args.open, args.audit))
    data = [
        {
            "id": r.id,
            "audit": r.audit,
            "grade": r.grade,
            "clause": r.clause,
            "status": r.status,
            "procedure": r.procedure,
            "evidence": r.evidence,
            "open_actions": r.open_actions,
        }
        for r in rows
    ]
    text = "\n".join(
        f"{r.id:>4}  {grade_name(r.grade)} — {r.clause} — {finding_status_name(r.status)}: {r.evidence}" for r in rows
    )
    return Result({"findings": data}, text or _("No findings."))


def cmd_finding_propose(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.findings import proposal_evidence, propose_findings

    start, end = parse_date(args.start), parse_date(args.end)
    share = check(v.whole_number, str(args.late_share), N_("The late share"), 0, 100) / 100
    found = with_context(args, lambda c: propose_findings(c, start, end, share, args.minimum))
    rows = [{**p.to_dict(), "evidence": proposal_evidence(p, start, end)} for p in found]
    text = "\n".join(str(r["evidence"]) for r in rows)
    return Result({"proposals": rows}, text or _("No procedure was late that often."))


def cmd_finding_acknowledge(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.findings import acknowledge_finding

    row = with_context(args, lambda c: acknowledge_finding(c, args.id, args.by))
    return Result(row.to_dict(), _("Finding {id} acknowledged by {name}.").format(id=row.id, name=row.acknowledged_by))


def cmd_finding_close(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.findings import close_finding

    row = with_context(args, lambda c: close_finding(c, args.id))
    return Result({"id": row.id, "status": row.status}, _("Finding {id} closed.").format(id=row.id))


def cmd_action_add(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.findings import add_action

    due = parse_date(args.due)
    row = with_context(
        args, lambda c: add_action(c, args.finding, args.owner, due, args.plan, args.cause, args.correction)
    )
    return Result(row.to_dict(), _("Corrective action {id} planned.").format(id=row.id))


def cmd_action_list(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.findings import list_actions

    rows = with_context(args, lambda c: list_actions(c, args.open))
    text = "\n".join(
        f"{r.id:>4}  {r.due}{' !' if r.overdue else '  '} {r.owner} — {r.plan} ({action_status_name(r.status)})"
        for r in rows
    )
    return Result({"actions": [r.to_dict() for r in rows]}, text or _("No corrective actions."))


def cmd_action_done(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.findings import complete_action

    row = with_context(args, lambda c: complete_action(c, args.id))
    return Result(row.to_dict(), _("Corrective action {id} marked done; it waits for verification.").format(id=row.id))


def cmd_action_verify(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.findings import verify_action

    row = with_context(args, lambda c: verify_action(c, args.id, args.by, args.effective))
    text = (
        _("Corrective action {id} verified effective.")
        if args.effective
        else _("Corrective action {id} found not effective: it is open again.")
    ).format(id=row.id)
    return Result(row.to_dict(), text)


def cmd_review_start(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.reviews import start_review

    day = parse_date(args.date)
    review = with_context(args, lambda c: start_review(c, day))
    return Result(
        {"id": review.id, "inputs": review.inputs, "period_from": review.period_from, "period_to": review.period_to},
        _("Management review {id} opened for {start} to {end}.").format(
            id=review.id, start=review.period_from, end=review.period_to
        ),
    )


def cmd_review_confirm(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.reviews import confirm_effectiveness

    review = with_context(args, lambda c: confirm_effectiveness(c, args.id, args.by, args.effective))
    return Result(review.to_dict(), _("Recorded at management review {id}.").format(id=review.id))


def cmd_review_edit(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.reviews import edit_review

    review = with_context(args, lambda c: edit_review(c, args.id, args.minutes, args.decisions))
    return Result(review.to_dict(), _("Recorded at management review {id}.").format(id=review.id))


def cmd_review_minutes(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.papers import review_minutes_pdf
    from isodesk.services.printing.output import check_output, write_pdf

    out = check_output(args.out)
    data = with_context(args, lambda c: review_minutes_pdf(c, args.id))
    path = write_pdf(out, data)
    return Result({"path": str(path)}, _("Written {path}.").format(path=path))


def cmd_review_decide(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.decisions import add_decision

    due = parse_date(args.due)
    row = with_context(args, lambda c: add_decision(c, args.id, args.text, args.owner, due))
    return Result(
        {"id": row.id}, _("Decision {id} recorded at management review {review}.").format(id=row.id, review=row.review)
    )


def cmd_decision_done(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.decisions import complete_decision

    row = with_context(args, lambda c: complete_decision(c, args.id))
    return Result({"id": row.id, "status": row.status}, _("Decision {id} marked done.").format(id=row.id))


def cmd_decision_list(args: argparse.Namespace) -> Result:
    from isodesk.services.audit.decisions import list_decisions

    rows = with_context(args, lambda c: list_decisions(c, args.open))
    data = [
        {"id": r.id, "review": r.review, "text": r.text, "owner": r.owner, "due": r.due, "status": r.status}
        for r in rows
    ]
    text = "\n".join(
        f"{r.id:>4}  {r.due}{' !' if r.overdue else '  '} {r.owner} — {r.text} ({decision_status_name(r.status)})"
        for r in rows
    )
    return Result({"decisions": data}, text or _("No decisions."))
