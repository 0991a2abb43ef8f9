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

# The WG sessions of each calendar year: sessions 1–53 as cehdi-upr/upr_sessions.csv lists them
# (tested against it); 54 opens on 19 January 2027. Usually three a year, but not always (two in
# 2012, 2017, 2020 and 2022; the calendar slipped), so no rule can replace the table.
_SESSIONS_BY_YEAR: dict[int, tuple[int, ...]] = {
    2008: (1, 2, 3),
    2009: (4, 5, 6),
    2010: (7, 8, 9),
    2011: (10, 11, 12),
    2012: (13, 14),
    2013: (15, 16, 17),
    2014: (18, 19, 20),
    2015: (21, 22, 23),
    2016: (24, 25, 26),
    2017: (27, 28),
    2018: (29, 30, 31),
    2019: (32, 33, 34),
    2020: (35, 36),
    2021: (37, 38, 39),
    2022: (40, 41),
    2023: (42, 43, 44),
    2024: (45, 46, 47),
    2025: (48, 49, 50),
    2026: (51, 52, 53),
    2027: (54,),
}

#: Calendar year of each WG session.
SESSION_YEARS: dict[int, int] = {
    session: year for year, sessions in _SESSIONS_BY_YEAR.items() for session in sessions
}


def cycle_of_session(session: int) -> int:
    """The cycle a WG session belongs to; sessions after the last known cycle continue in 14s."""
    for cycle in CYCLES:
        if cycle.first_session <= session <= cycle.last_session:
            return cycle.number
    last = CYCLES[-1]
    return last.number + (session - last.last_session - 1) // 14 + 1
