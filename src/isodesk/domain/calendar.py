"""The working-day calendar of a Vietnamese state office.

Working days are Monday to Friday (the five-day week of Quyết định 188/1999/QĐ-TTg),
minus public holidays and compensatory days (Bộ luật Lao động 2019, art. 112), minus the extra days off the
Government announces each year, plus the Saturdays it declares working days in exchange. The statutory part
comes from the ``holidays`` package; the announcements are an editable overlay (docs/DOMAIN.md §4). This module
only combines them: it knows no year and no source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum


class DayKind(StrEnum):
    WEEKEND = "weekend"
    HOLIDAY = "holiday"  # statutory holiday, compensatory or swapped day off
    DAY_OFF = "day_off"  # announced extra day off (overlay)


@dataclass(frozen=True)
class ClosedDay:
    day: date
    kind: DayKind
    name: str


@dataclass(frozen=True)
class WorkCalendar:
    holidays: Mapping[date, str] = field(default_factory=dict)
    extra_days_off: Mapping[date, str] = field(default_factory=dict)
    extra_workdays: Mapping[date, str] = field(default_factory=dict)

    def closed(self, day: date) -> ClosedDay | None:
        """Why the office is closed on ``day``, or None when it is a working day.

        A declared working day wins over everything (a make-up Saturday is worked even if it is a weekend);
        an announced day off wins over an ordinary weekday.
        """
        if day in self.extra_workdays:
            return None
        if day in self.extra_days_off:
            return ClosedDay(day, DayKind.DAY_OFF, self.extra_days_off[day])
        if day in self.holidays:
            return ClosedDay(day, DayKind.HOLIDAY, self.holidays[day])
        if day.weekday() >= 5:
            return ClosedDay(day, DayKind.WEEKEND, "")
        return None

    def is_working_day(self, day: date) -> bool:
        return self.closed(day) is None

    def next_working_day(self, day: date) -> date:
        """``day`` itself if it is a working day, else the first working day after it."""
        for _ in range(366):
            if self.is_working_day(day):
                return day
            day += timedelta(days=1)
        raise ValueError("no working day within a year")
