"""UPR Working Group and Human Rights Council sessions as data.

The calendar is data, not a rule (DOMAIN.md): WG sessions slipped in 2025–2026, so the WG table
holds only sessions whose dates come from the data directory, and the campaign app seeds its
editable database table from it. HRC regular sessions do follow a steady yearly pattern, so beyond
the few known sessions they are estimated by a rule; every estimate is flagged so the UI can say so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

SessionKind = Literal["wg", "hrc"]


def ordinal(n: int) -> str:
    """English ordinal ("52nd", "53rd", "54th"), as the UN names its sessions."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True, slots=True)
class Session:
    """One session of the UPR Working Group (``wg``) or a regular one of the HRC (``hrc``).

    ``estimated`` is true when any of its dates is not from a source (e.g. a WG session whose end
    we only infer from its usual two-week length); ``source`` says where the dates come from.
    """

    number: int
    start: date
    end: date
    kind: SessionKind = "wg"
    estimated: bool = False
    source: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"session {self.number} ends before it starts")

    @property
    def label(self) -> str:
        """Its name as the UN writes it, e.g. "UPR WG 54th session", "HRC 58th regular session"."""
        if self.kind == "wg":
            return f"UPR WG {ordinal(self.number)} session"
        return f"HRC {ordinal(self.number)} regular session"

    def overlaps(self, start: date, end: date) -> bool:
        """True when the session shares at least one day with ``start``–``end`` (inclusive)."""
        return self.start <= end and start <= self.end

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def usual_wg_end(start: date) -> date:
    """The Friday of the week after ``start``: a WG session lasts about two weeks.

    Used only where a source gives the first day of a session but not the last.
    """
    return start + timedelta(days=7 + (4 - start.weekday()) % 7)


#: Where our table's dates come from (the sessions page names them in words).
INDEX_SOURCE = "terman-upr-info/wg-report-txts-index.csv"
TIMELINE_SOURCE = "cehdi-upr/timeline_dates.xlsx (first day; last day estimated)"


def _wg(number: int, start: date, end: date | None = None, source: str = INDEX_SOURCE) -> Session:
    if end is None:
        return Session(number, start, usual_wg_end(start), "wg", estimated=True, source=source)
    return Session(number, start, end, "wg", source=source)


#: WG sessions whose dates the data directory states (sessions 15–17 and 20–51 are not in it yet).
WG_SESSIONS: tuple[Session, ...] = (
    _wg(1, date(2008, 4, 7), date(2008, 4, 18)),
    _wg(2, date(2008, 5, 5), date(2008, 5, 19)),
    _wg(3, date(2008, 12, 1), date(2008, 12, 15)),
    _wg(4, date(2009, 2, 2), date(2009, 2, 13)),
    _wg(5, date(2009, 5, 4), date(2009, 5, 15)),
    _wg(6, date(2009, 11, 30), date(2009, 12, 11)),
    _wg(7, date(2010, 2, 8), date(2010, 2, 19)),
    _wg(8, date(2010, 5, 3), date(2010, 5, 14)),
    _wg(9, date(2010, 11, 1), date(2010, 11, 12)),
    _wg(10, date(2011, 1, 24), date(2011, 2, 4)),
    _wg(11, date(2011, 5, 2), date(2011, 5, 13)),
    _wg(12, date(2011, 10, 3), date(2011, 10, 14)),
    _wg(13, date(2012, 5, 21), date(2012, 6, 4)),
    _wg(14, date(2012, 10, 22), date(2012, 11, 5)),
    _wg(18, date(2014, 1, 27), date(2014, 2, 7)),
    _wg(19, date(2014, 4, 28), date(2014, 5, 9)),
    _wg(52, date(2026, 5, 4), source=TIMELINE_SOURCE),
    _wg(53, date(2026, 11, 2), source=TIMELINE_SOURCE),
    _wg(54, date(2027, 1, 19), source=TIMELINE_SOURCE),
)

_HRC_KNOWN_SOURCE = "OHCHR, HRC regular sessions"


def _hrc(number: int, start: date, end: date) -> Session:
    return Session(number, start, end, "hrc", source=_HRC_KNOWN_SOURCE)


#: HRC regular sessions with known dates; other years: :func:`estimate_hrc_sessions`.
HRC_SESSIONS: tuple[Session, ...] = (
    _hrc(52, date(2023, 2, 27), date(2023, 4, 4)),
    _hrc(53, date(2023, 6, 19), date(2023, 7, 14)),
    _hrc(54, date(2023, 9, 11), date(2023, 10, 13)),
    _hrc(55, date(2024, 2, 26), date(2024, 4, 5)),
    _hrc(56, date(2024, 6, 18), date(2024, 7, 12)),
    _hrc(57, date(2024, 9, 9), date(2024, 10, 11)),
    _hrc(58, date(2025, 2, 24), date(2025, 4, 4)),
    _hrc(59, date(2025, 6, 16), date(2025, 7, 9)),
    _hrc(60, date(2025, 9, 8), date(2025, 10, 8)),
)

# (earliest first day, length in days up to the closing Friday) of the three yearly sessions.
_HRC_PATTERN: tuple[tuple[int, int, int], ...] = ((2, 22, 39), (6, 15, 25), (9, 8, 32))
_FIRST_REGULAR_YEAR = 2007  # from 2007 on, sessions n, n+1, n+2 open in Feb/Mar, Jun, Sep


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def estimate_hrc_sessions(year: int) -> tuple[Session, ...]:
    """The three HRC regular sessions of ``year``, estimated from the pattern of 2023–2025.

    Rule: the spring session opens on the first Monday on or after 22 February and runs six weeks,
    the summer one on the first Monday on or after 15 June for four weeks, the autumn one on the
    first Monday on or after 8 September for five weeks, each closing on a Friday. Numbering: the
    spring session of ``year`` is number 3 × (year − 2023) + 52. Against the known sessions of
    2023–2025 the rule is within 1 day on opening days and within 3 days on closing days.
    """
    if year < _FIRST_REGULAR_YEAR:
        return ()
    first_number = 3 * (year - 2023) + 52
    sessions = []
    for i, (month, day, length) in enumerate(_HRC_PATTERN):
        start = _monday_on_or_after(date(year, month, day))
        sessions.append(
            Session(
                first_number + i,
                start,
                start + timedelta(days=length),
                "hrc",
                estimated=True,
                source="estimated from the yearly pattern of HRC sessions",
            )
        )
    return tuple(sessions)


def hrc_sessions(year: int) -> tuple[Session, ...]:
    """HRC regular sessions of ``year``: the known ones where the table has them, else estimates."""
    known = {s.number: s for s in HRC_SESSIONS if s.start.year == year}
    return tuple(known.get(s.number, s) for s in estimate_hrc_sessions(year))


def sessions_between(first_year: int, last_year: int) -> tuple[Session, ...]:
    """Every known WG session and every (known or estimated) HRC session of the years, by date.

    This is the default calendar the plan checks Geneva-mission steps against.
    """
    wg = [s for s in WG_SESSIONS if first_year <= s.start.year <= last_year]
    hrc = [s for year in range(first_year, last_year + 1) for s in hrc_sessions(year)]
    return tuple(sorted([*wg, *hrc], key=lambda s: (s.start, s.kind)))


def session_containing(day: date, sessions: Iterable[Session] = WG_SESSIONS) -> Session | None:
    """The session during which ``day`` falls (e.g. a review's WG session), or None."""
    return next((s for s in sessions if s.contains(day)), None)
