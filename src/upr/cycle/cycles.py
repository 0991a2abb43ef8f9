"""UPR cycles and which Working Group sessions belong to them (DOMAIN.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CycleFact:
    number: int
    first_session: int
    last_session: int
    start_year: int
    end_year: int


CYCLES: tuple[CycleFact, ...] = (
    CycleFact(1, 1, 12, 2008, 2011),
    CycleFact(2, 13, 26, 2012, 2016),
    CycleFact(3, 27, 40, 2017, 2022),
    CycleFact(4, 41, 54, 2022, 2027),
)

# Calendar year of each WG session (sessions 1–53 as listed by cehdi-upr/upr_sessions.csv; 54 opens
# on 19 January 2027). Three sessions a year, except where the calendar slipped.
SESSION_YEARS: dict[int, int] = {
    **{s: 2008 + (s - 1) // 3 for s in range(1, 54)},
    54: 2027,
}


def cycle_of_session(session: int) -> int:
    """The cycle a WG session belongs to; sessions after the last known cycle continue in 14s."""
    for cycle in CYCLES:
        if cycle.first_session <= session <= cycle.last_session:
            return cycle.number
    last = CYCLES[-1]
    return last.number + (session - last.last_session - 1) // 14 + 1
