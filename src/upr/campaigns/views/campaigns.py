"""The list of campaigns, creating and editing one, its dashboard, deleting it."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from upr.workspaces.access import workspace_view
from upr.workspaces.models import Membership, Role

from ..dashboard import build_dashboard
from ..forms import CampaignForm
from ..models import Campaign, Task
from ..planning import sync_tasks
from .access import context, get_campaign


@workspace_view(Role.VIEWER)
def campaign_list(request: HttpRequest, membership: Membership) -> HttpResponse:
    campaigns = Campaign.objects.for_membership(membership).select_related("sur", "session")
    return render(
        request, "campaigns/list.html", {"membership": membership, "campaigns": campaigns}
    )


@workspace_view(Role.EDITOR, methods=("GET", "POST"))
def campaign_create(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.instance.workspace = membership.workspace
            campaign = form.save()
            sync_tasks(campaign)
        messages.success(request, _("Campaign created; its plan is below."))
        return redirect("campaigns:timeline", membership.workspace.public_id, campaign.pk)
    return render(request, "campaigns/form.html", {"membership": membership, "form": form})


@workspace_view(Role.EDITOR, methods=("GET", "POST"))
def campaign_edit(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    campaign = get_campaign(membership, pk, Role.EDITOR)
    form = CampaignForm(request.POST or None, instance=campaign)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            campaign = form.save()
            sync_tasks(campaign)
        messages.success(request, _("Saved; every derived date has been recalculated."))
        return redirect("campaigns:timeline", membership.workspace.public_id, campaign.pk)
    return render(request, "campaigns/form.html", context(membership, campaign, form=form))


@workspace_view(Role.VIEWER)
def campaign_detail(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    """The dashboard: open tasks overdue, this week and next."""
    campaign = get_campaign(membership, pk)
    tasks = (
        Task.objects.for_membership(membership)
        .filter(campaign=campaign)
        .select_related("owner", "target__state")
    )
    board = build_dashboard(tasks, timezone.localdate())
    return render(request, "campaigns/detail.html", context(membership, campaign, board=board))


@workspace_view(Role.OWNER, methods=("POST",))
def campaign_delete(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    campaign = get_campaign(membership, pk, Role.OWNER)
    campaign.delete()
    messages.success(request, _("Campaign deleted."))
    return redirect("campaigns:list", membership.workspace.public_id)
