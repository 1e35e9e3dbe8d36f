"""Nonconformities the ledger's figures propose (ISO 9001:2015 9.1.3 analysis and evaluation, 10.2.1: a
nonconformity may come from the process's own results, not only from an audit).

A procedure whose settled dossiers are too often late is proposed as a nonconformity of clause 8.5 (control of
service provision), with its figures as the evidence. The share of late dossiers and the least number of settled
dossiers that make a proposal are the office's choice (its quality objectives usually promise at least 90 % on
time, hence 10 % late by default); the person raising the finding decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

#: Late dossiers above this share of the settled ones propose a nonconformity (a quality objective of 90 % on time).
LATE_SHARE = 0.10
#: Fewer settled dossiers than this prove nothing either way.
MINIMUM_SETTLED = 5
#: The clause a late procedure is proposed under: 8.5.1 control of service provision.
CLAUSE = "8.5"


@dataclass(frozen=True)
class Proposal:
    procedure: str
    settled: int
    late: int
    late_share: float
    clause: str = CLAUSE

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def late_procedures(
    rows: Iterable[Mapping[str, object]], share: float = LATE_SHARE, minimum: int = MINIMUM_SETTLED
) -> list[Proposal]:
    """From rows of ``{"group": code, "settled": n, "late": n}``, the procedures to propose, the worst first."""
    found = []
    for row in rows:
        settled, late = int(str(row["settled"])), int(str(row["late"]))
        if settled >= minimum and late / settled > share:
            found.append(Proposal(str(row["group"]), settled, late, round(late / settled, 4)))
    return sorted(found, key=lambda p: (-p.late_share, p.procedure))
