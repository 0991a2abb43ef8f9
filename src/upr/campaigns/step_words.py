"""A plan step's window in the reader's words ("R − 1 month to R − 2 weeks", "R − 6 mois"),
for the timeline page and the calendar file alike."""

from __future__ import annotations

from django.utils.translation import gettext, ngettext

from upr.cycle.milestones import MILESTONES_BY_KEY
from upr.cycle.offsets import Offset
from upr.cycle.plan import PlanStep


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


def step_when(step: PlanStep) -> str:
    """A plan step's window relative to the review, translated and with correct plurals."""
    milestone = MILESTONES_BY_KEY.get(step.key)
    if milestone is None:
        return step.when
    start, end = describe_offset(milestone.start), describe_offset(milestone.end)
    if start == end:
        return start
    return gettext("%(start)s to %(end)s") % {"start": start, "end": end}
