"""The one guard every service that changes data goes through: :func:`require`.

Roles and what they allow are data (:mod:`isodesk.domain.permissions`); this module finds the acting account —
the username the session records as its actor (:class:`isodesk.services.context.AppContext`) — and refuses with a
message that names what is needed. The account is read inside the caller's transaction, so an account disabled or
given other roles a moment ago is judged as it is now, by every program that has the file open.
"""

from __future__ import annotations

import json
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from isodesk.db.models import Account
from isodesk.domain.permissions import Permission, Role, parse_roles, permissions_for, roles_with
from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.services.context import AppContext

ROLE_NAMES: dict[Role, str] = {
    Role.OFFICER: N_("one-stop-shop officer"),
    Role.ISO_SECRETARY: N_("ISO secretary"),
    Role.AUDITOR: N_("internal auditor"),
    Role.LEADER: N_("leader"),
    Role.ADMIN: N_("administrator"),
}

PERMISSION_NAMES: dict[Permission, str] = {
    Permission.DOSSIER_RECEIVE: N_("receive dossiers"),
    Permission.DOSSIER_PROCESS: N_("move dossiers along their route"),
    Permission.DOSSIER_EDIT: N_("correct dossiers"),
    Permission.DOSSIER_EDIT_CLOSED: N_("correct closed dossiers of other officers"),
    Permission.PROCEDURE_MANAGE: N_("change the procedure catalogue"),
    Permission.CALENDAR_MANAGE: N_("change the working-day calendar"),
    Permission.SETTINGS_MANAGE: N_("change the office's settings"),
    Permission.OFFICE_MANAGE: N_("change the office profile"),
    Permission.STAFF_MANAGE: N_("change the staff list"),
    Permission.ACCOUNTS_MANAGE: N_("manage user accounts"),
    Permission.BACKUP_MANAGE: N_("make and restore backups"),
    Permission.DEMO_LOAD: N_("load demo data"),
    Permission.TRAIL_VIEW: N_("read and verify the audit trail"),
    Permission.AUDIT_CONDUCT: N_("conduct internal audits"),
    Permission.REVIEW_MANAGE: N_("hold the management review"),
    Permission.DOCUMENT_APPROVE: N_("approve controlled documents"),
    Permission.DOCUMENT_ISSUE: N_("issue controlled documents"),
    Permission.QMS_MANAGE: N_("keep the quality system's records"),
    Permission.PERSONAL_DATA_EXPORT: N_("give a person a copy of their personal data"),
    Permission.PERSONAL_DATA_ERASE: N_("erase applicants' personal data"),
}


def role_name(role: Role | str) -> str:
    return _(ROLE_NAMES[Role(role)])


def username_key(name: str) -> str:
    """Usernames are compared as NFC, case-folded text: "Admin" and "admin" are the same account."""
    return unicodedata.normalize("NFC", name).strip().casefold()


def roles_of(account: Account) -> frozenset[Role]:
    return parse_roles(json.loads(account.roles))


def find_account(session: Session, username: str) -> Account | None:
    key = username_key(username)
    if not key:
        return None
    return session.execute(select(Account).where(Account.username_key == key)).scalar_one_or_none()


def acting_account(session: Session) -> Account | None:
    """The active account the session acts for (None if it names no active account)."""
    account = find_account(session, str(session.info.get("actor", "")))
    return account if account is not None and account.active else None


def require(target: Session | AppContext, permission: Permission) -> Account:
    """The acting account, if its roles grant ``permission``; else a :class:`UserError` saying who may."""
    if isinstance(target, AppContext):
        with target.read() as session:
            session.info["actor"] = target.actor
            return _require(session, permission)
    return _require(target, permission)


def _require(session: Session, permission: Permission) -> Account:
    account = acting_account(session)
    what = _(PERMISSION_NAMES[permission])
    needed = _(" or ").join(role_name(r) for r in roles_with(permission))
    if account is None:
        actor = str(session.info.get("actor", ""))
        raise UserError(
            _("No active account “{user}” is signed in, so nobody may {what} (it needs the role {roles}).").format(
                user=actor, what=what, roles=needed
            )
        )
    if permission not in permissions_for(roles_of(account)):
        raise UserError(
            _("The account “{user}” may not {what}: this needs the role {roles}. Ask the administrator.").format(
                user=account.username, what=what, roles=needed
            )
        )
    return account


def permissions_of(ctx: AppContext) -> frozenset[Permission]:
    """What the acting account may do (the GUI shows only what is allowed)."""
    with ctx.read() as s:
        s.info["actor"] = ctx.actor
        account = acting_account(s)
        return permissions_for(roles_of(account)) if account is not None else frozenset()
