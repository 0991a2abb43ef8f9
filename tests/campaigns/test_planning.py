"""The plan through the database: a campaign's tasks carry the model strategy's dates.

The expected windows are the pure tests' hand-dated tables (tests/cycle/test_plan.py), reached
here through a campaign, its session and the corpus.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from tests.cycle.test_plan import AFGHANISTAN_2014, SESSION_54
from upr.campaigns.models import Campaign, Task, TaskStatus
from upr.campaigns.planning import calendar_sessions, campaign_plan, sync_tasks
from upr.corpus.models import Session

from .objects import REVIEW_54, make_campaign


def task_windows(campaign) -> dict[str, tuple[date, date]]:
    tasks = Task.objects.in_workspace(campaign.workspace).filter(campaign=campaign)
    return {t.step_key: (t.start, t.due) for t in tasks if t.step_key}


def test_review_at_the_54th_session_through_a_campaign(team):
    campaign = team.campaign
    assert campaign.review_basis() == (REVIEW_54, "entered")
    assert task_windows(campaign) == SESSION_54
    steps = {s.key: s for s in campaign_plan(campaign)}
    assert steps["advance_questions"].start == date(2027, 1, 5)  # 10 Geneva working days
    assert all(s.source for s in steps.values())


def test_cycle_2_review_dated_from_the_corpus(team):
    """Afghanistan at the 18th session: no date entered, the reports' index knows the day."""
    campaign = make_campaign(
        team.workspace, sur="AFG", review_date=None, session=Session.objects.get(number=18)
    )
    assert campaign.review_basis() == (date(2014, 1, 27), "corpus")
    assert task_windows(campaign) == AFGHANISTAN_2014


def test_session_dates_stand_in_for_an_unknown_review_day(team):
    campaign = make_campaign(team.workspace, sur="BEN", review_date=None)
    assert campaign.review_basis() == (date(2027, 1, 19), "session")


def test_edited_session_dates_are_used_for_clash_warnings(team):
    session = Session.objects.get(number=53)
    session.start_date, session.end_date = date(2026, 11, 23), date(2026, 12, 4)
    session.dates_source = "edited"
    session.save()
    labels = {(s.kind, s.number): s for s in calendar_sessions(REVIEW_54)}
    assert labels[("wg", 53)].start == date(2026, 11, 23)
    steps = {s.key: s for s in campaign_plan(team.campaign)}
    assert any("53rd" in w for w in steps["contact_geneva_missions"].warnings)


def test_changing_the_review_date_moves_estimates_and_keeps_entries(team):
    """Through the edit page: derived dates move, exact dates and task statuses stay."""
    campaign, client = team.campaign, team.client("editor")
    review_task = team.objects.task
    review_task.status, review_task.owner = TaskStatus.DOING, team.users["editor"]
    review_task.notes = "Book the webcast room"
    review_task.save()
    url = reverse("campaigns:edit", args=[team.ws, campaign.pk])
    form = {
        "sur": "TGO",
        "session": "54",
        "review_date": "2027-01-19",
        "exact_submission_deadline": "2026-06-25",
        "exact_adoption": "2027-05-01",
    }
    assert client.post(url, form).status_code == 302
    before = task_windows(campaign)
    assert before["submission_deadline"] == (date(2026, 6, 25), date(2026, 6, 25))

    assert client.post(url, form | {"review_date": "2027-01-26"}).status_code == 302
    after = task_windows(campaign)
    for key, (start, end) in before.items():
        if key in ("submission_deadline", "adoption"):
            assert after[key] == (start, end), key
        elif key == "lobby_noted":  # starts at the review, ends at the entered adoption
            assert after[key] == (date(2027, 1, 26), date(2027, 5, 1))
        elif key == "follow_up_supported":  # starts at the entered adoption
            assert after[key][0] == start and after[key][1] > end
        else:
            assert after[key] != (start, end), key
    review_task.refresh_from_db()
    assert (review_task.due, review_task.status, review_task.owner) == (
        date(2027, 1, 26),
        TaskStatus.DOING,
        team.users["editor"],
    )
    assert review_task.notes == "Book the webcast room"
    campaign.refresh_from_db()
    assert campaign.exact_dates == {"submission_deadline": "2026-06-25", "adoption": "2027-05-01"}


def test_sync_is_idempotent(team):
    first = task_windows(team.campaign)
    count = Task.objects.in_workspace(team.workspace).filter(campaign=team.campaign).count()
    sync_tasks(team.campaign)
    assert task_windows(team.campaign) == first
    assert Task.objects.in_workspace(team.workspace).filter(campaign=team.campaign).count() == count


def test_create_page_makes_the_plan(team):
    client = team.client("editor")
    url = reverse("campaigns:create", args=[team.ws])
    response = client.post(url, {"sur": "GHA", "session": "54", "review_date": "2027-01-20"})
    assert response.status_code == 302
    page = client.get(response.url)
    assert page.status_code == 200
    assert b"2027-01-20" in page.content and b"2026-12-20" in page.content


def test_the_plan_is_one_audit_entry_and_task_edits_are_audited(team):
    from upr.workspaces.models import AuditEntry, unscoped

    client = team.client("editor")
    url = reverse("campaigns:create", args=[team.ws])
    client.post(url, {"sur": "GHA", "session": "54", "review_date": "2027-01-20"})
    with unscoped("test: the workspace's audit log"):
        entries = AuditEntry.objects.filter(workspace=team.workspace)
        tasks = entries.filter(model="campaigns.Task")
        campaign = Campaign.objects.in_workspace(team.workspace).get(sur_id="GHA")
        summary = entries.get(
            model="campaigns.Campaign",
            object_id=str(campaign.pk),
            changes__has_key="plan tasks created",
        )
    created = Task.objects.in_workspace(team.workspace).filter(campaign_id=summary.object_id)
    assert summary.changes["plan tasks created"] == [None, created.count()] and created.count() > 5
    assert not tasks.filter(object_id__in=[str(t.pk) for t in created]).exists()
    task = created.first()
    task.status = TaskStatus.DONE
    task.save()
    with unscoped("test: the workspace's audit log"):
        assert AuditEntry.objects.filter(model="campaigns.Task", object_id=str(task.pk)).exists()


def test_a_review_date_or_a_dated_session_is_required(team):
    client = team.client("editor")
    url = reverse("campaigns:create", args=[team.ws])
    response = client.post(url, {"sur": "GHA"})
    assert response.status_code == 200
    assert "review date" in response.content.decode()
    # a session without dates says which, and what to do instead
    undated = client.post(url, {"sur": "GHA", "session": "48"}).content.decode()
    assert "Session 48 has no dates in the calendar yet" in undated
    # the States in the page's alphabetical order, whatever the database's collation
    html = client.get(url).content.decode()
    assert html.index(">Côte d&#x27;Ivoire<") < html.index(">Czechia<")


def test_the_campaign_form_names_its_dates_in_french(team):
    client = team.client("editor")
    client.cookies["upr_language"] = "fr"
    html = client.get(reverse("campaigns:create", args=[team.ws])).content.decode()
    assert "Contribution écrite au HCDH (date limite)" in html
    assert "Written submission to OHCHR (deadline)" not in html
