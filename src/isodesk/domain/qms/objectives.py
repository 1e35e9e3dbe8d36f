"""Quality objectives (ISO 9001:2015, 6.2): measurable, with a target, a period and a way to be evaluated.

An objective is either computed from the one-stop-shop ledger or entered by hand:

- ``on_time_rate`` — dossiers settled ahead of or on time among those settled (QĐ 766/QĐ-TTg 2022, the national
  service indicators), for all procedures, chosen procedures or one field; a percentage, the higher the better;
- ``satisfaction_rate`` — applicants "very satisfied" or "satisfied" among those who gave a rating (ISO 9001:2015,
  9.1.2 customer satisfaction); a percentage, the higher the better;
- ``supplement_rate`` — supplement requests per hundred dossiers received (NĐ 118/2025/NĐ-CP: a complete request
  at the first visit is the goal of the one-stop shop); a percentage, the lower the better;
- ``avg_days`` — average calendar days from receipt to the return of the result; the lower the better;
- ``manual`` — any other measure, its actual value entered by hand; its direction is chosen.

A target must be measurable: a number, a percentage within 0-100 for a rate, more than zero days for an average.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from isodesk.domain.validation import N_, Invalid, decimal_number, normalise


class Measure(StrEnum):
    ON_TIME_RATE = "on_time_rate"
    SATISFACTION_RATE = "satisfaction_rate"
    SUPPLEMENT_RATE = "supplement_rate"
    AVG_DAYS = "avg_days"
    MANUAL = "manual"


class PeriodKind(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"


class Direction(StrEnum):
    AT_LEAST = "at_least"  # met when the actual value reaches the target
    AT_MOST = "at_most"  # met when the actual value stays at or under it


RATES = frozenset({Measure.ON_TIME_RATE, Measure.SATISFACTION_RATE, Measure.SUPPLEMENT_RATE})
#: Measures computed from the ledger (the others are entered by hand).
COMPUTED = frozenset(set(Measure) - {Measure.MANUAL})
#: Measures that may be narrowed to chosen procedures or a field.
NARROWED = frozenset({Measure.ON_TIME_RATE, Measure.SATISFACTION_RATE, Measure.SUPPLEMENT_RATE, Measure.AVG_DAYS})

TARGET = N_("The target")
OBJECTIVE_TITLE_LIMIT = 500
MAX_TARGET = Decimal(1_000_000)


def direction_of(measure: Measure, chosen: Direction | None = None) -> Direction:
    """The better way for ``measure``: fewer supplement requests and fewer days are better; a manual measure's
    direction is the one chosen (at least, unless said)."""
    if measure in (Measure.SUPPLEMENT_RATE, Measure.AVG_DAYS):
        return Direction.AT_MOST
    if measure is Measure.MANUAL:
        return chosen or Direction.AT_LEAST
    return Direction.AT_LEAST


def unit_of(measure: Measure) -> str:
    """ "%" for a rate, "days" for the average; a manual measure names its own unit."""
    if measure in RATES:
        return "%"
    return "days" if measure is Measure.AVG_DAYS else ""


def check_target(measure: Measure, value: str | None) -> Decimal:
    """The target as a number, refused when it cannot be measured against."""
    raw = normalise(value or "")
    if not raw:
        raise Invalid(
            N_("An objective needs a measurable target: give its target as a number (a percentage for a rate)."),
            TARGET,
            raw,
        )
    if measure in RATES:
        return decimal_number(raw.rstrip("%").strip(), TARGET, Decimal(0), Decimal(100))
    if measure is Measure.AVG_DAYS:
        number = decimal_number(raw, TARGET, Decimal(0), Decimal(3650))
        if number <= 0:
            raise Invalid(N_("{field} “{value}” is not valid: an average must be more than zero days."), TARGET, raw)
        return number
    return decimal_number(raw, TARGET, -MAX_TARGET, MAX_TARGET)


def is_met(actual: float | None, target: float, direction: Direction) -> bool | None:
    """Whether ``actual`` meets ``target``; None when there is nothing to measure yet."""
    if actual is None:
        return None
    return actual >= target if direction is Direction.AT_LEAST else actual <= target


@dataclass(frozen=True)
class Counts:
    """What the ledger counted over a period, for the computed measures."""

    settled: int = 0
    timely: int = 0  # ahead of time or on time
    rated: int = 0
    satisfied: int = 0  # very satisfied or satisfied
    received: int = 0
    supplements: int = 0  # supplement requests made
    settle_days: int = 0  # calendar days from receipt to return, summed over the settled dossiers


def actual_of(measure: Measure, counts: Counts) -> float | None:
    """The value of a computed measure over the counts (percentages as 50.0), None when nothing was counted."""

    def pct(part: int, whole: int) -> float | None:
        return round(100 * part / whole, 1) if whole else None

    if measure is Measure.ON_TIME_RATE:
        return pct(counts.timely, counts.settled)
    if measure is Measure.SATISFACTION_RATE:
        return pct(counts.satisfied, counts.rated)
    if measure is Measure.SUPPLEMENT_RATE:
        return pct(counts.supplements, counts.received)
    if measure is Measure.AVG_DAYS:
        return round(counts.settle_days / counts.settled, 1) if counts.settled else None
    raise ValueError(measure)


@dataclass(frozen=True)
class Period:
    label: str  # "2026", "2026-Q1", "2026-01"
    start: date
    end: date  # inclusive


def _last_day(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def periods_of(year: int, kind: PeriodKind) -> list[Period]:
    """The periods an objective of ``year`` is measured by."""
    if kind is PeriodKind.YEAR:
        return [Period(str(year), date(year, 1, 1), date(year, 12, 31))]
    if kind is PeriodKind.QUARTER:
        return [Period(f"{year}-Q{q}", date(year, 3 * q - 2, 1), _last_day(year, 3 * q)) for q in range(1, 5)]
    return [Period(f"{year}-{m:02d}", date(year, m, 1), _last_day(year, m)) for m in range(1, 13)]
