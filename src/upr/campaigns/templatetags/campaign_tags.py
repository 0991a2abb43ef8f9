"""Template helpers of the campaign pages."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language

from upr.cycle.milestones import SEEDS

from ..feeds import feed_token
from ..step_words import step_when

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_url(context, campaign) -> str:
    """The absolute secret calendar address, or "" while the feed is off."""
    token = feed_token(campaign)
    if not token:
        return ""
    path = reverse("campaigns:feed", args=[token])
    language = get_language() or ""
    if language and not language.startswith("en"):
        path += f"?lang={language.split('-')[0]}"  # the calendar program sends no language
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path


SEED_LINK = '<a class="seed" href="#seed-{}" title="{}">{}</a>'


@register.simple_tag
def seed_link(seed: str) -> str:
    """A seed code linked to its footnote, titled with the guide: a bare "003" means nothing."""
    return format_html(SEED_LINK, seed, SEEDS.get(seed, ""), seed)


@register.simple_tag
def seed_links(seeds) -> str:
    """``seed_link`` for each code of a step's source, comma-separated."""
    return format_html_join(", ", SEED_LINK, ((s, SEEDS.get(s, ""), s) for s in seeds))


register.simple_tag(step_when)
