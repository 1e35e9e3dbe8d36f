"""Reading the audit trail: pages of entries for the trail screen and ``isodesk trail list``, the history of one
record (a dossier's history tab), and entries put in words (which field changed from what to what).

The trail may hold millions of entries: the screen asks for a count and for the pages it shows, newest first.
Personal data is never in the trail (see :mod:`isodesk.db.trail`): such a field is shown as changed, without values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from isodesk.db.models import Dossier, Staff, TrailEntry
from isodesk.db.trail import read_head, trailed_models
from isodesk.domain.ledger import Satisfaction, Timeliness
from isodesk.domain.permissions import Permission
from isodesk.errors import UserError
from isodesk.i18n import N_, _
from isodesk.i18n.dates import short_datetime
from isodesk.i18n.numbers import whole_number
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext
from isodesk.services.labels import TIMELINESS_NAMES, action_name, satisfaction_name, state_name

#: Each table's kind of record in words, as its model names itself (:attr:`~isodesk.db.base.SyncedMixin.trail_name`).
TABLE_NAMES = {table: model.trail_name for table, model in trailed_models().items()}
ACTION_NAMES = {
    "insert": N_("created"),
    "update": N_("changed"),
    "delete": N_("deleted"),
    "export": N_("copy of personal data given"),
    "erase": N_("personal data erased"),
}
FIELD_NAMES = {
    "status": N_("Status"),
    "due_at": N_("Due"),
    "sets": N_("Number of sets"),
    "note": N_("Note"),
    "handler_id": N_("Handled by"),
    "officer_id": N_("Received by"),
    "from_staff_id": N_("From"),
    "to_staff_id": N_("To"),
    "action": N_("Step"),
    "from_state": N_("From state"),
    "to_state": N_("To state"),
    "at": N_("Time"),
    "received_at": N_("Received"),
    "settled_at": N_("Settled"),
    "paused_at": N_("Paused"),
    "timeliness": N_("Timeliness"),
    "rating": N_("Satisfaction"),
    "extensions": N_("New appointments"),
    "name": N_("Name of the record"),
    "address": N_("Address"),
    "phone": N_("Phone"),
    "email": N_("Email"),
    "id_number": N_("ID number"),
    "representative_name": N_("Representative"),
    "representative_id_number": N_("Representative's ID number"),
    "representative_phone": N_("Representative's phone"),
    "code": N_("Code"),
    "roles": N_("Roles"),
    "active": N_("Active"),
    "password_hash": N_("Password"),
    "must_change_password": N_("Must change password"),
    "failed_attempts": N_("Wrong passwords in a row"),
    "locked_until": N_("Locked until"),
    "display_name": N_("Display name"),
    "value": N_("Value"),
    "kind": N_("Kind"),
    "book_year": N_("Ledger year"),
    "book_seq": N_("Number in the ledger"),
    "position": N_("Position"),
    "leader_name": N_("Head of the office"),
    "leader_title": N_("Title of the head"),
    "iso_representative": N_("ISO representative"),
    "iso_secretary": N_("ISO secretary"),
    "agency_code": N_("Agency code used in dossier codes"),
    "field": N_("Field"),
    "fee": N_("Fee"),
    "office_fee": N_("Office's fee"),
    "office_time_unit": N_("Office's processing time (unit)"),
    "office_time_value": N_("Office's processing time"),
    "in_scope": N_("In the QMS scope"),
    "day": N_("Day"),
    "staff_id": N_("Staff member"),
    "dossiers": N_("Dossiers"),
    # the quality system's records
    "role": N_("Role"),
    "duty": N_("Duty"),
    "course": N_("Course"),
    "certificate": N_("Certificate number"),
    "version": N_("Version"),
    "text": N_("Text"),
    "state": N_("State"),
    "approved_by": N_("Approved by"),
    "approved_on": N_("Approved on"),
    "title": N_("Title"),
    "measure": N_("Measure"),
    "target": N_("Target"),
    "year": N_("Year"),
    "number": N_("Number"),
    "announced_on": N_("Announced on"),
    "notified_on": N_("Province notified"),
    "basis": N_("Legal basis"),
    "effective_on": N_("In force from"),
    "applied_on": N_("Brought in on"),
    "deadline": N_("Deadline"),
    "description": N_("Description"),
    "issue": N_("Issue"),
    "issued_on": N_("Issued on"),
    "distribution": N_("Distribution"),
    "obsolete_on": N_("Obsolete from"),
    "held_on": N_("Date"),
    "area_id": N_("Audited area"),
    "lead_id": N_("Lead auditor"),
    "members": N_("Audit team"),
    "auditees": N_("Auditees"),
    "procedures": N_("Procedures"),
    "clauses": N_("Clauses"),
    "objectives": N_("Objectives"),
    "criteria": N_("Criteria"),
    "conclusions": N_("Conclusions"),
    "grade": N_("Grade"),
    "clause": N_("Clause"),
    "evidence": N_("Evidence"),
    "owner_id": N_("Owner"),
    "due_on": N_("Due"),
    "plan": N_("Action plan"),
    "cause": N_("Root cause"),
    "verified_by": N_("Verified by"),
    "effective": N_("Effective"),
    "revision": N_("Revision"),
    "done_on": N_("Done on"),
}
#: Internal links and derived columns: kept in the trail, not worth a line in a person's reading of it.
HIDDEN_FIELDS = frozenset(
    {
        "dossier_id",
        "applicant_id",
        "procedure_id",
        "department_id",
        "received_on",
        "settled_on",
        "username_key",
        "search_key",
    }
)
KIND_NAMES = {"person": N_("person"), "organisation": N_("organisation")}
STAFF_FIELDS = frozenset(
    {"handler_id", "officer_id", "from_staff_id", "to_staff_id", "staff_id", "lead_id", "owner_id", "verified_by"}
)
STATE_FIELDS = frozenset({"status", "from_state", "to_state"})
TIME_FIELDS = frozenset({"due_at", "received_at", "settled_at", "paused_at", "at", "locked_until"})


@dataclass(frozen=True)
class TrailItem:
    seq: int
    at: datetime
    actor: str
    action: str
    table: str
    record_uuid: str
    label: str
    before: dict[str, Any]
    after: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at.isoformat(),
            "actor": self.actor,
            "action": self.action,
            "table": self.table,
            "record_uuid": self.record_uuid,
            "label": self.label,
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True)
class FieldChange:
    field: str
    name: str
    old: str
    new: str
    personal: bool  # a personal or secret field: changed, values withheld


def _item(row: TrailEntry) -> TrailItem:
    at = datetime.fromisoformat(row.at.replace("Z", "+00:00")).astimezone(UTC)
    return TrailItem(
        row.seq,
        at,
        row.actor,
        row.action,
        row.table_name,
        row.record_uuid,
        row.label,
        json.loads(row.before),
        json.loads(row.after),
    )


def _filtered(query: Select[Any], record: str | None) -> Select[Any]:
    text = (record or "").strip()
    if not text:
        return query
    return query.where(or_(TrailEntry.label == text, TrailEntry.record_uuid == text))


def count_trail(ctx: AppContext, record: str | None = None) -> int:
    require(ctx, Permission.TRAIL_VIEW)
    with ctx.read() as s:
        return int(s.execute(_filtered(select(func.count()).select_from(TrailEntry), record)).scalar_one())


def list_trail(
    ctx: AppContext, record: str | None = None, *, offset: int = 0, limit: int = 100, newest_first: bool = True
) -> list[TrailItem]:
    """A page of entries, optionally of one record (its label, such as a dossier code, or its UUID)."""
    if not 1 <= limit <= 100_000:
        raise UserError(_("The number of entries must be between 1 and 100,000."))
    require(ctx, Permission.TRAIL_VIEW)
    order = TrailEntry.seq.desc() if newest_first else TrailEntry.seq.asc()
    with ctx.read() as s:
        query = _filtered(select(TrailEntry), record).order_by(order).offset(max(0, offset)).limit(limit)
        return [_item(row) for row in s.execute(query).scalars()]


def trail_head(ctx: AppContext) -> dict[str, Any]:
    """The chain head (last seq and hash): the outside anchor a backup or a sync package carries."""
    with ctx.read() as s:
        seq, digest = read_head(s.connection())
    return {"seq": seq, "hash": digest}


def dossier_history(ctx: AppContext, code: str) -> list[tuple[TrailItem, list[FieldChange]]]:
    """Every entry of a dossier, its steps and its applicant, oldest first, each put in words (history tab).

    Anyone who may open the dossier may read its history; the whole trail needs ``trail.view``."""
    with ctx.read() as s:
        if s.execute(select(Dossier.id).where(Dossier.code == code.strip())).first() is None:
            raise UserError(_("There is no dossier with code {code}.").format(code=code))
        rows = s.execute(select(TrailEntry).where(TrailEntry.label == code.strip()).order_by(TrailEntry.seq))
        items = [_item(row) for row in rows.scalars()]
        staff = _staff_names(s)
    return [(item, describe(item, staff)) for item in items]


def _staff_names(session: Session) -> dict[int, str]:
    return {pid: name for pid, name in session.execute(select(Staff.id, Staff.name))}


def staff_names(ctx: AppContext) -> dict[int, str]:
    with ctx.read() as s:
        return _staff_names(s)


def _shown(field: str, value: Any, staff: dict[int, str]) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if field in STAFF_FIELDS and isinstance(value, int):
        return staff.get(value, f"#{value}")
    if field in STATE_FIELDS and isinstance(value, str):
        return state_name(value)
    if field == "kind" and value in KIND_NAMES:
        return _(KIND_NAMES[value])
    if field == "action" and isinstance(value, str):
        return action_name(value)
    if field == "rating" and value in {level.value for level in Satisfaction}:
        return satisfaction_name(value)
    if field == "timeliness" and value in {t.value for t in Timeliness}:
        return _(TIMELINESS_NAMES[Timeliness(value)])
    if field in TIME_FIELDS and isinstance(value, str):
        try:
            return short_datetime(datetime.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def describe(item: TrailItem, staff: dict[int, str] | None = None) -> list[FieldChange]:
    """The entry's fields in words. A new record lists its non-empty fields; a deleted one what it held."""
    staff = staff or {}
    fields = sorted(set(item.before) | set(item.after), key=lambda f: (f not in FIELD_NAMES, f))
    out = []
    for name in fields:
        if name in HIDDEN_FIELDS:
            continue
        old, new = item.before.get(name), item.after.get(name)
        personal = (isinstance(old, dict) and "redacted" in old) or (isinstance(new, dict) and "redacted" in new)
        if item.action != "update" and not personal and (old in (None, "") and new in (None, "")):
            continue
        label = _(FIELD_NAMES[name]) if name in FIELD_NAMES else name
        if personal:
            out.append(FieldChange(name, label, "", "", True))
        else:
            out.append(FieldChange(name, label, _shown(name, old, staff), _shown(name, new, staff), False))
    return out


def display_label(item: TrailItem) -> str:
    """The record's label; a bulk entry's label names its source (e.g. "demo data"), shown translated."""
    return _(item.label) if not item.record_uuid and item.label else item.label


def table_name(table: str) -> str:
    return _(TABLE_NAMES[table]) if table in TABLE_NAMES else table


def trail_action_name(action: str) -> str:
    return _(ACTION_NAMES[action]) if action in ACTION_NAMES else action


def summary(item: TrailItem, changes: list[FieldChange]) -> str:
    """One line for a list: "Status: received → in processing; Phone: changed"."""
    if not item.record_uuid and "rows" in item.after:
        rows = item.after["rows"]
        return _("{n} rows ({source})").format(
            n=whole_number(rows) if isinstance(rows, int) else rows, source=_(str(item.after.get("source", "")))
        )
    parts = []
    for c in changes:
        if c.personal:
            parts.append(_("{field}: changed (value not kept in the trail)").format(field=c.name))
        elif item.action == "update":
            parts.append(f"{c.name}: {c.old} → {c.new}")
        elif item.action == "delete":
            parts.append(f"{c.name}: {c.old}")
        else:
            parts.append(f"{c.name}: {c.new}")
    return "; ".join(parts)
