"""Offsets relative to a review date: calendar months, calendar days, Geneva working days.

The seeds speak in months ("3–4 months before the review"), so month arithmetic has to be calendar
arithmetic that never fails at month ends: 31 August − 6 months is the last day of February, not an
error and not 3 March.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from upr.cycle.working_days import subtract_working_days


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months, clamped to the last day of the target month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


@dataclass(frozen=True, slots=True)
class Offset:
    """A distance from the review date R; negative values lie before the review.

    Months are applied first, then calendar days, then working days, so each value reads as the
    seeds write it ("R − 10 working days", "R + 2 days", "R − 6 months"). Working days may only go
    backwards: no seed counts working days after a review.
    """

    months: int = 0
    days: int = 0
    working_days: int = 0

    def __post_init__(self) -> None:
        if self.working_days > 0:
            raise ValueError("working-day offsets must point before the review")

    def apply(self, review_date: date) -> date:
        """The calendar date this offset designates for a review on ``review_date``."""
        day = add_months(review_date, self.months) + timedelta(days=self.days)
        return subtract_working_days(day, -self.working_days)

    def describe(self) -> str:
        """The offset in English, as the DOMAIN table writes it: "R − 6 months", "R − 1 month"."""
        parts = []
        for value, unit in self.parts():
            sign = "−" if value < 0 else "+"
            count = abs(value)
            parts.append(f"{sign} {count} {unit}" + ("" if count == 1 else "s"))
        return " ".join(["R", *parts])

    def parts(self) -> list[tuple[int, str]]:
        """The non-zero (value, singular unit) pairs, for pages that say them with ngettext."""
        units = ((self.months, "month"), (self.days, "day"), (self.working_days, "working day"))
        return [(value, unit) for value, unit in units if value]
