"""Accounts of the people who use the program on the office's PC."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import ClassVar

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from isodesk.db.base import SECRET, Base, SyncedMixin
from isodesk.db.types import UTCDateTime
from isodesk.domain import validation as v
from isodesk.i18n import N_


class Account(SyncedMixin, Base):
    """A user account: a username, roles (a JSON list of :class:`isodesk.domain.permissions.Role` keys), an
    optional link to the :class:`Staff` row of the person, and the password state.

    Accounts carry the sync columns like every record of the office, but ``password_hash`` must never leave the
    office: a sync package or any export leaves it out (it is withheld from the audit trail as a secret, which
    records only that it changed). ``username_key`` is the case-folded username, so "Admin" and "admin" are one account.
    ``failed_attempts`` and ``locked_until`` live here, not in memory, so restarting the program does not reset a
    lockout (:mod:`isodesk.domain.lockout`). An empty ``password_hash`` means no password was set yet (an
    administrator created by ``isodesk init`` without one): the first sign-in asks for it.
    """

    __tablename__ = "accounts"
    trail_name = N_("account")
    trail_withheld: ClassVar[Mapping[str, str]] = {"password_hash": SECRET}
    username: Mapped[str] = mapped_column(String(v.USERNAME_LENGTH))
    username_key: Mapped[str] = mapped_column(String(v.USERNAME_LENGTH), unique=True)
    display_name: Mapped[str] = mapped_column(String(v.PERSON_NAME.limit), default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    roles: Mapped[str] = mapped_column(Text, default="[]")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str] = mapped_column(Text, default="")
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)

    def trail_label(self, session: Session) -> str:
        return self.username
