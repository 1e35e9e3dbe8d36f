"""The audit trail: every change to a record, written in the same transaction as the change.

An office's records are legal records (ISO 9001:2015 7.5.3.2: protect documented information against unintended
alteration; retain records of changes), so every insert, update and delete of a synced record (the office's own
data: everything with :class:`~isodesk.db.base.SyncedMixin`) leaves an entry: who (the account's username), when
(UTC), what (action, table, record uuid and a readable label such as the dossier code), and the changed columns
before and after. The sync columns themselves (updated_at, change_seq, …) are bookkeeping, not changes. Derived
data (counters, per-day counts) and reference data (the national unit list) are not audited. Bulk writes done
with Core statements (demo data) add one summary entry per table with the number of rows (:func:`record_bulk`).

Each model names itself: its kind of record in words (``trail_name``), a record's label (``trail_label``) and
the columns never written in clear (``trail_withheld``), all on :class:`~isodesk.db.base.SyncedMixin`; this module
asks the record and knows no model by name.

How: session events, so no service can forget it. ``after_flush`` captures each flushed object's changes while
SQLAlchemy's attribute history still holds the old values; ``before_commit`` flushes what is left, then appends
the entries and moves the chain head, on the session's connection, inside the transaction: the change and its
entries are saved together or not at all.

Personal data of applicants (the columns a model's ``trail_withheld`` marks :data:`~isodesk.db.base.PERSONAL`:
name, address, phone, email, ID number, and the dossier's search key, which holds the name) and secrets
(:data:`~isodesk.db.base.SECRET`: password hashes) are never written in clear: the entry holds
``{"redacted": "personal"}`` in place of the value, which says the field changed and nothing more. The Law on
Personal Data Protection (Luật Bảo vệ dữ liệu cá nhân 2025, in force 1 Jan 2026) means applicants' data must be
erasable after its retention period; since the trail can never be edited (that is its point), it must never hold
what will have to be erased. A keyed hash was not used: a phone number has few enough
possible values that whoever holds the key can find it again.

The chain: each entry's ``hash`` is SHA-256 over the previous entry's hash and the canonical text of the entry
(:func:`entry_digest`); the head (last seq and hash) is kept in a one-row table updated in the same transaction.
SQLite triggers refuse UPDATE and DELETE on the log. What this proves: an entry edited, removed or inserted in the
middle, or removed from the end, is detected (``isodesk trail verify``). What it cannot prove: someone who holds
the file and this code can drop the triggers and rebuild the whole chain and head; only an anchor kept outside
the file defeats that — backups and sync packages carry the head (:func:`read_head`), and a head found in an older
backup or package that is no longer a prefix of the log shows a rewrite.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, event, insert, inspect, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from isodesk.db.base import Base, SyncedMixin
from isodesk.db.models import TrailEntry, TrailHead
from isodesk.db.types import utcnow

GENESIS = "0" * 64
#: Columns that are bookkeeping of every synced record, not part of what changed.
SYNC_COLUMNS = frozenset({"id", "uuid", "unit_code", "created_at", "updated_at", "updated_by", "change_seq"})
PENDING = "trail_pending"
LABEL_WIDTH = cast(Any, TrailEntry.__table__).c.label.type.length
#: Tables in foreign-key dependency order (computed once: sorting the metadata costs milliseconds).
TABLE_ORDER = {table.name: i for i, table in enumerate(Base.metadata.sorted_tables)}


@dataclass
class _Change:
    action: str
    table: str
    record_uuid: str
    before: dict[str, Any]
    after: dict[str, Any]
    obj: Any = None  # the record, for its label (None for bulk entries)
    label: str = ""


def _plain(value: Any) -> Any:
    """A column value as JSON: times in UTC ISO 8601, dates ISO, decimals and UUIDs as text."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    return value


def canonical(data: Any) -> str:
    """Canonical JSON (sorted keys, no spaces, UTF-8 text kept as is): the same data always gives the same text."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_digest(
    prev_hash: str,
    seq: int,
    at: str,
    actor: str,
    action: str,
    table: str,
    record_uuid: str,
    label: str,
    before: str,
    after: str,
) -> str:
    """SHA-256 over the previous hash and the entry's fields exactly as stored (``before``/``after`` are the
    stored canonical texts, so verifying never depends on re-serialising JSON the same way)."""
    text = canonical([prev_hash, seq, at, actor, action, table, record_uuid, label, before, after])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def trailed_models() -> dict[str, type[SyncedMixin]]:
    """Every model whose records the trail follows (the synced ones) by its table, in dependency order."""
    models = {
        cast(Table, m.local_table).name: m.class_ for m in Base.registry.mappers if issubclass(m.class_, SyncedMixin)
    }
    return {table: models[table] for table in sorted(models, key=lambda t: TABLE_ORDER.get(t, 0))}


def _columns(obj: SyncedMixin) -> list[tuple[str, str | None]]:
    """The record's columns that make a change, each with why it is withheld from the trail (None: it is not)."""
    withheld = obj.trail_withheld
    mapper = inspect(obj).mapper
    return [(attr.key, withheld.get(attr.key)) for attr in mapper.column_attrs if attr.key not in SYNC_COLUMNS]


