"""Pages of the ML features: untagged recommendations with suggestions, the tag decision,
starting a training, and 'similar recommendations' for any text (page and JSON)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from upr.workspaces.access import signed_in

from ..access import public_corpus
from ..models import Recommendation, State
from . import store
from .forms import ConfirmSuggestionsForm, SimilarForm, TagDecisionForm
from .predict import suggest
from .similar import similar
from .suggestions import (
    can_decide,
    confirm_as_suggested,
    decide,
    is_blank,
    is_confident,
    untagged,
)

PAGE_SIZE = 25


def _require_editor(request) -> None:
    if not can_decide(request.user):
        raise PermissionDenied(_("Only staff and workspace owners may change the corpus's tags."))


@signed_in
@require_GET
def untagged_list(request):
    _require_editor(request)
    rows_of = untagged()
    # One review only (the link after an import): 41 pages of every review help nobody.
    review = _review_filter(request.GET)
    if review:
        rows_of = rows_of.filter(sur_id=review["sur"], session_id=review["session"])
    page = Paginator(rows_of.select_related("sur").prefetch_related("issues"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    models = store.loaded()
    rows = list(page.object_list)
    suggestions = suggest(models, [r.text for r in rows]) if models and rows else [None] * len(rows)
    listed = []  # (row, suggestion, blank, pre-ticked)
    for rec, suggestion in zip(rows, suggestions, strict=True):
        blank = is_blank(rec)
        listed.append((rec, suggestion, blank, blank and is_confident(suggestion)))
    trained = (models.manifest.get("trained_at") or "")[:10] if models else ""
    context = {
        "page": page,
        "rows": listed,
        "models": models,
        "trained_on": parse_date(trained) if trained else None,
        "training": store.training_state(),
        "review": review,
        "review_query": urlencode(review) if review else "",
    }
    if review:
        state = State.objects.filter(iso3=review["sur"]).only("name").first()
        context["review_name"] = state.name if state else review["sur"]
    return render(request, "corpus/ml/untagged.html", context)


def _review_filter(query) -> dict[str, str | int] | None:
    """``{"sur": "SVN", "session": 48}`` from ``?sur=SVN&session=48``; None if absent or odd."""
    sur, session = (query.get("sur") or "").upper(), query.get("session") or ""
    if len(sur) == 3 and sur.isalpha() and session.isdigit():
        return {"sur": sur, "session": int(session)}
    return None


@signed_in
@require_POST
def confirm_suggestions(request):
    """The ticked rows of the untagged list take their suggestions as they are; each decision
    is stored like a single confirmation (suggestion, decision, who), so it can be corrected
    later on the recommendation's page."""
    _require_editor(request)
    page = request.POST.get("page") or ""
    query = _review_filter(request.POST) or {}
    if page.isdigit():
        query["page"] = page
    back = reverse("corpus:untagged") + (f"?{urlencode(query)}" if query else "")
    models = store.loaded()
    ids = [int(v) for v in request.POST.getlist("rec") if v.isdigit()]
    listed = list(untagged().filter(pk__in=ids).prefetch_related("issues"))
    form = ConfirmSuggestionsForm(request.POST, allowed=[r.pk for r in listed])
    if models is None:
        messages.error(request, _("No trained models: nothing was changed."))
    elif not form.is_valid():
        messages.error(request, _("Tick at least one recommendation still without tags."))
    elif form.cleaned_data["model_version"] != models.version:
        messages.warning(
            request, _("The models were retrained meanwhile: check the new suggestions.")
        )
    else:
        done = confirm_as_suggested(listed, models, request.user)
        messages.success(
            request,
            ngettext(
                "%(n)s suggestion confirmed as it was; correct any of them on its page.",
                "%(n)s suggestions confirmed as they were; correct any of them on its page.",
                done,
            )
            % {"n": done},
        )
    return redirect(back)


@signed_in
@require_POST
def decide_tags(request, pk: int):
    _require_editor(request)
    rec = get_object_or_404(Recommendation, pk=pk)
    form = TagDecisionForm(request.POST)
    models = store.loaded()
    if models is None:
        messages.error(request, _("No trained models: nothing was changed."))
    elif not form.is_valid():
        messages.error(request, _("Choose at least one issue and an action category."))
    elif form.cleaned_data["model_version"] != models.version:
        messages.warning(
            request, _("The models were retrained meanwhile: check the new suggestion.")
        )
    else:
        [suggestion] = suggest(models, [rec.text])
        record = decide(
            rec,
            suggestion,
            issues=list(form.cleaned_data["issues"]),
            category=form.cleaned_data["category"],
            user=request.user,
        )
        messages.success(
            request,
            _("Suggestion confirmed and applied.")
            if record.accepted
            else _("Your correction was applied and kept beside the suggestion."),
        )
    return redirect("corpus:recommendation", pk=rec.pk)


@signed_in
@require_POST
def train(request):
    _require_editor(request)
    if store.loaded() is not None and request.POST.get("retrain") != "1":
        messages.info(request, _("The models are already trained."))
    elif (state := store.start_background_training()) == "running":
        messages.info(request, _("The models are being trained already (a few minutes)."))
    elif state == "queued":
        messages.info(
            request,
            _(
                "The training is queued; the background worker runs it (a few minutes). "
                "Suggestions appear on this page once the models are ready."
            ),
        )
    else:
        messages.warning(
            request,
            _("Training from the web is switched off here: run “upr train” on the server."),
        )
    return redirect(reverse("corpus:untagged"))


def _similar_request(request) -> tuple[SimilarForm, list]:
    form = SimilarForm(request.GET or None)
    matches = []
    if form.is_valid():
        matches = similar(form.cleaned_data["text"], form.cleaned_data["k"] or 10)
    return form, matches


@public_corpus
@require_GET
def similar_page(request):
    form, matches = _similar_request(request)
    return render(request, "corpus/ml/similar.html", {"form": form, "matches": matches})


@public_corpus
@require_GET
def similar_json(request):
    form, matches = _similar_request(request)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    return JsonResponse(
        {
            "results": [
                {
                    "id": m.recommendation.pk,
                    "url": request.build_absolute_uri(
                        reverse("corpus:recommendation", args=[m.recommendation.pk])
                    ),
                    "score": round(m.score, 4),
                    "text": m.recommendation.text,
                    "sur": m.recommendation.sur_id,
                    "session": m.recommendation.session_id,
                    "issues": [i.name for i in m.recommendation.issues.all()],
                    "action_category": m.recommendation.action_category,
                }
                for m in matches
            ]
        }
    )
