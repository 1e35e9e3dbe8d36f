"""The audit report and the checklist as PDF (ISO 19011:2018 6.5; ISO 9001:2015 9.2.2 e, 7.5.3.2).

The first print of an audit's report issues it: its content is frozen as canonical JSON with its SHA-256, the audit
is locked, and every later print of that revision reproduces the same content and checksum. A change after that
needs the audit reopened; its next report is a new revision, and the issued ones stay as they were.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from isodesk.db.models import AuditReport, Finding
from isodesk.domain.audit.workflow import AuditStatus
from isodesk.domain.permissions import Permission
from isodesk.i18n.dates import local_now, local_today, short_date
from isodesk.reports.audit_report import (
    AuditReportPaper,
    ChecklistLine,
    ChecklistPaper,
    MinutesDecision,
    ReportFinding,
    ReviewMinutesPaper,
    render_audit_report,
    render_checklist,
    render_review_minutes,
)
from isodesk.reports.papers import fill
from isodesk.services.accounts.auth import require
from isodesk.services.audit.audits import read_audit, read_audit_view
from isodesk.services.audit.decisions import list_decisions
from isodesk.services.audit.reviews import get_review
from isodesk.services.context import AppContext
from isodesk.services.office.profile import get_profile
from isodesk.services.printing.office import office_issuer
from isodesk.services.printing.reports_data import report_texts


@dataclass(frozen=True)
class IssuedReport:
    audit: int
    revision: int
    sha256: str
    content: dict[str, Any]
    newly_issued: bool

    def to_dict(self) -> dict[str, object]:
        return {"audit": self.audit, "revision": self.revision, "sha256": self.sha256, "issued": self.newly_issued}


def canonical(content: dict[str, Any]) -> bytes:
    """The bytes the checksum is taken of: the content as sorted, compact JSON in UTF-8."""
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def checksum(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(content)).hexdigest()


def _content(s: Session, audit_id: int, template: dict[str, Any], day: date) -> dict[str, Any]:
    view = read_audit_view(s, audit_id)
    findings = list(s.execute(select(Finding).where(Finding.audit_id == audit_id).order_by(Finding.id)).scalars())
    grades = Counter(f.grade for f in findings)
    conclusions = view.conclusions or fill(
        template["conclusions"], {g: str(grades.get(g, 0)) for g in ("major", "minor", "observation", "improvement")}
    )
    return {
        "audit": view.id,
        "issued_on": day.isoformat(),
        "area": view.area,
        "procedures": view.procedures,
        "clauses": view.clauses,
        "objectives": view.objectives,
        "criteria": view.criteria,
        "lead": view.lead,
        "members": view.members,
        "date": view.date,
        "opening": view.opening,
        "closing": view.closing,
        "findings": [
            {"grade": f.grade, "clause": f.clause, "evidence": f.evidence, "procedure": f.procedure_code}
            for f in findings
        ],
        "conclusions": conclusions,
    }


def issue_report(ctx: AppContext, audit_id: int, day: date | None = None) -> IssuedReport:
    """The audit's issued report: issued now (and the audit locked) if it is not yet, else the last revision."""
    template = report_texts()["audit_report"]
    with ctx.unit_of_work() as s:
        require(s, Permission.AUDIT_CONDUCT)
        audit = read_audit(s, audit_id)
        if audit.status == AuditStatus.REPORTED.value:
            last = (
                s.execute(
                    select(AuditReport).where(AuditReport.audit_id == audit_id).order_by(AuditReport.revision.desc())
                )
                .scalars()
                .first()
            )
            if last is not None:
                return IssuedReport(audit_id, last.revision, last.sha256, json.loads(last.content), False)
        content = _content(s, audit_id, template, day or local_today())
        revision = (
            s.execute(select(func.max(AuditReport.revision)).where(AuditReport.audit_id == audit_id)).scalar() or 0
        ) + 1
        digest = checksum(content)
        s.add(
            AuditReport(
                audit_id=audit_id,
                revision=revision,
                content=canonical(content).decode("utf-8"),
                sha256=digest,
                issued_at=local_now(),
            )
        )
        audit.status = AuditStatus.REPORTED.value
        return IssuedReport(audit_id, revision, digest, content, True)


def audit_report_pdf(ctx: AppContext, audit_id: int, day: date | None = None) -> tuple[bytes, IssuedReport]:
    """The audit report as PDF, issuing it on its first print."""
    issued = issue_report(ctx, audit_id, day)
    template = report_texts()["audit_report"]
    c = issued.content
    paper = AuditReportPaper(
        issuer=office_issuer(get_profile(ctx)),
        day=date.fromisoformat(c["issued_on"]),
        audit_id=audit_id,
        revision=issued.revision,
        area=c["area"],
        procedures=c["procedures"],
        clauses=c["clauses"],
        objectives=c["objectives"],
        criteria=c["criteria"],
        lead=c["lead"],
        members=c["members"],
        held_on=short_date(date.fromisoformat(c["date"])),
        opening=c["opening"],
        closing=c["closing"],
        findings=[ReportFinding(f["grade"], f["clause"], f["evidence"], f["procedure"]) for f in c["findings"]],
        conclusions=c["conclusions"],
        sha256=issued.sha256,
    )
    return render_audit_report(paper, template), issued


def checklist_pdf(ctx: AppContext, audit_id: int, blank: bool = True) -> bytes:
    """The audit's checklist: blank for writing on paper, or with what was recorded."""
    template = report_texts()["audit_report"]
    with ctx.read() as s:
        view = read_audit_view(s, audit_id)
    lines = [
        ChecklistLine(
            where=" / ".join(x for x in (item.clause, item.procedure) if x),
            question=item.question,
            evidence="" if blank else item.evidence,
            result="" if blank else item.result,
            notes="" if blank else item.notes,
        )
        for item in view.checklist
    ]
    paper = ChecklistPaper(
        issuer=office_issuer(get_profile(ctx)),
        day=local_today(),
        audit_id=audit_id,
        held_on=short_date(date.fromisoformat(view.date)),
        area=view.area,
        auditor=view.lead,
        lines=lines,
    )
    return render_checklist(paper, template)


def review_minutes_pdf(ctx: AppContext, review_id: int) -> bytes:
    """The minutes of a management review: its gathered inputs, the discussion and decisions the chair wrote, and
    the head's confirmation (ISO 9001:2015 9.3.3), signed by the head who chairs and the ISO secretary. The
    decisions tracked as actions are a table: decision, owner, due date, status."""
    template = report_texts()["review_minutes"]
    review = get_review(ctx, review_id)
    decisions = sorted(list_decisions(ctx, review_id=review_id), key=lambda d: d.id)  # in the order decided
    profile = get_profile(ctx)
    paper = ReviewMinutesPaper(
        issuer=office_issuer(profile),
        day=date.fromisoformat(review.date),
        held_on=short_date(date.fromisoformat(review.date)),
        period_from=short_date(date.fromisoformat(review.period_from)),
        period_to=short_date(date.fromisoformat(review.period_to)),
        inputs=review.inputs,
        minutes=review.minutes,
        decisions=review.decisions,
        effective=review.effective,
        chair=review.confirmed_by or profile.leader_name,
        secretary=profile.iso_secretary,
        decision_rows=[
            MinutesDecision(
                text=d.text,
                owner=d.owner,
                due=short_date(date.fromisoformat(d.due)),
                status=d.status,
                done_on=short_date(date.fromisoformat(d.done_on)) if d.done_on else "",
                overdue=d.overdue,
            )
            for d in decisions
        ],
    )
    return render_review_minutes(paper, template)
