"""The audit trail: an append-only, hash-chained log of every change to the office's records.

See :mod:`isodesk.db.trail` for how entries are written and what the chain proves.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from isodesk.db.base import Base


class TrailEntry(Base):
    """One change: who, when (``at``, ISO 8601 UTC text, hashed exactly as stored), what (action, table, record),
    and the changed columns before and after, as canonical JSON. SQLite triggers refuse UPDATE and DELETE."""

    __tablename__ = "audit_trail"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(10))
    table_name: Mapped[str] = mapped_column(String(60))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    label: Mapped[str] = mapped_column(String(200), index=True)
    before: Mapped[str] = mapped_column(Text)
    after: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class TrailHead(Base):
    """One row: the sequence number and hash of the last entry, updated in the same transaction as the entries.

    Deleting the last entries of the log leaves the head pointing past them, so a truncated tail is detected."""

    __tablename__ = "audit_trail_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)
