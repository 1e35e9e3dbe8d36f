"""Declarative base and the columns every synchronised record carries.

Every record that may leave the office (DESIGN.md §2) has a stable UUID, the owning unit's code,
``created_at``/``updated_at`` in UTC, who changed it last, and ``change_seq``: the number of the user
action (transaction) that last changed it, so a sync package can carry "everything after N" and an
import can be applied twice without harm. These columns are filled by :mod:`isodesk.db.session`
events, never by hand, so no service can forget them.
"""

from __future__ import annotations

import uuid as _uuid
from datetime import datetime

from sqlalchemy import Integer, MetaData, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from isodesk.db.types import UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SyncedMixin:
    """Columns of a record that is owned by a unit and travels in sync packages."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[_uuid.UUID] = mapped_column(Uuid, unique=True, default=_uuid.uuid4)
    unit_code: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    change_seq: Mapped[int] = mapped_column(Integer, default=0, index=True)
