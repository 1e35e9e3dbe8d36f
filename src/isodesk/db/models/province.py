"""What a province office keeps of the packages its units send: the units enrolled with their keys, every import
attempted, and the records received, kept per unit and never edited by the province.

None of it travels (no :class:`~isodesk.db.base.SyncedMixin`): it is the province's own record of what it received.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Integer, PrimaryKeyConstraint, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from isodesk.db.base import Base
from isodesk.db.types import UTCDateTime


class EnrolledUnit(Base):
    """A unit whose packages the province reads: its signing key, whether a person confirmed the key's fingerprint,
    and the last package applied (its sequence, hash and time), where the next one must follow on."""

    __tablename__ = "province_units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(10), unique=True)
    unit_name: Mapped[str] = mapped_column(Text, default="")
    public_key: Mapped[str] = mapped_column(String(64))  # raw Ed25519, hex
    fingerprint: Mapped[str] = mapped_column(String(80))
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_sha256: Mapped[str] = mapped_column(String(64), default="")
    last_package_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ImportLog(Base):
    """One package the province tried to import, whatever came of it."""

    __tablename__ = "province_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by: Mapped[str] = mapped_column(String(100), default="")
    file_name: Mapped[str] = mapped_column(Text, default="")
    unit_code: Mapped[str] = mapped_column(String(10), default="")
    sequence: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(20))  # imported, unchanged, rejected, held
    reason: Mapped[str] = mapped_column(Text, default="")
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)


class ReceivedRecord(Base):
    """One record a unit sent, as it sent it (a JSON object), the newest change of it kept."""

    __tablename__ = "province_records"
    __table_args__ = (UniqueConstraint("unit_code", "kind", "uuid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(60))
    uuid: Mapped[str] = mapped_column(String(36))
    # The unit's change number and time of the record, as it sent them (named apart from the office's own
    # sync columns: these are the unit's, not changes made here).
    unit_change_seq: Mapped[int] = mapped_column(Integer)
    unit_updated_at: Mapped[str] = mapped_column(String(40), default="")
    body: Mapped[str] = mapped_column(Text)


class ReceivedDossier(Base):
    """One dossier a unit sent, reduced as it sent it (procedure, field, dates, status, timeliness, rating, handling
    role: nothing of the applicant), in columns so that the province's figures are counted in SQL. Times are the
    unit's, ISO 8601 in UTC as sent; days are the unit's days."""

    __tablename__ = "province_dossiers"
    __table_args__ = (UniqueConstraint("unit_code", "uuid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(10))
    uuid: Mapped[str] = mapped_column(String(36))
    unit_change_seq: Mapped[int] = mapped_column(Integer)
    unit_updated_at: Mapped[str] = mapped_column(String(40), default="")
    procedure_code: Mapped[str] = mapped_column(String(30), default="")
    procedure_field: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    received_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    due_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    settled_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    settled_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="")
    timeliness: Mapped[str | None] = mapped_column(String(10), nullable=True)
    extensions: Mapped[int] = mapped_column(Integer, default=0)
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    handling_role: Mapped[str] = mapped_column(Text, default="")


class ReceivedMonth(Base):
    """A unit's dossiers counted by month and procedure, as the ledger's day counts are kept: received by the month
    received; settled, by timeliness, by rating and the days to settle by the month settled. Rebuilt from
    ``province_dossiers`` for a unit after each of its packages, so the dashboard sums a few rows a unit."""

    __tablename__ = "province_dossier_months"
    #: Kept by unit, procedure and field, then month: the order the dashboard and a unit's statistics sum them in.
    __table_args__ = (
        PrimaryKeyConstraint("unit_code", "procedure_code", "procedure_field", "month"),
        {"sqlite_with_rowid": False},
    )

    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # YYYY-MM
    unit_code: Mapped[str] = mapped_column(String(10), primary_key=True)
    procedure_code: Mapped[str] = mapped_column(String(30), primary_key=True)
    procedure_field: Mapped[str] = mapped_column(Text, primary_key=True)
    received: Mapped[int] = mapped_column(Integer, default=0)
    ahead: Mapped[int] = mapped_column(Integer, default=0)
    on_time: Mapped[int] = mapped_column(Integer, default=0)
    late: Mapped[int] = mapped_column(Integer, default=0)
    rating_1: Mapped[int] = mapped_column(Integer, default=0)
    rating_2: Mapped[int] = mapped_column(Integer, default=0)
    rating_3: Mapped[int] = mapped_column(Integer, default=0)
    rating_4: Mapped[int] = mapped_column(Integer, default=0)
    settle_days: Mapped[int] = mapped_column(Integer, default=0)
