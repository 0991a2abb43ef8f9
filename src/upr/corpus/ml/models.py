"""What the models suggested for a recommendation and what a person decided (kept for ever).

Imported by ``upr.corpus.models`` so that the model belongs to the corpus app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import ActionCategory


class TagSuggestion(models.Model):
    """One decision on one recommendation's tags, with the suggestion it was made from.

    Both halves are stored so that the corrections can be counted (how often is the model
    right?) and, later, learnt from; ``previous_*`` keeps what the row carried before.
    """

    recommendation = models.ForeignKey(
        "corpus.Recommendation", on_delete=models.CASCADE, related_name="tag_suggestions"
    )
    model_version = models.CharField(max_length=60)
    suggested_issues = models.JSONField(
        default=list, help_text=_("[[issue name, confidence], …], most confident first")
    )
    suggested_category = models.PositiveSmallIntegerField(choices=ActionCategory.choices)
    category_confidence = models.FloatField()
    category_reason = models.CharField(max_length=300, blank=True)
    previous_issues = models.JSONField(default=list)
    previous_category = models.PositiveSmallIntegerField(
        choices=ActionCategory.choices, null=True, blank=True
    )
    final_issues = models.JSONField(default=list)
    final_category = models.PositiveSmallIntegerField(choices=ActionCategory.choices)
    accepted = models.BooleanField(
        help_text=_("The person kept the suggestion unchanged (issues and category)")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.recommendation_id} · {self.model_version}"
