"""Plans for real reviews, exact dates, session clashes, and properties for any review date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from upr.cycle.milestones import MILESTONES
from upr.cycle.offsets import add_months
from upr.cycle.plan import PlanStep, build_plan, chronological, next_review_date
from upr.cycle.sessions import Session

D = date

# Review of a State at the 54th session, Tuesday 19 January 2027, dated by hand from DOMAIN.md.
SESSION_54 = {
    "national_consultations": (D(2026, 1, 19), D(2026, 7, 19)),
    "submission_deadline": (D(2026, 5, 19), D(2026, 7, 19)),
    "advocacy_paper": (D(2026, 7, 19), D(2026, 9, 19)),
    "contact_embassies": (D(2026, 9, 19), D(2026, 10, 19)),
    "national_report_due": (D(2026, 10, 19), D(2026, 10, 19)),
    "stakeholder_summary": (D(2026, 10, 19), D(2026, 11, 19)),
    "contact_geneva_missions": (D(2026, 11, 19), D(2026, 12, 19)),
    "pre_session": (D(2026, 12, 19), D(2026, 12, 19)),
    "advance_questions": (D(2027, 1, 5), D(2027, 1, 5)),  # 10 working days, no holiday between
    "review": (D(2027, 1, 19), D(2027, 1, 19)),
    "outcome_report": (D(2027, 1, 21), D(2027, 1, 21)),
    "lobby_noted": (D(2027, 1, 19), D(2027, 6, 19)),
    "adoption": (D(2027, 5, 19), D(2027, 5, 19)),
    "follow_up_supported": (D(2027, 4, 19), D(2028, 1, 19)),
    "action_plan": (D(2027, 6, 19), D(2029, 1, 19)),
    "mid_term_report": (D(2029, 1, 19), D(2029, 7, 19)),
    "next_cycle_dialogue": (D(2030, 7, 19), D(2031, 1, 19)),
    "next_review": (D(2031, 7, 19), D(2031, 7, 19)),
}

# Afghanistan, cycle 2: reviewed on Monday 27 January 2014 at the 18th session (report index).
AFGHANISTAN_2014 = {
    "national_consultations": (D(2013, 1, 27), D(2013, 7, 27)),
    "submission_deadline": (D(2013, 5, 27), D(2013, 7, 27)),
    "advocacy_paper": (D(2013, 7, 27), D(2013, 9, 27)),
    "contact_embassies": (D(2013, 9, 27), D(2013, 10, 27)),
    "national_report_due": (D(2013, 10, 27), D(2013, 10, 27)),
    "stakeholder_summary": (D(2013, 10, 27), D(2013, 11, 27)),
    "contact_geneva_missions": (D(2013, 11, 27), D(2013, 12, 27)),
    "pre_session": (D(2013, 12, 27), D(2013, 12, 27)),
    "advance_questions": (D(2014, 1, 13), D(2014, 1, 13)),
    "review": (D(2014, 1, 27), D(2014, 1, 27)),
    "outcome_report": (D(2014, 1, 29), D(2014, 1, 29)),
    "lobby_noted": (D(2014, 1, 27), D(2014, 6, 27)),
    "adoption": (D(2014, 5, 27), D(2014, 5, 27)),
    "follow_up_supported": (D(2014, 4, 27), D(2015, 1, 27)),
    "action_plan": (D(2014, 6, 27), D(2016, 1, 27)),
    "mid_term_report": (D(2016, 1, 27), D(2016, 7, 27)),
    "next_cycle_dialogue": (D(2017, 7, 27), D(2018, 1, 27)),
    "next_review": (D(2018, 7, 27), D(2018, 7, 27)),
}


def windows(plan: list[PlanStep]) -> dict[str, tuple[date, date]]:
    return {step.key: (step.start, step.end) for step in plan}


def by_key(plan: list[PlanStep]) -> dict[str, PlanStep]:
    return {step.key: step for step in plan}


def test_review_at_the_54th_session() -> None:
    plan = build_plan(D(2027, 1, 19))
    assert [step.key for step in plan] == list(SESSION_54)
    assert windows(plan) == SESSION_54
    steps = by_key(plan)
    assert not steps["review"].estimated
    assert not steps["advance_questions"].estimated
    assert steps["submission_deadline"].estimated
    assert steps["submission_deadline"].source == "001, 004"
    assert not any(step.warnings for step in plan)  # no session in Nov–Dec 2026


def test_afghanistan_cycle_2() -> None:
    assert windows(build_plan(D(2014, 1, 27))) == AFGHANISTAN_2014


def test_exact_dates_override_estimates() -> None:
    exact = {
        "submission_deadline": D(2026, 6, 25),
        "national_report_due": D(2026, 10, 1),
        "pre_session": D(2026, 10, 19),
        "adoption": D(2027, 5, 1),
    }
    steps = by_key(build_plan(D(2027, 1, 19), exact_dates=exact))
    for key, day in exact.items():
        assert (steps[key].start, steps[key].end) == (day, day)
        assert not steps[key].estimated
    # The actual adoption ends the lobbying and starts the follow-up.
    assert (steps["lobby_noted"].start, steps["lobby_noted"].end) == (D(2027, 1, 19), D(2027, 5, 1))
    assert not steps["lobby_noted"].estimated
    assert steps["follow_up_supported"].start == D(2027, 5, 1)
    assert steps["follow_up_supported"].end == D(2028, 1, 19)
    assert steps["follow_up_supported"].estimated


def test_moving_the_review_moves_derived_dates_and_keeps_exact_ones() -> None:
    exact = {"submission_deadline": D(2026, 6, 25), "pre_session": D(2026, 10, 19)}
    before = by_key(build_plan(D(2027, 1, 19), exact_dates=exact))
    after = by_key(build_plan(D(2027, 1, 26), exact_dates=exact))
    for key in SESSION_54:
        if key in exact:
            assert (after[key].start, after[key].end) == (before[key].start, before[key].end)
        else:
            assert after[key].start > before[key].start, key
            assert after[key].end > before[key].end, key


def test_the_review_is_not_an_exact_date_of_its_own() -> None:
    build_plan(D(2027, 1, 19), exact_dates={"review": D(2027, 1, 19)})
    with pytest.raises(ValueError, match="review"):
        build_plan(D(2027, 1, 19), exact_dates={"review": D(2027, 1, 20)})


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="submision"):
        build_plan(D(2027, 1, 19), exact_dates={"submision_deadline": D(2026, 6, 25)})


def test_implausible_exact_dates_are_flagged() -> None:
    steps = by_key(
        build_plan(
            D(2027, 1, 19),
            exact_dates={"submission_deadline": D(2027, 2, 1), "adoption": D(2026, 12, 1)},
        )
    )
    assert "after the review" in steps["submission_deadline"].warnings[0]
    assert "before the review" in steps["adoption"].warnings[0]
    # Lobbying cannot end before it starts: it collapses to the review day, with a warning.
    assert steps["lobby_noted"].start == steps["lobby_noted"].end == D(2027, 1, 19)
    assert steps["lobby_noted"].warnings


def test_geneva_steps_inside_an_hrc_session_get_the_seeds_advice() -> None:
    # Reviews early November 2024: R − 2 to R − 1 months fall in HRC 57 (9 Sep – 11 Oct 2024).
    steps = by_key(build_plan(D(2024, 11, 4)))
    for key in ("contact_geneva_missions", "pre_session"):
        (warning,) = steps[key].warnings
        assert "HRC 57th regular session (2024-09-09 – 2024-10-11)" in warning
        assert "by 2024-08-26" in warning  # a couple of weeks before
        assert "2024-10-14 – 2024-10-18" in warning  # the week after
    assert not steps["contact_embassies"].warnings  # not a Geneva step


def test_clashes_with_wg_sessions_and_custom_calendars() -> None:
    wg = Session(99, D(2030, 4, 1), D(2030, 4, 12), "wg", estimated=True)
    steps = by_key(build_plan(D(2030, 6, 1), sessions=[wg]))
    assert (
        "UPR WG 99th session (2030-04-01 – 2030-04-12, estimated)"
        in (steps["contact_geneva_missions"].warnings[0])
    )
    assert steps["pre_session"].warnings == []  # 1 May 2030
    assert not any(s.warnings for s in build_plan(D(2024, 11, 4), sessions=[]))


def test_an_entered_pre_session_is_not_second_guessed() -> None:
    steps = by_key(build_plan(D(2024, 11, 4), exact_dates={"pre_session": D(2024, 10, 2)}))
    assert steps["pre_session"].warnings == []


def test_as_dict_is_json_ready() -> None:
    data = build_plan(D(2027, 1, 19))[0].as_dict()
    assert {"key", "step", "start", "end", "source", "warnings", "estimated"} <= set(data)
    assert data["start"] == "2026-01-19"


def test_chronological_order_sorts_ranges_by_start_then_end() -> None:
    """The table order puts 21 Jan before the window starting 19 Jan, and 19 May before 19 April."""
    keys = [step.key for step in chronological(build_plan(D(2027, 1, 19)))]
    assert keys[keys.index("advance_questions") :] == [
        "advance_questions",  # 2027-01-05
        "review",  # 2027-01-19, one day: before the window that starts that day
        "lobby_noted",  # 2027-01-19 – 2027-06-19
        "outcome_report",  # 2027-01-21
        "follow_up_supported",  # 2027-04-19 – 2028-01-19
        "adoption",  # 2027-05-19
        "action_plan",  # 2027-06-19 – 2029-01-19
        "mid_term_report",
        "next_cycle_dialogue",
        "next_review",
    ]
    # A shared start: the one-day report deadline before the window that begins with it.
    assert keys.index("national_report_due") + 1 == keys.index("stakeholder_summary")


def test_an_estimated_review_makes_every_derived_date_an_estimate() -> None:
    exact = {"adoption": D(2027, 5, 1)}
    steps = by_key(build_plan(D(2027, 1, 19), exact_dates=exact, review_estimated=True))
    assert steps["review"].estimated
    assert steps["advance_questions"].estimated  # a rule, but counted from a guessed day
    assert steps["lobby_noted"].estimated  # starts at the guessed review, ends at the entry
    assert not steps["adoption"].estimated  # entered by the user: exact whatever the review
    assert all(s.estimated for s in steps.values() if s.key != "adoption")


def test_next_review_is_54_months_later() -> None:
    assert next_review_date(D(2027, 1, 19)) == D(2031, 7, 19)
    assert next_review_date(D(2026, 8, 31)) == D(2031, 2, 28)


@settings(max_examples=200, deadline=None)
@given(st.dates(D(2008, 1, 1), D(2040, 12, 31)))
def test_any_review_date_gives_a_sensible_plan(review: date) -> None:
    plan = build_plan(review)
    assert [s.key for s in plan] == [m.key for m in MILESTONES]
    steps = by_key(plan)
    assert all(s.start <= s.end for s in plan)
    assert steps["review"].start == steps["review"].end == review
    for step in plan:
        if step.phase == "preparation":
            assert step.end < review
        else:
            assert step.start >= review
    preparation = [s.start for s in plan if s.phase == "preparation"]
    assert preparation == sorted(preparation)
    assert steps["contact_geneva_missions"].end <= steps["pre_session"].start
    assert steps["pre_session"].start < steps["advance_questions"].start < review
    assert steps["outcome_report"].start < steps["adoption"].start <= steps["lobby_noted"].end
    assert steps["adoption"].start < steps["follow_up_supported"].end
    assert steps["mid_term_report"].start < steps["next_cycle_dialogue"].start
    assert steps["next_review"].start == add_months(review, 54) == max(s.end for s in plan)


@settings(max_examples=100, deadline=None)
@given(
    st.dates(D(2008, 1, 1), D(2040, 12, 31)),
    st.integers(-60, -1),
    st.integers(90, 180),
)
def test_exact_dates_survive_any_review_date(review: date, pre: int, adoption: int) -> None:
    from datetime import timedelta

    exact = {
        "pre_session": review + timedelta(days=pre),
        "adoption": review + timedelta(days=adoption),
    }
    steps = by_key(build_plan(review, exact_dates=exact))
    assert steps["pre_session"].start == exact["pre_session"]
    assert steps["lobby_noted"].end == steps["adoption"].start == exact["adoption"]
    assert all(s.start <= s.end for s in steps.values())
