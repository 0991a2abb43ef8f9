"""``{% tag_suggestion rec %}``: the suggestion box of the recommendation page.

A template tag rather than view context so that the recommendation view stays as it is and the
box is one ``{% include %}``-like line in its template.
"""

from __future__ import annotations

from django import template

from ..ml import store
from ..ml.forms import TagDecisionForm
from ..ml.predict import suggest
from ..ml.suggestions import can_decide, latest_decision, needs_tags

register = template.Library()


@register.inclusion_tag("corpus/ml/_suggestion.html", takes_context=True)
def tag_suggestion(context, rec) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    editor = user is not None and can_decide(user)
    decision = latest_decision(rec)
    box = {
        "rec": rec,
        "editor": editor,
        "decision": decision,
        "csrf_token": context.get("csrf_token"),
        "show": False,
    }
    if not needs_tags(rec) and decision is None:
        return box  # coded by UPR Info and never touched here: nothing to suggest
    box["show"] = True
    models = store.loaded()
    box["training"] = store.training_state() if models is None else None
    if models is None:
        return box
    [suggestion] = suggest(models, [rec.text])
    box["suggestion"] = suggestion
    if editor:
        current = list(rec.issues.values_list("name", flat=True))
        box["form"] = TagDecisionForm(
            initial={
                "issues": current or suggestion.sure_issue_names,  # unsure ones unticked
                "category": rec.action_category or suggestion.category,
                "model_version": suggestion.version,
            }
        )
    return box


@register.filter
def percent_sure(value: float | None) -> str:
    """A model's confidence as a whole percentage that never reads 100: on the held-out
    sessions 16–17, 0.8 % of the issue labels given at ≥ 99.5 % were wrong (model card), so
    "100 %" would claim a certainty the model does not have."""
    if value is None:
        return "–"
    return str(max(0, min(99, round(float(value) * 100))))