def _value(withheld: str | None, value: Any) -> Any:
    """The value as the trail keeps it: a personal or secret value only as a marker (an empty one as empty:
    that a field was left blank says nothing about anyone)."""
    if withheld and value not in (None, ""):
        return {"redacted": withheld}
    return _plain(value)


def _in_flush_order(objects: Any) -> list[Any]:
    """The session's sets have no order: entries follow the tables' dependency order (applicants before their
    dossiers before the dossiers' steps), then the rows' ids, so the same action always gives the same log."""
    synced = [o for o in objects if isinstance(o, SyncedMixin)]
    return sorted(synced, key=lambda o: (TABLE_ORDER.get(o.__tablename__, 0), inspect(o).identity or ()))


def _capture(session: Session, _flush_context: Any) -> None:
    pending: list[_Change] = session.info.setdefault(PENDING, [])
    for obj in _in_flush_order(session.new):
        after = {key: _value(col, getattr(obj, key)) for key, col in _columns(obj)}
        pending.append(_Change("insert", obj.__tablename__, str(obj.uuid), {}, after, obj))
    for obj in _in_flush_order(session.dirty):
        state = inspect(obj)
        before: dict[str, Any] = {}
        after = {}
        for key, col in _columns(obj):
            history = state.attrs[key].history
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old == new:
                continue
            before[key], after[key] = _value(col, old), _value(col, new)
        if after:
            pending.append(_Change("update", obj.__tablename__, str(obj.uuid), before, after, obj))
    for obj in _in_flush_order(session.deleted):
        loaded = inspect(obj).dict  # the row is gone: read what was loaded, never lazy-load
        before = {key: _value(col, loaded.get(key)) for key, col in _columns(obj)}
        pending.append(_Change("delete", obj.__tablename__, str(obj.uuid), before, {}, obj))


def record_bulk(session: Session, table: str, rows: int, what: str) -> None:
    """One summary entry for ``rows`` rows inserted into ``table`` with a Core statement (``what`` names the
    source, e.g. "demo data"); written with the other entries when the transaction commits."""
    pending: list[_Change] = session.info.setdefault(PENDING, [])
    pending.append(_Change("insert", table, "", {}, {"rows": rows, "source": what}, None, what))


def record_event(
    session: Session, action: str, table: str, record_uuid: str, label: str, details: dict[str, Any]
) -> None:
    """An entry for something done to records that is not an insert, update or delete of one of them: personal
    data given to the person it concerns ("export"), or the summary of an erasure ("erase"). ``details`` must hold
    no personal value (the trail can never be erased); written with the other entries when the transaction commits.
    """
    pending: list[_Change] = session.info.setdefault(PENDING, [])
    pending.append(_Change(action, table, record_uuid, {}, details, None, label))


def label_of(session: Session, obj: SyncedMixin) -> str:
    """A readable name for the record, as its model gives it (cut to the column's width)."""
    return obj.trail_label(session)[:LABEL_WIDTH]


def read_head(connection: Connection) -> tuple[int, str]:
    """The chain head (last seq, its hash): the anchor that backups and sync packages carry."""
    row = connection.execute(select(TrailHead.seq, TrailHead.hash).where(TrailHead.id == 1)).first()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)


def _write(session: Session) -> None:
    if session.new or session.dirty or session.deleted:  # the last changes need their flush (and capture)
        session.flush()
    pending: list[_Change] = session.info.pop(PENDING, [])
    if not pending:
        return
    for change in pending:
        if change.obj is not None:
            change.label = label_of(session, change.obj)
    connection = session.connection()
    seq, prev = read_head(connection)
    at = utcnow().isoformat(timespec="microseconds").replace("+00:00", "Z")
    actor = str(session.info.get("actor", ""))
    rows = []
    for change in pending:
        seq += 1
        before, after = canonical(change.before), canonical(change.after)
        digest = entry_digest(
            prev, seq, at, actor, change.action, change.table, change.record_uuid, change.label, before, after
        )
        rows.append(
            {
                "seq": seq,
                "at": at,
                "actor": actor,
                "action": change.action,
                "table_name": change.table,
                "record_uuid": change.record_uuid,
                "label": change.label,
                "before": before,
                "after": after,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    connection.execute(insert(cast(Table, TrailEntry.__table__)), rows)
    connection.execute(update(TrailHead).where(TrailHead.id == 1).values(seq=seq, hash=prev))


def _forget(session: Session) -> None:
    session.info.pop(PENDING, None)


def install() -> None:
    """Hook the trail into every session (called once, from :mod:`isodesk.db.engine`)."""
    if not event.contains(Session, "after_flush", _capture):
        event.listen(Session, "after_flush", _capture)
        event.listen(Session, "before_commit", _write)
        event.listen(Session, "after_rollback", _forget)
