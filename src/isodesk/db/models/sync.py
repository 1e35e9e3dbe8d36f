"""What the office keeps of its sync with the province: the packages it exported, and its signing key.

Neither travels in a package (no :class:`~isodesk.db.base.SyncedMixin`): they are the office's own bookkeeping.
The key is kept here as well as in its file in the data folder, so that every backup of the database carries it
and a restored office signs with the key the province enrolled.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from isodesk.db.base import Base
from isodesk.db.types import UTCDateTime


class SyncExport(Base):
    """One package written: its sequence number (1, 2, …), the change numbers it covers, its hash (the next
    package names it), where it was written and how many records it holds."""

    __tablename__ = "sync_exports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    changes_from: Mapped[int] = mapped_column(Integer)  # exclusive
    changes_to: Mapped[int] = mapped_column(Integer)  # inclusive
    records: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(Text, default="")


class SyncKey(Base):
    """The unit's Ed25519 signing key (PKCS#8 PEM) and the fingerprint the province enrolled."""

    __tablename__ = "sync_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    private_pem: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(String(80))


class ProvinceKey(Base):
    """In a unit office: the province whose packages the unit applies, its signing key, whether a person compared
    the key's fingerprint with the province's enrolment sheet, and the last package applied (its sequence and hash,
    which a replay or the same package again must not pass, and the calendar days it carried, which the next package
    may withdraw)."""

    __tablename__ = "sync_province"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    province_code: Mapped[str] = mapped_column(String(10), unique=True)
    province_name: Mapped[str] = mapped_column(Text, default="")
    public_key: Mapped[str] = mapped_column(String(64))  # raw Ed25519, hex
    fingerprint: Mapped[str] = mapped_column(String(80))
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_sha256: Mapped[str] = mapped_column(String(64), default="")
    last_package_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    calendar_days: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of ISO dates
