"""Every synchronised table either travels in a package or is named as staying in the office, with why: a table added
later cannot be forgotten (nor leave the office unnoticed)."""

from __future__ import annotations

import isodesk.db.models  # noqa: F401  (registers every table)
from isodesk.db.base import Base
from isodesk.services.sync.records import DOSSIERS, KINDS, STAY_HOME


def test_every_synchronised_table_travels_or_stays_home_by_name() -> None:
    synced = {name for name, table in Base.metadata.tables.items() if "change_seq" in table.c}
    travels = {k.table for k in KINDS} | {DOSSIERS}
    assert synced - travels - set(STAY_HOME) == set()
    assert travels & set(STAY_HOME) == set()
    assert set(STAY_HOME) <= synced  # no stale name
