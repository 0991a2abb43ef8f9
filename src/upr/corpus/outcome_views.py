"""The outcome page: for a State and session, or for a campaign's own drafts and issues.

POST, not GET, for the State+session form: drafts are the NGO's unpublished words and do not
belong in URLs and server logs. The CSV is the same form's second button, so it works without
JavaScript.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from upr.workspaces.access import workspace_view
from upr.workspaces.models import Role

from .access import public_corpus
from .models import State
from .outcome import Outcome, outcome_csv, review_outcome
from .report_forms import OutcomeForm


def _csv(outcome: Outcome) -> HttpResponse:
    name = f"outcome-{outcome.sur.iso3}-{outcome.session}.csv"
    response = HttpResponse(outcome_csv(outcome), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@public_corpus
def outcome(request):
    form = OutcomeForm(request.POST or None, initial=request.GET.dict())
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        sur = State.objects.get(pk=data["sur"])
        result = review_outcome(sur, data["session"], form.draft_lines(), list(data["issues"]))
        if request.POST.get("export") == "csv":
            return _csv(result)
    return render(request, "corpus/outcome.html", {"form": form, "outcome": result})


@workspace_view(Role.VIEWER, methods=("GET",))
def campaign_outcome(request, membership, pk: int):
    from upr.campaigns.models import Draft, DraftKind, PriorityIssue
    from upr.campaigns.views.access import get_campaign

    campaign = get_campaign(membership, pk)
    result = None
    if campaign.session_id:
        drafts = Draft.objects.for_membership(membership).filter(
            priority_issue__campaign=campaign, kind=DraftKind.RECOMMENDATION
        )
        priorities = PriorityIssue.objects.for_membership(membership).filter(
            campaign=campaign, issue__isnull=False
        )
        issues = list({p.issue_id: p.issue for p in priorities.select_related("issue")}.values())
        result = review_outcome(campaign.sur, campaign.session_id, [d.text for d in drafts], issues)
        if request.GET.get("export") == "csv":
            return _csv(result)
    context = {
        "campaign": campaign,
        "membership": membership,
        "outcome": result,
        "no_session": _("Set the campaign's Working Group session to see the outcome."),
    }
    return render(request, "corpus/campaign_outcome.html", context)
