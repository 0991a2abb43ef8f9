"""Geneva working days: Easter, the cantonal holidays, and counting back over them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from upr.cycle.working_days import (
    easter_sunday,
    geneva_holidays,
    is_working_day,
    jeune_genevois,
    subtract_working_days,
)


@pytest.mark.parametrize(
    "year, easter",
    [
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),
        (2011, date(2011, 4, 24)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter_sunday(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


def test_geneva_holidays_2025() -> None:
    assert geneva_holidays(2025) == {
        date(2025, 1, 1),
        date(2025, 4, 18),  # Good Friday
        date(2025, 4, 21),  # Easter Monday
        date(2025, 5, 29),  # Ascension
        date(2025, 6, 9),  # Whit Monday
        date(2025, 8, 1),
        date(2025, 9, 11),  # Jeûne genevois
        date(2025, 12, 25),
        date(2025, 12, 31),
    }


@pytest.mark.parametrize(
    "year, day",
    [(2024, date(2024, 9, 5)), (2025, date(2025, 9, 11)), (2026, date(2026, 9, 10))],
)
def test_jeune_genevois_is_thursday_after_first_sunday_of_september(year: int, day: date) -> None:
    assert jeune_genevois(year) == day


def test_ten_working_days_without_holidays_is_two_weeks() -> None:
    assert subtract_working_days(date(2027, 1, 19), 10) == date(2027, 1, 5)


def test_counting_back_skips_easter() -> None:
    # Mon 28 April 2025: Easter Monday (21st) and Good Friday (18th) do not count.
    assert subtract_working_days(date(2025, 4, 28), 10) == date(2025, 4, 10)


def test_counting_back_skips_christmas_and_new_year() -> None:
    # 1 January, 31 December and 25 December 2026 fall inside the count.
    assert subtract_working_days(date(2027, 1, 11), 10) == date(2026, 12, 23)


def test_zero_and_negative() -> None:
    assert subtract_working_days(date(2027, 1, 16), 0) == date(2027, 1, 16)
    with pytest.raises(ValueError):
        subtract_working_days(date(2027, 1, 16), -1)


@given(st.dates(date(2000, 1, 1), date(2060, 12, 31)), st.integers(0, 40))
def test_exactly_n_working_days_from_the_result_up_to_the_date(day: date, n: int) -> None:
    result = subtract_working_days(day, n)
    counted = [result + timedelta(days=i) for i in range((day - result).days)]
    assert sum(is_working_day(d) for d in counted) == n
    assert n == 0 or is_working_day(result)
