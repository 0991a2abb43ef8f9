"""Read WG session dates from the files in the data directory, to seed the editable sessions table.

Two sources: the index of WG reports (sessions 1–19, one row per report, with the session's dates
as English text) and the CeHDI planning workbook (sessions 52–54, first day only, plus the planning
dates of the other process steps). Both are read as they are; nothing is copied into the project.
"""

from __future__ import annotations

import csv
import re
import warnings
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

from upr.cycle.sessions import Session, usual_wg_end

_MONTHS = {
    name: i
    for i, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}

# "7 to 18 April 2008", "27 January to 7 February 2014", "8 February to 19 February 2010"; the
# index also holds the typo "28 April 7 to 9 May 2014", hence the tolerated junk before "to".
_RANGE = re.compile(
    r"^\s*(?P<d1>\d{1,2})(?:\s+(?!to\b)(?P<m1>[A-Za-z]+))?(?:\s+(?P<y1>\d{4}))?[^A-Za-z]*?"
    r"\s+to\s+(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]+)\s+(?P<y2>\d{4})\s*$"
)
_DAY = re.compile(r"^\s*(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s*$")


def _month(name: str) -> int:
    try:
        return _MONTHS[name.lower()]
    except KeyError:
        raise ValueError(f"unknown month {name!r}") from None


def parse_day(text: str) -> date:
    """Parse "27 January 2014"."""
    match = _DAY.match(text)
    if not match:
        raise ValueError(f"not a date: {text!r}")
    return date(int(match[3]), _month(match[2]), int(match[1]))


def parse_date_range(text: str) -> tuple[date, date]:
    """Parse the index's session dates ("30 November to 11 December 2009") into (first, last) day.

    A missing start month or year is the end's; a start month after the end month is in the
    previous year (a session spanning New Year).
    """
    match = _RANGE.match(text)
    if not match:
        raise ValueError(f"not a date range: {text!r}")
    end = date(int(match["y2"]), _month(match["m2"]), int(match["d2"]))
    start_month = _month(match["m1"]) if match["m1"] else end.month
    if match["y1"]:
        start_year = int(match["y1"])
    else:
        start_year = end.year - 1 if start_month > end.month else end.year
    return date(start_year, start_month, int(match["d1"])), end


def read_report_index_sessions(path: Path) -> list[Session]:
    """WG sessions from ``terman-upr-info/wg-report-txts-index.csv``, one per session number.

    The index repeats the session dates on every report of a session, and a few rows disagree
    (e.g. session 6 once says 2010 for 2009). Each session keeps the range that contains the most of
    its own review dates, then the most frequent one, so a single typo cannot move a session.
    """
    candidates: dict[int, Counter[tuple[date, date]]] = defaultdict(Counter)
    reviews: dict[int, list[date]] = defaultdict(list)
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            number = (row.get("wg_session") or "").strip()
            text = (row.get("wg_session_dates") or "").strip()
            if not number.isdigit() or not text:
                continue
            candidates[int(number)][parse_date_range(text)] += 1
            review = (row.get("review_date") or "").strip()
            if review:
                reviews[int(number)].append(parse_day(review))

    def score(number: int, span: tuple[date, date]) -> tuple[int, int]:
        inside = sum(span[0] <= day <= span[1] for day in reviews[number])
        return inside, candidates[number][span]

    source = f"{Path(path).parent.name}/{Path(path).name}"
    sessions = []
    for number in sorted(candidates):
        start, end = max(candidates[number], key=lambda span: score(number, span))
        sessions.append(Session(number, start, end, "wg", source=source))
    return sessions


# Events of the workbook that correspond to a step of the model strategy.
_TIMELINE_STEPS = {
    "stakeholders report deadline": "submission_deadline",
    "national report deadline": "national_report_due",
    "uprinfo pre-sessions": "pre_session",
    "adoption of outcome report by hrc plenary": "adoption",
}
_WG_EVENT = "upr working group"


def _timeline_rows(path: Path) -> list[tuple[str, str, int, date]]:
    """(event, country, session number, date) of the workbook's ``All`` sheet, markdown stripped."""
    from openpyxl import load_workbook  # a heavy import only the seeding path needs

    rows = []
    with warnings.catch_warnings():
        # The workbook uses a data-validation extension openpyxl does not support; irrelevant here.
        warnings.simplefilter("ignore", UserWarning)
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            for row in workbook["All"].iter_rows(min_row=2, values_only=True):
                event, country, session, when = (row + (None,) * 4)[:4]
                number = re.search(r"\d+", str(session or ""))
                if not event or not number or not isinstance(when, datetime | date):
                    continue
                day = when.date() if isinstance(when, datetime) else when
                name = re.sub(r"[*_]", "", str(event)).strip().lower()
                rows.append((name, str(country or "").strip(), int(number[0]), day))
        finally:
            workbook.close()
    return rows


def read_timeline_sessions(path: Path) -> list[Session]:
    """WG sessions from ``cehdi-upr/timeline_dates.xlsx`` (sessions 52–54).

    The workbook gives each session's first day only; the last day is the usual two-week end and the
    session is flagged as estimated.
    """
    source = f"{Path(path).parent.name}/{Path(path).name} (first day; last day estimated)"
    sessions = {
        number: Session(number, day, usual_wg_end(day), "wg", estimated=True, source=source)
        for name, _country, number, day in _timeline_rows(path)
        if name == _WG_EVENT
    }
    return [sessions[n] for n in sorted(sessions)]


def read_timeline_dates(path: Path) -> dict[int, dict[str, date]]:
    """Planning dates of the workbook per WG session, keyed by milestone key (see milestones.py).

    E.g. ``{54: {"submission_deadline": date(2026, 6, 25), "pre_session": …, "adoption": …}}``.
    Only rows for all States are read. The author marks some dates as approximate (first of the
    month, e.g. most adoptions), so offer these as suggestions for ``exact_dates``, not as facts.
    """
    dates: dict[int, dict[str, date]] = defaultdict(dict)
    for name, country, number, day in _timeline_rows(path):
        key = _TIMELINE_STEPS.get(name)
        if key and country.lower() == "all":
            dates[number][key] = day
    return dict(dates)
