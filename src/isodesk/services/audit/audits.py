"""Planning internal audits and the yearly programme's coverage (ISO 9001:2015 9.2.2; ISO 19011:2018 5, 6.3).

An audit names its area (a department), lead auditor and team, the procedures and clauses in scope. Every member of
the team is checked for independence from what is audited; a tie refuses the whole assignment, naming it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import Audit, ChecklistItem, Department, Finding, Procedure, Staff
from isodesk.domain import validation as v
from isodesk.domain.audit import Refused
from isodesk.domain.audit.clauses import uncovered
from isodesk.domain.audit.independence import team_conflicts
from isodesk.domain.audit.workflow import AuditStatus, CheckResult, change_audit, reopen_audit
from isodesk.domain.permissions import Permission
from isodesk.domain.validation import audit as va
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.text import sort_key
from isodesk.services.accounts.auth import require
from isodesk.services.audit.clauses import check_clause, clause_catalogue, clause_title
from isodesk.services.audit.people import (
    read_auditor,
    read_auditor_certificates,
    read_person,
    read_procedures,
    read_scope,
    refusal,
    staff_names,
)
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.office.staff import find_or_add_department
from isodesk.services.printing.reports_data import report_texts

#: The words of a certificate that shows internal-auditor training (ISO 9001:2015 7.2; the seed plans' training).
AUDITOR_TRAINING = ("đánh giá viên nội bộ", "danh gia vien noi bo", "chuyên gia đánh giá", "internal auditor")


@dataclass(frozen=True)
class Planned:
    id: int
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class AuditRow:
    id: int
    date: str
    area: str
    lead: str
    status: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class ChecklistRow:
    id: int
    position: int
    clause: str
    procedure: str
    question: str
    evidence: str
    result: str
    notes: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class AuditView:
    """What the screens, commands and papers show of one audit."""

    id: int
    date: str
    area: str
    lead: str
    members: list[str]
    auditees: list[str]
    procedures: list[str]
    clauses: list[str]
    objectives: str
    criteria: str
    opening: str
    closing: str
    conclusions: str
    status: str
    checklist: list[ChecklistRow]

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Coverage:
    year: int
    clauses: list[str]
    areas: list[str]
    clauses_uncovered: list[str]
    areas_uncovered: list[str]
    matrix: dict[str, list[str]]  # clause -> areas whose audits covered it

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _training_warning(session: Session, person: Staff) -> str | None:
    certificates = read_auditor_certificates(session, person.id)
    if certificates is None:
        return None
    if any(word in c.lower() for c in certificates for word in AUDITOR_TRAINING):
        return None
    return _(
        "{name} has no internal-auditor training certificate on record (ISO 9001:2015 7.2: auditors are "
        "competent); add the certificate to their training records."
    ).format(name=person.name)


def _questions(clauses: Sequence[str], procedures: Sequence[Procedure], day: date) -> list[dict[str, str]]:
    """The checklist: one question per clause in scope, then one per step of each procedure in scope."""
    edition = clause_catalogue(day)
    items: list[dict[str, str]] = []
    for code in clauses:
        items.append(
            {
                "clause": code,
                "procedure_code": "",
                "question": _("Clause {clause} ({title}): is it met, and what shows it?").format(
                    clause=code, title=clause_title(code, edition)
                ),
            }
        )
    for procedure in procedures:
        steps = json.loads(procedure.steps or "[]")
        for step in steps:
            items.append(
                {
                    "clause": "8.5",
                    "procedure_code": procedure.code,
                    "question": _(
                        "Procedure {code}, step “{step}” ({who}): is it done as written, on time, with its record?"
                    ).format(code=procedure.code, step=step.get("name", ""), who=step.get("responsible", "") or "—"),
                }
            )
        if not steps:
            items.append(
                {
                    "clause": "8.5",
                    "procedure_code": procedure.code,
                    "question": _(
                        "Procedure {code}: are its dossiers received, handled and returned as the ISO "
                        "procedure says, on time?"
                    ).format(code=procedure.code),
                }
            )
    return items


def plan_audit(
    ctx: AppContext,
    day: date,
    area: str,
    lead: str,
    members: Sequence[str] = (),
    procedures: Sequence[str] = (),
    clauses: Sequence[str] = (),
    objectives: str = "",
    criteria: str = "",
    opening: str = va.OPENING_TIME,
    closing: str = va.CLOSING_TIME,
    auditees: Sequence[str] = (),
) -> Planned:
    """Plan an audit (ISO 19011:2018 6.3.2), with the times of its opening and closing meetings (HH:MM). Refused,
    naming the tie, when an auditor is not independent."""
    if not lead.strip():
        raise UserError(_("An audit needs a lead auditor (--lead): name a staff member."))
    clean_opening, clean_closing = check(va.meeting_times, opening, closing)
    clean_objectives = check(v.text, objectives, va.OBJECTIVES)
    clean_criteria = check(v.text, criteria, va.CRITERIA)
    edition = clause_catalogue(day)
    codes = list(dict.fromkeys(check_clause(c, edition) for c in clauses))
    texts = report_texts()["audit_report"]  # the plan's wording is the paper's (Vietnamese)
    with ctx.unit_of_work() as s:
        require(s, Permission.AUDIT_CONDUCT)
        department = find_or_add_department(s, check(v.text, area, v.DEPARTMENT))
        lead_person = read_person(s, lead)
        team = [lead_person]
        for m in members:
            person = read_person(s, m)
            if person.id not in {p.id for p in team}:
                team.append(person)
        people_audited = [read_person(s, a) for a in auditees]
        scoped = read_procedures(s, list(procedures))
        scope = read_scope(s, department, scoped)
        found = team_conflicts([read_auditor(s, p) for p in team], scope)
        if found:
            raise UserError(" ".join(_(c.message).format(name=c.name, what=c.what) for c in found))
        warnings = [w for p in team if (w := _training_warning(s, p))]
        audit = Audit(
            held_on=day,
            area_id=department.id,
            lead_id=lead_person.id,
            members=json.dumps([p.id for p in team[1:]]),
            auditees=json.dumps([p.id for p in people_audited]),
            procedures=json.dumps([p.code for p in scoped]),
            clauses=json.dumps(codes),
            objectives=clean_objectives or texts["default_objectives"],
            criteria=clean_criteria or texts["default_criteria"],
            opening=clean_opening,
            closing=clean_closing,
            status=AuditStatus.PLANNED.value,
            edition=edition.key,
        )
        s.add(audit)
        s.flush()
        for i, item in enumerate(_questions(codes, scoped, day), 1):
            s.add(ChecklistItem(audit_id=audit.id, position=i, **item))
        return Planned(audit.id, warnings)


def read_audit(session: Session, audit_id: int) -> Audit:
    audit = session.get(Audit, audit_id)
    if audit is None:
        raise UserError(_("There is no audit {id}.").format(id=audit_id))
    return audit


def check_unlocked(audit: Audit) -> None:
    try:
        change_audit(AuditStatus(audit.status))
    except Refused as exc:
        raise refusal(exc, id=audit.id) from exc


def _view(s: Session, audit: Audit) -> AuditView:
    items = s.execute(
        select(ChecklistItem).where(ChecklistItem.audit_id == audit.id).order_by(ChecklistItem.position)
    ).scalars()
    area = s.get(Department, audit.area_id)
    lead = s.get(Staff, audit.lead_id)
    return AuditView(
        id=audit.id,
        date=audit.held_on.isoformat(),
        area=area.name if area else "",
        lead=lead.name if lead else "",
        members=staff_names(s, audit.members),
        auditees=staff_names(s, audit.auditees),
        procedures=json.loads(audit.procedures),
        clauses=json.loads(audit.clauses),
        objectives=audit.objectives,
        criteria=audit.criteria,
        opening=audit.opening,
        closing=audit.closing,
        conclusions=audit.conclusions,
        status=audit.status,
        checklist=[
            ChecklistRow(i.id, i.position, i.clause, i.procedure_code, i.question, i.evidence, i.result, i.notes)
            for i in items
        ],
    )


def read_audit_view(session: Session, audit_id: int) -> AuditView:
    return _view(session, read_audit(session, audit_id))


def get_audit(ctx: AppContext, audit_id: int) -> AuditView:
    with ctx.read() as s:
        return read_audit_view(s, audit_id)


def list_audits(ctx: AppContext, year: int | None = None) -> list[AuditRow]:
    """Audits by date (the year's, or all)."""
    with ctx.read() as s:
        query = (
            select(Audit, Department.name, Staff.name)
            .join(Department, Department.id == Audit.area_id)
            .join(Staff, Staff.id == Audit.lead_id)
            .order_by(Audit.held_on, Audit.id)
        )
        if year is not None:
            query = query.where(Audit.held_on.between(date(year, 1, 1), date(year, 12, 31)))
        return [AuditRow(a.id, a.held_on.isoformat(), area, lead, a.status) for a, area, lead in s.execute(query)]


def record_check(ctx: AppContext, item_id: int, result: str, evidence: str = "", notes: str = "") -> ChecklistRow:
    """Fill in one checklist item: what was seen and the result (ISO 19011:2018 6.4.7)."""
    try:
        outcome = CheckResult(result)
    except ValueError as exc:
        raise UserError(_("Unknown checklist result “{value}”.").format(value=result)) from exc
    clean_evidence = check(v.text, evidence, va.CHECK_EVIDENCE)
    clean_notes = check(v.text, notes, va.CHECKLIST_NOTE)
    with ctx.unit_of_work() as s:
        require(s, Permission.AUDIT_CONDUCT)
        item = s.get(ChecklistItem, item_id)
        if item is None:
            raise UserError(_("There is no checklist item {id}.").format(id=item_id))
        check_unlocked(read_audit(s, item.audit_id))
        item.result, item.evidence, item.notes = outcome.value, clean_evidence, clean_notes
        return ChecklistRow(
            item.id,
            item.position,
            item.clause,
            item.procedure_code,
            item.question,
            item.evidence,
            item.result,
            item.notes,
        )


def reopen_audit_report(ctx: AppContext, audit_id: int) -> AuditRow:
    """Unlock an audit whose report is issued, so that its next report is a new revision (the issued ones stay)."""
    with ctx.unit_of_work() as s:
        require(s, Permission.AUDIT_CONDUCT)
        audit = read_audit(s, audit_id)
        try:
            audit.status = reopen_audit(AuditStatus(audit.status)).value
        except Refused as exc:
            raise refusal(exc, id=audit_id) from exc
        view = _view(s, audit)
        return AuditRow(audit.id, view.date, view.area, view.lead, audit.status)


def coverage(ctx: AppContext, year: int) -> Coverage:
    """What the year's audits cover: every clause 4.1-10.3 and every department at least once a year
    (ISO 9001:2015 9.2.2 a; QĐ 19/2014/QĐ-TTg art. 4: an internal audit at least once a year)."""
    edition = clause_catalogue(date(year, 12, 31))
    clauses = [c.code for c in edition.auditable]
    with ctx.read() as s:
        audits = list(
            s.execute(select(Audit).where(Audit.held_on.between(date(year, 1, 1), date(year, 12, 31)))).scalars()
        )
        departments = {d.id: d.name for d in s.execute(select(Department)).scalars()}
        found_clauses = list(
            s.execute(select(Finding.clause).where(Finding.audit_id.in_([a.id for a in audits]))).scalars()
        )
    areas = sorted(departments.values(), key=sort_key)
    audited_areas = {departments.get(a.area_id, "") for a in audits}
    matrix: dict[str, list[str]] = {}
    for code in clauses:
        matrix[code] = sorted(
            {departments.get(a.area_id, "") for a in audits if not uncovered([code], json.loads(a.clauses))},
            key=sort_key,
        )
    audited = [c for a in audits for c in json.loads(a.clauses)] + found_clauses
    return Coverage(
        year=year,
        clauses=clauses,
        areas=areas,
        clauses_uncovered=uncovered(clauses, audited),
        areas_uncovered=[a for a in areas if a not in audited_areas],
        matrix=matrix,
    )
