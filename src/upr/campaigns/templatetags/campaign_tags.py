"""Template helpers of the campaign pages."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext

from upr.cycle.milestones import MILESTONES_BY_KEY, SEEDS
from upr.cycle.offsets import Offset

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


SEED_LINK = '<a class="seed" href="#seed-{}" title="{}">{}</a>'


@register.simple_tag
def seed_link(seed: str) -> str:
    """A seed code linked to its footnote, titled with the guide: a bare "003" means nothing."""
    return format_html(SEED_LINK, seed, SEEDS.get(seed, ""), seed)


@register.simple_tag
def seed_links(seeds) -> str:
    """``seed_link`` for each code of a step's source, comma-separated."""
    return format_html_join(", ", SEED_LINK, ((s, SEEDS.get(s, ""), s) for s in seeds))


def _count(unit: str, count: int) -> str:
    # One literal ngettext per unit, so makemessages collects each plural pair.
    if unit == "month":
        text = ngettext("%(count)d month", "%(count)d months", count)
    elif unit == "day":
        text = ngettext("%(count)d day", "%(count)d days", count)
    else:
        text = ngettext("%(count)d working day", "%(count)d working days", count)
    return text % {"count": count}


def describe_offset(offset: Offset) -> str:
    """``Offset.describe`` in the reader's language: "R − 1 month", "R − 6 mois"."""
    parts = ["R"]
    for value, unit in offset.parts():
        parts += ["−" if value < 0 else "+", _count(unit, abs(value))]
    return " ".join(parts)


@register.simple_tag
def step_when(step) -> str:
    """A plan step's window relative to the review, translated and with correct plurals."""
    milestone = MILESTONES_BY_KEY.get(step.key)
    if milestone is None:
        return step.when
    start, end = describe_offset(milestone.start), describe_offset(milestone.end)
    if start == end:
        return start
    return gettext("%(start)s to %(end)s") % {"start": start, "end": end}
