"""The editable overlay on the statutory calendar, and the log of its changes."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from isodesk.db.base import Base, SyncedMixin
from isodesk.i18n import N_


class CalendarOverride(SyncedMixin, Base):
    """An announced day off or working day (e.g. a make-up Saturday), with its legal basis."""

    __tablename__ = "calendar_overrides"
    trail_name = N_("calendar day")
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # "day_off" | "workday"
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    confirmed: Mapped[bool] = mapped_column(Boolean, default=True)

    def trail_label(self, session: Session) -> str:
        return self.day.isoformat()


class CalendarChange(SyncedMixin, Base):
    """Every change to the overlay: which day, from what to what, why (who and when are in the sync columns)."""

    __tablename__ = "calendar_changes"
    trail_name = N_("calendar change")
    day: Mapped[date] = mapped_column(Date, index=True)
    old_kind: Mapped[str] = mapped_column(String(10), default="")
    new_kind: Mapped[str] = mapped_column(String(10), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    def trail_label(self, session: Session) -> str:
        return self.day.isoformat()
