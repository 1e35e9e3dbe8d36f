"""Quality objectives computed from a ledger whose every figure is known."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from isodesk.db.paths import database_path
from isodesk.errors import UserError
from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier
from isodesk.services.qms.objectives import add_objective, list_objectives, set_actual

TODAY = date(2026, 12, 5)


def at(m: int, d: int, hh: int = 9) -> datetime:
    return datetime(2026, m, d, hh, 0, tzinfo=LOCAL_TZ)


def _settle(office: AppContext, code: str, day: datetime, rating: int) -> None:
    move_dossier(office, code, "ready", at=day.replace(hour=8))
    move_dossier(office, code, "returned", at=day, rating=rating)


@pytest.fixture
def ledger(office: AppContext) -> AppContext:
    def new(name: str, when: datetime, procedure: str = "1.004873") -> str:
        return receive_dossier(office, procedure, ApplicantInput(name), received_at=when).code

    a, b, c = new("A", at(3, 2)), new("B", at(3, 2)), new("C", at(3, 2))  # 3 working days: due Thu 5 Mar
    d = new("D", at(3, 3))  # due Fri 6 Mar
    e = new("E", at(4, 1))
    _settle(office, a, at(3, 4), 1)  # ahead, 2 days
    _settle(office, b, at(3, 5), 2)  # on time, 3 days
    _settle(office, c, at(3, 9), 4)  # late, 7 days
    _settle(office, d, at(3, 6), 2)  # on time, 3 days
    move_dossier(office, e, "supplement", at=at(4, 1, 10), note="Thiếu tờ khai")
    return office


def test_computed_objectives_match_the_known_ledger(ledger: AppContext) -> None:
    made = [
        add_objective(ledger, title="Đúng hạn", measure="on_time_rate", target="95", year=2026),
        add_objective(ledger, title="Hài lòng", measure="satisfaction_rate", target="90", year=2026),
        add_objective(ledger, title="Bổ sung", measure="supplement_rate", target="10", year=2026),
        add_objective(ledger, title="Số ngày", measure="avg_days", target="4", year=2026),
        add_objective(ledger, title="Hộ tịch", measure="on_time_rate", target="75", year=2026, procedures=["1.004873"]),
        add_objective(
            ledger, title="Theo lĩnh vực", measure="on_time_rate", target="70", year=2026, field_name="hộ tịch"
        ),
        add_objective(
            ledger, title="Khai sinh", measure="on_time_rate", target="70", year=2026, procedures=["1.001193"]
        ),
    ]
    found = {o.title: o for o in list_objectives(ledger, 2026, today=TODAY)}
    assert [o.id for o in made] == [found[o.title].id for o in made]
    assert (found["Đúng hạn"].actual, found["Đúng hạn"].met) == (75.0, False)
    assert (found["Hài lòng"].actual, found["Hài lòng"].met) == (75.0, False)  # ratings 1, 2, 4, 2
    assert (found["Bổ sung"].actual, found["Bổ sung"].met) == (20.0, False)  # 1 request, 5 received
    assert (found["Số ngày"].actual, found["Số ngày"].met) == (3.8, True)  # (2 + 3 + 7 + 3) / 4 = 3.75
    assert (found["Hộ tịch"].actual, found["Hộ tịch"].met) == (75.0, True)
    assert found["Theo lĩnh vực"].actual == 75.0
    assert (found["Khai sinh"].actual, found["Khai sinh"].met) == (None, None)  # nothing settled
    assert list_objectives(ledger, 2025, today=TODAY) == []


def test_by_quarter_and_by_hand(ledger: AppContext) -> None:
    quarterly = add_objective(
        ledger, title="Theo quý", measure="on_time_rate", target="80", year=2026, period="quarter"
    )
    view = next(o for o in list_objectives(ledger, 2026, today=TODAY) if o.id == quarterly.id)
    assert [(p.label, p.actual, p.met) for p in view.periods] == [
        ("2026-Q1", 75.0, False),
        ("2026-Q2", None, None),
        ("2026-Q3", None, None),
        ("2026-Q4", None, None),
    ]
    manual = add_objective(
        ledger, title="Tập huấn", measure="manual", target="10", unit="người", year=2026, period="quarter"
    )
    assert manual.actual is None and manual.unit == "người"
    set_actual(ledger, manual.id, "4", "2026-Q1")
    after = set_actual(ledger, manual.id, "12", "2026-Q2")
    assert [p.actual for p in after.periods][:2] == [4.0, 12.0]
    assert (after.actual, after.met) == (12.0, True)
    with pytest.raises(UserError, match="2026-Q1"):
        set_actual(ledger, manual.id, "3", "2026-Q5")
    with pytest.raises(UserError):
        set_actual(ledger, quarterly.id, "3")  # computed: not entered by hand


def _objectives(office: AppContext) -> int:
    conn = sqlite3.connect(database_path(office.data_dir))
    try:
        return int(conn.execute("SELECT COUNT(*) FROM qms_objectives").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"target": None}, "đo lường được"),
        ({"target": "cao"}, "không phải là số"),
        ({"target": "120"}, "từ 0 đến 100"),
        ({"measure": "speed"}, "speed"),
        ({"procedures": ["9.999999"]}, "9.999999"),
        ({"field_name": "Không có"}, "Không có"),
        ({"title": "  "}, "không được để trống"),
        ({"period": "week"}, "week"),
    ],
)
def test_an_objective_without_a_measurable_target_is_refused(office: AppContext, kwargs: dict, message: str) -> None:  # type: ignore[type-arg]
    base = {"title": "Đúng hạn", "measure": "on_time_rate", "target": "95", "year": 2026}
    with pytest.raises(UserError) as refused:
        add_objective(office, **{**base, **kwargs})
    assert message in refused.value.message
    assert _objectives(office) == 0
