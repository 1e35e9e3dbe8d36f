"""All tables. Importing this package registers every model on ``Base.metadata``."""

from isodesk.db.models.accounts import Account
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
from isodesk.db.models.trail import TrailEntry, TrailHead

__all__ = [
    "Account",
    "AdminUnit",
    "AdminUnitName",
    "Applicant",
    "CalendarChange",
    "CalendarOverride",
    "ChangeCounter",
    "Counter",
    "DailyCount",
    "Department",
    "Dossier",
    "DossierEvent",
    "Office",
    "Procedure",
    "Setting",
    "Staff",
    "TrailEntry",
    "TrailHead",
]
