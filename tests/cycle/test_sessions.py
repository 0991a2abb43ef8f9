"""Session tables and the readers that load them from the data directory."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from upr.cycle.session_files import (
    parse_date_range,
    read_report_index_sessions,
    read_timeline_dates,
    read_timeline_sessions,
)
from upr.cycle.sessions import (
    HRC_SESSIONS,
    WG_SESSIONS,
    Session,
    estimate_hrc_sessions,
    hrc_sessions,
    ordinal,
    session_containing,
    sessions_between,
)


@pytest.fixture(scope="module")
def index_path(terman_dir: Path) -> Path:
    return terman_dir / "wg-report-txts-index.csv"


@pytest.fixture(scope="module")
def timeline_path(data_dir: Path) -> Path:
    return data_dir / "cehdi-upr" / "timeline_dates.xlsx"


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("7 to 18 April 2008", date(2008, 4, 7), date(2008, 4, 18)),
        ("27 January to 7 February 2014", date(2014, 1, 27), date(2014, 2, 7)),
        ("8 February to 19 February 2010", date(2010, 2, 8), date(2010, 2, 19)),
        ("28 April 7 to 9 May 2014", date(2014, 4, 28), date(2014, 5, 9)),  # typo in the index
        ("28 December to 8 January 2015", date(2014, 12, 28), date(2015, 1, 8)),
        ("30 November 2009 to 11 December 2009", date(2009, 11, 30), date(2009, 12, 11)),
    ],
)
def test_parse_date_range(text: str, start: date, end: date) -> None:
    assert parse_date_range(text) == (start, end)


def test_parse_date_range_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        parse_date_range("sometime in 2014")


def test_table_matches_the_report_index(index_path: Path) -> None:
    read = read_report_index_sessions(index_path)
    table = {s.number: s for s in WG_SESSIONS}
    assert [s.number for s in read] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 18, 19]
    for session in read:
        assert (session.start, session.end) == (
            table[session.number].start,
            table[session.number].end,
        )
        assert not session.estimated


def test_a_typo_in_one_row_does_not_move_session_6(index_path: Path) -> None:
    six = next(s for s in read_report_index_sessions(index_path) if s.number == 6)
    assert (six.start, six.end) == (date(2009, 11, 30), date(2009, 12, 11))


def test_timeline_sessions_52_to_54(timeline_path: Path) -> None:
    read = read_timeline_sessions(timeline_path)
    assert [(s.number, s.start) for s in read] == [
        (52, date(2026, 5, 4)),
        (53, date(2026, 11, 2)),
        (54, date(2027, 1, 19)),
    ]
    assert all(s.estimated and s.end.weekday() == 4 for s in read)
    table = {s.number: s for s in WG_SESSIONS}
    assert all(table[s.number] == s for s in read)


def test_timeline_dates_map_to_milestone_keys(timeline_path: Path) -> None:
    dates = read_timeline_dates(timeline_path)
    assert dates[54] == {
        "submission_deadline": date(2026, 6, 25),
        "national_report_due": date(2026, 10, 1),
        "pre_session": date(2026, 10, 19),
        "adoption": date(2027, 5, 1),
    }


def test_afghanistan_2014_review_falls_in_session_18(index_path: Path) -> None:
    with index_path.open(encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r["file"] == "afghanistan2014.txt")
    assert row["review_date"] == "27 January 2014"
    session = session_containing(date(2014, 1, 27))
    assert session is not None and session.number == int(row["wg_session"]) == 18


def test_estimate_rule_reproduces_known_hrc_sessions() -> None:
    for known in HRC_SESSIONS:
        estimate = next(
            s for s in estimate_hrc_sessions(known.start.year) if s.number == known.number
        )
        assert abs((estimate.start - known.start).days) <= 1
        assert abs((estimate.end - known.end).days) <= 3


def test_hrc_sessions_known_then_estimated() -> None:
    assert [s.estimated for s in hrc_sessions(2024)] == [False, False, False]
    later = hrc_sessions(2030)
    assert [s.number for s in later] == [73, 74, 75]
    assert all(s.estimated and s.kind == "hrc" for s in later)
    assert [s.start.month for s in later] == [2, 6, 9]
    assert estimate_hrc_sessions(2006) == ()


def test_sessions_between_is_sorted_and_spans_kinds() -> None:
    sessions = sessions_between(2026, 2027)
    assert [s.start for s in sessions] == sorted(s.start for s in sessions)
    assert {s.kind for s in sessions} == {"wg", "hrc"}


def test_labels_and_validation() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 52, 53, 54, 101)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "52nd", "53rd", "54th", "101st",
    ]  # fmt: skip
    assert WG_SESSIONS[-1].label == "UPR WG 54th session"
    assert HRC_SESSIONS[0].label == "HRC 52nd regular session"
    with pytest.raises(ValueError):
        Session(1, date(2020, 1, 2), date(2020, 1, 1))


def test_session_years_are_the_data_directorys(data_dir: Path) -> None:
    from upr.cycle.cycles import SESSION_YEARS

    with (data_dir / "cehdi-upr" / "upr_sessions.csv").open(encoding="utf-8") as f:
        listed = {int(row["session"]): int(row["year"]) for row in csv.DictReader(f)}
    assert len(listed) >= 53
    assert {n: SESSION_YEARS[n] for n in listed} == listed
    assert SESSION_YEARS[48] == 2025 and SESSION_YEARS[18] == 2014  # a rule of 3 a year erred
    # every session with known dates falls in its year
    for known in WG_SESSIONS:
        assert known.start.year == SESSION_YEARS[known.number], known.number


@pytest.mark.django_db
def test_reference_sync_mends_the_years_of_an_existing_database() -> None:
    from upr.corpus.models import Session as SessionRow
    from upr.corpus.reference import sync_reference_data

    SessionRow.objects.filter(number=48).update(year=2023)
    sync_reference_data()
    assert SessionRow.objects.get(number=48).year == 2025
