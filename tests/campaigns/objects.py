"""Building campaign data for tests: one of each row, in a given workspace.

Shared by the campaign tests and the workspace persona table (tests/workspaces/test_personas.py),
which needs an id for every URL of the campaigns namespace.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from upr.campaigns.models import (
    Campaign,
    Contact,
    Draft,
    EntryPoint,
    EntryPointKind,
    PriorityIssue,
    Target,
    Task,
)
from upr.campaigns.planning import sync_tasks
from upr.corpus.models import Issue, Session, State
from upr.workspaces.models import Workspace

REVIEW_54 = date(2027, 1, 19)


def make_campaign(workspace: Workspace, *, sur: str = "TGO", **fields) -> Campaign:
    """A campaign (review of Togo on 19 January 2027 by default) with its tasks."""
    fields.setdefault("review_date", REVIEW_54)
    if "session" not in fields:
        fields["session"] = Session.objects.filter(number=54).first()
    campaign = Campaign.objects.create(
        workspace=workspace, sur=State.objects.get(iso3=sur), **fields
    )
    sync_tasks(campaign)
    return campaign


@dataclass
class CampaignObjects:
    campaign: Campaign
    task: Task
    issue: PriorityIssue
    draft: Draft
    target: Target
    entry_point: EntryPoint
    contact: Contact


def make_objects(workspace: Workspace) -> CampaignObjects:
    campaign = make_campaign(workspace)
    task = Task.objects.in_workspace(workspace).get(campaign=campaign, step_key="review")
    issue = PriorityIssue.objects.create(
        workspace=workspace,
        campaign=campaign,
        title="Child marriage",
        issue=Issue.objects.filter(name__icontains="child").first(),
    )
    draft = Draft.objects.create(
        workspace=workspace, priority_issue=issue, text="Raise the minimum age of marriage to 18."
    )
    target = Target.objects.create(workspace=workspace, campaign=campaign, state_id="FRA")
    entry = EntryPoint.objects.create(
        workspace=workspace, target=target, kind=EntryPointKind.EMBASSY, name="Embassy in Lomé"
    )
    contact = Contact.objects.create(
        workspace=workspace, entry_point=entry, name="A. Diplomat", email="a@example.org"
    )
    return CampaignObjects(campaign, task, issue, draft, target, entry, contact)


def objects_for(world) -> CampaignObjects:
    """The persona world's campaign objects, made once per test."""
    if not hasattr(world, "_campaign_objects"):
        world._campaign_objects = make_objects(world.workspace)
    return world._campaign_objects
