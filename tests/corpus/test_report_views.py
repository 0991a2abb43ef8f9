"""The report upload page (who may import) and the outcome pages (State+session, campaign)."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from upr.corpus.ml.similar import _signature
from upr.corpus.ml.store import model_root
from upr.corpus.models import Issue, Origin, Recommendation, State
from upr.corpus.outcome import MIN_SCORE, THANK_SCORE, review_outcome
from upr.corpus.report_tasks import import_report_task, upload_root
from upr.workspaces.models import Membership

from .personas import client_for
from .test_report_import import SYNTHETIC


def _upload(name: str = "utopia.txt", data: bytes = SYNTHETIC.encode()) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("nobody", 403), ("editor", 403), ("owner", 200), ("staff", 200)],
)
def test_who_may_import(people, who: str, status: int, corpus, run_worker) -> None:
    response = client_for(people, who).get(reverse("corpus:report_upload"))
    assert response.status_code == status
    post = client_for(people, who).post(
        reverse("corpus:report_upload"), {"report": _upload(), "sur": "SVN", "session": "5"}
    )
    assert post.status_code == (302 if status == 200 else status)
    run_worker()
    stored = Recommendation.objects.filter(sur_id="SVN", session_id=5, origin=Origin.UN_DOCUMENT)
    assert stored.count() == (4 if status == 200 else 0)


def test_upload_is_imported_by_the_worker_and_reports_back(
    people, corpus, settings, tmp_path, run_worker
):
    settings.VAR_DIR = tmp_path
    client = client_for(people, "owner")
    url = reverse("corpus:report_upload")
    ok = client.post(url, {"report": _upload(), "sur": "SVN", "session": "5"})
    status_url = ok["Location"]
    assert status_url.startswith("/import/report/")
    waiting = client.get(status_url, headers={"HX-Request": "true"}).content.decode()
    assert "Queued" in waiting and 'hx-trigger="every 2s"' in waiting  # polls until done
    assert "does not seem to be running" not in waiting and "Import other" not in waiting
    assert not Recommendation.objects.filter(sur_id="SVN", session_id=5).exists()
    # still queued a minute later: no worker runs, and the page says so
    task = DBTaskResult.objects.get(task_path=import_report_task.module_path)
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=task.enqueued_at - timedelta(minutes=2)
    )
    stalled = client.get(status_url, headers={"HX-Request": "true"}).content.decode()
    assert "does not seem to be running" in stalled and 'hx-trigger="every 2s"' in stalled
    run_worker()
    swapped = client.get(status_url, headers={"HX-Request": "true"}).content.decode()
    assert reverse("corpus:report_upload") in swapped  # the way on is in the swapped part
    done = client.get(status_url).content.decode()
    assert "Atlantis" in done and "4 imported" in done and "every 2s" not in done
    assert "Review of Slovenia, session 5" in done  # the State's name, not its code
    outcome = reverse("corpus:outcome") + "?sur=SVN&amp;session=5"
    assert outcome in done and reverse("corpus:untagged") in done  # the next steps
    assert not any(upload_root().iterdir())  # the uploaded files are not kept
    # the worker built the similar-wording index with the new rows, not the first search
    built = [p.stem for p in (model_root() / "similarity").glob("*.joblib")]
    assert built == [_signature()]
    # Only the person who uploaded sees the outcome; other editors get "no such import".
    assert client_for(people, "staff").get(status_url).status_code == 404
    assert client_for(people, "editor").get(status_url).status_code == 403


def test_broken_files_are_refused_and_change_nothing(people, corpus, run_worker) -> None:
    client = client_for(people, "owner")
    url = reverse("corpus:report_upload")
    before = corpus.count()
    bad_pdf = client.post(url, {"report": _upload("r.pdf", b"%PDF-1.7\n garbage"), "sur": "SVN"})
    run_worker()
    page = client.get(bad_pdf["Location"]).content.decode()
    assert "Nothing was imported" in page and "every 2s" not in page
    renamed = client.post(url, {"report": _upload("r.docx", b"MZ\x90\x00 not a zip")})
    assert renamed.status_code == 400  # the form refuses it before anything is queued
    assert corpus.count() == before


def _outcome_post(client: Client, **extra) -> object:
    text = Recommendation.objects.filter(sur_id="AFG", session_id=18).order_by("pk").first().text
    women = Issue.objects.get(name="Women's rights")
    data = {"sur": "AFG", "session": "18", "issues": [women.pk],
            "drafts": f"{text.upper()}\nBuild a space station on Mars for penguins"}  # fmt: skip
    return client.post(reverse("corpus:outcome"), {**data, **extra}), text


def test_outcome_for_a_state_and_session(corpus) -> None:
    response, _text = _outcome_post(Client())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ethiopia" in html and "100%" in html  # the draft as Ethiopia worded it
    assert "Not taken up" in html  # the penguins
    assert "Women&#x27;s rights: raised in" in html
    assert html.index('class="outcome"') < html.index('name="drafts"')  # no scrolling past 56 boxes
    assert Client().get(reverse("corpus:outcome")).status_code == 200


def test_outcome_of_a_session_without_the_review_names_the_right_sessions(corpus) -> None:
    response, _text = _outcome_post(Client(), session="12")
    html = response.content.decode()
    expected = sorted(
        set(Recommendation.objects.filter(sur_id="AFG").values_list("session_id", flat=True))
    )
    assert expected == [5, 18]  # Afghanistan's two reviews in the corpus
    assert "The corpus holds reviews of Afghanistan at sessions 5, 18." in html
    assert "Not taken up" not in html and "<h3>States to thank</h3>" not in html  # no verdict
    assert "Import its WG report first" in html  # a visitor is told who can


def test_outcome_csv(corpus) -> None:
    response, text = _outcome_post(Client(), export="csv")
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")  # Excel reads UTF-8 only with its mark
    rows = list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))
    first = rows[0]
    assert (first["draft_number"], first["recommending_state"]) == ("1", "Ethiopia")
    assert first["recommendation"] == text and first["similarity"] == "1.00"
    # the draft nobody took up has its own line, empty beside it
    [penguins] = [r for r in rows if r["draft_number"] == "2"]
    assert "penguins" in penguins["draft"] and penguins["recommendation"] == ""
    assert {r["draft_number"] for r in rows} == {"1", "2"}


def test_campaign_outcome_uses_the_campaigns_drafts_and_issues(people, corpus) -> None:
    from upr.campaigns.models import Campaign, Draft, PriorityIssue
    from upr.corpus.models import Session, State

    owner = people["owner"]
    workspace = Membership.objects.get(user=owner).workspace
    campaign = Campaign.objects.create(
        workspace=workspace, sur=State.objects.get(pk="AFG"), session=Session.objects.get(pk=18)
    )
    issue = PriorityIssue.objects.create(
        workspace=workspace, campaign=campaign, title="Women",
        issue=Issue.objects.get(name="Women's rights"),
    )  # fmt: skip
    rec = Recommendation.objects.filter(sur_id="AFG", session_id=18).order_by("pk").first()
    Draft.objects.create(workspace=workspace, priority_issue=issue, text=rec.text)
    url = reverse("corpus:campaign_outcome", args=[workspace.public_id, campaign.pk])
    html = client_for(people, "owner").get(url).content.decode()
    assert "Ethiopia" in html and "Women&#x27;s rights: raised in" in html
    assert client_for(people, "nobody").get(url).status_code == 404
    csv_text = client_for(people, "editor").get(url + "?export=csv").content.decode()
    assert "Ethiopia" in csv_text


def _slovenia_2025(data_dir) -> None:
    """The real 2025 review of Slovenia from its WG report: untagged, as on the day after."""
    from upr.corpus.report_import import import_report

    path = data_dir / "slovenia-upr/4thcycleunoriginal/g2502644.pdf"
    import_report([(path.name, path.read_bytes())])


def _svn_outcome(issue: str, draft: str) -> str:
    data = {"sur": "SVN", "session": "48", "drafts": draft,
            "issues": [Issue.objects.get(name=issue).pk]}  # fmt: skip
    response = Client().post(reverse("corpus:outcome"), data)
    assert response.status_code == 200
    return response.content.decode()


def test_outcome_of_an_untagged_review_says_so_without_models(data_dir, corpus, no_models):
    _slovenia_2025(data_dir)
    html = _svn_outcome("Minorities", "Build a space station on Mars for penguins")
    assert "254 recommendations of this review have no issue tags yet" in html
    assert "train the models to have their issues suggested" in html
    assert "according to the model" not in html


def test_outcome_of_an_untagged_review_uses_the_models_suggestions(data_dir, corpus, trained):
    """The day after the review nothing is tagged; the tagger's suggestions say whether the
    NGO's issue was raised, and by whom, marked as suggestions."""
    from upr.corpus.ml.predict import suggest
    from upr.corpus.models import State
    from upr.corpus.outcome import review_outcome

    _slovenia_2025(data_dir)
    minorities = Issue.objects.get(name="Minorities")
    outcome = review_outcome(State.objects.get(pk="SVN"), 48, [], [minorities])
    raised = outcome.issues[0]
    assert outcome.suggestions_used and outcome.untagged == 254 and not raised.recommendations
    assert 5 <= len(raised.suggested) < 254
    # every suggested row is untagged and the tagger does suggest the issue for it
    assert all(not r.issues.exists() for r in raised.suggested)
    predicted = suggest(trained, [r.text for r in raised.suggested])
    assert all("Minorities" in s.issue_names for s in predicted)
    assert any("Roma" in r.text or "minorit" in r.text.lower() for r in raised.suggested)
    html = _svn_outcome("Minorities", "Adopt a national action plan on Roma inclusion")
    assert "untagged recommendations on it according to the model" in html
    assert "their issues above are the model's suggestions" in html


