"""The quality management system's records (QĐ 19/2014/QĐ-TTg; TCVN ISO 9001:2015): the people named to it and
their training, the scope's versions, the quality policy's versions, the quality objectives, the milestones of the
journey (audits held, reviews held, the head's confirmation), the announcements of conformity, the legal changes
to bring in, the implementation plan and the risks register.

Free text is stored as Text and limited by the rules of :mod:`isodesk.domain.qms.texts`; the String columns hold
only values the program writes (states, kinds, measures).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from isodesk.db.base import Base, SyncedMixin
from isodesk.db.models.core import Staff
from isodesk.domain import validation as v
from isodesk.i18n import N_


def _staff_name(session: Session, staff_id: int | None) -> str:
    if staff_id is None:
        return ""
    return session.execute(select(Staff.name).where(Staff.id == staff_id)).scalar() or ""


class QmsRole(SyncedMixin, Base):
    """A staff member named to the quality system: steering committee, quality representative, ISO secretary,
    internal auditor (QĐ 19/2014/QĐ-TTg; ISO 9001:2015 5.3 roles and responsibilities)."""

    __tablename__ = "qms_roles"
    trail_name = N_("quality role")
    role: Mapped[str] = mapped_column(String(30), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    duty: Mapped[str] = mapped_column(Text, default="")  # "Trưởng ban", "Thành viên"
    named_on: Mapped[date | None] = mapped_column(Date)

    def trail_label(self, session: Session) -> str:
        return f"{self.role}: {_staff_name(session, self.staff_id)}"


class QmsTraining(SyncedMixin, Base):
    """A training a staff member followed (ISO 9001:2015 7.2 competence): it later qualifies internal auditors."""

    __tablename__ = "qms_trainings"
    trail_name = N_("training record")
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    course: Mapped[str] = mapped_column(Text)
    held_on: Mapped[date] = mapped_column(Date)
    certificate: Mapped[str] = mapped_column(Text, default="")

    def trail_label(self, session: Session) -> str:
        return _staff_name(session, self.staff_id)


class QmsScope(SyncedMixin, Base):
    """A version of the QMS scope (ISO 9001:2015 4.3): the procedures applied and the requirements excluded."""

    __tablename__ = "qms_scopes"
    trail_name = N_("QMS scope")
    version: Mapped[int] = mapped_column(Integer, unique=True)
    set_on: Mapped[date] = mapped_column(Date)
    procedures: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of procedure codes
    exclusions: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {clause, requirement, reason}
    note: Mapped[str] = mapped_column(Text, default="")

    def trail_label(self, session: Session) -> str:
        return str(self.version)


class QmsPolicy(SyncedMixin, Base):
    """A version of the quality policy (ISO 9001:2015 5.2): drafted, reviewed, approved by a leader."""

    __tablename__ = "qms_policies"
    trail_name = N_("quality policy")
    version: Mapped[int] = mapped_column(Integer, unique=True)
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20))
    drafted_by: Mapped[str] = mapped_column(Text, default="")
    drafted_on: Mapped[date | None] = mapped_column(Date)
    reviewed_by: Mapped[str] = mapped_column(Text, default="")
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    approved_by: Mapped[str] = mapped_column(Text, default="")
    approved_on: Mapped[date | None] = mapped_column(Date)

    def trail_label(self, session: Session) -> str:
        return str(self.version)


class QmsObjective(SyncedMixin, Base):
    """A quality objective of a year (ISO 9001:2015 6.2): measurable, computed from the ledger or entered by hand,
    with the plan to achieve it."""

    __tablename__ = "qms_objectives"
    trail_name = N_("quality objective")
    year: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(Text)
    measure: Mapped[str] = mapped_column(String(30))
    procedures: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of procedure codes (empty: all)
    field: Mapped[str] = mapped_column(Text, default="")  # a field of procedures (empty: all)
    target: Mapped[str] = mapped_column(String(30))  # a decimal number as text
    direction: Mapped[str] = mapped_column(String(10))
    unit: Mapped[str] = mapped_column(Text, default="")
    period: Mapped[str] = mapped_column(String(10), default="year")
    actuals: Mapped[str] = mapped_column(Text, default="{}")  # manual: JSON {period label: value}
    plan: Mapped[str] = mapped_column(Text, default="")  # what is done, by whom, with what, by when
    owner: Mapped[str] = mapped_column(Text, default="")
    evaluation: Mapped[str] = mapped_column(Text, default="")  # how it is evaluated
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    def trail_label(self, session: Session) -> str:
        return f"{self.year}: {self.title}"


class QmsMilestone(SyncedMixin, Base):
    """A milestone of the journey held on a day: an internal audit, a management review, the head's confirmation
    that the system works, a training session of the whole office."""

    __tablename__ = "qms_milestones"
    trail_name = N_("QMS milestone")
    kind: Mapped[str] = mapped_column(String(20), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    reference: Mapped[str] = mapped_column(Text, default="")  # the minutes' or report's number
    note: Mapped[str] = mapped_column(Text, default="")

    def trail_label(self, session: Session) -> str:
        return f"{self.kind} {self.held_on.isoformat() if self.held_on else ''}"


class QmsAnnouncement(SyncedMixin, Base):
    """A decision announcing that the QMS conforms to TCVN ISO 9001:2015 (QĐ 19/2014/QĐ-TTg, Annex I), and when the
    provincial Department of Science and Technology was notified."""

    __tablename__ = "qms_announcements"
    trail_name = N_("announcement of conformity")
    number: Mapped[str] = mapped_column(Text)
    announced_on: Mapped[date] = mapped_column(Date)
    notified_on: Mapped[date | None] = mapped_column(Date)
    scope_version: Mapped[int | None] = mapped_column(Integer)

    def trail_label(self, session: Session) -> str:
        return self.number


class QmsLegalChange(SyncedMixin, Base):
    """A procedure added, changed or abolished by a legal text: the QMS must follow within three months of its
    entry into force (QĐ 19/2014/QĐ-TTg, maintaining the system)."""

    __tablename__ = "qms_legal_changes"
    trail_name = N_("legal change")
    procedure_code: Mapped[str] = mapped_column(Text, default="")
    change: Mapped[str] = mapped_column(String(20))  # added | changed | abolished
    basis: Mapped[str] = mapped_column(Text)  # the legal text
    effective_on: Mapped[date] = mapped_column(Date)
    applied_on: Mapped[date | None] = mapped_column(Date)

    def trail_label(self, session: Session) -> str:
        return self.basis[:80]


class QmsPlanTask(SyncedMixin, Base):
    """A task of the implementation plan (the documentation plan of the seed plans): owner, deadline, status."""

    __tablename__ = "qms_plan_tasks"
    trail_name = N_("plan task")
    task: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)

    def trail_label(self, session: Session) -> str:
        return self.task[:80]


class QmsRisk(SyncedMixin, Base):
    """A risk or an opportunity (ISO 9001:2015 6.1), the action taken on it and when it is reviewed again."""

    __tablename__ = "qms_risks"
    trail_name = N_("risk or opportunity")
    kind: Mapped[str] = mapped_column(String(20))  # risk | opportunity
    description: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(Text, default="")
    review_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)

    def trail_label(self, session: Session) -> str:
        return self.description[:80]


class QmsProblem(SyncedMixin, Base):
    """A problem met while applying the procedures, noted in the week it happened and reviewed at the month's
    meeting of the ISO working team (the seed plans: "lập sổ theo dõi các vướng mắc, ghi chép hàng tuần, xem xét
    hàng tháng")."""

    __tablename__ = "qms_problems"
    trail_name = N_("problem met")
    noted_on: Mapped[date] = mapped_column(Date, index=True)
    procedure_code: Mapped[str] = mapped_column(String(v.PROCEDURE_CODE_LENGTH), default="")
    description: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text, default="")
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    review_note: Mapped[str] = mapped_column(Text, default="")

    def trail_label(self, session: Session) -> str:
        return self.description[:80]


