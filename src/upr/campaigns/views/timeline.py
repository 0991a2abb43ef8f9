"""The timeline (every step with its window, source and warnings) and editing one task."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from upr.cycle.milestones import SEEDS
from upr.cycle.plan import chronological
from upr.workspaces.access import workspace_view
from upr.workspaces.models import Membership, Role

from ..dashboard import is_overdue
from ..forms import TaskForm
from ..models import Task
from ..planning import campaign_plan
from .access import context, get_campaign, get_row, require_edit


@workspace_view(Role.VIEWER)
def timeline(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    """Every step by date, with the dashboard's overdue flag on its task."""
    campaign = get_campaign(membership, pk)
    tasks = list(
        Task.objects.for_membership(membership).filter(campaign=campaign).select_related("owner")
    )
    today = timezone.localdate()
    by_step = {t.step_key: t for t in tasks if t.step_key}
    rows = []
    for step in chronological(campaign_plan(campaign)):
        task = by_step.get(step.key)
        rows.append((step, task, task is not None and is_overdue(task, today)))
    # Follow-up calls share the empty step key, so they are listed from the list, not the dict.
    extra = [(t, is_overdue(t, today)) for t in tasks if not t.step_key]
    review, basis = campaign.review_basis()
    return render(
        request,
        "campaigns/timeline.html",
        context(
            membership,
            campaign,
            rows=rows,
            extra=extra,
            review=review,
            basis=basis,
            seeds=SEEDS.items(),
        ),
    )


@workspace_view(Role.VIEWER, methods=("GET", "POST"))
def task(request: HttpRequest, membership: Membership, pk: int, task_pk: int) -> HttpResponse:
    """A task's owner, status and notes; htmx swaps the row in place, plain POST redirects."""
    require_edit(request, membership)
    campaign = get_campaign(membership, pk)
    item = get_row(Task, membership, task_pk, campaign=campaign)
    form = TaskForm(request.POST or None, instance=item, workspace=membership.workspace)
    if request.method == "POST" and form.is_valid():
        form.save()
        if request.headers.get("HX-Request"):
            return render(
                request, "campaigns/_task_row.html", context(membership, campaign, task=item)
            )
        messages.success(request, _("Task saved."))
        return redirect("campaigns:detail", membership.workspace.public_id, campaign.pk)
    return render(
        request, "campaigns/task.html", context(membership, campaign, task=item, form=form)
    )
