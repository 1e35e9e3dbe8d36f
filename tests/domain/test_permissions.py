"""The roles-to-permissions table: the rules the issue names hold in the data."""

from __future__ import annotations

import pytest

from isodesk.domain.permissions import GRANTS, Permission, Role, allows, parse_roles, permissions_for, roles_with


def test_only_a_leader_approves_and_only_the_iso_secretary_issues() -> None:
    assert roles_with(Permission.DOCUMENT_APPROVE) == [Role.LEADER]
    assert roles_with(Permission.DOCUMENT_ISSUE) == [Role.ISO_SECRETARY]
    assert not allows([Role.ADMIN], Permission.DOCUMENT_APPROVE)  # the administrator is not the chairman


def test_administrator_manages_accounts_settings_backups_and_nobody_else_does() -> None:
    for permission in (
        Permission.ACCOUNTS_MANAGE,
        Permission.SETTINGS_MANAGE,
        Permission.BACKUP_MANAGE,
        Permission.STAFF_MANAGE,
        Permission.OFFICE_MANAGE,
    ):
        assert roles_with(permission) == [Role.ADMIN], permission


def test_every_permission_belongs_to_some_role() -> None:
    granted = set().union(*GRANTS.values())
    assert granted == set(Permission)


def test_roles_combine_as_a_set() -> None:
    officer_auditor = permissions_for(["officer", "auditor"])
    assert Permission.DOSSIER_RECEIVE in officer_auditor and Permission.TRAIL_VIEW in officer_auditor
    assert Permission.DOSSIER_EDIT_CLOSED not in officer_auditor
    assert Permission.DOSSIER_EDIT_CLOSED in permissions_for(["leader"])
    assert permissions_for([]) == frozenset()


def test_unknown_role_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_roles(["officer", "chairman"])
