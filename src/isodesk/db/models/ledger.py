"""The one-stop-shop ledger: procedures, applicants, dossiers and what happened to them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from isodesk.db.base import Base, SyncedMixin
from isodesk.db.types import UTCDateTime

#: Column marker: personal data of an applicant, kept out of the audit trail (see :mod:`isodesk.db.trail`).
PERSONAL = {"redact": "personal"}


class Procedure(SyncedMixin, Base):
    """An administrative procedure (thủ tục hành chính) of the national database, as this office applies it.

    The published values (time, fee) are kept with their source and confidence; the office's own values,
    which differ by province, are stored beside them, never over them.
    """

    __tablename__ = "procedures"
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(200), default="")
    time_unit: Mapped[str] = mapped_column(String(20), default="unknown")
    time_value: Mapped[str] = mapped_column(String(12), default="0")
    cutoff_note: Mapped[str] = mapped_column(Text, default="")
    fee: Mapped[str] = mapped_column(String(200), default="")
    components: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {name, original, copy}
    steps: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {name, responsible, unit, value}
    in_scope: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[str] = mapped_column(String(10), default="")
    office_time_unit: Mapped[str | None] = mapped_column(String(20))
    office_time_value: Mapped[str | None] = mapped_column(String(12))
    office_fee: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    search_key: Mapped[str] = mapped_column(Text, default="")


class Applicant(SyncedMixin, Base):
    """A person or organisation who applied. Personal data lives only here, so it can be erased alone.

    Columns marked ``redact: personal`` never reach the audit trail in clear (Luật Bảo vệ dữ liệu cá nhân 2025:
    the data must be erasable after its retention period while the trail stays intact); the trail records only
    that they changed.
    """

    __tablename__ = "applicants"
    kind: Mapped[str] = mapped_column(String(12), default="person")  # "person" | "organisation"
    name: Mapped[str] = mapped_column(String(200), info=PERSONAL)
    address: Mapped[str] = mapped_column(String(400), default="", info=PERSONAL)
    phone: Mapped[str] = mapped_column(String(20), default="", info=PERSONAL)
    email: Mapped[str] = mapped_column(String(200), default="", info=PERSONAL)
    id_number: Mapped[str] = mapped_column(String(12), default="", info=PERSONAL)


class Dossier(SyncedMixin, Base):
    """One application (hồ sơ). Dates are denormalised (local day of receipt, due, settlement) for statistics."""

    __tablename__ = "dossiers"
    code: Mapped[str] = mapped_column(String(60), unique=True)
    book_year: Mapped[int] = mapped_column(Integer)
    book_seq: Mapped[int] = mapped_column(Integer)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"))
    applicant_id: Mapped[int | None] = mapped_column(ForeignKey("applicants.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_on: Mapped[date] = mapped_column(Date)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    settled_on: Mapped[date | None] = mapped_column(Date)
    timeliness: Mapped[str | None] = mapped_column(String(10))
    extensions: Mapped[int] = mapped_column(Integer, default=0)
    paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rating: Mapped[int | None] = mapped_column(Integer)
    sets: Mapped[int] = mapped_column(Integer, default=1)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    search_key: Mapped[str] = mapped_column(Text, default="", info=PERSONAL)  # holds the applicant's name
    note: Mapped[str] = mapped_column(Text, default="", server_default="")  # "Ghi chú" column of the ledger form

    __table_args__ = (
        Index("ix_dossiers_status_due", "status", "due_at", "received_on"),  # covers the open backlog counts
        Index("ix_dossiers_received", "received_on", "status", "timeliness", "procedure_id"),
        Index("ix_dossiers_settled", "settled_on", "timeliness", "procedure_id", "rating"),
        Index("ix_dossiers_due", "due_at"),
        Index("ix_dossiers_book", "book_year", "book_seq", unique=True),
        Index("ix_dossiers_applicant", "applicant_id"),  # an applicant's dossiers (trail labels, erasure)
    )


class DossierEvent(SyncedMixin, Base):
    """A step in a dossier's life: a change of state or a hand-over, as on the process control sheet."""

    __tablename__ = "dossier_events"
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    action: Mapped[str] = mapped_column(String(20))
    from_state: Mapped[str] = mapped_column(String(20), default="")
    to_state: Mapped[str] = mapped_column(String(20), default="")
    from_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    to_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text, default="")


class Counter(Base):
    """Running numbers (dossier codes per day, ledger sequence per year), taken inside the saving transaction
    so a number is used exactly once and never lost when a save fails."""

    __tablename__ = "counters"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class DailyCount(Base):
    """Per day and procedure: dossiers received and settled (by timeliness and rating).

    Derived from the dossiers and kept in the same transaction as every receipt and return, so a year's
    statistics add up a few thousand rows instead of scanning a million dossiers. Never synced; rebuilt from the
    dossiers when in doubt (:func:`isodesk.services.ledger.stats.rebuild_daily_counts`).
    """

    __tablename__ = "daily_counts"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    procedure_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    received: Mapped[int] = mapped_column(Integer, default=0)
    ahead: Mapped[int] = mapped_column(Integer, default=0)
    on_time: Mapped[int] = mapped_column(Integer, default=0)
    late: Mapped[int] = mapped_column(Integer, default=0)
    rating_1: Mapped[int] = mapped_column(Integer, default=0)
    rating_2: Mapped[int] = mapped_column(Integer, default=0)
    rating_3: Mapped[int] = mapped_column(Integer, default=0)
    rating_4: Mapped[int] = mapped_column(Integer, default=0)
