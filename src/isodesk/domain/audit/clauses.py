"""The clause catalogue of ISO 9001 as versioned data (``resources/iso/iso9001-clauses.json``).

Auditable clauses are sections 4 to 10 of ISO 9001:2015 with Amendment 1:2024 (TCVN ISO 9001:2015 in Vietnamese).
A later edition is a new entry of the data with the day it applies from; agencies move to it when the ministry
says so (QĐ 19/2014/QĐ-TTg art. 4), so the edition in force for a day is the latest that started on or before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Clause:
    code: str  # "7.5"
    vi: str
    en: str
    amendment_vi: str = ""
    amendment_en: str = ""

    @property
    def main(self) -> bool:
        """A section heading (4 to 10) rather than an auditable clause of its own."""
        return "." not in self.code

    def title(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


@dataclass(frozen=True)
class Edition:
    key: str
    standard: str
    national: str
    valid_from: date
    clauses: Sequence[Clause]

    @property
    def auditable(self) -> list[Clause]:
        """The clauses an audit programme covers: the second level (4.1 … 10.3)."""
        return [c for c in self.clauses if not c.main]

    def find(self, code: str) -> Clause | None:
        """The clause ``code`` or the catalogue clause it belongs to ("7.5.3" is found as 7.5)."""
        by_code = {c.code: c for c in self.clauses}
        parts = code.split(".")
        while parts:
            found = by_code.get(".".join(parts))
            if found is not None:
                return found
            parts.pop()
        return None


def parse_editions(data: Mapping[str, Any]) -> list[Edition]:
    editions = []
    for e in data["editions"]:
        clauses = [
            Clause(
                c["code"],
                c["vi"],
                c["en"],
                c.get("amendment", {}).get("vi", ""),
                c.get("amendment", {}).get("en", ""),
            )
            for c in e["clauses"]
        ]
        editions.append(Edition(e["key"], e["standard"], e["national"], date.fromisoformat(e["valid_from"]), clauses))
    return sorted(editions, key=lambda e: e.valid_from)


def edition_for(editions: Sequence[Edition], day: date) -> Edition:
    """The edition in force on ``day``: the latest that applies from then (the first one before any)."""
    current = editions[0]
    for edition in editions:
        if edition.valid_from <= day:
            current = edition
    return current


def covers(given: str, clause: str) -> bool:
    """Whether auditing ``given`` covers the catalogue clause ``clause``: a section covers its clauses (8 covers
    8.5), a clause itself, and a sub-clause the clause it belongs to (7.5.3 counts for 7.5)."""
    return given == clause or clause.startswith(given + ".") or given.startswith(clause + ".")


def uncovered(clauses: Iterable[str], audited: Iterable[str]) -> list[str]:
    """The clauses no audited clause covers, in the catalogue's order (ISO 9001:2015 9.2.2 a: the programme
    covers the whole system)."""
    done = list(dict.fromkeys(audited))
    return [c for c in clauses if not any(covers(g, c) for g in done)]
