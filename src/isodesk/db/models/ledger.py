"""The one-stop-shop ledger: procedures, applicants, dossiers and what happened to them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from isodesk.db.base import PERSONAL, Base, SyncedMixin
from isodesk.db.types import UTCDateTime
from isodesk.domain import validation as v
from isodesk.i18n import N_


class Procedure(SyncedMixin, Base):
    """An administrative procedure (thủ tục hành chính) of the national database, as this office applies it.

    The published values (time, fee) are kept with their source and confidence; the office's own values,
    which differ by province, are stored beside them, never over them. Documents, fee, exemptions, legal basis and
    the catalogue's notes are separate columns because papers print each in its own place and the notes nowhere.
    """

    __tablename__ = "procedures"
    trail_name = N_("procedure")
    code: Mapped[str] = mapped_column(String(v.PROCEDURE_CODE_LENGTH), unique=True)
    name: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(v.PROCEDURE_FIELD.limit), default="")
    time_unit: Mapped[str] = mapped_column(String(20), default="unknown")
    time_value: Mapped[str] = mapped_column(String(12), default="0")
    cutoff_note: Mapped[str] = mapped_column(Text, default="")  # what the law adds to the time (15:00 cut-off …)
    fee: Mapped[str] = mapped_column(String(v.FEE.limit), default="")
    exemptions: Mapped[str] = mapped_column(Text, default="", server_default="")  # who pays nothing, in words
    components: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of document names, nothing else
    # JSON list of {kind, number, date, title}: the documents the procedure rests on
    legal_basis: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")  # the catalogue's remarks, never printed
    steps: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {name, responsible, unit, value}
    in_scope: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[str] = mapped_column(String(10), default="")
    office_time_unit: Mapped[str | None] = mapped_column(String(20))
    office_time_value: Mapped[str | None] = mapped_column(String(12))
    office_fee: Mapped[str | None] = mapped_column(String(v.FEE.limit))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    search_key: Mapped[str] = mapped_column(Text, default="")

    def trail_label(self, session: Session) -> str:
        return self.code


class Applicant(SyncedMixin, Base):
    """A person or organisation who applied. Personal data lives only here, so it can be erased alone.

    The :attr:`personal_fields` never reach the audit trail in clear (Luật Bảo vệ dữ liệu cá nhân 2025: the data
    must be erasable after its retention period while the trail stays intact); the trail records only that they
    changed. They are what a copy for the person holds and what an erasure blanks.
    """

    __tablename__ = "applicants"
    personal_fields: ClassVar[tuple[str, ...]] = (
        "name",
        "address",
        "phone",
        "email",
        "id_number",
        "representative_name",
        "representative_id_number",
        "representative_phone",
    )
    trail_name = N_("applicant")
    trail_withheld: ClassVar[Mapping[str, str]] = dict.fromkeys(personal_fields, PERSONAL)
    kind: Mapped[str] = mapped_column(String(12), default="person")  # "person" | "organisation"
    name: Mapped[str] = mapped_column(String(v.APPLICANT_NAME.limit))
    address: Mapped[str] = mapped_column(String(v.ADDRESS.limit), default="")
    phone: Mapped[str] = mapped_column(String(v.PHONE_LENGTH), default="")
    email: Mapped[str] = mapped_column(String(v.EMAIL_LENGTH), default="")
    id_number: Mapped[str] = mapped_column(String(v.CITIZEN_ID_LENGTH), default="")
    # Who filed on the applicant's behalf (an organisation's representative, a person with a power of attorney):
    # named on the 2025 receipt slip and in its signature block (TT 03/2025/TT-VPCP, form 01).
    representative_name: Mapped[str] = mapped_column(String(v.REPRESENTATIVE_NAME.limit), default="", server_default="")
    representative_id_number: Mapped[str] = mapped_column(String(v.CITIZEN_ID_LENGTH), default="", server_default="")
    representative_phone: Mapped[str] = mapped_column(String(v.PHONE_LENGTH), default="", server_default="")

    def trail_label(self, session: Session) -> str:
        """The code of the applicant's dossier (never the applicant's name)."""
        for obj in session.identity_map.values():
            if isinstance(obj, Dossier) and obj.applicant_id == self.id:
                return obj.code
        code = session.execute(select(Dossier.code).where(Dossier.applicant_id == self.id).limit(1)).scalar()
        return code or ""


class Dossier(SyncedMixin, Base):
    """One application (hồ sơ). Dates are denormalised (local day of receipt, due, settlement) for statistics."""

    __tablename__ = "dossiers"
    trail_name = N_("dossier")
    trail_withheld: ClassVar[Mapping[str, str]] = {"search_key": PERSONAL}  # it holds the applicant's name
    code: Mapped[str] = mapped_column(String(v.DOSSIER_CODE_LENGTH), unique=True)
    book_year: Mapped[int] = mapped_column(Integer)
    book_seq: Mapped[int] = mapped_column(Integer)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"))
    applicant_id: Mapped[int | None] = mapped_column(ForeignKey("applicants.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_on: Mapped[date] = mapped_column(Date)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # on the receipt slip; moves only while paused
    new_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # given with an apology; never judges timeliness
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    settled_on: Mapped[date | None] = mapped_column(Date)
    timeliness: Mapped[str | None] = mapped_column(String(10))
    extensions: Mapped[int] = mapped_column(Integer, default=0)
    paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rating: Mapped[int | None] = mapped_column(Integer)
    sets: Mapped[int] = mapped_column(Integer, default=1)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    search_key: Mapped[str] = mapped_column(Text, default="")  # holds the applicant's name
    note: Mapped[str] = mapped_column(Text, default="", server_default="")  # "Ghi chú" column of the ledger form

    __table_args__ = (
        Index("ix_dossiers_status_due", "status", "due_at", "received_on"),  # covers the open backlog counts
        Index("ix_dossiers_received", "received_on", "status", "timeliness", "procedure_id"),
        Index("ix_dossiers_settled", "settled_on", "timeliness", "procedure_id", "rating"),
        Index("ix_dossiers_due", "due_at"),
        Index("ix_dossiers_book", "book_year", "book_seq", unique=True),
        Index("ix_dossiers_applicant", "applicant_id"),  # an applicant's dossiers (trail labels, erasure)
    )

    def trail_label(self, session: Session) -> str:
        return self.code


class DossierEvent(SyncedMixin, Base):
    """A step in a dossier's life: a change of state or a hand-over, as on the process control sheet."""

    __tablename__ = "dossier_events"
    trail_name = N_("dossier step")
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    action: Mapped[str] = mapped_column(String(20))
    from_state: Mapped[str] = mapped_column(String(20), default="")
    to_state: Mapped[str] = mapped_column(String(20), default="")
    from_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    to_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text, default="")

    def trail_label(self, session: Session) -> str:
        """The code of the step's dossier, so a dossier's history finds its steps by that code."""
        dossier = session.get(Dossier, self.dossier_id) if self.dossier_id is not None else None
        return dossier.code if dossier is not None else ""


class Counter(Base):
    """Running numbers (dossier codes per day, ledger sequence per year), taken inside the saving transaction
    so a number is used exactly once and never lost when a save fails."""

    __tablename__ = "counters"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class DailyCount(Base):
    """Per day and procedure: dossiers received and settled (by timeliness and rating), supplement requests made, and
    the days the settled ones took.

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
    # For the quality objectives (ISO 9001:2015 6.2): supplement requests made that day, and the calendar days from
    # receipt to return summed over the dossiers settled that day (their average is this over the settled ones).
    supplements: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    settle_days: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
