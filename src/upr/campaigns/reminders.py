"""``upr remind``'s work: one e-mail per member listing the open tasks they own that fall due.

One digest per person (not one mail per task) keeps reminders readable, and only tasks in
workspaces the person still belongs to are listed — a removed member's old tasks stay silent.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from upr.workspaces import language
from upr.workspaces.models import Membership, User

from .models import Task
from .models.tasks import OPEN_STATUSES


@dataclass
class Digest:
    user: User
    overdue: list[Task]
    due: list[Task]


def digests(today: date, days: int = 7) -> Iterator[Digest]:
    """Each active member's open tasks due by ``today + days`` (overdue ones first)."""
    horizon = today + timedelta(days=days)
    memberships = (
        Membership.objects.filter(user__is_active=True)
        .select_related("user", "workspace")
        .order_by("user_id", "workspace_id")
    )
    by_user: dict[int, Digest] = {}
    for membership in memberships:
        tasks = (
            Task.objects.for_membership(membership)
            .filter(owner=membership.user, status__in=OPEN_STATUSES, due__lte=horizon)
            .select_related("campaign__sur", "workspace")
            .order_by("due", "id")
        )
        for task in tasks:
            digest = by_user.setdefault(membership.user_id, Digest(membership.user, [], []))
            (digest.overdue if task.due < today else digest.due).append(task)
    yield from by_user.values()


def send_digest(digest: Digest, base_url: str, today: date) -> None:
    def link(task: Task) -> str:
        path = reverse("campaigns:detail", args=[task.workspace.public_id, task.campaign_id])
        return base_url.rstrip("/") + path

    with translation.override(language.for_user(digest.user)):
        context = {
            "digest": digest,
            "today": today,
            "overdue": [(t, link(t)) for t in digest.overdue],
            "due": [(t, link(t)) for t in digest.due],
        }
        body = render_to_string("campaigns/remind_email.txt", context)
        count = len(digest.overdue) + len(digest.due)
        subject = _("UPR Cycle: %(n)s task(s) due") % {"n": count}
    EmailMessage(subject, body, None, [digest.user.email]).send()
