"""The first steps of a new office, and which are done: what the Overview shows while the ledger is empty.

A newly set-up office has a procedure catalogue in which the province has not confirmed every time, no staff, one
account and no dossier. The steps follow the order of a first day at the desk: confirm the processing times of
the procedures the office handles (NĐ 118/2025/NĐ-CP: the appointment on the receipt slip comes from them), add
the staff and their accounts (each change is recorded under its author, ISO 9001:2015 7.5.3.2), receive a first
dossier and print its receipt slip, and copy the data away from the PC.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from isodesk.db.models import Account, Dossier, Procedure, Staff
from isodesk.services.context import AppContext
from isodesk.services.ledger.procedures import processing_time_of
from isodesk.services.safety.backups import list_backups

#: The steps, in the order they are shown.
STEPS = ("procedure_times", "staff", "accounts", "first_dossier", "receipt_slip", "backup")


@dataclass(frozen=True)
class FirstSteps:
    done: frozenset[str]  # the keys of :data:`STEPS` already done
    procedures_without_time: int  # active procedures whose processing time nobody has confirmed
    ledger_empty: bool

    @property
    def shown(self) -> bool:
        """Whether the Overview shows the steps rather than the figures: while the ledger is empty."""
        return self.ledger_empty

    def to_dict(self) -> dict[str, object]:
        return {
            "steps": [{"key": key, "done": key in self.done} for key in STEPS],
            "procedures_without_time": self.procedures_without_time,
            "ledger_empty": self.ledger_empty,
        }


def first_steps(ctx: AppContext) -> FirstSteps:
    with ctx.read() as s:
        procedures = s.execute(select(Procedure).where(Procedure.active.is_(True))).scalars().all()
        without_time = sum(1 for p in procedures if processing_time_of(p) is None)
        staff = s.execute(select(func.count()).select_from(Staff)).scalar_one()
        accounts = s.execute(select(func.count()).select_from(Account)).scalar_one()
        # Whether the ledger holds anything, not how much: the Overview asks at every refresh, on any ledger.
        empty = s.execute(select(Dossier.id).limit(1)).first() is None
    # Opening the copies is only worth it while the steps are shown.
    backed_up = not empty or any(b.kind == "manual" for b in list_backups(ctx.data_dir))
    done = {
        "procedure_times": without_time == 0,
        "staff": staff > 0,
        "accounts": accounts > 1,
        "first_dossier": not empty,
        "receipt_slip": not empty,  # the slip is printed as the dossier is received
        "backup": backed_up,
    }
    return FirstSteps(frozenset(k for k, v in done.items() if v), without_time, empty)
