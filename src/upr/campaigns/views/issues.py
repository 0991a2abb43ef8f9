"""Priority issues and their drafts, each draft checked as it is shown."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from upr.workspaces.access import workspace_view
from upr.workspaces.models import Membership, Role

from ..drafts import check_draft, paper_warnings
from ..forms import DraftForm, PriorityIssueForm
from ..models import Draft, PriorityIssue
from .access import context, get_campaign, get_row, require_edit


def _issues(membership, campaign):
    return list(
        PriorityIssue.objects.for_membership(membership)
        .filter(campaign=campaign)
        .select_related("issue")
    )


@workspace_view(Role.VIEWER, methods=("GET", "POST"))
def issues(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    """All priority issues with their drafts and the paper's warnings; POST adds an issue."""
    require_edit(request, membership)
    campaign = get_campaign(membership, pk)
    form = PriorityIssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.workspace = membership.workspace
        form.instance.campaign = campaign
        form.instance.position = len(_issues(membership, campaign))
        form.save()
        messages.success(request, _("Issue added."))
        return redirect("campaigns:issues", membership.workspace.public_id, campaign.pk)
    items = _issues(membership, campaign)
    drafts = list(Draft.objects.for_membership(membership).filter(priority_issue__in=items))
    grouped = [(i, [d for d in drafts if d.priority_issue_id == i.pk]) for i in items]
    ctx = context(
        membership, campaign, grouped=grouped, form=form, warnings=paper_warnings(items, drafts)
    )
    return render(request, "campaigns/issues.html", ctx)


@workspace_view(Role.VIEWER, methods=("GET", "POST"))
def issue(request: HttpRequest, membership: Membership, pk: int, issue_pk: int) -> HttpResponse:
    """One issue: its drafts with their checks; POST edits the issue."""
    require_edit(request, membership)
    campaign = get_campaign(membership, pk)
    item = get_row(PriorityIssue, membership, issue_pk, campaign=campaign)
    form = PriorityIssueForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Issue saved."))
        return redirect("campaigns:issue", membership.workspace.public_id, campaign.pk, item.pk)
    drafts = Draft.objects.for_membership(membership).filter(priority_issue=item)
    review = campaign.review_day
    checked = [
        (d, check_draft(d.text, sur_iso3=campaign.sur_id, issue_id=item.issue_id, review=review))
        for d in drafts
    ]
    ctx = context(
        membership, campaign, issue=item, form=form, checked=checked, draft_form=DraftForm()
    )
    return render(request, "campaigns/issue.html", ctx)


@workspace_view(Role.EDITOR, methods=("POST",))
def issue_delete(
    request: HttpRequest, membership: Membership, pk: int, issue_pk: int
) -> HttpResponse:
    campaign = get_campaign(membership, pk, Role.EDITOR)
    get_row(PriorityIssue, membership, issue_pk, campaign=campaign).delete()
    messages.success(request, _("Issue deleted."))
    return redirect("campaigns:issues", membership.workspace.public_id, campaign.pk)


@workspace_view(Role.EDITOR, methods=("POST",))
def draft_create(
    request: HttpRequest, membership: Membership, pk: int, issue_pk: int
) -> HttpResponse:
    campaign = get_campaign(membership, pk, Role.EDITOR)
    item = get_row(PriorityIssue, membership, issue_pk, campaign=campaign)
    form = DraftForm(request.POST)
    if form.is_valid():
        form.instance.workspace = membership.workspace
        form.instance.priority_issue = item
        form.save()
        messages.success(request, _("Draft added and checked below."))
    else:
        messages.error(request, _("The draft needs a text."))
    return redirect("campaigns:issue", membership.workspace.public_id, campaign.pk, item.pk)


@workspace_view(Role.VIEWER, methods=("GET", "POST"))
def draft(request: HttpRequest, membership: Membership, pk: int, draft_pk: int) -> HttpResponse:
    require_edit(request, membership)
    campaign = get_campaign(membership, pk)
    item = get_row(Draft, membership, draft_pk, priority_issue__campaign=campaign)
    form = DraftForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Draft saved."))
        return redirect(
            "campaigns:issue", membership.workspace.public_id, campaign.pk, item.priority_issue_id
        )
    return render(
        request, "campaigns/draft.html", context(membership, campaign, draft=item, form=form)
    )


@workspace_view(Role.EDITOR, methods=("POST",))
def draft_delete(
    request: HttpRequest, membership: Membership, pk: int, draft_pk: int
) -> HttpResponse:
    campaign = get_campaign(membership, pk, Role.EDITOR)
    item = get_row(Draft, membership, draft_pk, priority_issue__campaign=campaign)
    issue_pk = item.priority_issue_id
    item.delete()
    messages.success(request, _("Draft deleted."))
    return redirect("campaigns:issue", membership.workspace.public_id, campaign.pk, issue_pk)


@workspace_view(Role.VIEWER)
def draft_check(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    """The checks of a text being typed (htmx, ``?text=…&issue=…``): nothing is saved."""
    campaign = get_campaign(membership, pk)
    text = request.GET.get("text", "")[:2000]
    issue_id = request.GET.get("issue")
    issue_id = int(issue_id) if issue_id and issue_id.isdigit() else None
    check = check_draft(
        text, sur_iso3=campaign.sur_id, issue_id=issue_id, review=campaign.review_day
    )
    return render(request, "campaigns/_check.html", context(membership, campaign, check=check))
