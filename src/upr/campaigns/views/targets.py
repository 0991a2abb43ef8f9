"""Target States: the finder's ranking to pick from, each target's entry points and outreach."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from upr.workspaces.access import workspace_view
from upr.workspaces.models import Membership, Role

from ..finder import FinderError, rank_for_campaign
from ..forms import ContactForm, EntryPointForm, OutreachForm, TargetForm, TargetPickForm
from ..models import Contact, EntryPoint, Outreach, PriorityIssue, Target
from ..outreach import log_outreach
from .access import context, get_campaign, get_row, require_edit


def _candidates(membership, campaign):
    names = sorted(
        {
            name
            for name in PriorityIssue.objects.for_membership(membership)
            .filter(campaign=campaign)
            .exclude(issue=None)
            .values_list("issue__name", flat=True)
        }
    )
    try:
        return rank_for_campaign(campaign.sur_id, names, campaign.session_id), names, ""
    except FinderError as error:
        return [], names, str(error)


@workspace_view(Role.VIEWER, methods=("GET", "POST"))
def targets(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    """The campaign's targets, and the finder's ranking with checkboxes; POST adds the ticked."""
    require_edit(request, membership)
    campaign = get_campaign(membership, pk)
    chosen = list(
        Target.objects.for_membership(membership).filter(campaign=campaign).select_related("state")
    )
    candidates, issue_names, error = _candidates(membership, campaign)
    form = TargetPickForm(
        request.POST or None, candidates=candidates, already={t.state_id for t in chosen}
    )
    if request.method == "POST" and form.is_valid():
        why = {c.iso3: c.why for c in candidates}
        with transaction.atomic():
            for iso3 in form.cleaned_data["states"]:
                Target.objects.create(
                    workspace=membership.workspace, campaign=campaign, state_id=iso3, why=why[iso3]
                )
        count = len(form.cleaned_data["states"])
        messages.success(
            request,
            ngettext("%(n)s target State added.", "%(n)s target States added.", count)
            % {"n": count},
        )
        return redirect("campaigns:targets", membership.workspace.public_id, campaign.pk)
    ctx = context(
        membership, campaign, targets=chosen, form=form, issue_names=issue_names, error=error
    )
    return render(request, "campaigns/targets.html", ctx)


def _target_page(request, membership, campaign, target, **forms):
    entry_points = list(EntryPoint.objects.for_membership(membership).filter(target=target))
    contacts = Contact.objects.for_membership(membership).filter(entry_point__target=target)
    outreach = Outreach.objects.for_membership(membership).filter(target=target)
    forms.setdefault("form", TargetForm(instance=target))
    forms.setdefault("entry_form", EntryPointForm())
    forms.setdefault("contact_form", ContactForm())
    forms.setdefault("outreach_form", OutreachForm(contacts=contacts))
    grouped = [(e, [c for c in contacts if c.entry_point_id == e.pk]) for e in entry_points]
    ctx = context(
        membership,
        campaign,
        target=target,
        entry_points=grouped,
        outreach=outreach.select_related("contact"),
        **forms,
    )
    return render(request, "campaigns/target.html", ctx)


@workspace_view(Role.VIEWER, methods=("GET", "POST"))
def target(request: HttpRequest, membership: Membership, pk: int, target_pk: int) -> HttpResponse:
    require_edit(request, membership)
    campaign = get_campaign(membership, pk)
    item = get_row(Target, membership, target_pk, campaign=campaign)
    form = TargetForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Target saved."))
        return redirect("campaigns:target", membership.workspace.public_id, campaign.pk, item.pk)
    return _target_page(request, membership, campaign, item, form=form)


@workspace_view(Role.EDITOR, methods=("POST",))
def target_delete(
    request: HttpRequest, membership: Membership, pk: int, target_pk: int
) -> HttpResponse:
    campaign = get_campaign(membership, pk, Role.EDITOR)
    get_row(Target, membership, target_pk, campaign=campaign).delete()
    messages.success(request, _("Target removed."))
    return redirect("campaigns:targets", membership.workspace.public_id, campaign.pk)


@workspace_view(Role.EDITOR, methods=("POST",))
def entry_point_create(
    request: HttpRequest, membership: Membership, pk: int, target_pk: int
) -> HttpResponse:
    campaign = get_campaign(membership, pk, Role.EDITOR)
    item = get_row(Target, membership, target_pk, campaign=campaign)
    form = EntryPointForm(request.POST)
    if not form.is_valid():
        return _target_page(request, membership, campaign, item, entry_form=form)
    form.instance.workspace = membership.workspace
    form.instance.target = item
    form.save()
    messages.success(request, _("Entry point added."))
    return redirect("campaigns:target", membership.workspace.public_id, campaign.pk, item.pk)


@workspace_view(Role.EDITOR, methods=("POST",))
def contact_create(
    request: HttpRequest, membership: Membership, pk: int, entry_pk: int
) -> HttpResponse:
    campaign = get_campaign(membership, pk, Role.EDITOR)
    entry = get_row(EntryPoint, membership, entry_pk, target__campaign=campaign)
    form = ContactForm(request.POST)
    if not form.is_valid():
        return _target_page(request, membership, campaign, entry.target, contact_form=form)
    form.instance.workspace = membership.workspace
    form.instance.entry_point = entry
    form.save()
    messages.success(request, _("Contact added."))
    return redirect(
        "campaigns:target", membership.workspace.public_id, campaign.pk, entry.target_id
    )


@workspace_view(Role.VIEWER, methods=("GET", "POST"))
def contact(request: HttpRequest, membership: Membership, pk: int, contact_pk: int) -> HttpResponse:
    require_edit(request, membership)
    campaign = get_campaign(membership, pk)
    item = get_row(Contact, membership, contact_pk, entry_point__target__campaign=campaign)
    form = ContactForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Contact saved."))
        return redirect(
            "campaigns:target", membership.workspace.public_id, campaign.pk,
            item.entry_point.target_id,
        )  # fmt: skip
    return render(
        request, "campaigns/contact.html", context(membership, campaign, contact=item, form=form)
    )


@workspace_view(Role.EDITOR, methods=("POST",))
def outreach_create(
    request: HttpRequest, membership: Membership, pk: int, target_pk: int
) -> HttpResponse:
    """Log a contact; a sent paper schedules the follow-up call a week later as a task."""
    campaign = get_campaign(membership, pk, Role.EDITOR)
    item = get_row(Target, membership, target_pk, campaign=campaign)
    contacts = Contact.objects.for_membership(membership).filter(entry_point__target=item)
    form = OutreachForm(request.POST, contacts=contacts)
    if not form.is_valid():
        return _target_page(request, membership, campaign, item, outreach_form=form)
    follow_up = log_outreach(form.save(commit=False), item, request.user)
    if follow_up:
        messages.success(
            request,
            _("Logged. A follow-up call is on the dashboard for %(day)s.")
            % {"day": follow_up.due.isoformat()},
        )
    else:
        messages.success(request, _("Logged."))
    return redirect("campaigns:target", membership.workspace.public_id, campaign.pk, item.pk)
