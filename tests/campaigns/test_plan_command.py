"""``upr plan`` prints a timeline without any account or database."""

from __future__ import annotations

import json
import sys
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from icalendar import Calendar

from upr.cycle.milestones import MILESTONES


def run(*args: str) -> str:
    out = StringIO()
    call_command("plan", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def any_name_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as if the State-name module were not installed (``None`` makes the import fail)."""
    monkeypatch.setitem(sys.modules, "upr.sources.state_names", None)


@pytest.fixture
def fake_states(monkeypatch: pytest.MonkeyPatch) -> None:
    def resolve_state(name: str) -> SimpleNamespace | None:
        if name.lower() == "togo":
            return SimpleNamespace(short_name="Togo", iso3="TGO")
        return None

    module = SimpleNamespace(resolve_state=resolve_state)
    monkeypatch.setitem(sys.modules, "upr.sources.state_names", module)


@pytest.mark.usefixtures("fake_states")
def test_json_lists_every_step() -> None:
    data = json.loads(run("--sur", "togo", "--review-date", "2027-01-19", "--format", "json"))
    assert [item["key"] for item in data] == [m.key for m in MILESTONES]
    review = next(item for item in data if item["key"] == "review")
    assert review == review | {"start": "2027-01-19", "end": "2027-01-19", "estimated": False}
    for item in data:
        assert {"step", "start", "end", "source", "warnings", "estimated"} <= set(item)
    questions = next(item for item in data if item["key"] == "advance_questions")
    assert questions["start"] == "2027-01-05"


@pytest.mark.usefixtures("fake_states")
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


@pytest.mark.usefixtures("fake_states")
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


@pytest.mark.usefixtures("fake_states")
def test_table_names_the_session_and_the_warnings() -> None:
    table = run("--sur", "Togo", "--review-date", "2027-01-19")
    assert "review on 2027-01-19, UPR WG 54th session" in table
    assert "2027-01-05  2027-01-05" in table
    assert "HRC 57th" in run("--sur", "Togo", "--review-date", "2024-11-04")


@pytest.mark.usefixtures("fake_states")
def test_unknown_state_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="Unknown State 'Narnia'"):
        run("--sur", "Narnia", "--review-date", "2027-01-19")


@pytest.mark.usefixtures("any_name_accepted")
def test_any_name_without_the_state_module() -> None:
    ics = run("--sur", "Narnia (Kingdom of)", "--review-date", "2027-01-19", "--format", "ics")
    assert "UID:plan-narnia-kingdom-of.review@upr-cycle" in ics


def test_with_the_real_state_module_when_installed() -> None:
    state_names = pytest.importorskip("upr.sources.state_names")
    if not hasattr(state_names, "resolve_state"):
        pytest.skip("resolve_state not written yet")
    assert "UID:plan-tgo.review@upr-cycle" in run(
        "--sur", "Togo", "--review-date", "2027-01-19", "--format", "ics"
    )
    with pytest.raises(CommandError, match="Unknown State"):
        run("--sur", "Narnia", "--review-date", "2027-01-19")


@pytest.mark.usefixtures("fake_states")
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
