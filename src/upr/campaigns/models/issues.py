"""Priority issues of a campaign and the draft recommendations and questions under each."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from upr.workspaces.models import WorkspaceOwned

#: The advocacy paper's limits [000, 003]: ≤ 4 issues, 1–2 drafts of each kind per issue,
#: 5–6 recommendations in all. Beyond them the app warns; it does not forbid.
MAX_ISSUES = 4
MAX_PER_ISSUE = 2
MAX_RECOMMENDATIONS = 6


class PriorityIssue(WorkspaceOwned):
    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    issue = models.ForeignKey(
        "corpus.Issue",
        verbose_name=_("issue in UPR Info's taxonomy"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Used to find target States and earlier recommendations."),
    )
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("A short paragraph for the advocacy paper.")
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class DraftKind(models.TextChoices):
    RECOMMENDATION = "recommendation", _("Recommendation")
    QUESTION = "question", _("Advance question")


class Draft(WorkspaceOwned):
    """A draft recommendation or question; its checks are computed on display (``text.smart``)."""

    priority_issue = models.ForeignKey(PriorityIssue, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(
        _("kind"), max_length=20, choices=DraftKind.choices, default=DraftKind.RECOMMENDATION
    )
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self) -> str:
        return self.text[:80]