class QmsDocument(SyncedMixin, Base):
    """A controlled document (ISO 9001:2015 7.5): the policy, the objectives, the QMS overview, a system procedure,
    an ISO procedure, a form, or an external document such as a decree. Its revisions carry the content; an
    obsolete document is kept, marked, and never distributed again (7.5.3.2 d)."""

    __tablename__ = "qms_documents"
    trail_name = N_("controlled document")
    code: Mapped[str] = mapped_column(Text)  # "QT 02/HT"
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    obsolete_on: Mapped[date | None] = mapped_column(Date)

    def trail_label(self, session: Session) -> str:
        return self.code


class QmsRevision(SyncedMixin, Base):
    """An issue of a controlled document: drafted, then issued (never edited again), superseded by the next issue.
    An attached file is kept in the data folder under its checksum (SHA-256), so a changed copy is detected."""

    __tablename__ = "qms_revisions"
    trail_name = N_("document revision")
    document_id: Mapped[int] = mapped_column(ForeignKey("qms_documents.id"), index=True)
    issue: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(20))  # draft | issued | superseded
    change: Mapped[str] = mapped_column(Text, default="")  # what this issue changed
    issued_on: Mapped[date | None] = mapped_column(Date)
    approved_by: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str] = mapped_column(Text, default="")  # the attachment's name in the documents folder
    checksum: Mapped[str] = mapped_column(String(64), default="")
    distribution: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of the holders of a copy

    def trail_label(self, session: Session) -> str:
        code = session.execute(select(QmsDocument.code).where(QmsDocument.id == self.document_id)).scalar() or ""
        return f"{code} ({self.issue})"
