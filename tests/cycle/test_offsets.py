"""Month arithmetic at month ends, and offsets as the DOMAIN table writes them."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from upr.cycle.offsets import Offset, add_months


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (date(2025, 8, 31), -6, date(2025, 2, 28)),
        (date(2024, 8, 31), -6, date(2024, 2, 29)),  # leap year
        (date(2027, 3, 31), 1, date(2027, 4, 30)),
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2027, 1, 19), -12, date(2026, 1, 19)),
        (date(2027, 1, 19), 54, date(2031, 7, 19)),
        (date(2027, 5, 31), -3, date(2027, 2, 28)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)), st.integers(-120, 120))
def test_add_months_moves_exactly_that_many_months_and_clamps(day: date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day == min(day.day, calendar.monthrange(result.year, result.month)[1])


def test_offset_apply_and_describe() -> None:
    review = date(2027, 1, 19)
    assert Offset(months=-6).apply(review) == date(2026, 7, 19)
    assert Offset(days=2).apply(review) == date(2027, 1, 21)
    assert Offset(working_days=-10).apply(review) == date(2027, 1, 5)
    assert Offset(months=-6).describe() == "R − 6 months"
    assert Offset(days=2).describe() == "R + 2 days"
    assert Offset(working_days=-10).describe() == "R − 10 working days"
    assert Offset().describe() == "R"


def test_describe_says_one_month_not_one_months() -> None:
    assert Offset(months=-1).describe() == "R − 1 month"
    assert Offset(days=1).describe() == "R + 1 day"
    assert Offset(working_days=-1).describe() == "R − 1 working day"
    assert Offset(months=1, days=-2).describe() == "R + 1 month − 2 days"


def test_working_days_only_count_backwards() -> None:
    with pytest.raises(ValueError):
        Offset(working_days=3)
