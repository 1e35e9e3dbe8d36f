"""The quality policy (ISO 9001:2015 5.2): versions drafted, reviewed and approved by a leader
(:mod:`isodesk.domain.qms.policy`), and the model text written for communes and wards to start from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from isodesk.db.models import QmsPolicy
from isodesk.domain import validation as v
from isodesk.domain.permissions import Permission
from isodesk.domain.qms import texts as t
from isodesk.domain.qms.policy import PolicyRefusal, PolicyState, PolicyStepRefused, approve, edit, review
from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.i18n.dates import local_today
from isodesk.reports.papers import fill
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.inputs import check
from isodesk.services.office.profile import get_profile
from isodesk.services.printing.office import full_name
from isodesk.services.printing.reports_data import report_texts

STATE_NAMES = {
    PolicyState.DRAFT: N_("draft"),
    PolicyState.REVIEWED: N_("reviewed"),
    PolicyState.APPROVED: N_("approved"),
    PolicyState.SUPERSEDED: N_("superseded"),
}


def policy_state_name(state: PolicyState | str) -> str:
    return _(STATE_NAMES[PolicyState(state)])


@dataclass(frozen=True)
class PolicyView:
    version: int
    state: str
    text: str
    drafted_by: str
    drafted_on: date | None
    reviewed_by: str
    reviewed_on: date | None
    approved_by: str
    approved_on: date | None

    @property
    def statements(self) -> list[str]:
        return [line for line in self.text.split("\n") if line]

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "state": self.state,
            "text": self.text,
            "drafted_by": self.drafted_by,
            "drafted_on": self.drafted_on.isoformat() if self.drafted_on else None,
            "reviewed_by": self.reviewed_by,
            "reviewed_on": self.reviewed_on.isoformat() if self.reviewed_on else None,
            "approved_by": self.approved_by,
            "approved_on": self.approved_on.isoformat() if self.approved_on else None,
        }


def _view(row: QmsPolicy) -> PolicyView:
    return PolicyView(
        row.version,
        row.state,
        row.text,
        row.drafted_by,
        row.drafted_on,
        row.reviewed_by,
        row.reviewed_on,
        row.approved_by,
        row.approved_on,
    )


def clean_policy_text(text: str) -> str:
    """The policy's statements, one paragraph a line, each normalised; empty lines dropped."""
    lines = [v.normalise(line) for line in text.replace("\r", "\n").split("\n")]
    joined = "\n".join(line for line in lines if line)
    if not joined:
        check(v.text, "", t.POLICY_TEXT)  # the message of an empty required text
    if len(joined) > t.POLICY_TEXT.limit:
        check(v.text, joined, t.POLICY_TEXT)
    return joined


def model_policy(ctx: AppContext) -> str:
    """The model policy for a commune or ward, with the office's name (from the report texts, which a province may
    correct)."""
    office = full_name(get_profile(ctx))
    return "\n".join(fill(line, {"office": office}) for line in report_texts()["policy"]["model"])


def list_policies(ctx: AppContext) -> list[PolicyView]:
    """Every version, newest first."""
    with ctx.read() as s:
        return [_view(r) for r in s.execute(select(QmsPolicy).order_by(QmsPolicy.version.desc())).scalars()]


def read_approved_policy(session: Session) -> PolicyView | None:
    row = (
        session.execute(
            select(QmsPolicy).where(QmsPolicy.state == PolicyState.APPROVED.value).order_by(QmsPolicy.version.desc())
        )
        .scalars()
        .first()
    )
    return _view(row) if row is not None else None


def _latest(session: Session) -> QmsPolicy | None:
    return session.execute(select(QmsPolicy).order_by(QmsPolicy.version.desc()).limit(1)).scalar_one_or_none()