def test_a_draft_not_taken_up_shows_the_closest_recommendation(corpus) -> None:
    from upr.corpus.models import State
    from upr.corpus.outcome import MIN_SCORE, review_outcome

    drafts = ["Ratify the penguin charter on Mars", "Zzyzx qwerty"]
    outcome = review_outcome(State.objects.get(pk="AFG"), 18, drafts, [])
    near, nothing = outcome.drafts
    assert not near.matches and near.closest is not None
    assert 0 < near.closest.score < MIN_SCORE and "ratify" in near.closest.rec.text.lower()
    assert nothing.closest is None  # no word in common: nothing to show
    data = {"sur": "AFG", "session": "18", "drafts": drafts[0]}
    html = Client().post(reverse("corpus:outcome"), data).content.decode()
    assert "Closest, for you to judge" in html
    assert reverse("corpus:recommendation", args=[near.closest.rec.pk]) in html


def test_items_left_out_are_listed_on_the_status_page(people, corpus, run_worker) -> None:
    commented = SYNTHETIC.replace(
        "92. All", "91.3 Regarding recommendation 91.1, Utopia has no such law. 92. All"
    )
    client = client_for(people, "owner")
    ok = client.post(
        reverse("corpus:report_upload"),
        {"report": _upload(data=commented.encode()), "sur": "SVN", "session": "5"},
    )
    run_worker()
    done = client.get(ok["Location"]).content.decode()
    stored = Recommendation.objects.filter(sur_id="SVN", session_id=5, origin=Origin.UN_DOCUMENT)
    assert stored.count() == 4  # the State's comment is not stored as a recommendation
    assert "Notes from reading the documents" in done
    assert "91.3: left out, a comment: &#x27;Regarding recommendation 91.1" in done


