"""Statistics on a small data set whose every figure is known."""

from __future__ import annotations

from datetime import date, datetime

from isodesk.i18n.dates import LOCAL_TZ
from isodesk.services.context import AppContext
from isodesk.services.ledger.dossiers import ApplicantInput, move_dossier, receive_dossier
from isodesk.services.ledger.stats import periods_of, stats, stats_by, stats_by_period


def at(m: int, d: int, hh: int = 9) -> datetime:
    return datetime(2026, m, d, hh, 0, tzinfo=LOCAL_TZ)


def _settle(office: AppContext, code: str, day: datetime, rating: int) -> None:
    move_dossier(office, code, "ready", at=day.replace(hour=8))
    move_dossier(office, code, "returned", at=day, rating=rating)


def test_known_figures(office: AppContext) -> None:
    def new(name: str, when: datetime) -> str:
        return receive_dossier(office, "1.004873", ApplicantInput(name), received_at=when).code  # 3 working days

    a = new("A", at(3, 2))  # due Thu 5 Mar
    b = new("B", at(3, 2))
    c = new("C", at(3, 2))
    d = new("D", at(3, 3))  # due Fri 6 Mar
    e = new("E", at(4, 1))  # still open, due Mon 6 Apr -> overdue at "now"
    new("F", at(11, 16))  # open, not yet due
    _settle(office, a, at(3, 4), 1)  # ahead
    _settle(office, b, at(3, 5), 2)  # on time
    _settle(office, c, at(3, 9), 4)  # late
    _settle(office, d, at(3, 6), 2)  # on time
    move_dossier(office, e, "processing", at=at(4, 1, 10))
    now = datetime(2026, 11, 17, 9, 0, tzinfo=LOCAL_TZ)

    year = stats(office, date(2026, 1, 1), date(2026, 12, 31), now=now)
    assert {k: year[k] for k in ("received", "settled", "ahead", "on_time", "late", "in_progress", "overdue")} == {
        "received": 6,
        "settled": 4,
        "ahead": 1,
        "on_time": 2,
        "late": 1,
        "in_progress": 2,
        "overdue": 1,
    }
    assert year["on_time_rate"] == 0.75
    assert year["satisfaction"] == {"very_satisfied": 1, "satisfied": 2, "neutral": 0, "dissatisfied": 1}

    months = stats_by_period(office, 2026, "month", now=now)
    assert len(months) == 12
    assert [m["received"] for m in months][2:4] == [4, 1]
    assert months[2]["settled"] == 4 and months[10]["received"] == 1
    quarters = stats_by_period(office, 2026, "quarter", now=now)
    assert [q["received"] for q in quarters] == [4, 1, 0, 1]
    assert stats_by_period(office, 2026, "nine_months", now=now)[0]["received"] == 5

    by_procedure = stats_by(office, "procedure", date(2026, 1, 1), date(2026, 12, 31))
    assert by_procedure == [
        {"group": "1.004873", "ahead": 1, "on_time": 2, "late": 1, "settled": 4, "on_time_rate": 0.75}
    ]


def test_empty_period_has_no_rate(office: AppContext) -> None:
    empty = stats(office, date(2025, 1, 1), date(2025, 12, 31))
    assert empty["received"] == 0 and empty["on_time_rate"] is None


def test_periods() -> None:
    halves = periods_of(2026, "half")
    assert [(p.start, p.end) for p in halves] == [
        (date(2026, 1, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 12, 31)),
    ]
    assert periods_of(2026, "month")[1].end == date(2026, 2, 28)


def test_daily_counts_agree_with_the_dossiers_after_a_bulk_load(office: AppContext) -> None:
    """The demo's bulk load rebuilds the per-day counts; they must match a direct count of the dossiers."""
    from sqlalchemy import func, select

    from isodesk.db.models import Dossier
    from isodesk.services.ledger.demo_ledger import fill_demo_ledger

    now = datetime(2026, 11, 20, 10, 0, tzinfo=LOCAL_TZ)
    fill_demo_ledger(office, 400, seed=7, now=now)
    figures = stats(office, date(2025, 1, 1), date(2026, 12, 31), now=now)
    with office.read() as s:
        received = s.execute(select(func.count()).select_from(Dossier)).scalar_one()
        by_timeliness = dict(
            s.execute(
                select(Dossier.timeliness, func.count())
                .where(Dossier.status == "returned")
                .group_by(Dossier.timeliness)
            ).all()
        )
    assert figures["received"] == received == 400
    assert (figures["ahead"], figures["on_time"], figures["late"]) == (
        by_timeliness.get("ahead", 0),
        by_timeliness.get("on_time", 0),
        by_timeliness.get("late", 0),
    )
    assert 0.85 <= figures["on_time_rate"] <= 1.0
