"""When a problem met while applying the procedures is due for review.

Source: the seed plans' implementation step (QĐ 19/2014/QĐ-TTg, art. 4 step 2, "áp dụng"): the ISO working team
keeps a log of the problems met, noted each week, and reviews it at its monthly meeting. A problem is therefore due
for review from the first day of the month after the one it was noted in, until a review records it.
"""

from __future__ import annotations

from datetime import date


def review_due(noted_on: date, reviewed_on: date | None, today: date) -> bool:
    """True when the problem has waited past its month's review: noted in an earlier month and not yet reviewed."""
    return reviewed_on is None and (noted_on.year, noted_on.month) < (today.year, today.month)
