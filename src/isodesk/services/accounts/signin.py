"""Signing in on the shared PC, with a growing wait after wrong passwords, and changing one's password.

The lockout policy and its sources are in :mod:`isodesk.domain.lockout`. Each wrong password is saved (count and
end of the wait) before the refusal is reported, so closing the program does not reset the wait; a sign-in tried
during a wait is refused without looking at the password and without lengthening the wait, so nobody can keep a
colleague locked out by typing on. The clock is a parameter (``now``) so tests need not sleep.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from sqlalchemy.orm import Session

from isodesk.db.models import Account
from isodesk.domain.lockout import FREE_ATTEMPTS, delay_after
from isodesk.errors import UserError
from isodesk.i18n import _, ngettext
from isodesk.services.accounts.accounts import AccountInfo, checked_password, info_of
from isodesk.services.accounts.auth import find_account
from isodesk.services.accounts.passwords import hash_password, needs_rehash, verify_password
from isodesk.services.context import AppContext


class Outcome(StrEnum):
    SIGNED_IN = "signed_in"
    SET_PASSWORD = "set_password"  # the account has no password yet: its owner chooses one now
    MUST_CHANGE = "must_change"  # a temporary password was given: its owner replaces it now


@dataclass(frozen=True)
class SignIn:
    outcome: Outcome
    account: AccountInfo


def describe_wait(wait: timedelta) -> str:
    seconds = max(1, math.ceil(wait.total_seconds()))
    if seconds < 90:
        return ngettext("{n} second", "{n} seconds", seconds).format(n=seconds)
    minutes = math.ceil(seconds / 60)
    return ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes)


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def _refuse_if_waiting(account: Account, now: datetime) -> None:
    if account.locked_until is not None and account.locked_until > now:
        raise UserError(
            _("Too many wrong passwords for “{name}”. Wait {wait} and try again, or ask the administrator.").format(
                name=account.username, wait=describe_wait(account.locked_until - now)
            )
        )


def _wrong_password(account: Account, now: datetime) -> str:
    """Count the failure on the account; the message to show once it is saved."""
    account.failed_attempts += 1
    wait = delay_after(account.failed_attempts)
    if wait:
        account.locked_until = now + wait
        return _("Wrong password. Too many wrong passwords in a row: wait {wait} before trying again.").format(
            wait=describe_wait(wait)
        )
    left = FREE_ATTEMPTS - account.failed_attempts
    if left <= 2:
        return ngettext(
            "Wrong password. After {n} more wrong password the account must wait before trying again.",
            "Wrong password. After {n} more wrong passwords the account must wait before trying again.",
            left,
        ).format(n=left)
    return _("Wrong password.")


def _active(session: Session, username: str) -> Account:
    account = find_account(session, username)
    if account is None:
        raise UserError(_("There is no account “{name}”.").format(name=username))
    if not account.active:
        raise UserError(_("The account “{name}” is disabled. Ask the administrator.").format(name=account.username))
    return account


def sign_in(ctx: AppContext, username: str, password: str, *, now: datetime | None = None) -> SignIn:
    """Check the password; when it is right and nothing more is needed, ``ctx`` acts as the account from now on."""
    moment = _now(now)
    refusal: str | None = None
    with ctx.unit_of_work(actor=username.strip()) as s:
        account = _active(s, username)
        _refuse_if_waiting(account, moment)
        if not account.password_hash:
            return SignIn(Outcome.SET_PASSWORD, info_of(s, account))
        if not verify_password(password, account.password_hash):
            refusal = _wrong_password(account, moment)
        else:
            if account.failed_attempts or account.locked_until is not None:
                account.failed_attempts, account.locked_until = 0, None
            if needs_rehash(account.password_hash):
                account.password_hash = hash_password(password)
            info = info_of(s, account)
    if refusal is not None:
        raise UserError(refusal)
    if info.must_change_password:
        return SignIn(Outcome.MUST_CHANGE, info)
    ctx.actor = info.username
    return SignIn(Outcome.SIGNED_IN, info)


def sign_in_command(ctx: AppContext, username: str, password: str, *, now: datetime | None = None) -> AccountInfo:
    """Sign in for one command on the command line: the same check as the window (:func:`sign_in`), wait included.

    The window lets an account without a password choose one, and makes a temporary password be replaced, before
    it shows anything; a command cannot ask, so it refuses and says how (``isodesk user passwd``, which proves the
    old password itself). Luật Bảo vệ dữ liệu cá nhân 2025 asks for protection measures fitting the data: the
    command line reaches the same citizens' data as the window, so it is held to the same sign-in.
    """
    result = sign_in(ctx, username, password, now=now)
    name = result.account.username
    if result.outcome is Outcome.SET_PASSWORD:
        raise UserError(
            _(
                "The account “{name}” has no password yet, so the command line cannot sign in with it. Set one "
                "first: isodesk user passwd {name} (an empty old password, then the new one), or sign in once in "
                "the program's window."
            ).format(name=name)
        )
    if result.outcome is Outcome.MUST_CHANGE:
        raise UserError(
            _(
                "The account “{name}” has a temporary password, which must be replaced before it is used: "
                "isodesk user passwd {name} (the temporary password, then the new one)."
            ).format(name=name)
        )
    return result.account


def change_password(ctx: AppContext, username: str, old: str, new: str, *, now: datetime | None = None) -> AccountInfo:
    """Replace the password, proving the old one (a wrong one counts like a wrong sign-in). An account with no
    password yet (an administrator set up without one) takes its first password without an old one."""
    checked_password(new)
    moment = _now(now)
    refusal: str | None = None
    with ctx.unit_of_work(actor=username.strip()) as s:
        account = _active(s, username)
        _refuse_if_waiting(account, moment)
        if account.password_hash and not verify_password(old, account.password_hash):
            refusal = _wrong_password(account, moment)
        else:
            if account.password_hash and verify_password(new, account.password_hash):
                raise UserError(_("The new password must differ from the old one."))
            account.password_hash = hash_password(new)
            account.must_change_password = False
            account.failed_attempts, account.locked_until = 0, None
            s.flush()
            info = info_of(s, account)
    if refusal is not None:
        raise UserError(refusal)
    return info


def sign_out(ctx: AppContext) -> None:
    """Nobody acts until the next sign-in (switching users): every guarded service refuses meanwhile."""
    ctx.actor = ""
