"""The office, its people and the national list of administrative units."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from isodesk.db.base import Base, SyncedMixin
from isodesk.domain import validation as v
from isodesk.i18n import N_


class ChangeCounter(Base):
    """One row: the number of the last user action that changed anything (see SyncedMixin)."""

    __tablename__ = "change_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class AdminUnit(Base):
    """A province or a commune/ward/special zone, by its official code (mã ĐVHC).

    Reference data from the ``vietnam-provinces`` package (two-level list in force since 1 July 2025,
    Nghị quyết 202/2025/QH15 and the Standing Committee's resolutions on commune-level units).
    The name printed on papers changes over time (a commune becomes a ward, a province a city), so
    names live in :class:`AdminUnitName` with effective dates; ``name`` here is the current one.
    """

    __tablename__ = "admin_units"
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    division_type: Mapped[str] = mapped_column(String(40))
    province_code: Mapped[str | None] = mapped_column(String(10), index=True)
    search_key: Mapped[str] = mapped_column(String(400))

    names: Mapped[list[AdminUnitName]] = relationship(
        back_populates="unit", cascade="all, delete-orphan", order_by="AdminUnitName.valid_from"
    )


class AdminUnitName(Base):
    """A name a unit has had or has, from ``valid_from`` to ``valid_to`` (inclusive, open if None).

    ``is_alias`` marks a former name kept so historical records and searches still find the unit
    (e.g. "Tiền Giang" for Đồng Tháp after the 2025 merger).
    """

    __tablename__ = "admin_unit_names"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("admin_units.code", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    is_alias: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(String(400))

    unit: Mapped[AdminUnit] = relationship(back_populates="names")


class Office(SyncedMixin, Base):
    """The office using this database: one row. ``role`` is "commune" or "province"."""

    __tablename__ = "office"
    trail_name = N_("office profile")
    province_code: Mapped[str] = mapped_column(String(10))
    role: Mapped[str] = mapped_column(String(20))
    leader_name: Mapped[str] = mapped_column(String(v.PERSON_NAME.limit), default="")
    leader_title: Mapped[str] = mapped_column(String(v.TITLE.limit), default="")
    iso_representative: Mapped[str] = mapped_column(String(v.PERSON_NAME.limit), default="")
    iso_secretary: Mapped[str] = mapped_column(String(v.PERSON_NAME.limit), default="")
    address: Mapped[str] = mapped_column(String(v.ADDRESS.limit), default="")
    # Wider than any number the phone rule accepts (v.PHONE_LENGTH) since schema 0001; narrowing it would rebuild
    # the table in every office's database for nothing (SQLite does not enforce a width).
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(v.EMAIL_LENGTH), default="")
    agency_code: Mapped[str] = mapped_column(String(v.AGENCY_CODE_LENGTH), default="")
    # Whom an applicant asked to complete a dossier may call (TT 01/2018 and TT 03/2025, form 02).
    contact_name: Mapped[str] = mapped_column(String(v.CONTACT.limit), default="", server_default="")
    contact_phone: Mapped[str] = mapped_column(String(v.PHONE_LENGTH), default="", server_default="")

    def trail_label(self, session: Session) -> str:
        return self.unit_code


class Setting(SyncedMixin, Base):
    """An office-wide setting, stored as JSON text under a dotted key."""

    __tablename__ = "settings"
    trail_name = N_("setting")
    key: Mapped[str] = mapped_column(String(100), unique=True)
    value: Mapped[str] = mapped_column(Text)

    def trail_label(self, session: Session) -> str:
        return self.key


class Department(SyncedMixin, Base):
    """A department or field of work of the office (e.g. "Tư pháp - Hộ tịch").

    Auditor independence (ISO 19011 §4 e) is judged by department: an auditor never audits their own.
    """

    __tablename__ = "departments"
    trail_name = N_("department")
    name: Mapped[str] = mapped_column(String(v.DEPARTMENT.limit))
    search_key: Mapped[str] = mapped_column(String(400), index=True)

    staff: Mapped[list[Staff]] = relationship(back_populates="department")

    def trail_label(self, session: Session) -> str:
        return self.name


class Staff(SyncedMixin, Base):
    """A person of the office: officers, leaders, the ISO secretary, auditors."""

    __tablename__ = "staff"
    trail_name = N_("staff member")
    name: Mapped[str] = mapped_column(String(v.STAFF_NAME.limit))
    position: Mapped[str] = mapped_column(String(v.POSITION.limit), default="")
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    search_key: Mapped[str] = mapped_column(String(400), index=True)

    department: Mapped[Department] = relationship(back_populates="staff")

    def trail_label(self, session: Session) -> str:
        return self.name
