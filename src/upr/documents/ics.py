"""A plan as an iCalendar file, so an NGO can put its UPR timeline into any calendar application.

Every step becomes an all-day event spanning its window. UIDs depend only on the plan's identifier
and the step's key, never on dates: when the review moves and the file is imported again, calendar
applications update the existing events instead of duplicating them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from types import MappingProxyType

from icalendar import Calendar, Event

from upr.cycle.milestones import SEEDS
from upr.cycle.plan import PlanStep

PRODID = "-//UPR Cycle//Advocacy plan//EN"
UID_DOMAIN = "upr-cycle"


def step_uid(plan_id: str, key: str) -> str:
    """The stable UID of a step's event: the plan identifier and the step key, nothing else."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", plan_id).strip("-") or "plan"
    return f"{slug}.{key}@{UID_DOMAIN}"


#: The lines of an event's description, as ``str.format`` templates; a caller passes them in
#: the reader's language (French puts a space before the colon).
LABELS: Mapping[str, str] = MappingProxyType(
    {"when": "When: {}", "estimated": "{} (estimated)", "source": "Source: {}",
     "warning": "Warning: {}"}
)  # fmt: skip


def _description(step: PlanStep, labels: Mapping[str, str]) -> str:
    lines = [step.step, ""]
    when = labels["estimated"].format(step.when) if step.estimated else step.when
    lines.append(labels["when"].format(when))
    lines.append(labels["source"].format(step.source))
    lines.extend(f"  [{seed}] {SEEDS[seed]}" for seed in step.seeds if seed in SEEDS)
    lines.extend(f"  [{seed}] {wording}" for seed, wording in step.seed_windows)
    lines.extend(f"- {note}" for note in step.notes)
    lines.extend(labels["warning"].format(warning) for warning in step.warnings)
    return "\n".join(lines)


def plan_to_ics(
    steps: Sequence[PlanStep],
    *,
    plan_id: str,
    name: str = "UPR advocacy plan",
    stamp: datetime | None = None,
    labels: Mapping[str, str] = LABELS,
) -> bytes:
    """Render ``steps`` as an iCalendar (RFC 5545) document.

    ``plan_id`` must stay the same for the same campaign (e.g. its primary key or the SuR's ISO
    code), since the UIDs derive from it. ``stamp`` fixes DTSTAMP for reproducible output.
    Windows are transparent all-day events so they do not block the user's free/busy time.
    """
    stamp = stamp or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for step in steps:
        event = Event()
        event.add("uid", step_uid(plan_id, step.key))
        event.add("dtstamp", stamp)
        event.add("dtstart", step.start)
        event.add("dtend", step.end + timedelta(days=1))  # DTEND of a date is exclusive
        event.add("summary", step.step)
        event.add("description", _description(step, labels))
        event.add("transp", "TRANSPARENT")
        if step.estimated:
            event.add("status", "TENTATIVE")
        else:
            event.add("status", "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()
