"""What a sync package carries, kind by kind, as JSON Lines.

The quality system's records and the audits go as they are stored, with a reference to another record written as
that record's UUID (the province has no use for the office's row numbers). Dossiers are the exception: the province
judges the QMS, it need not know who applied for what (DOMAIN.md §7; Law on Personal Data Protection, in force
1 January 2026), so a dossier is reduced to :data:`DOSSIER_FIELDS`, an explicit allow-list, and nothing about the
applicant, its code (which finds the applicant on the national portal) or its notes ever leaves the office.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session, aliased

from isodesk.db.base import Base
from isodesk.db.models import Dossier, Procedure, Staff

Progress = Callable[[int, int], None]

#: Columns never exported from any table: the office's own bookkeeping and derived search text.
_NEVER = frozenset({"id", "search_key", "updated_by", "created_at"})


@dataclass(frozen=True)
class Kind:
    """One kind of record: its table, the columns that go (None: all but :data:`_NEVER`), and the columns holding
    a JSON list of row ids of another table (written as UUIDs)."""

    name: str
    table: str
    columns: tuple[str, ...] | None = None
    id_lists: tuple[tuple[str, str], ...] = ()


#: The kinds of record in a package, in the order the province reads them (a record after the ones it names).
KINDS: tuple[Kind, ...] = (
    Kind("departments", "departments", ("name",)),
    Kind("staff", "staff", ("name", "position", "department_id", "active")),
    Kind(
        "procedures",
        "procedures",
        (
            "code",
            "name",
            "field",
            "time_unit",
            "time_value",
            "office_time_unit",
            "office_time_value",
            "in_scope",
            "active",
        ),
    ),
    Kind("qms_roles", "qms_roles"),
    Kind("qms_trainings", "qms_trainings"),
    Kind("qms_milestones", "qms_milestones"),
    Kind("qms_plan_tasks", "qms_plan_tasks"),
    Kind("qms_risks", "qms_risks"),
    Kind("qms_problems", "qms_problems"),
    Kind("qms_legal_changes", "qms_legal_changes"),
    Kind("qms_scopes", "qms_scopes"),
    Kind("qms_policies", "qms_policies"),
    Kind("qms_objectives", "qms_objectives"),
    Kind("qms_documents", "qms_documents"),
    Kind("qms_revisions", "qms_revisions"),
    Kind("qms_announcements", "qms_announcements"),
    Kind("audits", "audits", id_lists=(("members", "staff"), ("auditees", "staff"))),
    Kind("audit_checklist", "audit_checklist"),
    Kind("audit_findings", "audit_findings"),
    Kind("corrective_actions", "corrective_actions"),
    Kind("audit_reports", "audit_reports"),
    Kind("management_reviews", "management_reviews"),
    Kind("review_decisions", "review_decisions"),
)

#: Synchronised tables that stay in the office, each with why: the province judges the QMS, not the desk's people.
STAY_HOME = {
    "accounts": "sign-in accounts and password hashes of the office's own PC",
    "applicants": "citizens' personal data (DOMAIN.md §7)",
    "dossier_events": "a dossier's steps, with the officers' notes; its reduced record carries the facts",
    "calendar_changes": "the office's own edits of the working-day calendar; the province sends the calendar",
    "calendar_overrides": "the office's own edits of the working-day calendar; the province sends the calendar",
    "office": "the unit's profile goes in the manifest (code and name)",
    "settings": "the PC's and the office's preferences",
}

#: The only facts of a dossier that leave the office: what statistics need (procedure, field, dates, status,
#: timeliness, satisfaction, who handled it by role), never the applicant, the dossier's code or a note.
DOSSIER_FIELDS = (
    "uuid",
    "unit_code",
    "updated_at",
    "change_seq",
    "procedure_code",
    "procedure_field",
    "received_at",
    "received_on",
    "due_at",
    "settled_at",
    "settled_on",
    "status",
    "timeliness",
    "extensions",
    "rating",
    "handling_role",
)
DOSSIERS = "dossiers"


def kind_names() -> list[str]:
    return [k.name for k in KINDS] + [DOSSIERS]


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return (value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _line(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n"


def _uuids(session: Session, table: str) -> dict[int, str]:
    t = Base.metadata.tables[table]
    return {row_id: str(u) for row_id, u in session.execute(select(t.c.id, t.c.uuid))}


def _table_records(session: Session, kind: Kind, after: int, refs: dict[str, dict[int, str]]) -> Iterator[bytes]:
    table: Table = Base.metadata.tables[kind.table]
    names = kind.columns or tuple(c.name for c in table.columns if c.name not in _NEVER)
    wanted = ("uuid", "unit_code", "updated_at", "change_seq", *(n for n in names if n not in ("uuid", "unit_code",
              "updated_at", "change_seq")))  # fmt: skip
    targets = {name: next(iter(table.c[name].foreign_keys)).column.table.name for name in wanted
               if table.c[name].foreign_keys}  # fmt: skip
    for target in {*targets.values(), *(t for _c, t in kind.id_lists)}:
        if target not in refs:
            refs[target] = _uuids(session, target)
    lists = dict(kind.id_lists)
    query = select(*(table.c[n] for n in wanted)).where(table.c.change_seq > after).order_by(table.c.id)
    for row in session.execute(query):
        record: dict[str, Any] = {}
        for name, value in zip(wanted, row, strict=True):
            if name in targets:
                value = refs[targets[name]].get(value) if value is not None else None
            elif name in lists:
                value = [refs[lists[name]].get(i) for i in json.loads(value or "[]")]
            record[name] = _value(value)
        yield _line(record)


def _dossier_records(session: Session, after: int) -> Iterator[bytes]:
    handler = aliased(Staff)
    query = (
        select(
            Dossier.uuid,
            Dossier.unit_code,
            Dossier.updated_at,
            Dossier.change_seq,
            Procedure.code,
            Procedure.field,
            Dossier.received_at,
            Dossier.received_on,
            Dossier.due_at,
            Dossier.settled_at,
            Dossier.settled_on,
            Dossier.status,
            Dossier.timeliness,
            Dossier.extensions,
            Dossier.rating,
            handler.position,
        )
        .join(Procedure, Procedure.id == Dossier.procedure_id)
        .outerjoin(handler, handler.id == Dossier.handler_id)
        .where(Dossier.change_seq > after)
        .order_by(Dossier.id)
    )
    for row in session.execute(query):
        yield _line({name: _value(value) for name, value in zip(DOSSIER_FIELDS, row, strict=True)})


def collect(session: Session, after: int, progress: Progress | None = None) -> dict[str, bytes]:
    """Every kind's records changed after change number ``after`` (0: all of them), as JSON Lines."""
    refs: dict[str, dict[int, str]] = {}
    data: dict[str, bytes] = {}
    names = kind_names()
    for done, kind in enumerate(KINDS):
        data[kind.name] = b"".join(_table_records(session, kind, after, refs))
        if progress:
            progress(done + 1, len(names))
    data[DOSSIERS] = b"".join(_dossier_records(session, after))
    if progress:
        progress(len(names), len(names))
    return data
