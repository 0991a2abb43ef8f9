"""The timeline page: steps by date, honest estimate badges, overdue flags, readable sources."""

from __future__ import annotations

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests.cycle.test_plan import SESSION_54
from upr.campaigns.models import Task, TaskKind, TaskStatus

from .objects import make_campaign


def timeline_html(team, campaign=None) -> str:
    campaign = campaign or team.campaign
    response = team.client("viewer").get(reverse("campaigns:timeline", args=[team.ws, campaign.pk]))
    assert response.status_code == 200
    return response.content.decode()


def row(html: str, key: str) -> str:
    match = re.search(rf'<tr class="step[^"]*" id="step-{key}">(.*?)</tr>', html, re.S)
    assert match, key
    return match.group(1)


def step_order(html: str) -> list[str]:
    return re.findall(r'<tr class="step[^"]*" id="step-(\w+)"', html)


def test_steps_are_listed_by_start_then_end(team):
    order = step_order(timeline_html(team))
    # The hand-dated windows sorted as (start, end) tuples; ties keep the table order.
    assert order == sorted(SESSION_54, key=SESSION_54.get)
    # What the user saw: 21 Jan before the 19 Jan window, 19 May before 19 April.
    assert order.index("lobby_noted") < order.index("outcome_report")
    assert order.index("follow_up_supported") < order.index("adoption")


def test_a_stand_in_review_date_makes_no_date_exact(team):
    """The session's first day stands in for the review: nothing derived from it is exact."""
    campaign = make_campaign(team.workspace, sur="BEN", review_date=None)
    assert campaign.review_basis()[1] == "session"
    html = timeline_html(team, campaign)
    for key in ("review", "advance_questions", "lobby_noted"):
        assert 'class="badge estimated"' in row(html, key), key
    assert 'class="badge exact"' not in html
    tasks = Task.objects.in_workspace(team.workspace).filter(campaign=campaign)
    assert all(tasks.values_list("estimated", flat=True))


def test_an_entered_review_date_stays_exact(team):
    html = timeline_html(team)
    assert 'class="badge exact"' in row(html, "review")
    assert 'class="badge exact"' in row(html, "advance_questions")


def test_overdue_steps_are_flagged_as_on_the_dashboard(team):
    review = timezone.localdate() + timedelta(days=60)
    campaign = make_campaign(team.workspace, sur="BEN", session=None, review_date=review)
    done = Task.objects.in_workspace(team.workspace).get(
        campaign=campaign, step_key="submission_deadline"
    )
    done.status = TaskStatus.DONE
    done.save()
    Task.objects.create(
        workspace=team.workspace,
        campaign=campaign,
        kind=TaskKind.FOLLOW_UP,
        title="Call the embassy of France",
        start=review - timedelta(days=90),
        due=review - timedelta(days=90),
    )
    Task.objects.create(
        workspace=team.workspace,
        campaign=campaign,
        kind=TaskKind.FOLLOW_UP,
        title="Call the embassy of Chile",
        start=review,
        due=review,
    )
    html = timeline_html(team, campaign)
    flagged = set(re.findall(r'<tr class="step[^"]* overdue" id="step-(\w+)"', html))

    dashboard = team.client("viewer").get(reverse("campaigns:detail", args=[team.ws, campaign.pk]))
    overdue = dashboard.context["board"].overdue
    assert flagged == {t.step_key for t in overdue if t.step_key}
    assert "national_consultations" in flagged  # ended at R − 6 months
    assert "submission_deadline" not in flagged  # done
    assert "review" not in flagged
    assert 'class="badge warn overdue"' in row(html, "national_consultations")
    # Follow-up calls, each listed (they share the empty step key) and flagged by the same rule.
    assert "Call the embassy of Chile" in html
    assert re.search(r'<tr class="overdue">.*?Call the embassy of France', html)


def test_one_month_is_singular(team):
    html = timeline_html(team)
    assert "R − 1 month<" in row(html, "pre_session")
    assert "R − 2 months to R − 1 month<" in row(html, "contact_geneva_missions")
    assert "R − 10 working days<" in row(html, "advance_questions")
    assert "1 months" not in html


def test_source_codes_name_their_guides(team):
    html = timeline_html(team)
    source = row(html, "national_consultations")
    assert '<a class="seed" href="#seed-000" title="Model UPR advocacy strategy' in source
    assert '<a class="seed" href="#seed-004" title="Role of CSOs (UPR Info)">004</a>' in source
    assert 'id="seed-000">[000] Model UPR advocacy strategy' in html  # the footnote stays
