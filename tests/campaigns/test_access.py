"""Rows of another workspace or campaign are never reachable by guessing their ids."""

from __future__ import annotations

from django.urls import reverse

from upr.campaigns.models import Campaign
from upr.workspaces.models import Workspace
from upr.workspaces.models.scoping import UnscopedQueryError

from .objects import make_campaign, make_objects


def test_ids_from_another_workspace_are_404(team):
    other = make_objects(Workspace.objects.create(name="Other NGO"))
    client = team.client("owner")
    c = team.campaign.pk
    urls = [
        reverse("campaigns:detail", args=[team.ws, other.campaign.pk]),
        reverse("campaigns:task", args=[team.ws, c, other.task.pk]),
        reverse("campaigns:issue", args=[team.ws, c, other.issue.pk]),
        reverse("campaigns:draft", args=[team.ws, c, other.draft.pk]),
        reverse("campaigns:target", args=[team.ws, c, other.target.pk]),
        reverse("campaigns:contact", args=[team.ws, c, other.contact.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code in (404, 405), url


def test_ids_from_another_campaign_of_the_same_workspace_are_404(team):
    second = make_campaign(team.workspace, sur="GHA")
    url = reverse("campaigns:task", args=[team.ws, second.pk, team.objects.task.pk])
    assert team.client("owner").get(url).status_code == 404


def test_unscoped_queries_fail_loudly(team):
    try:
        Campaign.objects.all()
    except UnscopedQueryError:
        pass
    else:
        raise AssertionError("Campaign.objects.all() must be refused")


def test_child_checklist_saved_by_editors(team):
    url = reverse("campaigns:children", args=[team.ws, team.campaign.pk])
    response = team.client("editor").post(url, {"met_voluntary": "on", "how_voluntary": "Consent"})
    assert response.status_code == 302
    team.campaign.refresh_from_db()
    assert team.campaign.child_checklist["voluntary"] == {"met": True, "how": "Consent"}
    assert team.campaign.child_checklist["safe"] == {"met": False, "how": ""}
    assert team.client("viewer").post(url, {"met_safe": "on"}).status_code == 403
