"""Outreach: a sent paper schedules the follow-up call a week later, on the dashboard."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from upr.campaigns.dashboard import build_dashboard
from upr.campaigns.models import Outreach, Target, TargetStatus, Task, TaskKind


def test_logging_a_sent_paper_creates_the_follow_up_call(team):
    c, target = team.campaign, team.objects.target
    client = team.client("editor")
    today = timezone.localdate()
    url = reverse("campaigns:outreach_create", args=[team.ws, c.pk, target.pk])
    response = client.post(
        url,
        {"kind": "brief_sent", "day": today.isoformat(), "contact": team.objects.contact.pk},
    )
    assert response.status_code == 302
    calls = Task.objects.in_workspace(team.workspace).filter(kind=TaskKind.FOLLOW_UP)
    assert [(t.due, t.target_id, t.owner) for t in calls] == [
        (today + timedelta(days=7), target.pk, team.users["editor"])
    ]
    assert "A. Diplomat" in calls[0].title
    target.refresh_from_db()
    assert target.status == TargetStatus.CONTACTED
    assert Outreach.objects.in_workspace(team.workspace).count() == 1
    page = client.get(reverse("campaigns:detail", args=[team.ws, c.pk])).content.decode()
    assert "Follow-up call: France" in page
    assert (today + timedelta(days=7)).isoformat() in page


def test_other_outreach_creates_no_task_and_status_never_goes_back(team):
    c, target = team.campaign, team.objects.target
    target.status = TargetStatus.SUPPORTIVE
    target.save()
    url = reverse("campaigns:outreach_create", args=[team.ws, c.pk, target.pk])
    team.client("editor").post(url, {"kind": "call", "day": "2026-10-01"})
    target.refresh_from_db()
    assert target.status == TargetStatus.SUPPORTIVE
    assert not Task.objects.in_workspace(team.workspace).filter(kind=TaskKind.FOLLOW_UP).exists()


def test_a_contact_of_another_target_is_refused(team):
    other = Target.objects.create(workspace=team.workspace, campaign=team.campaign, state_id="DEU")
    url = reverse("campaigns:outreach_create", args=[team.ws, team.campaign.pk, other.pk])
    response = team.client("editor").post(
        url, {"kind": "brief_sent", "day": "2026-10-01", "contact": team.objects.contact.pk}
    )
    assert response.status_code == 200  # the form again, with an error
    assert not Outreach.objects.in_workspace(team.workspace).exists()


def test_dashboard_sorts_open_tasks(team):
    tasks = list(Task.objects.in_workspace(team.workspace).filter(campaign=team.campaign))
    board = build_dashboard(tasks, date(2026, 11, 25))  # a Wednesday
    assert {t.step_key for t in board.overdue} >= {"advocacy_paper", "contact_embassies"}
    assert "contact_geneva_missions" in {t.step_key for t in board.this_week}
    assert "pre_session" in {t.step_key for t in board.next}
    done = next(t for t in tasks if t.step_key == "advocacy_paper")
    done.status = "done"
    board = build_dashboard(tasks, date(2026, 11, 25))
    assert done not in board.overdue


def test_a_long_running_task_is_ongoing_not_this_week(team):
    tasks = list(Task.objects.in_workspace(team.workspace).filter(campaign=team.campaign))
    today = date(2027, 9, 1)  # months after the review: monitoring runs to the mid-term report
    board = build_dashboard(tasks, today)
    running = [t for t in tasks if t.is_open and t.start <= today <= t.due]
    assert any((t.due - today).days > 60 for t in running)  # a long step is running
    assert board.ongoing and all((t.due - today).days > 35 for t in board.ongoing)
    assert all((t.due - today).days <= 41 for t in board.this_week)
    assert not set(board.ongoing) & set(board.this_week)
    page = team.client("viewer").get(reverse("campaigns:detail", args=[team.ws, team.campaign.pk]))
    assert page.status_code == 200
