"""The campaign calendar: download for members, a secret feed URL for calendar programs."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from upr.workspaces.access import workspace_view
from upr.workspaces.models import Membership, Role

from ..feeds import campaign_for_token, campaign_ics, regenerate_feed, revoke_feed
from .access import get_campaign

ICS_TYPE = "text/calendar; charset=utf-8"


def _ics_response(campaign, *, download: bool) -> HttpResponse:
    response = HttpResponse(campaign_ics(campaign), content_type=ICS_TYPE)
    if download:
        response["Content-Disposition"] = f'attachment; filename="upr-campaign-{campaign.pk}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


@workspace_view(Role.VIEWER)
def ics_download(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    return _ics_response(get_campaign(membership, pk), download=True)


@workspace_view(Role.EDITOR, methods=("POST",))
def feed_token(request: HttpRequest, membership: Membership, pk: int) -> HttpResponse:
    """Regenerate (``action=regenerate``) or revoke (anything else) the secret feed URL."""
    campaign = get_campaign(membership, pk, Role.EDITOR)
    if request.POST.get("action") == "regenerate":
        regenerate_feed(campaign)
        messages.success(request, _("New calendar address made; the old one no longer works."))
    else:
        revoke_feed(campaign)
        messages.success(request, _("Calendar address revoked."))
    return redirect("campaigns:timeline", membership.workspace.public_id, campaign.pk)


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """No login: the token is the key. Read-only; any wrong token is a plain 404."""
    campaign = campaign_for_token(token)
    if campaign is None:
        raise Http404
    # A calendar program sends no language: the address carries the subscriber's (?lang=fr).
    language = request.GET.get("lang", "")
    if language in dict(settings.LANGUAGES):
        with translation.override(language):
            return _ics_response(campaign, download=False)
    return _ics_response(campaign, download=False)
