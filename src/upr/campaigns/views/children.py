"""Child participation: the CRC's nine standards as the campaign's checklist [003]."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from upr.workspaces.access import workspace_view
from upr.workspaces.models import Membership, Role

from ..forms import ChildChecklistForm
from .access import context, get_campaign, require_edit


@workspace_view(Role.VIEWER, methods=("GET", "POST"))
def children(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    require_edit(request, membership)
    campaign = get_campaign(membership, pk)
    form = ChildChecklistForm(request.POST or None, saved=campaign.child_checklist)
    if request.method == "POST" and form.is_valid():
        campaign.child_checklist = form.checklist()
        campaign.save(update_fields=["child_checklist"])
        messages.success(request, _("Checklist saved."))
        return redirect("campaigns:children", membership.workspace.public_id, campaign.pk)
    return render(request, "campaigns/children.html", context(membership, campaign, form=form))
