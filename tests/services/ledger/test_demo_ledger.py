"""The demo ledger looks like a real desk's: within a day, the running numbers follow the receipt times."""

from __future__ import annotations

from itertools import groupby

from isodesk.services.context import AppContext
from isodesk.services.ledger.demo_ledger import fill_demo_ledger
from isodesk.services.ledger.queries import DossierFilter, list_dossiers


def test_demo_dossier_numbers_follow_their_receipt_times_within_a_day(office: AppContext) -> None:
    fill_demo_ledger(office, 300, seed=3)
    rows = list_dossiers(office, DossierFilter(), limit=300)
    assert len(rows) == 300
    days = 0
    for _day, group in groupby(sorted(rows, key=lambda r: r.code), key=lambda r: r.code.rsplit("-", 1)[0]):
        same_day = list(group)
        times = [r.received for r in same_day]
        assert times == sorted(times), [(r.code, r.received) for r in same_day]
        days += len(same_day) > 1
    assert days > 10  # enough days with several dossiers for the order to mean something
