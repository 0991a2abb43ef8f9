"""The report upload page (who may import) and the outcome pages (State+session, campaign)."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from upr.corpus.models import Issue, Origin, Recommendation
from upr.corpus.report_tasks import upload_root
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
    assert not Recommendation.objects.filter(sur_id="SVN", session_id=5).exists()
    run_worker()
    done = client.get(status_url).content.decode()
    assert "Atlantis" in done and "4 imported" in done and "every 2s" not in done
    assert not any(upload_root().iterdir())  # the uploaded files are not kept
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
    assert Client().get(reverse("corpus:outcome")).status_code == 200


def test_outcome_csv(corpus) -> None:
    response, text = _outcome_post(Client(), export="csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    first = rows[0]
    assert (first["draft_number"], first["recommending_state"]) == ("1", "Ethiopia")
    assert first["recommendation"] == text and first["similarity"] == "1.00"
    assert all(r["draft_number"] == "1" for r in rows)


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