def test_only_close_wording_puts_a_state_on_the_thank_you_list(corpus):
    draft = "Ratify the Optional Protocol to the Convention against Torture"
    outcome = review_outcome(State.objects.get(pk="NGA"), 17, [draft], [])
    scores = [m.score for m in outcome.drafts[0].matches]
    assert any(MIN_SCORE <= s < THANK_SCORE for s in scores)  # shown under the draft …
    weaker = [m for m in outcome.drafts[0].matches if m.score < THANK_SCORE]
    assert weaker and not any(m.thanked for m in weaker)  # other protocols, same words
    thanked = [m.score for t in outcome.thanks for _n, m in t.matches]
    assert all(s >= THANK_SCORE for s in thanked)  # … only close ones are thanked


def test_a_smart_draft_thanks_the_state_that_said_its_core(corpus):
    """A S.M.A.R.T. draft adds a deadline and a budget that no State repeats: the cosine with
    the recommendation that took it up falls below the thank-you cut, its coverage does not."""
    sur = State.objects.get(pk="BFA")
    ask = "Consider adopting a specific legislation to eliminate violence against women"
    rec = corpus.filter(sur=sur, session_id=16, text__startswith=ask).get()
    smart = rec.text + (", by 2027, with a dedicated budget line, and report publicly each year"
                        " on the number of cases prosecuted")  # fmt: skip
    outcome = review_outcome(sur, 16, [smart], [])
    [match] = [m for m in outcome.drafts[0].matches if m.rec.pk == rec.pk]
    assert MIN_SCORE <= match.score < THANK_SCORE and match.covered > 0.99
    thanked = {t.state.pk for t in outcome.thanks}
    assert set(rec.recommending_states.values_list("pk", flat=True)) <= thanked
    # another treaty's protocol in the same words is still not thanked
    other = "Ratify the Optional Protocol to the Convention against Torture by 2026"
    assert not review_outcome(sur, 16, [other], []).thanks


