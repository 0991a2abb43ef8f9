"""The campaign calendar: an ICS file to download and a secret, revocable feed URL.

The feed URL must work without a login (calendar programs cannot sign in), so the URL itself is
the secret. It is ``<feed_key><signature>``: ``feed_key`` is random and stored to find the
campaign; the signature is an HMAC of it under the server's SECRET_KEY and is never stored. So the
audit log and workspace exports, which show ``feed_key``, do not reveal a working URL, while the
members can see the URL again at any time. Regenerating or revoking replaces or clears the key,
and every old URL stops working at once.
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import UTC, datetime

from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext

from upr.cycle.plan import PlanStep
from upr.documents.ics import plan_to_ics
from upr.workspaces.models import unscoped

from .models import Campaign, Task, TaskKind
from .planning import campaign_plan
from .step_words import step_when

KEY_LENGTH = 22
SIGNATURE_LENGTH = 32
_SALT = "upr.campaigns.feed"


def _signature(key: str) -> str:
    return salted_hmac(_SALT, key, algorithm="sha256").hexdigest()[:SIGNATURE_LENGTH]


def feed_token(campaign: Campaign) -> str | None:
    """The secret part of the feed URL, or None when the feed is off."""
    if not campaign.feed_key:
        return None
    return campaign.feed_key + _signature(campaign.feed_key)


def regenerate_feed(campaign: Campaign) -> str:
    """Turn the feed on with a new secret URL; any earlier URL stops working."""
    campaign.feed_key = secrets.token_urlsafe(16)[:KEY_LENGTH]
    campaign.save(update_fields=["feed_key"])
    return feed_token(campaign)


def revoke_feed(campaign: Campaign) -> None:
    campaign.feed_key = None
    campaign.save(update_fields=["feed_key"])


def campaign_for_token(token: str) -> Campaign | None:
    """The campaign whose feed ``token`` opens, or None; signatures compare in constant time."""
    if len(token) != KEY_LENGTH + SIGNATURE_LENGTH:
        return None
    key, signature = token[:KEY_LENGTH], token[KEY_LENGTH:]
    if not constant_time_compare(signature, _signature(key)):
        return None
    # The token is the authorisation: it names exactly one campaign, whatever its workspace.
    with unscoped("secret calendar feed: the signed token identifies the campaign"):
        return Campaign.objects.select_related("sur", "workspace").filter(feed_key=key).first()


def plan_id(campaign: Campaign) -> str:
    """Stable for the campaign's life: UIDs derive from it, so re-imports update events."""
    return f"campaign-{campaign.workspace.public_id}-{campaign.pk}"


def campaign_ics(campaign: Campaign, stamp: datetime | None = None) -> bytes:
    """The plan's steps (with the tasks' current dates) and the follow-up calls, as iCalendar."""
    tasks = Task.objects.in_workspace(campaign.workspace).filter(campaign=campaign)
    steps: list[PlanStep] = campaign_plan(campaign)
    extra = [
        PlanStep(
            key=f"task-{task.pk}",
            step=task.title,
            start=task.start,
            end=task.due,
            source=task.source,
            estimated=False,
            when=task.due.isoformat(),
        )
        for task in tasks
        if task.kind != TaskKind.STEP
    ]
    done = {t.step_key for t in tasks if t.kind == TaskKind.STEP and not t.is_open}
    steps = [_in_language(s) for s in steps]
    steps = [replace(s, step=f"✓ {s.step}") if s.key in done else s for s in steps]
    return plan_to_ics(
        [*steps, *extra],
        plan_id=plan_id(campaign),
        name=gettext("UPR: %(name)s") % {"name": campaign},
        stamp=stamp or datetime.now(UTC),
        labels={  # "{}" is the value: the reader's language places it, and the colon
            "when": gettext("When: {}"),
            "estimated": gettext("{} (estimated)"),
            "source": gettext("Source: {}"),
            "warning": gettext("Warning: {}"),
        },
    )


def _in_language(step: PlanStep) -> PlanStep:
    """The step's words in the active language, as the timeline page shows them."""
    return replace(
        step,
        step=gettext(step.step),
        when=step_when(step),
        notes=tuple(gettext(note) for note in step.notes),
        seed_windows=tuple((seed, gettext(wording)) for seed, wording in step.seed_windows),
    )
