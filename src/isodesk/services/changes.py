"""What a use case changed, so that every screen showing that data can refresh (as Anki's operations return their
``OpChanges``).

Each committed unit of work records which kinds of the office's data it wrote. They are read from the session
itself — the rows it flushed and the INSERT, UPDATE and DELETE statements it ran — the way the audit trail is, so
no use case can forget to say what it changed. The caller (the GUI's background runner) wraps a use case in
:func:`recording` and tells the pages; a page reloads only when a kind it shows changed.

This module is imported by the GUI before the database is opened, so it loads no database code until
:func:`install` (called from :mod:`isodesk.services.context`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from enum import StrEnum
from typing import Any


class Change(StrEnum):
    """A kind of data a screen shows."""

    LEDGER = "ledger"  # dossiers, their timelines, their applicants
    STATS = "stats"  # the figures: counts of the day, on-time rates, the backlog
    PROCEDURES = "procedures"  # the procedure catalogue and the office's times, fees, steps
    CALENDAR = "calendar"  # the working-day calendar's announced days
    OFFICE = "office"  # the office profile, its departments and staff
    ACCOUNTS = "accounts"
    SETTINGS = "settings"
    TRAIL = "trail"  # the audit trail
    QMS = "qms"  # the quality system: its roles, scope, policy, objectives, milestones, announcements
    AUDIT = "audit"  # internal audits, findings, corrective actions, management reviews
    PROVINCE = "province"  # at the province: the units enrolled, the packages imported, the records received


_LEDGER = frozenset({Change.LEDGER})
#: What a write to each table of the database changes for the people using it. Every table is named (a test
#: checks it), so a new model says here which screens must refresh when it changes.
TABLE_CHANGES: dict[str, frozenset[Change]] = {
    "dossiers": frozenset({Change.LEDGER, Change.STATS}),  # the backlog and overdue figures count open dossiers
    "dossier_events": _LEDGER,
    "applicants": _LEDGER,
    "counters": _LEDGER,
    "daily_counts": frozenset({Change.STATS}),
    "procedures": frozenset({Change.PROCEDURES}),
    "calendar_overrides": frozenset({Change.CALENDAR}),
    "calendar_changes": frozenset({Change.CALENDAR}),
    "office": frozenset({Change.OFFICE}),
    "departments": frozenset({Change.OFFICE}),
    "staff": frozenset({Change.OFFICE}),
    "admin_units": frozenset({Change.OFFICE}),
    "admin_unit_names": frozenset({Change.OFFICE}),
    "accounts": frozenset({Change.ACCOUNTS}),
    "settings": frozenset({Change.SETTINGS}),
    "audit_trail": frozenset({Change.TRAIL}),
    "audit_trail_head": frozenset({Change.TRAIL}),
    **{
        table: frozenset({Change.QMS})
        for table in (
            "qms_roles",
            "qms_trainings",
            "qms_scopes",
            "qms_policies",
            "qms_objectives",
            "qms_milestones",
            "qms_announcements",
            "qms_legal_changes",
            "qms_plan_tasks",
            "qms_risks",
            "qms_problems",
            "qms_documents",
            "qms_revisions",
        )
    },
    "audits": frozenset({Change.AUDIT}),
    "audit_checklist": frozenset({Change.AUDIT}),
    "audit_findings": frozenset({Change.AUDIT}),
    "corrective_actions": frozenset({Change.AUDIT}),
    "audit_reports": frozenset({Change.AUDIT}),
    "management_reviews": frozenset({Change.AUDIT}),
    "review_decisions": frozenset({Change.AUDIT}),
    "change_counter": frozenset(),  # bookkeeping of the sync columns
    "sync_exports": frozenset(),  # bookkeeping of the packages sent to the province
    "sync_keys": frozenset(),
    "sync_province": frozenset(),  # a unit's record of its province's key and last package: shown on no page but Sync
    "province_units": frozenset({Change.PROVINCE}),  # the province's record of the packages it received
    "province_imports": frozenset({Change.PROVINCE}),
    "province_records": frozenset({Change.PROVINCE}),
    "province_dossiers": frozenset({Change.PROVINCE}),
    "province_dossier_months": frozenset({Change.PROVINCE}),
}
#: Tables whose every change also writes the audit trail (:mod:`isodesk.db.trail`), filled by :func:`install`.
_AUDITED: set[str] = set()
_TABLES = "changed_tables"  # key of the session's info: the tables written in its transaction
_current: ContextVar[set[Change] | None] = ContextVar("isodesk_changes", default=None)


def changes_of(tables: Iterable[str]) -> frozenset[Change]:
    """What writing ``tables`` changed (a table not in :data:`TABLE_CHANGES` changes nothing shown)."""
    found: set[Change] = set()
    for table in tables:
        found |= TABLE_CHANGES.get(table, frozenset())
        if table in _AUDITED:
            found.add(Change.TRAIL)
    return frozenset(found)


@contextmanager
def recording() -> Iterator[set[Change]]:
    """Collect what the units of work committed inside the block (in this thread) changed."""
    seen: set[Change] = set()
    token = _current.set(seen)
    try:
        yield seen
    finally:
        _current.reset(token)


def _written(session: Any) -> set[str]:
    tables: set[str] = session.info.setdefault(_TABLES, set())
    return tables


def _flushed(session: Any, _context: Any) -> None:
    tables = _written(session)
    for obj in (*session.new, *session.deleted):
        tables.add(type(obj).__table__.name)
    for obj in session.dirty:
        if session.is_modified(obj):
            tables.add(type(obj).__table__.name)


def _executed(state: Any) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        name = getattr(getattr(state.statement, "table", None), "name", None)
        if name:
            _written(state.session).add(name)


def _committed(session: Any) -> None:
    tables = session.info.pop(_TABLES, None)
    seen = _current.get()
    if tables and seen is not None:
        seen.update(changes_of(tables))


def _forget(session: Any) -> None:
    session.info.pop(_TABLES, None)


def install() -> None:
    """Watch every session's writes (called once the database code is loaded, from :mod:`.context`)."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from isodesk.db.base import Base, SyncedMixin

    if event.contains(Session, "after_commit", _committed):
        return
    _AUDITED.update(
        str(getattr(m.local_table, "name", "")) for m in Base.registry.mappers if issubclass(m.class_, SyncedMixin)
    )
    event.listen(Session, "after_flush", _flushed)
    event.listen(Session, "do_orm_execute", _executed)
    event.listen(Session, "after_commit", _committed)
    event.listen(Session, "after_rollback", _forget)
