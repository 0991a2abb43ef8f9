"""The workspace's own menu leads to its campaigns, not only the site header."""

from __future__ import annotations

import re

from django.urls import reverse

from .conftest import World


def test_workspace_menu_links_to_the_campaigns(world: World):
    ws = world.workspace.public_id
    html = world.client("viewer").get(reverse("workspaces:home", args=[ws])).content.decode()
    nav = re.search(r'<nav class="workspace-nav".*?</nav>', html, re.S).group(0)
    assert reverse("campaigns:list", args=[ws]) in nav
    assert "Notes" in nav and "Audit log" not in nav  # the owner's entries stay the owner's
