"""Declarative base and the columns every synchronised record carries.

Every record that may leave the office (docs/ARCHITECTURE.md, "Records") has a stable UUID, the owning unit's code,
``created_at``/``updated_at`` in UTC, who changed it last, and ``change_seq``: the number of the user
action (transaction) that last changed it, so a sync package can carry "everything after N" and an
import can be applied twice without harm. These columns are filled by :mod:`isodesk.db.session`
events, never by hand, so no service can forget them.

Every such record is also written to the audit trail (:mod:`isodesk.db.trail`), and each model says there how it
is named: what kind of record it is in words, how one record is labelled, and which of its columns never reach the
trail in clear. The trail asks the model, so a new model joins it by saying these three things and nothing else.
"""

from __future__ import annotations

import uuid as _uuid
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import Integer, MetaData, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from isodesk.db.types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: Why a column is kept out of the audit trail. ``PERSONAL``: data about an applicant, which must be erasable after
#: its retention period (Luật Bảo vệ dữ liệu cá nhân 2025, in force 1 January 2026) while the trail can never be
#: edited. ``SECRET``: a password hash, which must never be copied anywhere.
PERSONAL = "personal"
SECRET = "secret"

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

    #: What the audit trail calls this kind of record, in words: an English msgid marked with ``N_``, shown
    #: translated (the trail screen, ``isodesk trail list``).
    trail_name: ClassVar[str] = ""
    #: The columns whose values the trail never holds, each with why (:data:`PERSONAL` or :data:`SECRET`): an entry
    #: holds ``{"redacted": why}`` in place of the value, which says the field changed and nothing more.
    trail_withheld: ClassVar[Mapping[str, str]] = {}

    def trail_label(self, session: Session) -> str:
        """How the trail names this record, so that its entries can be found by it (a dossier's code, a staff
        member's name). Never personal data. ``session`` is for a record named after another one (a dossier's
        step by its dossier's code)."""
        return ""