def test_the_menus_lead_to_the_import_and_to_the_campaigns_outcome(people, corpus) -> None:
    upload = reverse("corpus:report_upload")
    for who, shown in (("owner", True), ("staff", True), ("editor", False), ("anonymous", False)):
        home = client_for(people, who).get(reverse("corpus:home")).content.decode()
        menu = home[home.index('aria-label="Main"') :].split("</nav>")[0]
        assert (f'href="{upload}"' in menu) == shown, who
    membership = Membership.objects.filter(user=people["owner"]).select_related("workspace")[0]
    from upr.campaigns.models import Campaign

    campaign = Campaign.objects.create(
        workspace=membership.workspace, name="UPR of Slovenia", sur_id="SVN", session_id=48
    )
    ws = membership.workspace.public_id
    outcome = reverse("corpus:campaign_outcome", args=[ws, campaign.pk])
    owner = client_for(people, "owner")
    dashboard = owner.get(reverse("campaigns:detail", args=[ws, campaign.pk])).content.decode()
    assert f'href="{outcome}"' in dashboard
    page = owner.get(outcome).content.decode()
    assert 'class="campaign-nav"' in page and "workspace-nav" in page  # menus, no dead end


def test_an_import_can_be_undone_by_the_person_who_made_it(people, corpus, run_worker) -> None:
    from upr.corpus.models import ImportRun, Review

    before = corpus.count()
    owner = client_for(people, "owner")
    ok = owner.post(reverse("corpus:report_upload"), {"report": _upload(), "sur": "SVN"})
    run_worker()
    status_url = ok["Location"]
    remove_url = status_url + "remove/"
    assert remove_url in owner.get(status_url).content.decode()
    assert Recommendation.objects.filter(sur_id="SVN", session_id=5).count() == 4
    # the list marks them as from the UN document; UPR Info's rows carry no such badge
    listed = owner.get(reverse("corpus:recommendations"), {"sur": "SVN", "session": "5"})
    assert listed.content.decode().count('class="badge un-document"') == 4
    upr_info = owner.get(reverse("corpus:recommendations"), {"sur": "SVN", "session": "7"})
    html = upr_info.content.decode()
    assert 'class="rec-text"' in html and 'class="badge un-document"' not in html
    # only the importer: another owner, an editor, a stranger get nothing
    assert client_for(people, "staff").get(remove_url).status_code == 404
    assert client_for(people, "editor").post(remove_url).status_code == 403
    assert client_for(people, "anonymous").post(remove_url).status_code == 302
    assert Recommendation.objects.filter(sur_id="SVN", session_id=5).count() == 4
    confirm = owner.get(remove_url).content.decode()
    assert "removes the 4 recommendations" in confirm and 'method="post"' in confirm
    assert Recommendation.objects.filter(sur_id="SVN", session_id=5).count() == 4  # GET asks
    done = owner.post(remove_url)
    assert done.status_code == 302 and done["Location"] == reverse("corpus:report_upload")
    assert not Recommendation.objects.filter(sur_id="SVN", session_id=5).exists()
    assert not Review.objects.filter(sur_id="SVN", session_id=5).exists()  # nothing left of it
    assert corpus.count() == before
    record = ImportRun.objects.get(kind="un-report-removed")
    assert record.details["removed"] == 4 and record.details["by_user"] == people["owner"].pk
    message = [str(m) for m in owner.get(reverse("corpus:report_upload")).context["messages"]]
    assert message == ["4 recommendations taken from the UN documents were removed."]


def test_undo_keeps_upr_infos_rows(people, corpus, data_dir, run_worker) -> None:
    from upr.corpus.report_removal import remove_un_document_rows

    kenya = corpus.filter(sur_id="KEN", session_id=8).count()
    assert kenya and remove_un_document_rows("KEN", 8, "", people["owner"].pk) == 0
    assert corpus.filter(sur_id="KEN", session_id=8).count() == kenya
