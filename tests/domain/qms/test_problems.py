"""A problem met is due for review from the month after the one it was noted in, until a review records it."""

from __future__ import annotations

from datetime import date

from isodesk.domain.qms.problems import review_due


def test_due_from_the_next_month_until_reviewed() -> None:
    noted = date(2026, 10, 28)
    assert not review_due(noted, None, date(2026, 10, 31))  # the month's meeting has not come yet
    assert review_due(noted, None, date(2026, 11, 1))
    assert review_due(noted, None, date(2027, 1, 15))  # across a year's end
    assert not review_due(noted, date(2026, 11, 5), date(2027, 1, 15))
    assert review_due(date(2025, 12, 31), None, date(2026, 1, 1))
