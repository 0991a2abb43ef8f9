"""``upr plan`` prints a timeline without any account or database."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from icalendar import Calendar

from upr.cycle.milestones import MILESTONES


def run(*args: str) -> str:
    out = StringIO()
    call_command("plan", *args, stdout=out)
    return out.getvalue()


def test_json_lists_every_step() -> None:
    data = json.loads(run("--sur", "togo", "--review-date", "2027-01-19", "--format", "json"))
    assert [item["key"] for item in data] == [m.key for m in MILESTONES]
    review = next(item for item in data if item["key"] == "review")
    assert review == review | {"start": "2027-01-19", "end": "2027-01-19", "estimated": False}
    for item in data:
        assert {"step", "start", "end", "source", "warnings", "estimated"} <= set(item)
    questions = next(item for item in data if item["key"] == "advance_questions")
    assert questions["start"] == "2027-01-05"


def test_exact_dates_on_the_command_line() -> None:
    data = json.loads(
        run(
            "--sur", "Togo", "--review-date", "2027-01-19", "--format", "json",
            "--exact", "submission_deadline=2026-06-25", "--exact", "adoption=2027-05-01",
        )
    )  # fmt: skip
    steps = {item["key"]: item for item in data}
    assert steps["submission_deadline"]["start"] == "2026-06-25"
    assert steps["lobby_noted"]["end"] == "2027-05-01"


def test_ics_parses_and_uids_do_not_depend_on_the_date() -> None:
    first = Calendar.from_ical(
        run("--sur", "Togo", "--review-date", "2027-01-19", "--format", "ics")
    )
    moved = Calendar.from_ical(
        run("--sur", "Togo", "--review-date", "2027-03-01", "--format", "ics")
    )
    uids = [str(e["uid"]) for e in first.walk("VEVENT")]
    assert uids == [str(e["uid"]) for e in moved.walk("VEVENT")]
    assert uids[0] == "plan-tgo.national_consultations@upr-cycle"
    assert all("dtstart" in e and "dtend" in e for e in first.walk("VEVENT"))


def test_table_names_the_session_and_the_warnings() -> None:
    table = run("--sur", "Togo", "--review-date", "2027-01-19")
    assert "review on 2027-01-19, UPR WG 54th session" in table
    assert "2027-01-05  2027-01-05" in table
    assert "HRC 57th" in run("--sur", "Togo", "--review-date", "2024-11-04")


def test_unknown_state_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="Unknown State 'Narnia'"):
        run("--sur", "Narnia", "--review-date", "2027-01-19")


def test_uids_use_the_iso_code_and_unknown_states_are_refused() -> None:
    assert "UID:plan-tgo.review@upr-cycle" in run(
        "--sur", "Togo", "--review-date", "2027-01-19", "--format", "ics"
    )
    with pytest.raises(CommandError, match="Unknown State"):
        run("--sur", "Narnia", "--review-date", "2027-01-19")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--review-date", "19/01/2027"], "YYYY-MM-DD"),
        (["--review-date", "2027-01-19", "--exact", "deadline=2026-06-25"], "KEY=YYYY-MM-DD"),
        (["--review-date", "2027-01-19", "--exact", "pre_session=soon"], "pre_session"),
        (["--review-date", "2027-01-19", "--exact", "review=2027-01-20"], "review date"),
    ],
)
def test_bad_input_is_a_command_error(args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        run("--sur", "Togo", *args)
