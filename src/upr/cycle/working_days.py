"""Geneva working days.

States may send advance written questions "up to 10 working days before the review" [003]. The
review happens in Geneva, so the working days are Geneva's: Monday to Friday minus the public
holidays of the Canton of Geneva. (The UN Office at Geneva closes on a few more days, e.g. Eid,
which move every year; those are not modelled, so when one falls inside the count, the date
computed here is a day later than the real deadline.)
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache


def easter_sunday(year: int) -> date:
    """Western Easter Sunday, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).

    Computed rather than tabulated so that plans for any future cycle keep working.
    """
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def jeune_genevois(year: int) -> date:
    """The Thursday after the first Sunday of September (Geneva's own fast day)."""
    first = date(year, 9, 1)
    first_sunday = first + timedelta(days=(6 - first.weekday()) % 7)
    return first_sunday + timedelta(days=4)


@cache
def geneva_holidays(year: int) -> frozenset[date]:
    """Public holidays of the Canton of Geneva in ``year`` (cached: called once per day checked)."""
    easter = easter_sunday(year)
    return frozenset(
        {
            date(year, 1, 1),  # New Year
            easter - timedelta(days=2),  # Good Friday
            easter + timedelta(days=1),  # Easter Monday
            easter + timedelta(days=39),  # Ascension
            easter + timedelta(days=50),  # Whit Monday
            date(year, 8, 1),  # Swiss national day
            jeune_genevois(year),
            date(year, 12, 25),  # Christmas
            date(year, 12, 31),  # Restoration of the Republic
        }
    )


def is_working_day(day: date) -> bool:
    """True on a Geneva working day (Monday–Friday and not a Geneva public holiday)."""
    return day.weekday() < 5 and day not in geneva_holidays(day.year)


def subtract_working_days(day: date, n: int) -> date:
    """The date ``n`` Geneva working days before ``day`` (``day`` itself is not counted).

    "10 working days before the review" on a Tuesday is the Tuesday two weeks earlier when no
    holiday intervenes; holidays push it further back. ``n`` = 0 returns ``day`` unchanged.
    """
    if n < 0:
        raise ValueError("n must be zero or positive")
    current = day
    remaining = n
    while remaining:
        current -= timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current
