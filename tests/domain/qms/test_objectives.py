"""Measurable targets and computed values of quality objectives (ISO 9001:2015 6.2)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from isodesk.domain.qms.objectives import (
    Counts,
    Direction,
    Measure,
    PeriodKind,
    actual_of,
    check_target,
    direction_of,
    is_met,
    periods_of,
)
from isodesk.domain.validation import Invalid


def test_a_target_must_be_measurable() -> None:
    assert check_target(Measure.ON_TIME_RATE, "98") == Decimal(98)
    assert check_target(Measure.ON_TIME_RATE, "97,5%") == Decimal("97.5")
    assert check_target(Measure.AVG_DAYS, "2,5") == Decimal("2.5")
    for measure, bad in (
        (Measure.ON_TIME_RATE, None),
        (Measure.ON_TIME_RATE, ""),
        (Measure.ON_TIME_RATE, "cao"),
        (Measure.ON_TIME_RATE, "120"),
        (Measure.SATISFACTION_RATE, "-1"),
        (Measure.AVG_DAYS, "0"),
        (Measure.MANUAL, "nhiều"),
    ):
        with pytest.raises(Invalid):
            check_target(measure, bad)


def test_values_from_counts_and_whether_they_meet_the_target() -> None:
    counts = Counts(settled=4, timely=3, rated=4, satisfied=3, received=5, supplements=1, settle_days=15)
    assert actual_of(Measure.ON_TIME_RATE, counts) == 75.0
    assert actual_of(Measure.SATISFACTION_RATE, counts) == 75.0
    assert actual_of(Measure.SUPPLEMENT_RATE, counts) == 20.0
    assert actual_of(Measure.AVG_DAYS, counts) == 3.8
    assert actual_of(Measure.ON_TIME_RATE, Counts()) is None
    assert direction_of(Measure.AVG_DAYS) is Direction.AT_MOST
    assert direction_of(Measure.SUPPLEMENT_RATE) is Direction.AT_MOST
    assert direction_of(Measure.MANUAL, Direction.AT_MOST) is Direction.AT_MOST
    assert is_met(75.0, 75.0, Direction.AT_LEAST) is True
    assert is_met(74.9, 75.0, Direction.AT_LEAST) is False
    assert is_met(3.8, 3.0, Direction.AT_MOST) is False
    assert is_met(None, 3.0, Direction.AT_MOST) is None


def test_periods_of_a_year() -> None:
    assert [p.label for p in periods_of(2026, PeriodKind.QUARTER)] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    months = periods_of(2028, PeriodKind.MONTH)
    assert months[1].end == date(2028, 2, 29) and months[-1].end == date(2028, 12, 31)
    assert periods_of(2026, PeriodKind.YEAR)[0].start == date(2026, 1, 1)
