"""The ICS export parses back, has complete events, and keeps its UIDs when the review moves."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar

from upr.cycle.plan import build_plan
from upr.documents.ics import plan_to_ics, step_uid

STAMP = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def events(ics: bytes) -> list:
    return list(Calendar.from_ical(ics).walk("VEVENT"))


def test_every_step_is_a_complete_all_day_event() -> None:
    plan = build_plan(date(2027, 1, 19), exact_dates={"pre_session": date(2026, 10, 19)})
    parsed = events(plan_to_ics(plan, plan_id="campaign-42", stamp=STAMP))
    assert len(parsed) == len(plan)
    for event, step in zip(parsed, plan, strict=True):
        assert event.decoded("dtstart") == step.start
        assert event.decoded("dtend") == step.end + timedelta(days=1)  # exclusive end
        assert not isinstance(event.decoded("dtstart"), datetime)
        assert str(event["summary"]) == step.step
        assert f"Source: {step.source}" in str(event["description"])
        assert str(event["uid"]) == f"campaign-42.{step.key}@upr-cycle"
        assert str(event["status"]) == ("TENTATIVE" if step.estimated else "CONFIRMED")


def test_uids_survive_a_new_review_date() -> None:
    first = events(plan_to_ics(build_plan(date(2027, 1, 19)), plan_id="campaign-42"))
    moved = events(plan_to_ics(build_plan(date(2027, 5, 3)), plan_id="campaign-42"))
    assert [str(e["uid"]) for e in first] == [str(e["uid"]) for e in moved]
    assert [e.decoded("dtstart") for e in first] != [e.decoded("dtstart") for e in moved]
    assert len({str(e["uid"]) for e in first}) == len(first)


def test_output_is_reproducible_with_a_fixed_stamp() -> None:
    plan = build_plan(date(2027, 1, 19))
    assert plan_to_ics(plan, plan_id="x", stamp=STAMP) == plan_to_ics(
        plan, plan_id="x", stamp=STAMP
    )


def test_warnings_reach_the_description() -> None:
    plan = build_plan(date(2024, 11, 4))
    (missions,) = [e for e in events(plan_to_ics(plan, plan_id="p")) if "missions" in e["summary"]]
    assert "Warning: HRC 57th regular session" in str(missions["description"])


def test_uid_slug() -> None:
    assert step_uid("Côte d'Ivoire / 2027", "review") == "C-te-d-Ivoire-2027.review@upr-cycle"
    assert step_uid("///", "review") == "plan.review@upr-cycle"
