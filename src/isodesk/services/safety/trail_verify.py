"""Checking the audit trail: every entry's hash, the chain between entries, and the head.

What each finding means (what the chain can and cannot prove is explained in :mod:`isodesk.db.trail`):

- ``edited``: the entry's content no longer gives its stored hash — someone changed it in the file.
- ``deleted``: a sequence number is missing — an entry was removed from the middle.
- ``broken_chain``: the entry does not follow the one before it (its ``prev_hash`` differs), or entries were added
  after the head — an entry was removed, inserted or rewritten with a recomputed hash.
- ``truncated``: the head names entries that are no longer there — the end of the log was cut off.

The file is read through its own read-only SQLite connection inside one read transaction, so the head and the
entries are one consistent snapshot even while the program keeps writing, and a million entries stream through
in pages without being held in memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from isodesk.db.paths import readonly_uri
from isodesk.db.trail import GENESIS, entry_digest
from isodesk.domain.permissions import Permission
from isodesk.i18n import N_, _
from isodesk.services.accounts.auth import require
from isodesk.services.context import AppContext

PAGE = 5000
MAX_PROBLEMS = 1000
KINDS = {
    "edited": N_("entry {seq} was edited"),
    "deleted": N_("entry {seq} was deleted"),
    "broken_chain": N_("the chain is broken at entry {seq} (an entry before it was removed or rewritten)"),
    "truncated": N_("the entries from {seq} on were removed from the end"),
}


@dataclass(frozen=True)
class Problem:
    seq: int
    kind: str  # edited | deleted | broken_chain | truncated

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "kind": self.kind}

    def describe(self) -> str:
        return _(KINDS[self.kind]).format(seq=self.seq)


@dataclass
class Verification:
    entries: int = 0
    head_seq: int = 0
    head_hash: str = GENESIS
    problems: list[Problem] = field(default_factory=list)
    problems_total: int = 0

    @property
    def ok(self) -> bool:
        return self.problems_total == 0

    def add(self, seq: int, kind: str) -> None:
        self.problems_total += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(seq, kind))

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "problems": [p.to_dict() for p in self.problems],
            "problems_total": self.problems_total,
            "head": {"seq": self.head_seq, "hash": self.head_hash},
        }


SELECT = (
    "SELECT seq, at, actor, action, table_name, record_uuid, label, before, after, prev_hash, hash "
    "FROM audit_trail ORDER BY seq"
)


def verify_trail(ctx: AppContext, progress: Callable[[int, int], None] | None = None) -> Verification:
    """Check the whole trail; ``progress(done, total)`` is called after each page of entries."""
    require(ctx, Permission.TRAIL_VIEW)
    return verify_file(str(ctx.db.path), progress)


def verify_file(path: str, progress: Callable[[int, int], None] | None = None) -> Verification:
    result = Verification()
    conn = sqlite3.connect(readonly_uri(Path(path)), uri=True, isolation_level=None)
    try:
        conn.execute("BEGIN")  # one snapshot for the head and every entry
        head = conn.execute("SELECT seq, hash FROM audit_trail_head WHERE id = 1").fetchone()
        total = int(conn.execute("SELECT COUNT(*) FROM audit_trail").fetchone()[0])
        cursor = conn.execute(SELECT)
        expected, previous = 1, GENESIS
        while rows := cursor.fetchmany(PAGE):
            for seq, at, actor, action, table, record, label, before, after, prev_hash, stored in rows:
                for missing in range(expected, seq):
                    result.add(missing, "deleted")
                if prev_hash != previous:
                    result.add(seq, "broken_chain")
                digest = entry_digest(prev_hash, seq, at, actor, action, table, record, label, before, after)
                if digest != stored:
                    result.add(seq, "edited")
                previous, expected = stored, seq + 1
            result.entries += len(rows)
            if progress is not None:
                progress(result.entries, total)
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    last = expected - 1
    if head is None:
        result.add(last + 1, "truncated")  # the anchor itself is gone
        return result
    result.head_seq, result.head_hash = int(head[0]), str(head[1])
    if result.head_seq > last:
        result.add(last + 1, "truncated")
    elif result.head_seq < last:
        result.add(result.head_seq + 1, "broken_chain")
    elif result.head_hash != previous:
        result.add(result.head_seq, "broken_chain")
    return result
