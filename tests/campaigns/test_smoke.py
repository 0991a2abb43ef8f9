"""Every campaign page renders for an editor and a viewer (templates, queries, context)."""

from __future__ import annotations

import pytest
from django.urls import reverse

PAGES = ["detail", "timeline", "issues", "targets", "children", "edit"]


@pytest.mark.parametrize("who", ["editor", "viewer"])
def test_pages_render(team, who):
    client = team.client(who)
    c = team.campaign
    o = team.objects
    urls = [reverse("campaigns:list", args=[team.ws]), reverse("campaigns:create", args=[team.ws])]
    urls += [reverse(f"campaigns:{name}", args=[team.ws, c.pk]) for name in PAGES]
    urls += [
        reverse("campaigns:task", args=[team.ws, c.pk, o.task.pk]),
        reverse("campaigns:issue", args=[team.ws, c.pk, o.issue.pk]),
        reverse("campaigns:draft", args=[team.ws, c.pk, o.draft.pk]),
        reverse("campaigns:target", args=[team.ws, c.pk, o.target.pk]),
        reverse("campaigns:contact", args=[team.ws, c.pk, o.contact.pk]),
        reverse("campaigns:draft_check", args=[team.ws, c.pk]) + "?text=Ratify+CAT+by+2028",
    ]
    for url in urls:
        response = client.get(url)
        expected = 403 if who == "viewer" and url.endswith(("/new/", "/edit/")) else 200
        assert response.status_code == expected, (url, response.status_code)
