"""Suggested tags on untagged recommendations: the list, confirm and correct, who may, the
training button; and 'similar recommendations' (page and JSON). Held-out rows only."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.tasks import TaskResultStatus
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django_tasks_db.models import DBTaskResult

from upr.corpus.ml import store
from upr.corpus.ml.models import TagSuggestion
from upr.corpus.ml.predict import suggest
from upr.corpus.ml.tasks import train_models_task
from upr.corpus.models import Issue, Origin, Recommendation
from upr.corpus.templatetags.ml_tags import percent_sure

from .conftest import TEST_SESSIONS
from .personas import client_for


@pytest.fixture
def untagged_rec(corpus) -> Recommendation:
    """A held-out row (session 19, never trained on), stripped of its codes like a UN row."""
    rec = corpus.filter(session_id=TEST_SESSIONS[-1], text__icontains="torture").order_by("pk")[0]
    rec.issues.clear()
    rec.action_category = None
    rec.origin = Origin.UN_DOCUMENT
    rec.save()
    return rec


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("nobody", 403), ("editor", 403), ("owner", 200), ("staff", 200)],
)
def test_who_may_see_the_untagged_list(people, trained, untagged_rec, who, status):
    response = client_for(people, who).get(reverse("corpus:untagged"))
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert reverse("corpus:recommendation", args=[untagged_rec.pk]) in html
        assert "%" in html and trained.version in html


def test_the_page_shows_the_suggestion_and_the_form_to_editors_only(people, trained, untagged_rec):
    url = reverse("corpus:recommendation", args=[untagged_rec.pk])
    owner = client_for(people, "owner").get(url).content.decode()
    assert (
        "Suggested tags" in owner and reverse("corpus:decide_tags", args=[untagged_rec.pk]) in owner
    )
    visitor = client_for(people, "anonymous").get(url).content.decode()
    assert "Suggested tags" in visitor and "decide_tags" not in visitor
    assert reverse("corpus:decide_tags", args=[untagged_rec.pk]) not in visitor
    tagged = Recommendation.objects.filter(session_id=19).exclude(pk=untagged_rec.pk).first()
    page = client_for(people, "owner").get(reverse("corpus:recommendation", args=[tagged.pk]))
    assert "Suggested tags" not in page.content.decode()


def test_confidences_are_shown_as_whole_percentages_below_100(people, trained, untagged_rec):
    suggestion = _suggestion(trained, untagged_rec)
    url = reverse("corpus:recommendation", args=[untagged_rec.pk])
    html = client_for(people, "owner").get(url).content.decode()
    shown = [int(n) for n in re.findall(r'class="confidence">(\d+)%<', html)]
    expected = [min(99, round(c * 100)) for _, c in suggestion.issues]
    expected.append(min(99, round(suggestion.category_confidence * 100)))
    assert shown == expected and shown and max(shown) <= 99


def test_percent_sure_rounds_and_never_reads_100() -> None:
    assert [percent_sure(v) for v in (0.0, 0.004, 0.5, 0.986, 0.9999, 1.0, None)] == [
        "0", "0", "50", "99", "99", "99", "–",
    ]  # fmt: skip


def _suggestion(trained, rec):
    from upr.corpus.ml.predict import suggest

    [suggestion] = suggest(trained, [rec.text])
    return suggestion


def test_confirm_applies_the_suggestion_and_keeps_it(people, trained, untagged_rec):
    suggestion = _suggestion(trained, untagged_rec)
    response = client_for(people, "owner").post(
        reverse("corpus:decide_tags", args=[untagged_rec.pk]),
        {
            "issues": suggestion.issue_names,
            "category": suggestion.category,
            "model_version": trained.version,
        },
    )
    assert response.status_code == 302
    untagged_rec.refresh_from_db()
    assert untagged_rec.action_category == suggestion.category
    assert set(untagged_rec.issues.values_list("name", flat=True)) == set(suggestion.issue_names)
    record = TagSuggestion.objects.get(recommendation=untagged_rec)
    assert record.accepted and record.decided_by == people["owner"]
    assert record.model_version == trained.version
    assert [name for name, _c in record.suggested_issues] == suggestion.issue_names
    assert record.previous_issues == [] and record.previous_category is None
    page = client_for(people, "owner").get(reverse("corpus:recommendation", args=[untagged_rec.pk]))
    assert "owner@example.org" in page.content.decode()


def test_a_correction_is_applied_and_kept_beside_the_suggestion(people, trained, untagged_rec):
    suggestion = _suggestion(trained, untagged_rec)
    other = 1 if suggestion.category != 1 else 2
    chosen = ["Women's rights", "Torture and other CID treatment"]
    assert Issue.objects.filter(name__in=chosen).count() == 2
    client_for(people, "staff").post(
        reverse("corpus:decide_tags", args=[untagged_rec.pk]),
        {"issues": chosen, "category": other, "model_version": trained.version},
    )
    untagged_rec.refresh_from_db()
    assert untagged_rec.action_category == other
    assert set(untagged_rec.issues.values_list("name", flat=True)) == set(chosen)
    record = TagSuggestion.objects.get(recommendation=untagged_rec)
    assert not record.accepted
    assert record.final_issues == sorted(chosen) and record.final_category == other
    assert record.suggested_category == suggestion.category
    assert record.category_confidence == pytest.approx(suggestion.category_confidence, abs=1e-4)


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("nobody", 403), ("editor", 403)])
def test_others_may_not_decide(people, trained, untagged_rec, who, status):
    response = client_for(people, who).post(
        reverse("corpus:decide_tags", args=[untagged_rec.pk]),
        {"issues": ["Women's rights"], "category": 5, "model_version": trained.version},
    )
    assert response.status_code == status
    assert not TagSuggestion.objects.exists()
    assert not untagged_rec.issues.exists()


def test_a_stale_or_invalid_form_changes_nothing(people, trained, untagged_rec):
    url = reverse("corpus:decide_tags", args=[untagged_rec.pk])
    client = client_for(people, "owner")
    client.post(url, {"issues": ["Women's rights"], "category": 5, "model_version": "old"})
    client.post(url, {"issues": [], "category": 5, "model_version": trained.version})
    client.post(url, {"issues": ["No such issue"], "category": 9, "model_version": trained.version})
    assert client.get(url).status_code == 405
    assert not TagSuggestion.objects.exists()
    untagged_rec.refresh_from_db()
    assert untagged_rec.action_category is None and not untagged_rec.issues.exists()


def test_without_models_the_pages_say_so_and_offer_training(
    people, no_models, untagged_rec, settings, run_worker
):
    owner = client_for(people, "owner")
    page = owner.get(reverse("corpus:recommendation", args=[untagged_rec.pk])).content.decode()
    assert "No trained models yet" in page
    listing = owner.get(reverse("corpus:untagged")).content.decode()
    assert reverse("corpus:train_models") in listing
    assert not no_models.exists() or not (no_models / store.LOCK).exists()  # GET started nothing

    response = owner.post(reverse("corpus:train_models"), follow=True)
    assert "upr train" in response.content.decode()  # switched off in tests

    settings.UPR_TRAIN_IN_BACKGROUND = True
    settings.UPR_TRAIN_SESSIONS = [17]  # one session: the worker trains in seconds
    response = owner.post(reverse("corpus:train_models"), follow=True)
    assert "training is queued" in response.content.decode()
    owner.post(reverse("corpus:train_models"))  # a second click queues nothing more
    [queued] = DBTaskResult.objects.filter(task_path=train_models_task.module_path)
    assert queued.status == TaskResultStatus.READY and store.training_state(no_models) == "queued"
    page = owner.get(reverse("corpus:recommendation", args=[untagged_rec.pk])).content.decode()
    assert "training of the models is queued" in page
    assert store.loaded(no_models) is None  # the web process did not train
    # a minute later with no worker taking it, the page says so instead of "shortly"
    DBTaskResult.objects.filter(pk=queued.pk).update(
        enqueued_at=queued.enqueued_at - timedelta(minutes=2)
    )
    assert store.training_state(no_models) == "stalled"
    page = owner.get(reverse("corpus:recommendation", args=[untagged_rec.pk])).content.decode()
    assert "does not seem to be running" in page and "starts it shortly" not in page

    run_worker()  # the real worker
    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL, queued.traceback
    models = store.loaded(no_models)
    assert models is not None and models.version == queued.return_value
    assert models.manifest["sessions"] == [17] and store.training_state(no_models) is None
    page = owner.get(reverse("corpus:recommendation", args=[untagged_rec.pk])).content.decode()
    assert "Confirm these tags" in page and "No trained models yet" not in page
    assert client_for(people, "editor").post(reverse("corpus:train_models")).status_code == 403


def test_similar_recommendations_page_and_json(corpus, no_models):
    rec = corpus.filter(session_id=19).order_by("pk")[3]
    client = Client()
    page = client.get(reverse("corpus:similar"), {"text": rec.text})
    assert page.status_code == 200
    assert reverse("corpus:recommendation", args=[rec.pk]) in page.content.decode()
    data = client.get(reverse("corpus:similar_json"), {"text": rec.text, "k": 5}).json()
    assert len(data["results"]) == 5
    first = data["results"][0]
    assert first["score"] == pytest.approx(1.0, abs=1e-3)
    assert rec.text.lower() == first["text"].lower()
    assert first["url"].endswith(reverse("corpus:recommendation", args=[first["id"]]))
    scores = [r["score"] for r in data["results"]]
    assert scores == sorted(scores, reverse=True)
    assert client.get(reverse("corpus:similar_json"), {"text": ""}).status_code == 400
    assert client.get(reverse("corpus:similar_json"), {"text": "x", "k": 0}).status_code == 400
    one_word = client.get(reverse("corpus:similar_json"), {"text": "torture"}).json()
    assert one_word["results"]
    assert client.get(reverse("corpus:similar"), {"text": "qqqzzz"}).status_code == 200


@pytest.fixture
def untagged_rows(corpus) -> tuple[list[Recommendation], Recommendation]:
    """Five held-out rows stripped of all codes, and one that keeps UPR Info's issues but
    lost its category (it must not be confirmed in bulk)."""
    rows = list(corpus.filter(session_id=TEST_SESSIONS[-1]).order_by("pk")[:6])
    for rec in rows:
        rec.action_category = None
        rec.origin = Origin.UN_DOCUMENT
        rec.save()
    for rec in rows[:5]:
        rec.issues.clear()
    assert rows[5].issues.exists()
    return rows[:5], rows[5]


def test_confirm_the_ticked_suggestions_in_bulk(people, trained, untagged_rows):
    blank, partial = untagged_rows
    owner = client_for(people, "owner")
    html = owner.get(reverse("corpus:untagged")).content.decode()
    assert reverse("corpus:confirm_suggestions") in html
    assert re.search(rf'value="{partial.pk}" id="confirm-{partial.pk}"[^>]*disabled', html)
    ids = [r.pk for r in blank] + [partial.pk]
    partial_issues = set(partial.issues.values_list("name", flat=True))
    data = {"rec": ids, "model_version": trained.version, "page": "1"}
    response = owner.post(reverse("corpus:confirm_suggestions"), data)
    assert response.status_code == 302 and response.url.endswith("?page=1")
    [message] = owner.get(response.url).context["messages"]
    assert str(message).startswith("5 suggestions confirmed")
    predicted = suggest(trained, [r.text for r in blank])
    suggestions = dict(zip([r.pk for r in blank], predicted, strict=True))
    for rec in blank:
        rec.refresh_from_db()
        s = suggestions[rec.pk]
        assert rec.action_category == s.category
        assert set(rec.issues.values_list("name", flat=True)) == set(s.issue_names)
        record = TagSuggestion.objects.get(recommendation=rec)
        assert record.accepted and record.decided_by == people["owner"]
    partial.refresh_from_db()
    assert partial.action_category is None  # left for a person to decide
    assert set(partial.issues.values_list("name", flat=True)) == partial_issues
    assert not TagSuggestion.objects.filter(recommendation=partial).exists()


def test_bulk_confirmation_refuses_stale_and_unauthorised_requests(people, trained, untagged_rows):
    blank, _partial = untagged_rows
    data = {"rec": [r.pk for r in blank], "model_version": "an-older-version"}
    owner = client_for(people, "owner")
    assert owner.post(reverse("corpus:confirm_suggestions"), data).status_code == 302
    assert owner.post(reverse("corpus:confirm_suggestions"), {"model_version": trained.version})
    assert owner.get(reverse("corpus:confirm_suggestions")).status_code == 405
    data["model_version"] = trained.version
    for who, status in [("anonymous", 302), ("nobody", 403), ("editor", 403)]:
        assert (
            client_for(people, who).post(reverse("corpus:confirm_suggestions"), data).status_code
            == status
        )
    assert not TagSuggestion.objects.exists()
    assert all(not r.issues.exists() for r in blank)


def test_suggested_category_is_named_in_the_readers_language(people, trained, untagged_rows):
    from django.utils import translation

    from upr.corpus.models import ActionCategory

    blank, _partial = untagged_rows
    [suggestion] = suggest(trained, [blank[0].text])
    owner = client_for(people, "owner")
    owner.cookies["upr_language"] = "fr"
    html = owner.get(reverse("corpus:untagged")).content.decode()
    with translation.override("fr"):
        french = str(ActionCategory(suggestion.category).label)
    with translation.override("en"):
        assert french != str(ActionCategory(suggestion.category).label)  # really translated
    assert french in html


def test_issues_suggested_below_half_are_left_unticked(people, trained, corpus):
    from upr.corpus.ml.suggestions import is_confident

    rows = list(corpus.filter(session_id=TEST_SESSIONS[-1]).values_list("pk", "text")[:400])
    predicted = suggest(trained, [text for _pk, text in rows])
    pk, mixed = next(
        (pk, s)
        for (pk, _text), s in zip(rows, predicted, strict=True)
        if len(s.issues) > 1 and s.issues[0][1] >= 0.5 and s.issues[-1][1] < 0.5
    )
    assert not is_confident(mixed)  # never pre-ticked for confirmation in bulk
    rec = Recommendation.objects.get(pk=pk)
    rec.issues.clear()
    rec.action_category = None
    rec.save()
    owner = client_for(people, "owner")
    html = owner.get(reverse("corpus:recommendation", args=[pk])).content.decode()
    boxes = html[html.index('class="issue-choices"') :]
    for name, confidence in mixed.issues:
        box = re.search(rf'<input[^>]*value="{re.escape(escape(name))}"[^>]*>', boxes).group(0)
        assert ("checked" in box) == (confidence >= 0.5), (name, confidence)
    owner.cookies["upr_language"] = "fr"
    french = owner.get(reverse("corpus:recommendation", args=[pk])).content.decode()
    choices = french[french.index('class="issue-choices"') :].split("</fieldset>")[0]
    assert "Droits des femmes</label>" in choices and "rights</label>" not in choices


def test_the_untagged_list_shows_one_review_when_asked(people, trained, untagged_rows):
    blank, _partial = untagged_rows
    first = blank[0]
    other = (
        Recommendation.objects.filter(session_id=TEST_SESSIONS[-1])
        .exclude(sur_id=first.sur_id)
        .order_by("pk")
        .first()
    )
    other.action_category = None  # untagged too, in another review
    other.save()
    other.issues.clear()
    owner = client_for(people, "owner")
    query = {"sur": first.sur_id, "session": first.session_id}
    html = owner.get(reverse("corpus:untagged"), query).content.decode()
    assert f'id="confirm-{first.pk}"' in html and f'id="confirm-{other.pk}"' not in html
    assert "Show every review" in html and f"Models {trained.version}" not in html  # a date
    assert "Models trained on" in html
    data = {"rec": [first.pk], "model_version": trained.version, "page": "1", **query}
    response = owner.post(reverse("corpus:confirm_suggestions"), data)
    assert response.url == (
        reverse("corpus:untagged") + f"?sur={first.sur_id}&session={first.session_id}&page=1"
    )
    everything = owner.get(reverse("corpus:untagged")).content.decode()
    assert f'id="confirm-{other.pk}"' in everything