def _refused(exc: PolicyStepRefused, version: int) -> UserError:
    if exc.reason is PolicyRefusal.NOT_A_DRAFT:
        return UserError(
            _("Version {version} of the quality policy is {state}: it cannot be edited. Write a new draft.").format(
                version=version, state=policy_state_name(exc.state)
            )
        )
    if exc.reason is PolicyRefusal.NOT_REVIEWABLE:
        return UserError(
            _("Version {version} of the quality policy is {state}: only a draft is reviewed.").format(
                version=version, state=policy_state_name(exc.state)
            )
        )
    return UserError(
        _("Version {version} of the quality policy is {state}: there is no draft to approve.").format(
            version=version, state=policy_state_name(exc.state)
        )
    )


def draft_policy(ctx: AppContext, text: str) -> PolicyView:
    """A new version of the policy as a draft; a draft or reviewed version not yet approved is superseded by it (its
    text stays in the history), the approved one stays in force until this one is approved."""
    clean = clean_policy_text(text)
    with ctx.unit_of_work() as s:
        account = require(s, Permission.QMS_MANAGE)
        pending = (PolicyState.DRAFT.value, PolicyState.REVIEWED.value)
        for old in s.execute(select(QmsPolicy).where(QmsPolicy.state.in_(pending))).scalars():
            old.state = PolicyState.SUPERSEDED.value
        version = (s.execute(select(func.max(QmsPolicy.version))).scalar() or 0) + 1
        row = QmsPolicy(
            version=version,
            text=clean,
            state=PolicyState.DRAFT.value,
            drafted_by=account.display_name or account.username,
            drafted_on=local_today(),
            reviewed_by="",
            approved_by="",
        )
        s.add(row)
        s.flush()
        return _view(row)


def edit_policy(ctx: AppContext, version: int, text: str) -> PolicyView:
    """Change the text of a draft version (an approved or superseded one is never edited)."""
    clean = clean_policy_text(text)
    with ctx.unit_of_work() as s:
        require(s, Permission.QMS_MANAGE)
        row = _version(s, version)
        try:
            edit(PolicyState(row.state))
        except PolicyStepRefused as exc:
            raise _refused(exc, row.version) from None
        row.text = clean
        s.flush()
        return _view(row)


def _version(session: Session, version: int | None) -> QmsPolicy:
    row = (
        _latest(session)
        if version is None
        else session.execute(select(QmsPolicy).where(QmsPolicy.version == version)).scalar_one_or_none()
    )
    if row is None:
        if version is None:
            raise UserError(_("There is no quality policy yet: draft one first (isodesk qms policy draft)."))
        raise UserError(_("There is no version {version} of the quality policy.").format(version=version))
    return row


def review_policy(ctx: AppContext, version: int | None = None) -> PolicyView:
    """The quality representative or ISO secretary has reviewed the draft."""
    with ctx.unit_of_work() as s:
        account = require(s, Permission.QMS_MANAGE)
        row = _version(s, version)
        try:
            row.state = review(PolicyState(row.state)).value
        except PolicyStepRefused as exc:
            raise _refused(exc, row.version) from None
        row.reviewed_by, row.reviewed_on = account.display_name or account.username, local_today()
        s.flush()
        return _view(row)


def approve_policy(ctx: AppContext, version: int | None = None, on: date | None = None) -> PolicyView:
    """A leader approves the draft (the latest version unless one is named); the version approved before is
    superseded. Anyone else is refused and nothing changes."""
    with ctx.unit_of_work() as s:
        account = require(s, Permission.DOCUMENT_APPROVE)
        row = _version(s, version)
        try:
            state = approve(PolicyState(row.state))
        except PolicyStepRefused as exc:
            raise _refused(exc, row.version) from None
        for old in s.execute(select(QmsPolicy).where(QmsPolicy.state == PolicyState.APPROVED.value)).scalars():
            old.state = PolicyState.SUPERSEDED.value
        row.state = state.value
        row.approved_by, row.approved_on = account.display_name or account.username, on or local_today()
        s.flush()
        return _view(row)
