"""Which backups to keep: grandfather-father-son for the daily copies, the last few of each event.

The daily copies follow the usual grandfather-father-son rotation (the newest copy of each of the last 7 days
that have one, of each of the last 4 ISO weeks, of each of the last 12 months): a mistake noticed a week or a
year late can still be undone, while the folder holds at most 23 daily copies. Copies taken before an event
(a migration, an import, a restore) matter until the next few events have gone well, so the newest
:data:`EVENT_COPIES` of each kind are kept whatever their age: disk use stays bounded even when a province
imports a hundred packages in a day, and a copy is never deleted just because the office was closed for a
month. Copies the user made by hand and files set aside as damaged are never deleted by the program. Whatever
the rules say, the newest copy of all is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime

DAILY, WEEKLY, MONTHLY = 7, 4, 12
EVENT_COPIES = 10

#: Kinds rotated by grandfather-father-son, and kinds never deleted by the program.
ROTATED = "daily"
KEPT_FOREVER = frozenset({"manual", "damaged"})


@dataclass(frozen=True)
class Copy:
    name: str
    kind: str  # "daily", "manual", "pre-import", "pre-restore", "pre-migration", "pre-erasure", "damaged"
    taken_at: datetime


def _newest_per(copies: list[Copy], period: Callable[[datetime], Hashable], limit: int) -> set[str]:
    """The newest copy of each of the ``limit`` newest periods (days, weeks, months) that have one."""
    kept: set[str] = set()
    seen: set[Hashable] = set()
    for copy in copies:  # newest first
        key = period(copy.taken_at)
        if key in seen:
            continue
        if len(seen) == limit:
            break
        seen.add(key)
        kept.add(copy.name)
    return kept


def to_keep(copies: Iterable[Copy]) -> set[str]:
    """The names of the copies to keep; every other copy given may be deleted."""
    ordered = sorted(copies, key=lambda c: c.taken_at, reverse=True)
    keep: set[str] = {ordered[0].name} if ordered else set()
    daily = [c for c in ordered if c.kind == ROTATED]
    keep |= _newest_per(daily, lambda t: t.date(), DAILY)
    keep |= _newest_per(daily, lambda t: t.isocalendar()[:2], WEEKLY)
    keep |= _newest_per(daily, lambda t: (t.year, t.month), MONTHLY)
    for kind in {c.kind for c in ordered} - {ROTATED}:
        of_kind = [c for c in ordered if c.kind == kind]
        keep |= {c.name for c in (of_kind if kind in KEPT_FOREVER else of_kind[:EVENT_COPIES])}
    return keep
