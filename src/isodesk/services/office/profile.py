"""The office profile: which unit this database belongs to, its role and the people who sign."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from isodesk.db.migrate import HEAD_REVISION
from isodesk.db.models import Department, Office, Staff
from isodesk.domain import validation as v
from isodesk.domain.permissions import Permission, Role
from isodesk.errors import NotInitialisedError, UserError
from isodesk.i18n import _
from isodesk.services.accounts.accounts import DEFAULT_ADMIN, new_account
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.ledger.calendar import seed_overlay
from isodesk.services.ledger.procedures import seed_procedures
from isodesk.services.office.units import ensure_reference_data, read_unit
from isodesk.sync.keystore import ensure_unit_key

ROLES = ("commune", "province")


@dataclass(frozen=True)
class OfficeProfile:
    unit_code: str
    unit_name: str
    province_code: str
    province_name: str
    role: str
    leader_name: str
    leader_title: str
    iso_representative: str
    iso_secretary: str
    address: str
    phone: str
    email: str
    agency_code: str
    contact_name: str = ""  # whom an applicant asked to complete a dossier may call (form 02)
    contact_phone: str = ""

    @property
    def heading_name(self) -> str:
        """Issuing body as printed top left: "UBND PHƯỜNG MỸ THO" (NĐ 30/2020, Phụ lục I)."""
        return f"UBND {self.unit_name}".upper()

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def _load(session: Session) -> Office | None:
    return session.execute(select(Office).limit(1)).scalar_one_or_none()


def is_initialised(ctx: AppContext) -> bool:
    with ctx.read() as s:
        return _load(s) is not None


def init_office(
    ctx: AppContext,
    *,
    province_code: str,
    unit_code: str | None = None,
    role: str = "commune",
    leader_name: str = "",
    leader_title: str = "",
    iso_representative: str = "",
    iso_secretary: str = "",
    address: str = "",
    agency_code: str = "",
    admin_username: str = DEFAULT_ADMIN,
    admin_name: str = "",
    admin_password: str | None = None,
) -> OfficeProfile:
    """Create the office profile and its administrator account (first run). A province office needs only its
    province. Without ``admin_password`` the administrator sets one at the first sign-in in the program."""
    if role not in ROLES:
        raise UserError(_("The role must be “commune” or “province”, not “{role}”.").format(role=v.shown(role)))
    people = _clean_profile(
        leader_name=leader_name,
        leader_title=leader_title,
        iso_representative=iso_representative,
        iso_secretary=iso_secretary,
        address=address,
        agency_code=agency_code,
    )
    with ctx.unit_of_work() as s:
        ensure_reference_data(s)
        if _load(s) is not None:
            raise UserError(_("This data folder already belongs to an office; it cannot be set up twice."))
        province = read_unit(s, province_code, province=True)
        if role == "commune":
            if not unit_code:
                raise UserError(_("A commune office needs its commune or ward: give --unit CODE."))
            unit = read_unit(s, unit_code, province=False)
            if unit.province_code != province.code:
                raise UserError(
                    _("{unit} (code {code}) is not in {province}.").format(
                        unit=unit.name, code=unit.code, province=province.name
                    )
                )
        else:
            unit = province
        s.info["unit_code"] = unit.code
        s.info["actor"] = admin_username.strip()  # the office is set up by its administrator
        new_account(s, admin_username, admin_name or _("Administrator"), [Role.ADMIN.value], password=admin_password)
        office = Office(
            unit_code=unit.code,
            province_code=province.code,
            role=role,
            leader_name=people["leader_name"],
            leader_title=people["leader_title"] or _default_leader_title(role),
            iso_representative=people["iso_representative"],
            iso_secretary=people["iso_secretary"],
            address=people["address"],
            agency_code=people["agency_code"] or unit.code,
        )
        s.add(office)
        s.flush()
        seed_overlay(s)
        seed_procedures(s)
        ensure_unit_key(s, ctx.data_dir)  # signs the packages sent to the province (issue 13)
        profile = _profile(s, office)
    ctx.actor = admin_username.strip()
    return profile


def _default_leader_title(role: str) -> str:
    return "Chủ tịch" if role == "commune" else "Tổ trưởng Tổ công tác ISO"


def _profile(session: Session, office: Office) -> OfficeProfile:
    from isodesk.db.models import AdminUnit

    unit = session.get(AdminUnit, office.unit_code)
    province = session.get(AdminUnit, office.province_code)
    return OfficeProfile(
        unit_code=office.unit_code,
        unit_name=unit.name if unit else office.unit_code,
        province_code=office.province_code,
        province_name=province.name if province else office.province_code,
        role=office.role,
        leader_name=office.leader_name,
        leader_title=office.leader_title,
        iso_representative=office.iso_representative,
        iso_secretary=office.iso_secretary,
        address=office.address,
        phone=office.phone,
        email=office.email,
        agency_code=office.agency_code,
        contact_name=office.contact_name,
        contact_phone=office.contact_phone,
    )


def read_profile(session: Session, data_dir: object) -> OfficeProfile:
    """The profile read inside an open session (for services that already hold one)."""
    office = _load(session)
    if office is None:
        raise NotInitialisedError(
            _("No office has been set up in {path} yet. Run “isodesk init” or open the program to set it up.").format(
                path=data_dir
            )
        )
    return _profile(session, office)


def get_profile(ctx: AppContext) -> OfficeProfile:
    with ctx.read() as s:
        return read_profile(s, ctx.data_dir)


EDITABLE_FIELDS = (
    "leader_name",
    "leader_title",
    "iso_representative",
    "iso_secretary",
    "address",
    "phone",
    "email",
    "agency_code",
    "contact_name",
    "contact_phone",
)


#: The rule each profile field is checked with (the office's own phone and email follow the applicants' rules).
PROFILE_RULES: dict[str, Callable[[str], str]] = {
    "leader_name": lambda text: v.person_name(text, v.PERSON_NAME),
    "leader_title": lambda text: v.text(text, v.TITLE),
    "iso_representative": lambda text: v.person_name(text, v.PERSON_NAME),
    "iso_secretary": lambda text: v.person_name(text, v.PERSON_NAME),
    "address": lambda text: v.text(text, v.ADDRESS),
    "phone": v.phone_number,
    "email": v.email_address,
    "agency_code": lambda text: v.agency_code(text) if v.normalise(text) else "",
    "contact_name": lambda text: v.text(text, v.CONTACT),
    "contact_phone": v.phone_number,
}


#: How much each profile field takes while it is typed (the rule's limit; a phone a few separators more).
PROFILE_LIMITS: dict[str, int] = {
    "leader_name": v.PERSON_NAME.limit,
    "leader_title": v.TITLE.limit,
    "iso_representative": v.PERSON_NAME.limit,
    "iso_secretary": v.PERSON_NAME.limit,
    "address": v.ADDRESS.limit,
    "phone": v.PHONE_TYPED_LENGTH,
    "email": v.EMAIL_LENGTH,
    "agency_code": v.AGENCY_CODE_LENGTH,
    "contact_name": v.CONTACT.limit,
    "contact_phone": v.PHONE_TYPED_LENGTH,
}


def _clean_profile(**fields: str) -> dict[str, str]:
    return {key: check(PROFILE_RULES[key], value) for key, value in fields.items()}


def update_profile(ctx: AppContext, **changes: str) -> OfficeProfile:
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    clean = _clean_profile(**changes)
    with ctx.unit_of_work() as s:
        require(s, Permission.OFFICE_MANAGE)
        office = _load(s)
        if office is None:
            raise NotInitialisedError(_("No office has been set up yet."))
        for key, value in clean.items():
            setattr(office, key, value)
        s.flush()
        return _profile(s, office)


def office_info(ctx: AppContext) -> dict[str, object]:
    """What ``isodesk info --json`` prints (keys are a stable contract, docs/ARCHITECTURE.md §8)."""
    profile = get_profile(ctx)
    with ctx.read() as s:
        counts = {
            "staff": s.execute(select(func.count()).select_from(Staff)).scalar_one(),
            "departments": s.execute(select(func.count()).select_from(Department)).scalar_one(),
        }
    return {
        "unit_code": profile.unit_code,
        "unit_name": profile.unit_name,
        "province_code": profile.province_code,
        "province_name": profile.province_name,
        "role": profile.role,
        "schema_version": HEAD_REVISION,
        "data_dir": str(ctx.data_dir),
        "counts": counts,
    }
