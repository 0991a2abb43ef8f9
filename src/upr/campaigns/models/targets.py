"""Target States, their entry points and contact people, and the outreach log."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from upr.workspaces.models import WorkspaceOwned


class TargetStatus(models.TextChoices):
    IDENTIFIED = "identified", _("Identified")
    CONTACTED = "contacted", _("Contacted")
    MEETING = "meeting", _("Meeting held")
    SUPPORTIVE = "supportive", _("Supportive")
    RAISED = "raised", _("Raised our issue at the review")
    DECLINED = "declined", _("Declined")


class Target(WorkspaceOwned):
    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="+")
    state = models.ForeignKey("corpus.State", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=12, choices=TargetStatus.choices, default=TargetStatus.IDENTIFIED
    )
    why = models.TextField(_("why this State"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["state__name"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "state"], name="campaign_target_once")
        ]

    def __str__(self) -> str:
        return self.state.name


class EntryPointKind(models.TextChoices):
    EMBASSY = "embassy", _("Embassy in the State under Review")
    MISSION = "mission", _("Permanent mission in Geneva")
    MINISTRY = "ministry", _("Ministry in the capital")


class EntryPoint(WorkspaceOwned):
    """Where a target State can be reached; embassies in the SuR are the cheapest way in [003]."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=EntryPointKind.choices)
    name = models.CharField(_("name"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self) -> str:
        return self.name or self.get_kind_display()


class Contact(WorkspaceOwned):
    """A person at an entry point; people change posts, so the date last verified matters [000]."""

    entry_point = models.ForeignKey(EntryPoint, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("e.g. in charge of the UPR")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    changed_post = models.BooleanField(_("has changed post — ask for the successor"), default=False)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class OutreachKind(models.TextChoices):
    BRIEF_SENT = "brief_sent", _("Advocacy paper sent")
    CALL = "call", _("Call")
    MEETING_REQUESTED = "meeting_requested", _("Meeting requested")
    MEETING_HELD = "meeting_held", _("Meeting held")
    BRIEFING = "briefing", _("Group briefing")
    OTHER = "other", _("Other")


class Outreach(WorkspaceOwned):
    """One contact with a target State; sending the paper schedules a follow-up call [000, 003]."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="+")
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("contact"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("what"), max_length=20, choices=OutreachKind.choices)
    day = models.DateField(_("date"), default=timezone.localdate)
    what_they_said = models.TextField(_("what they said"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-day", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.day.isoformat()}"
