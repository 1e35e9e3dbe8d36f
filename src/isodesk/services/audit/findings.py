"""Findings and their corrective actions (ISO 9001:2015 10.2; ISO 19011:2018 6.4.8, 6.7).

A finding rests on evidence; a corrective action has an owner and a due date, is marked done by the owner and
verified effective by someone else; a finding closes only when none of its actions is still open.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from isodesk.db.models import Audit, CorrectiveAction, Finding, Staff
from isodesk.domain import validation as v
from isodesk.domain.audit import Refused
from isodesk.domain.audit import workflow as w
from isodesk.domain.audit.proposals import LATE_SHARE, MINIMUM_SETTLED, Proposal, late_procedures
from isodesk.domain.permissions import Permission
from isodesk.domain.validation import audit as va
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_today, short_date
from isodesk.services.accounts.auth import require
from isodesk.services.audit.audits import check_unlocked, read_audit
from isodesk.services.audit.clauses import check_clause, clause_catalogue
from isodesk.services.audit.decisions import open_decision_dues
from isodesk.services.audit.people import read_person, read_procedures, refusal
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.ledger.stats import stats_by


@dataclass(frozen=True)
class FindingRow:
    id: int
    audit: int | None
    grade: str
    clause: str
    status: str
    procedure: str
    evidence: str
    raised_on: str
    open_actions: int
    acknowledged_by: str = ""  # who of the audited side acknowledged it
    acknowledged_on: str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class ActionRow:
    id: int
    finding: int
    owner: str
    due: str
    plan: str
    cause: str
    status: str
    overdue: bool
    verified_by: str
    effective: bool | None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _grade(value: str) -> w.Grade:
    try:
        return w.Grade(value)
    except ValueError as exc:
        raise UserError(
            _("Unknown grade “{value}”: major, minor, observation or improvement.").format(value=value)
        ) from exc


def add_finding(
    ctx: AppContext,
    audit_id: int | None,
    grade: str,
    clause: str,
    evidence: str,
    procedure: str = "",
    place: str = "",
    day: date | None = None,
) -> FindingRow:
    """Record a finding of an audit (or, without an audit, one raised from a complaint or the ledger's figures)."""
    kind = _grade(grade)
    code = check_clause(clause, clause_catalogue(day or local_today()))
    clean_evidence = check(va.evidence, evidence)
    clean_place = check(v.text, place, va.AUDIT_PLACE)
    with ctx.unit_of_work() as s:
        require(s, Permission.AUDIT_CONDUCT)
        raised = day or local_today()
        if audit_id is not None:
            audit = read_audit(s, audit_id)
            check_unlocked(audit)
            raised = day or audit.held_on  # found during the audit
        codes = [p.code for p in read_procedures(s, [procedure])] if procedure.strip() else [""]
        finding = Finding(
            audit_id=audit_id,
            grade=kind.value,
            clause=code,
            procedure_code=codes[0],
            evidence=clean_evidence,
            place=clean_place,
            raised_on=raised,
            status=w.FindingStatus.OPEN.value,
        )
        s.add(finding)
        s.flush()
        return _finding_row(s, finding, 0)


def _finding_row(s: Session, f: Finding, open_actions: int) -> FindingRow:
    who = s.get(Staff, f.acknowledged_by) if f.acknowledged_by else None
    return FindingRow(
        f.id, f.audit_id, f.grade, f.clause, f.status, f.procedure_code, f.evidence, f.raised_on.isoformat(),
        open_actions, who.name if who else "", f.acknowledged_on.isoformat() if f.acknowledged_on else None,
    )  # fmt: skip


def _read_finding(session: Session, finding_id: int) -> Finding:
    finding = session.get(Finding, finding_id)
    if finding is None:
        raise UserError(_("There is no finding {id}.").format(id=finding_id))
    return finding


def _action_statuses(session: Session, finding_id: int) -> list[w.ActionStatus]:
    return [
        w.ActionStatus(x)
        for x in session.execute(
            select(CorrectiveAction.status).where(CorrectiveAction.finding_id == finding_id)
        ).scalars()
    ]


def list_findings(ctx: AppContext, only_open: bool = False, audit_id: int | None = None) -> list[FindingRow]:
    with ctx.read() as s:
        query = select(Finding).order_by(Finding.id)
        if only_open:
            query = query.where(Finding.status == w.FindingStatus.OPEN.value)
        if audit_id is not None:
            query = query.where(Finding.audit_id == audit_id)
        rows = []
        for f in s.execute(query).scalars():
            statuses = _action_statuses(s, f.id)
            rows.append(_finding_row(s, f, sum(1 for x in statuses if x is not w.ActionStatus.VERIFIED)))
        return rows


def close_finding(ctx: AppContext, finding_id: int, day: date | None = None) -> FindingRow:
    with ctx.unit_of_work() as s:
        require(s, Permission.AUDIT_CONDUCT)
        finding = _read_finding(s, finding_id)
        try:
            finding.status = w.close_finding(w.FindingStatus(finding.status), _action_statuses(s, finding.id)).value
        except Refused as exc:
            raise refusal(exc, id=finding_id) from exc
        finding.closed_on = day or local_today()
        return _finding_row(s, finding, 0)


def acknowledge_finding(ctx: AppContext, finding_id: int, by: str, day: date | None = None) -> FindingRow:
    """The audited side acknowledges the finding (the seed plans: each nonconformity is acknowledged)."""
    with ctx.unit_of_work() as s:
        require(s, Permission.AUDIT_CONDUCT)
        finding = _read_finding(s, finding_id)
        finding.acknowledged_by = read_person(s, by).id
        finding.acknowledged_on = day or local_today()
        return _finding_row(
            s, finding, sum(1 for x in _action_statuses(s, finding.id) if x is not w.ActionStatus.VERIFIED)
        )


def _action_row(s: Session, a: CorrectiveAction, today: date) -> ActionRow:
    owner = s.get(Staff, a.owner_id)
    verifier = s.get(Staff, a.verified_by) if a.verified_by else None
    return ActionRow(
        id=a.id,
        finding=a.finding_id,
        owner=owner.name if owner else "",
        due=a.due_on.isoformat(),
        plan=a.plan,
        cause=a.cause,
        status=a.status,
        overdue=a.status == w.ActionStatus.OPEN.value and a.due_on < today,
        verified_by=verifier.name if verifier else "",
        effective=a.effective,
    )


def add_action(
    ctx: AppContext, finding_id: int, owner: str, due: date, plan: str, cause: str = "", correction: str = ""
) -> ActionRow:
    clean_plan = check(v.text, plan, va.ACTION_PLAN)
    clean_cause = check(v.text, cause, va.ROOT_CAUSE)
    clean_correction = check(v.text, correction, va.CORRECTION)
    with ctx.unit_of_work() as s:
        require(s, Permission.AUDIT_CONDUCT)
        finding = _read_finding(s, finding_id)
        try:
            w.add_action(w.FindingStatus(finding.status))
        except Refused as exc:
            raise refusal(exc, id=finding_id) from exc
        person = read_person(s, owner)
        action = CorrectiveAction(
            finding_id=finding.id,
            owner_id=person.id,
            due_on=due,
            plan=clean_plan,
            cause=clean_cause,
            correction=clean_correction,
            status=w.ActionStatus.OPEN.value,
        )
        s.add(action)
        s.flush()
        return _action_row(s, action, local_today())


def _read_action(session: Session, action_id: int) -> CorrectiveAction:
    action = session.get(CorrectiveAction, action_id)
    if action is None:
        raise UserError(_("There is no corrective action {id}.").format(id=action_id))
    return action


def complete_action(ctx: AppContext, action_id: int, day: date | None = None) -> ActionRow:
    with ctx.unit_of_work() as s:
        require(s, Permission.AUDIT_CONDUCT)
        action = _read_action(s, action_id)
        try:
            action.status = w.complete_action(w.ActionStatus(action.status)).value
        except Refused as exc:
            raise refusal(exc, id=action_id) from exc
        action.done_on = day or local_today()
        return _action_row(s, action, local_today())


def verify_action(ctx: AppContext, action_id: int, by: str, effective: bool, day: date | None = None) -> ActionRow:
    """ISO 9001:2015 10.2.1 d: someone other than the owner judges whether the action worked; not effective, it is
    open again for its owner."""
    with ctx.unit_of_work() as s:
        require(s, Permission.AUDIT_CONDUCT)
        action = _read_action(s, action_id)
        verifier = read_person(s, by)
        try:
            status = w.verify_action(w.ActionStatus(action.status), action.owner_id, verifier.id, effective)
        except Refused as exc:
            raise refusal(exc, id=action_id, by=verifier.name) from exc
        action.status = status.value
        action.verified_by = verifier.id
        action.verified_on = day or local_today()
        action.effective = effective
        if not effective:
            action.done_on = None
        return _action_row(s, action, local_today())


def list_actions(ctx: AppContext, only_open: bool = False, finding_id: int | None = None) -> list[ActionRow]:
    """Corrective actions, the earliest due first (due and overdue ones stand out)."""
    today = local_today()
    with ctx.read() as s:
        query = select(CorrectiveAction).order_by(CorrectiveAction.due_on, CorrectiveAction.id)
        if only_open:
            query = query.where(CorrectiveAction.status != w.ActionStatus.VERIFIED.value)
        if finding_id is not None:
            query = query.where(CorrectiveAction.finding_id == finding_id)
        return [_action_row(s, a, today) for a in s.execute(query).scalars()]


def propose_findings(
    ctx: AppContext, start: date, end: date, share: float = LATE_SHARE, minimum: int = MINIMUM_SETTLED
) -> list[Proposal]:
    """Procedures whose dossiers settled in ``start``..``end`` were too often late: nonconformities to consider,
    with their figures (ISO 9001:2015 9.1.3, 10.2.1)."""
    return late_procedures(stats_by(ctx, "procedure", start, end), share, minimum)


def proposal_evidence(proposal: Proposal, start: date, end: date) -> str:
    """The evidence of a proposed finding, in the words of the audit papers (Vietnamese)."""
    return (
        f"Thủ tục {proposal.procedure}: {proposal.late}/{proposal.settled} hồ sơ giải quyết trễ hạn "
        f"({proposal.late_share * 100:.1f} %) từ {short_date(start)} đến {short_date(end)}."
    )


@dataclass(frozen=True)
class AuditDashboard:
    """What the audit area opens with: the next audit, open findings, actions due soon and overdue. The actions
    are the corrective actions not yet verified and the management reviews' decisions not yet done (ISO 9001:2015
    10.2, 9.3.3); due soon and overdue count those still open."""

    next_audit: int | None
    next_audit_date: str | None
    open_findings: int
    open_actions: int  # corrective actions not yet verified and review decisions not yet done
    due_soon: int  # open actions and decisions due within :data:`DUE_SOON_DAYS`
    overdue: int

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


#: Days ahead in which an open corrective action counts as due soon.
DUE_SOON_DAYS = 7


def audit_dashboard(ctx: AppContext, today: date | None = None) -> AuditDashboard:
    day = today or local_today()
    with ctx.read() as s:
        nxt = s.execute(
            select(Audit.id, Audit.held_on)
            .where(Audit.held_on >= day, Audit.status == w.AuditStatus.PLANNED.value)
            .order_by(Audit.held_on, Audit.id)
        ).first()
        open_findings = s.execute(
            select(func.count()).select_from(Finding).where(Finding.status == w.FindingStatus.OPEN.value)
        ).scalar_one()
        dues = list(
            s.execute(
                select(CorrectiveAction.due_on, CorrectiveAction.status).where(
                    CorrectiveAction.status != w.ActionStatus.VERIFIED.value
                )
            )
        )
        decisions = open_decision_dues(s)
    running = [due for due, status in dues if status == w.ActionStatus.OPEN.value] + decisions
    return AuditDashboard(
        next_audit=nxt[0] if nxt else None,
        next_audit_date=nxt[1].isoformat() if nxt else None,
        open_findings=open_findings,
        open_actions=len(dues) + len(decisions),
        due_soon=sum(1 for due in running if 0 <= (due - day).days <= DUE_SOON_DAYS),
        overdue=sum(1 for due in running if due < day),
    )
