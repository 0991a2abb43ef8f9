"""Priority issues and drafts: the paper's limits as warnings, each draft checked."""

from __future__ import annotations

import re

from django.urls import reverse

from upr.campaigns.drafts import check_draft, paper_warnings
from upr.campaigns.models import Draft, DraftKind, PriorityIssue
from upr.corpus.models import Issue, Recommendation


def add_issue(team, title: str, issue_name: str | None = None) -> PriorityIssue:
    return PriorityIssue.objects.create(
        workspace=team.workspace,
        campaign=team.campaign,
        title=title,
        issue=Issue.objects.get(name=issue_name) if issue_name else None,
    )


def test_warnings_beyond_the_limits(team):
    issues = [team.objects.issue] + [add_issue(team, f"Issue {n}") for n in range(4)]
    drafts = [
        Draft(workspace=team.workspace, priority_issue=issues[0], text=f"Adopt law {n}")
        for n in range(3)
    ] + [
        Draft(workspace=team.workspace, priority_issue=i, text="Ratify X")
        for i in issues[1:]
        for _ in range(2)
    ]
    for d in drafts:
        d.save()
    warnings = paper_warnings(issues, drafts)
    assert any("5 issues" in w for w in warnings)
    assert any("Child marriage" in w and "3 drafts" in w for w in warnings)
    assert any("11 recommendations in all" in w for w in warnings)
    few = paper_warnings(issues[:1], drafts[:1])
    assert few == ["1 of the 5–6 recommendations an advocacy paper usually carries."]
    questions = [
        Draft(priority_issue=issues[0], kind=DraftKind.QUESTION, text="?") for _ in range(3)
    ]
    assert any("Advance question" in w for w in paper_warnings(issues[:1], questions))


def test_draft_check_finds_earlier_recommendations_on_the_issue(team):
    rec = (
        Recommendation.objects.filter(sur_id="TGO", text__icontains="torture")
        .exclude(issues=None)
        .first()
    )
    assert rec is not None
    issue = rec.issues.first()
    check = check_draft(
        "Criminalize torture in the Penal Code by 2028 and prosecute perpetrators",
        sur_iso3="TGO",
        issue_id=issue.pk,
        review=team.campaign.review_day,
    )
    assert check.action.category == 5
    assert check.earlier, "no earlier recommendation found"
    assert all(m.recommendation.sur_id == "TGO" for m in check.earlier)
    assert all(issue in m.recommendation.issues.all() for m in check.earlier)
    assert all("torture" in m.shared for m in check.earlier)


def test_issue_page_shows_checks_and_links_to_the_corpus(team):
    item = add_issue(team, "Torture", "Torture and other CID treatment")
    client = team.client("editor")
    url = reverse("campaigns:draft_create", args=[team.ws, team.campaign.pk, item.pk])
    client.post(url, {"kind": "recommendation", "text": "Criminalize torture by 2028"})
    page = client.get(reverse("campaigns:issue", args=[team.ws, team.campaign.pk, item.pk]))
    html = page.content.decode()
    assert "5 / 5" in html
    assert "/recommendations/" in html
    live = client.get(
        reverse("campaigns:draft_check", args=[team.ws, team.campaign.pk]),
        {"text": "Continue efforts against torture"},
    )
    assert "2 / 5" in live.content.decode()
    # what the wording cannot tell is left to the person, not ticked
    html = live.content.decode()
    assert '<li class="ask">?' in html and "(for you to judge)" in html
    assert '<li class="ok">✓' not in html.split("Achievable")[0].rsplit("<li", 1)[-1]
    dated = client.get(
        reverse("campaigns:draft_check", args=[team.ws, team.campaign.pk]),
        {"text": "Amend, by the next review, the Child Rights Act 2003 to ban child marriage"},
    ).content.decode()
    timed = re.search(
        r'<li class="(\w+)">[^<]*Time-bound[^<]*<small class="muted">\(([^)]*)\)', dated
    )
    assert timed and timed.groups() == ("ok", "by the next review")


def test_tab_from_a_draft_reaches_the_add_button_before_the_live_check(team):
    item = team.objects.issue
    html = (
        team.client("editor")
        .get(reverse("campaigns:issue", args=[team.ws, team.campaign.pk, item.pk]))
        .content.decode()
    )
    assert html.index("Add and check") < html.index('id="live-check"')
