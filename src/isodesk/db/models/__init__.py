"""All tables. Importing this package registers every model on ``Base.metadata``."""

from isodesk.db.models.core import (
    AdminUnit,
    AdminUnitName,
    ChangeCounter,
    Department,
    Office,
    Setting,
    Staff,
)

__all__ = ["AdminUnit", "AdminUnitName", "ChangeCounter", "Department", "Office", "Setting", "Staff"]
