"""User accounts on the office's shared PC: creating them, their roles, resetting, unlocking, disabling.

Managing accounts needs the administrator's permission (:mod:`isodesk.domain.permissions`). A password is never
returned, printed or exported; a temporary one (after a reset, or for a new account without one) is shown once to
the administrator, and its owner must replace it at the first sign-in. The last active administrator can be
neither disabled nor stripped of the role, so the office can never lock itself out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import Account, Staff
from isodesk.domain import validation as v
from isodesk.domain.lockout import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, password_problem
from isodesk.domain.permissions import Permission, Role, parse_roles
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import local_datetime, local_now
from isodesk.i18n.text import nfc, person_sort_key
from isodesk.services.accounts.auth import find_account, require, role_name, roles_of, username_key
from isodesk.services.accounts.passwords import hash_password, temporary_password
from isodesk.services.context import AppContext
from isodesk.services.inputs import check

USERNAME = re.compile(rf"^[\w.-]{{2,{v.USERNAME_LENGTH}}}$")
DEFAULT_ADMIN = "admin"


@dataclass(frozen=True)
class AccountInfo:
    username: str
    display_name: str
    roles: list[str]
    staff_id: int | None
    staff_name: str | None
    active: bool
    has_password: bool
    must_change_password: bool
    failed_attempts: int
    locked_until: datetime | None

    def locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or local_now())

    def to_dict(self) -> dict[str, Any]:
        return {
            "username": self.username,
            "display_name": self.display_name,
            "roles": self.roles,
            "staff_id": self.staff_id,
            "staff_name": self.staff_name,
            "active": self.active,
            "has_password": self.has_password,
            "must_change_password": self.must_change_password,
            "failed_attempts": self.failed_attempts,
            "locked_until": local_datetime(self.locked_until).isoformat() if self.locked_until else None,
        }


def info_of(session: Session, account: Account) -> AccountInfo:
    staff = session.get(Staff, account.staff_id) if account.staff_id else None
    return AccountInfo(
        account.username,
        account.display_name,
        [r.value for r in Role if r in roles_of(account)],
        account.staff_id,
        staff.name if staff else None,
        account.active,
        bool(account.password_hash),
        account.must_change_password,
        account.failed_attempts,
        account.locked_until,
    )


def checked_password(password: str) -> str:
    problem = password_problem(password)
    if problem == "blank":
        raise UserError(_("The password must not be empty."))
    if problem == "short":
        raise UserError(_("The password is too short: use at least {n} characters.").format(n=MIN_PASSWORD_LENGTH))
    if problem == "long":
        raise UserError(_("The password is too long (at most {n} characters).").format(n=MAX_PASSWORD_LENGTH))
    return password


def _checked_roles(values: Iterable[str]) -> list[str]:
    values = [v.strip() for v in values]
    if not values:
        raise UserError(_("An account needs at least one role."))
    unknown = [v for v in values if v not in {r.value for r in Role}]
    if unknown:
        known = ", ".join(f"{r.value} ({role_name(r)})" for r in Role)
        raise UserError(_("“{role}” is not a role. Roles: {known}.").format(role=unknown[0], known=known))
    roles = parse_roles(values)
    return [r.value for r in Role if r in roles]


def _checked_username(username: str) -> str:
    name = nfc(username).strip()
    if not USERNAME.match(name):
        raise UserError(
            _(
                "“{name}” cannot be a username: use 2 to 64 letters, digits, dots, hyphens or underscores, "
                "without spaces (e.g. thu.ha)."
            ).format(name=username)
        )
    return name


def new_account(
    session: Session,
    username: str,
    display_name: str,
    roles: Iterable[str],
    *,
    staff_id: int | None = None,
    password: str | None = None,
    must_change: bool = False,
) -> Account:
    """Add an account inside an open transaction (also used when the office is set up)."""
    name = _checked_username(username)
    role_list = _checked_roles(roles)
    if find_account(session, name) is not None:
        raise UserError(_("The username “{name}” is already taken.").format(name=name))
    if staff_id is not None and session.get(Staff, staff_id) is None:
        raise UserError(_("There is no staff member with id {id}.").format(id=staff_id))
    account = Account(
        username=name,
        username_key=username_key(name),
        display_name=check(v.text, display_name, v.PERSON_NAME) or name,
        staff_id=staff_id,
        roles=json.dumps(role_list),
        active=True,
        password_hash=hash_password(checked_password(password)) if password is not None else "",
        must_change_password=must_change,
        failed_attempts=0,
    )
    session.add(account)
    session.flush()
    return account


@dataclass(frozen=True)
class NewAccount:
    account: AccountInfo
    temporary_password: str | None  # shown once when the administrator gave no password

    def to_dict(self) -> dict[str, Any]:
        return self.account.to_dict() | {"temporary_password": self.temporary_password}


def add_account(
    ctx: AppContext,
    username: str,
    display_name: str,
    roles: Iterable[str],
    *,
    staff_id: int | None = None,
    password: str | None = None,
) -> NewAccount:
    """A new account. Without a password it gets a temporary one, to be changed at the first sign-in."""
    temporary = temporary_password() if password is None else None
    with ctx.unit_of_work() as s:
        require(s, Permission.ACCOUNTS_MANAGE)
        account = new_account(
            s,
            username,
            display_name,
            roles,
            staff_id=staff_id,
            password=password if password is not None else temporary,
            must_change=temporary is not None,
        )
        return NewAccount(info_of(s, account), temporary)


def list_accounts(ctx: AppContext) -> list[AccountInfo]:
    """Every account (the administrator's list), in Vietnamese order of display names."""
    with ctx.read() as s:
        rows = [info_of(s, a) for a in s.execute(select(Account)).scalars()]
    return sorted(rows, key=lambda a: person_sort_key(a.display_name))


@dataclass(frozen=True)
class Choice:
    username: str
    display_name: str


def sign_in_choices(ctx: AppContext) -> list[Choice]:
    """Active accounts offered by the sign-in dialog (names only; shown before anyone signs in)."""
    with ctx.read() as s:
        rows = s.execute(select(Account.username, Account.display_name).where(Account.active.is_(True))).all()
    return sorted((Choice(u, d) for u, d in rows), key=lambda c: person_sort_key(c.display_name))


def _get(session: Session, username: str) -> Account:
    account = find_account(session, username)
    if account is None:
        raise UserError(_("There is no account “{name}”.").format(name=username))
    return account


def _other_active_admins(session: Session, account: Account) -> int:
    return sum(
        1
        for other in session.execute(select(Account).where(Account.active.is_(True), Account.id != account.id))
        .scalars()
        .all()
        if Role.ADMIN in roles_of(other)
    )


def set_roles(ctx: AppContext, username: str, roles: Iterable[str]) -> AccountInfo:
    with ctx.unit_of_work() as s:
        require(s, Permission.ACCOUNTS_MANAGE)
        account = _get(s, username)
        role_list = _checked_roles(roles)
        if (
            Role.ADMIN in roles_of(account)
            and Role.ADMIN.value not in role_list
            and not _other_active_admins(s, account)
        ):
            raise UserError(
                _("“{name}” is the only administrator: give the role to another account first.").format(
                    name=account.username
                )
            )
        account.roles = json.dumps(role_list)
        s.flush()
        return info_of(s, account)


def set_active(ctx: AppContext, username: str, active: bool) -> AccountInfo:
    """Disable (or enable again) an account. Accounts are never deleted: the trail names them."""
    with ctx.unit_of_work() as s:
        me = require(s, Permission.ACCOUNTS_MANAGE)
        account = _get(s, username)
        # Only an administrator gets here, so refusing to disable oneself also keeps one administrator active.
        if not active and account.id == me.id:
            raise UserError(_("You cannot disable the account you are signed in with."))
        account.active = active
        s.flush()
        return info_of(s, account)


def reset_password(ctx: AppContext, username: str) -> str:
    """Give the account a temporary password (returned once), to be changed at its next sign-in; unlocks it."""
    temporary = temporary_password()
    with ctx.unit_of_work() as s:
        require(s, Permission.ACCOUNTS_MANAGE)
        account = _get(s, username)
        account.password_hash = hash_password(temporary)
        account.must_change_password = True
        account.failed_attempts = 0
        account.locked_until = None
    return temporary


def unlock(ctx: AppContext, username: str) -> AccountInfo:
    """End a lockout at once (the person proved who they are to the administrator)."""
    with ctx.unit_of_work() as s:
        require(s, Permission.ACCOUNTS_MANAGE)
        account = _get(s, username)
        account.failed_attempts = 0
        account.locked_until = None
        s.flush()
        return info_of(s, account)


def use_account(ctx: AppContext, username: str) -> AccountInfo:
    """Act as an active ``username`` from now on, without a password: for the program's own upkeep and tests. People
    sign in (:mod:`isodesk.services.accounts.signin`), at the window and on the command line alike."""
    with ctx.read() as s:
        account = find_account(s, username)
        if account is None or not account.active:
            names = ", ".join(
                s.execute(select(Account.username).where(Account.active.is_(True)).order_by(Account.username))
                .scalars()
                .all()
            )
            raise UserError(
                _("There is no active account “{name}”. Active accounts: {names}.").format(
                    name=username, names=names or "—"
                )
            )
        ctx.actor = account.username
        return info_of(s, account)


def current_account(ctx: AppContext) -> AccountInfo | None:
    with ctx.read() as s:
        account = find_account(s, ctx.actor)
        return info_of(s, account) if account is not None else None
