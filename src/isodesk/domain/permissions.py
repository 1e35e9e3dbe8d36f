"""Who may do what: the roles of an office's accounts and the permissions each role grants.

The table is data, not code spread over the services: a change of the office's rules (or of the law) is a change
here, and every service asks :func:`allows` through one guard (``isodesk.services.accounts.auth.require``).

Roles follow the people the one-stop shop and the quality system need (docs/ARCHITECTURE.md §1, docs/DOMAIN.md §1):

- **officer** — công chức tiếp nhận và trả kết quả, and the officers who handle dossiers (NĐ 118/2025/NĐ-CP on the
  one-stop shop: the desk receives, hands over, returns results).
- **iso_secretary** — thư ký ISO: keeps the QMS documents and the procedure catalogue (QĐ 19/2014/QĐ-TTg art. 4;
  the office's decision naming its ISO working group).
- **auditor** — chuyên gia đánh giá nội bộ: reads records and the audit trail (ISO 9001:2015 9.2, ISO 19011 §4:
  evidence-based, independent — an auditor reads, does not change what is audited).
- **leader** — lãnh đạo (chairman, vice chairmen): approves, and may correct any dossier (they sign its result).
- **admin** — quản trị: manages accounts, settings, the office profile, the calendar, backups.

An account holds a *set* of roles (a one-stop-shop officer is often also an internal auditor). The administrator
holds every permission except the two the rules reserve to named functions: approving a controlled document is
the leader's (QĐ 19/2014/QĐ-TTg art. 4 and 9: the head of the agency approves and announces the QMS documents;
the office's procedure for the control of documented information), issuing it the ISO secretary's (ISO 9001:2015
7.5.2 review and approval, 7.5.3 distribution and control of documented information). A person who is both an
administrator and the chairman is given both roles.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Role(StrEnum):
    OFFICER = "officer"
    ISO_SECRETARY = "iso_secretary"
    AUDITOR = "auditor"
    LEADER = "leader"
    ADMIN = "admin"


class Permission(StrEnum):
    #: Receive a dossier at the desk (NĐ 118/2025/NĐ-CP: receipt at the one-stop shop).
    DOSSIER_RECEIVE = "dossier.receive"
    #: Move a dossier along its route: hand over, supplement, refuse, pause, extend, ready, return (NĐ 118/2025,
    #: process control sheet): the officers who handle it and the leader who approves its result.
    DOSSIER_PROCESS = "dossier.process"
    #: Correct a dossier's details (applicant's contact, number of sets, note). Officers may correct any open
    #: dossier and a closed one only if they received or handled it: a settled dossier is a legal record of
    #: someone else's work (ISO 9001:2015 7.5.3.2 protection against unintended alteration).
    DOSSIER_EDIT = "dossier.edit"
    #: Correct a closed dossier of another officer: the leader who signed its result, and the administrator.
    DOSSIER_EDIT_CLOSED = "dossier.edit_closed"
    #: The procedure catalogue: the office's times, fees, internal steps, QMS scope (ISO 9001:2015 4.3), imports.
    PROCEDURE_MANAGE = "procedure.manage"
    #: The working-day calendar overlay (announced days off and make-up Saturdays).
    CALENDAR_MANAGE = "calendar.manage"
    #: Office-wide settings (office hours, cut-off, dossier code pattern, extension limit).
    SETTINGS_MANAGE = "settings.manage"
    #: The office profile (leaders who sign, address, agency code).
    OFFICE_MANAGE = "office.manage"
    #: The staff list.
    STAFF_MANAGE = "staff.manage"
    #: Accounts: add, roles, reset passwords, unlock, disable.
    ACCOUNTS_MANAGE = "accounts.manage"
    #: Backups and restore of the database.
    BACKUP_MANAGE = "backup.manage"
    #: Fill the office with demo data.
    DEMO_LOAD = "demo.load"
    #: Read the audit trail and verify its integrity (ISO 9001:2015 9.2 evidence; the leader and the ISO
    #: secretary answer for the records, ISO 9001:2015 7.5.3).
    TRAIL_VIEW = "trail.view"
    #: Take part in internal audits as an auditor (ISO 9001:2015 9.2, ISO 19011).
    AUDIT_CONDUCT = "audit.conduct"
    #: Hold the management review and record the head's confirmation that the QMS is effective (ISO 9001:2015
    #: 9.3: top management reviews the system; QĐ 19/2014/QĐ-TTg art. 4: the head confirms it is effective).
    REVIEW_MANAGE = "review.manage"
    #: Approve a controlled document: only a leader (QĐ 19/2014/QĐ-TTg art. 4, 9; the office's ISO procedures).
    DOCUMENT_APPROVE = "document.approve"
    #: Issue a controlled document (codes, revisions, distribution): only the ISO secretary (ISO 9001:2015 7.5.2,
    #: 7.5.3).
    DOCUMENT_ISSUE = "document.issue"
    #: Keep the quality system's records: roles, training, scope, policy drafts, objectives, milestones, the
    #: announcement, legal changes, plan and risks (QĐ 19/2014/QĐ-TTg: the ISO secretary keeps them under the
    #: quality representative, a leader). Approving the policy stays ``document.approve``.
    QMS_MANAGE = "qms.manage"
    #: Give a citizen a copy of the personal data held about them (Luật Bảo vệ dữ liệu cá nhân 2025: the data
    #: subject's right of access): the one-stop-shop officer who serves them at the desk, and the leader.
    PERSONAL_DATA_EXPORT = "personal_data.export"
    #: Erase applicants' personal data, after the retention period or at the person's request (same law: right to
    #: erasure, storage limitation). It cannot be undone, so it is the leader's decision (and the administrator's).
    PERSONAL_DATA_ERASE = "personal_data.erase"


#: Permissions reserved to a named function, which the administrator does not hold by default (see module doc).
RESERVED = frozenset({Permission.DOCUMENT_APPROVE, Permission.DOCUMENT_ISSUE})

GRANTS: dict[Role, frozenset[Permission]] = {
    Role.OFFICER: frozenset(
        {
            Permission.DOSSIER_RECEIVE,
            Permission.DOSSIER_PROCESS,
            Permission.DOSSIER_EDIT,
            Permission.PERSONAL_DATA_EXPORT,
        }
    ),
    Role.ISO_SECRETARY: frozenset(
        {
            Permission.PROCEDURE_MANAGE,
            Permission.CALENDAR_MANAGE,
            Permission.TRAIL_VIEW,
            Permission.DOCUMENT_ISSUE,
            Permission.QMS_MANAGE,
            Permission.REVIEW_MANAGE,
        }
    ),
    Role.AUDITOR: frozenset({Permission.TRAIL_VIEW, Permission.AUDIT_CONDUCT}),
    Role.LEADER: frozenset(
        {
            Permission.DOSSIER_PROCESS,
            Permission.DOSSIER_EDIT,
            Permission.DOSSIER_EDIT_CLOSED,
            Permission.TRAIL_VIEW,
            Permission.DOCUMENT_APPROVE,
            Permission.QMS_MANAGE,
            Permission.PERSONAL_DATA_EXPORT,
            Permission.PERSONAL_DATA_ERASE,
            Permission.REVIEW_MANAGE,
        }
    ),
    Role.ADMIN: frozenset(Permission) - RESERVED,
}


def parse_roles(values: Iterable[str]) -> frozenset[Role]:
    """Roles from their keys; raises ValueError naming the first unknown key."""
    return frozenset(Role(v) for v in values)


def permissions_for(roles: Iterable[Role | str]) -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles:
        granted |= GRANTS[Role(role)]
    return frozenset(granted)


def allows(roles: Iterable[Role | str], permission: Permission) -> bool:
    return permission in permissions_for(roles)


def roles_with(permission: Permission) -> list[Role]:
    """The roles that grant ``permission``, in the order of :class:`Role` (for messages)."""
    return [role for role in Role if permission in GRANTS[role]]
