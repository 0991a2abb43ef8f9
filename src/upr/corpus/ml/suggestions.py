"""Recommendations that lack tags, and the confirmation or correction of what the models suggest.

Who may decide: the same people who may add UN documents to the corpus (staff users and owners
of a workspace, see ``report_views.can_import_reports``): the tags are public corpus data that
every workspace sees, so changing them is an instance-level act.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet

from ..models import Issue, Recommendation
from ..report_views import can_import_reports
from .models import TagSuggestion
from .predict import Suggestion, suggest
from .store import Models

__all__ = [
    "can_decide",
    "confirm_as_suggested",
    "decide",
    "is_blank",
    "is_confident",
    "latest_decision",
    "needs_tags",
    "untagged",
]

can_decide = can_import_reports


def untagged() -> QuerySet[Recommendation]:
    """Rows without an action category or without any issue (UN-document rows, mostly)."""
    has_issue = Recommendation.issues.through.objects.filter(recommendation_id=OuterRef("pk"))
    return Recommendation.objects.filter(
        Q(action_category__isnull=True) | ~Exists(has_issue)
    ).order_by("-session_id", "sur_id", "id")


def needs_tags(rec: Recommendation) -> bool:
    return rec.action_category is None or not rec.issues.exists()


def latest_decision(rec: Recommendation) -> TagSuggestion | None:
    return rec.tag_suggestions.select_related("decided_by").first()


@transaction.atomic
def decide(
    rec: Recommendation,
    suggestion: Suggestion,
    *,
    issues: Sequence[Issue],
    category: int,
    user,
) -> TagSuggestion:
    """Record the suggestion and the person's decision, and apply the decision to the row."""
    rec = Recommendation.objects.select_for_update().get(pk=rec.pk)
    previous = sorted(rec.issues.values_list("name", flat=True))
    final = sorted(issue.name for issue in issues)
    record = TagSuggestion.objects.create(
        recommendation=rec,
        model_version=suggestion.version,
        suggested_issues=[[name, round(conf, 4)] for name, conf in suggestion.issues],
        suggested_category=suggestion.category,
        category_confidence=round(suggestion.category_confidence, 4),
        category_reason=suggestion.reason[:300],
        previous_issues=previous,
        previous_category=rec.action_category,
        final_issues=final,
        final_category=category,
        accepted=final == sorted(suggestion.issue_names) and category == suggestion.category,
        decided_by=user,
    )
    rec.issues.set(issues)
    rec.action_category = category
    rec.save(update_fields=["action_category"])
    return record


def is_blank(rec: Recommendation) -> bool:
    """No issue and no category: only such rows are confirmed in bulk, so a row that carries
    UPR Info's own issues never has them replaced without a person looking at it."""
    return rec.action_category is None and not rec.issues.all()


def is_confident(suggestion: Suggestion | None) -> bool:
    """Offered for confirmation in bulk: some issue suggested, every one of them and the
    category at ≥ 50 % (a row with a second issue at 20 % is for a person to open)."""
    return bool(
        suggestion
        and suggestion.issues
        and len(suggestion.sure_issue_names) == len(suggestion.issues)
        and not suggestion.category_low_confidence
    )


def confirm_as_suggested(recs: Sequence[Recommendation], models: Models, user) -> int:
    """The blank rows among ``recs`` take their suggestions as they are, each stored like a
    single confirmation (so it can be corrected later); returns how many were confirmed."""
    blank = [r for r in recs if is_blank(r)]
    issues = {i.name: i for i in Issue.objects.all()}
    done = 0
    for rec, suggestion in zip(blank, suggest(models, [r.text for r in blank]), strict=True):
        chosen = [issues[n] for n in suggestion.issue_names if n in issues]
        if chosen:
            decide(rec, suggestion, issues=chosen, category=suggestion.category, user=user)
            done += 1
    return done
