"""``upr remind``: one digest per member, with the open tasks they own that fall due."""

from __future__ import annotations

from io import StringIO

from django.core import mail
from django.core.management import call_command

from upr.campaigns.models import Task, TaskStatus
from upr.workspaces.models import Membership


def remind(*args: str) -> str:
    out = StringIO()
    call_command("remind", *args, stdout=out)
    return out.getvalue()


def assign(team, key: str, who: str, status: str = TaskStatus.TODO) -> Task:
    task = Task.objects.in_workspace(team.workspace).get(campaign=team.campaign, step_key=key)
    task.owner, task.status = team.users[who], status
    task.save()
    return task


def test_each_owner_gets_a_digest_of_due_and_overdue_tasks(team):
    assign(team, "advocacy_paper", "editor")  # due 2026-09-19: overdue on 1 October
    assign(team, "contact_embassies", "editor")  # due 2026-10-19: outside 7 days
    assign(team, "national_consultations", "editor", TaskStatus.DONE)
    assign(team, "submission_deadline", "viewer", TaskStatus.SKIPPED)
    mail.outbox.clear()
    out = remind("--today", "2026-10-01", "--base-url", "https://upr.example.org")
    assert "editor@example.org: 1 task(s)" in out
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]
    body = mail.outbox[0].body
    assert "Prepare the advocacy paper" in body and "Overdue" in body
    assert "Contact embassies" not in body
    assert f"https://upr.example.org/w/{team.ws}/campaigns/{team.campaign.pk}/" in body

    mail.outbox.clear()
    remind("--today", "2026-10-14", "--days", "7")
    assert "Contact embassies" in mail.outbox[0].body


def test_former_members_are_not_reminded(team):
    assign(team, "advocacy_paper", "editor")
    Membership.objects.get(workspace=team.workspace, user=team.users["editor"]).delete()
    mail.outbox.clear()
    remind("--today", "2026-10-01")
    assert mail.outbox == []


def test_dry_run_sends_nothing(team):
    assign(team, "advocacy_paper", "owner")
    mail.outbox.clear()
    assert "owner@example.org: 1 task(s)" in remind("--today", "2026-10-01", "--dry-run")
    assert mail.outbox == []


def test_each_person_is_reminded_in_the_language_they_chose(team):
    """The switcher's choice is kept on the account, so a digest sent by a command (no
    request, no cookie) is written in it; others keep the default language."""
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(team.users["editor"])
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    team.users["editor"].refresh_from_db()
    assert team.users["editor"].language == "fr"
    assign(team, "advocacy_paper", "editor")
    assign(team, "submission_deadline", "owner")  # due in July: overdue
    mail.outbox.clear()
    remind("--today", "2026-10-01")
    by_person = {m.to[0]: m for m in mail.outbox}
    french = by_person["editor@example.org"]
    assert french.subject.replace("\xa0", " ") == "UPR Cycle : 1 tâche(s) à échéance"
    assert "En retard" in french.body and "Overdue" not in french.body
    assert "octobre" in french.body  # the date, too
    english = by_person["owner@example.org"]
    assert "Overdue" in english.body and english.subject.startswith("UPR Cycle: 1 task")
