"""Looking up a campaign's rows for the request's member: always scoped, 404 otherwise.

Every row is fetched through ``for_membership`` *and* tied to the campaign in the URL, so a
valid id from another campaign or workspace is a 404, never a leak.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from upr.workspaces.models import Membership, Role

from ..models import Campaign


def get_campaign(membership: Membership, pk: int, min_role: str = Role.VIEWER) -> Campaign:
    queryset = Campaign.objects.for_membership(membership, min_role).select_related(
        "sur", "session", "workspace"
    )
    return get_object_or_404(queryset, pk=pk)


def get_row(model: type[Model], membership: Membership, pk: int, **through):
    """A row of ``model`` in the member's workspace, constrained by ``through`` lookups."""
    return get_object_or_404(model.objects.for_membership(membership), pk=pk, **through)


def require_edit(request: HttpRequest, membership: Membership) -> None:
    """Pages that everyone reads but only editors change: refuse a viewer's POST."""
    if request.method == "POST" and not membership.can_edit:
        raise PermissionDenied(_("Your role in this workspace does not allow this."))


def context(membership: Membership, campaign: Campaign, **extra) -> dict:
    return {"membership": membership, "campaign": campaign, **extra}
