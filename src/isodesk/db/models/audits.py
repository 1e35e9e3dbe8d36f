"""Internal audits (ISO 9001:2015 9.2), their findings and corrective actions (10.2), issued audit reports, and the
management review (9.3). Lists of people, procedures and clauses an audit covers are JSON text: they are read and
written whole with the audit."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from isodesk.db.base import Base, SyncedMixin
from isodesk.db.types import UTCDateTime
from isodesk.domain import validation as v
from isodesk.domain.validation import audit as va
from isodesk.i18n import N_


class Audit(SyncedMixin, Base):
    """One internal audit: its plan (date, area, team, scope, objectives, criteria) and status."""

    __tablename__ = "audits"
    trail_name = N_("internal audit")
    held_on: Mapped[date] = mapped_column(Date, index=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    lead_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    members: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of staff ids
    auditees: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of staff ids
    procedures: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of procedure codes
    clauses: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of clause numbers
    objectives: Mapped[str] = mapped_column(Text, default="")
    criteria: Mapped[str] = mapped_column(Text, default="")
    opening: Mapped[str] = mapped_column(String(5), default="")  # "08:00": the opening meeting
    closing: Mapped[str] = mapped_column(String(5), default="")  # "16:30": the closing meeting
    conclusions: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="planned")
    edition: Mapped[str] = mapped_column(String(40), default="")  # key of the clause catalogue used

    def trail_label(self, session: Session) -> str:
        return f"ĐGNB-{self.id}"


class ChecklistItem(SyncedMixin, Base):
    """A question of an audit's checklist (a clause in scope, or a step of a procedure), with what was found."""

    __tablename__ = "audit_checklist"
    trail_name = N_("checklist item")
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    clause: Mapped[str] = mapped_column(String(va.CLAUSE_LENGTH), default="")
    procedure_code: Mapped[str] = mapped_column(String(v.PROCEDURE_CODE_LENGTH), default="")
    question: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(String(20), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    def trail_label(self, session: Session) -> str:
        return f"ĐGNB-{self.audit_id}"


class Finding(SyncedMixin, Base):
    """A finding of an audit (or raised outside one, from a complaint or late dossiers)."""

    __tablename__ = "audit_findings"
    trail_name = N_("audit finding")
    audit_id: Mapped[int | None] = mapped_column(ForeignKey("audits.id"), index=True)
    grade: Mapped[str] = mapped_column(String(12))
    clause: Mapped[str] = mapped_column(String(va.CLAUSE_LENGTH))
    procedure_code: Mapped[str] = mapped_column(String(v.PROCEDURE_CODE_LENGTH), default="")
    evidence: Mapped[str] = mapped_column(Text)
    place: Mapped[str] = mapped_column(String(va.AUDIT_PLACE.limit), default="")
    raised_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)
    closed_on: Mapped[date | None] = mapped_column(Date)
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    acknowledged_on: Mapped[date | None] = mapped_column(Date)

    def trail_label(self, session: Session) -> str:
        return f"PH-{self.id}"


class CorrectiveAction(SyncedMixin, Base):
    """A corrective action of a finding: correction, root cause, plan, owner, due date, verification."""

    __tablename__ = "corrective_actions"
    trail_name = N_("corrective action")
    finding_id: Mapped[int] = mapped_column(ForeignKey("audit_findings.id"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    due_on: Mapped[date] = mapped_column(Date)
    plan: Mapped[str] = mapped_column(Text)
    cause: Mapped[str] = mapped_column(Text, default="")
    correction: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)
    done_on: Mapped[date | None] = mapped_column(Date)
    verified_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    verified_on: Mapped[date | None] = mapped_column(Date)
    effective: Mapped[bool | None] = mapped_column(Boolean)

    def trail_label(self, session: Session) -> str:
        return f"HĐKP-{self.id}"


class AuditReport(SyncedMixin, Base):
    """An issued revision of an audit's report: its content as printed and the SHA-256 of that content."""

    __tablename__ = "audit_reports"
    trail_name = N_("audit report")
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)  # canonical JSON of what the paper says
    sha256: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)

    def trail_label(self, session: Session) -> str:
        return f"ĐGNB-{self.audit_id}"


class ManagementReview(SyncedMixin, Base):
    """A management review meeting (ISO 9001:2015 9.3): its inputs gathered from the period's data, the chair's
    draft, decisions, and the head's confirmation that the QMS is effective (QĐ 19/2014/QĐ-TTg art. 4 step 2)."""

    __tablename__ = "management_reviews"
    trail_name = N_("management review")
    held_on: Mapped[date] = mapped_column(Date, index=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    inputs: Mapped[str] = mapped_column(Text, default="{}")  # JSON: the figures gathered
    minutes: Mapped[str] = mapped_column(Text, default="")  # the chair's draft and notes
    decisions: Mapped[str] = mapped_column(Text, default="")  # free text; tracked ones are ReviewDecision
    chair: Mapped[str] = mapped_column(Text, default="")
    effective: Mapped[bool | None] = mapped_column(Boolean)  # the head's confirmation that the QMS is effective
    confirmed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    confirmed_on: Mapped[date | None] = mapped_column(Date)

    def trail_label(self, session: Session) -> str:
        return f"XXLĐ-{self.id}"


class ReviewDecision(SyncedMixin, Base):
    """A decision of a management review made an action (ISO 9001:2015 9.3.3): what is to be done, its owner and
    due date, and whether it is done; the next review reads their status (9.3.2 a)."""

    __tablename__ = "review_decisions"
    trail_name = N_("management review decision")
    review_id: Mapped[int] = mapped_column(ForeignKey("management_reviews.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)
    done_on: Mapped[date | None] = mapped_column(Date)

    def trail_label(self, session: Session) -> str:
        return f"XXLĐ-{self.review_id}"
