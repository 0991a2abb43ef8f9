"""Template helpers of the campaign pages."""

from __future__ import annotations

from django import template
from django.urls import reverse

from upr.cycle.milestones import SEEDS

from ..feeds import feed_token

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_url(context, campaign) -> str:
    """The absolute secret calendar address, or "" while the feed is off."""
    token = feed_token(campaign)
    if not token:
        return ""
    path = reverse("campaigns:feed", args=[token])
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path


@register.simple_tag
def seed_titles(seeds) -> str:
    """The seed documents' titles, for a source's tooltip."""
    return " · ".join(f"[{s}] {SEEDS[s]}" for s in seeds if s in SEEDS)
