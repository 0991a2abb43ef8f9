"""Tasks: every step of the plan, plus follow-up calls the outreach log creates by itself."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from upr.workspaces.models import WorkspaceOwned


class TaskStatus(models.TextChoices):
    TODO = "todo", _("To do")
    DOING = "doing", _("Doing")
    DONE = "done", _("Done")
    SKIPPED = "skipped", _("Skipped")


OPEN_STATUSES = (TaskStatus.TODO, TaskStatus.DOING)


class TaskKind(models.TextChoices):
    STEP = "step", _("Step of the plan")
    FOLLOW_UP = "follow_up", _("Follow-up call")


class Task(WorkspaceOwned):
    """A dated piece of work with an owner and a status.

    Plan steps are identified by ``step_key`` (one task per milestone and campaign), so when the
    plan is regenerated the dates move while owner, status and notes stay. Follow-up calls have no
    step key: their date follows the e-mail they follow up, not the review.
    """

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=TaskKind.choices, default=TaskKind.STEP)
    step_key = models.CharField(max_length=40, blank=True)
    title = models.CharField(_("title"), max_length=300)
    start = models.DateField(_("from"))
    due = models.DateField(_("due"))
    estimated = models.BooleanField(default=True)
    source = models.CharField(max_length=60, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=TaskStatus.choices, default=TaskStatus.TODO
    )
    notes = models.TextField(_("notes"), blank=True)
    target = models.ForeignKey(
        "campaigns.Target", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["due", "start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "step_key"],
                condition=~models.Q(step_key=""),
                name="campaign_task_one_per_step",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES
