"""All tables. Importing this package registers every model on ``Base.metadata``."""

from isodesk.db.models.accounts import Account
from isodesk.db.models.audits import (
    Audit,
    AuditReport,
    ChecklistItem,
    CorrectiveAction,
    Finding,
    ManagementReview,
    ReviewDecision,
)
from isodesk.db.models.calendar import CalendarChange, CalendarOverride
from isodesk.db.models.core import (
    AdminUnit,
    AdminUnitName,
    ChangeCounter,
    Department,
    Office,
    Setting,
    Staff,
)
from isodesk.db.models.ledger import Applicant, Counter, DailyCount, Dossier, DossierEvent, Procedure
from isodesk.db.models.province import EnrolledUnit, ImportLog, ReceivedDossier, ReceivedMonth, ReceivedRecord
from isodesk.db.models.qms import (
    QmsAnnouncement,
    QmsDocument,
    QmsLegalChange,
    QmsMilestone,
    QmsObjective,
    QmsPlanTask,
    QmsPolicy,
    QmsProblem,
    QmsRevision,
    QmsRisk,
    QmsRole,
    QmsScope,
    QmsTraining,
)
from isodesk.db.models.sync import SyncExport, SyncKey
from isodesk.db.models.trail import TrailEntry, TrailHead

__all__ = [
    "Account",
    "AdminUnit",
    "AdminUnitName",
    "Applicant",
    "Audit",
    "AuditReport",
    "CalendarChange",
    "CalendarOverride",
    "ChangeCounter",
    "ChecklistItem",
    "CorrectiveAction",
    "Counter",
    "DailyCount",
    "Department",
    "Dossier",
    "DossierEvent",
    "EnrolledUnit",
    "Finding",
    "ImportLog",
    "ManagementReview",
    "Office",
    "Procedure",
    "QmsAnnouncement",
    "QmsDocument",
    "QmsLegalChange",
    "QmsMilestone",
    "QmsObjective",
    "QmsPlanTask",
    "QmsPolicy",
    "QmsProblem",
    "QmsRevision",
    "QmsRisk",
    "QmsRole",
    "QmsScope",
    "QmsTraining",
    "ReceivedDossier",
    "ReceivedMonth",
    "ReceivedRecord",
    "ReviewDecision",
    "Setting",
    "Staff",
    "SyncExport",
    "SyncKey",
    "TrailEntry",
    "TrailHead",
]
