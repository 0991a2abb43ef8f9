"""Target States: the finder's ranking on the campaign, picking with checkboxes, entry points."""

from __future__ import annotations

from django.urls import reverse

from upr.campaigns.finder import FinderError, rank_for_campaign
from upr.campaigns.models import Contact, EntryPoint, Target


def test_finder_ranks_states_for_the_campaigns_issues(team):
    ranking = rank_for_campaign("TGO", ["Rights of the Child"])
    assert len(ranking) >= 5
    assert "TGO" not in {c.iso3 for c in ranking}
    assert all(c.name and c.why for c in ranking)


def test_finder_learns_only_from_sessions_before_the_campaigns(team):
    from upr.corpus.targets import rank_targets

    # Togo was reviewed at sessions 6 and 19: a campaign for session 19 must not count it.
    before = rank_for_campaign("TGO", ["Rights of the Child"], session=19)
    expected = rank_targets("TGO", ["Rights of the Child"], limit=20, history_sessions=range(1, 19))
    assert [c.iso3 for c in before] == [s.iso3 for s in expected.states]
    assert max(expected.history_sessions) == 18
    assert all("of its 2 " not in c.why for c in before)  # one earlier review, not two
    everything = rank_for_campaign("TGO", ["Rights of the Child"])
    assert [c.iso3 for c in everything] != [c.iso3 for c in before]


def test_finder_needs_an_issue(team):
    try:
        rank_for_campaign("TGO", [])
    except FinderError as error:
        assert "issue" in str(error)
    else:
        raise AssertionError("no error")


def test_pick_two_targets_from_the_finder(team):
    client = team.client("editor")
    url = reverse("campaigns:targets", args=[team.ws, team.campaign.pk])
    page = client.get(url).content.decode()
    ranking = rank_for_campaign("TGO", [team.objects.issue.issue.name], team.campaign.session_id)
    picks = [c.iso3 for c in ranking if c.iso3 != "FRA"][:2]
    assert all(f'value="{iso3}"' in page for iso3 in picks)
    assert 'value="FRA"' not in page  # already a target
    response = client.post(url, {"states": picks})
    assert response.status_code == 302
    chosen = Target.objects.in_workspace(team.workspace).filter(campaign=team.campaign)
    assert {t.state_id for t in chosen} == {"FRA", *picks}
    assert all(t.why for t in chosen if t.state_id in picks)
    # a State the finder did not offer cannot be posted
    assert client.post(url, {"states": ["XXX"]}).status_code == 200


def test_entry_points_and_contacts(team):
    client = team.client("editor")
    c, target = team.campaign, team.objects.target
    url = reverse("campaigns:entry_point_create", args=[team.ws, c.pk, target.pk])
    assert client.post(url, {"kind": "mission", "name": "Mission in Geneva"}).status_code == 302
    entry = EntryPoint.objects.in_workspace(team.workspace).get(kind="mission")
    url = reverse("campaigns:contact_create", args=[team.ws, c.pk, entry.pk])
    form = {"name": "B. Attaché", "role": "Human rights", "email": "b@example.org",
            "last_verified": "2026-09-01", "changed_post": "on"}  # fmt: skip
    assert client.post(url, form).status_code == 302
    contact = Contact.objects.in_workspace(team.workspace).get(name="B. Attaché")
    assert contact.changed_post
    page = client.get(reverse("campaigns:target", args=[team.ws, c.pk, target.pk]))
    assert "ask for the successor" in page.content.decode()


def test_reasons_read_in_the_same_order_for_every_state(team):
    ranking = rank_for_campaign("TGO", ["Rights of the Child"])
    both = [c.why for c in ranking if "chance to recommend" in c.why and "if it speaks" in c.why]
    assert both and all(w.index("chance to recommend") < w.index("if it speaks") for w in both)


def test_the_campaigns_ranking_downloads_as_csv(team):
    import csv
    import io
    import re

    page = team.client("viewer").get(reverse("campaigns:targets", args=[team.ws, team.campaign.pk]))
    link = re.search(r'href="(/targets\.csv\?[^"]+)" download', page.content.decode())
    assert link, "no download link"
    url = link.group(1).replace("&amp;", "&")
    assert f"before={team.campaign.session_id}" in url
    body = team.client("viewer").get(url).content.decode("utf-8").removeprefix("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body)))
    issues = [team.objects.issue.issue.name]
    expected = rank_for_campaign("TGO", issues, team.campaign.session_id)
    assert [r["iso3"] for r in rows] == [c.iso3 for c in expected]


def test_the_target_page_has_one_field_per_id(team):
    import collections
    import re

    target = team.objects.target
    url = reverse("campaigns:target", args=[team.ws, team.campaign.pk, target.pk])
    html = team.client("editor").get(url).content.decode()
    ids = collections.Counter(re.findall(r'\sid="([^"]+)"', html))
    assert "entry_kind" in ids and "outreach_kind" in ids  # the two "kind" fields, apart
    assert [i for i, n in ids.items() if n > 1] == []
    for label in re.findall(r'<label for="([^"]+)"', html):
        assert ids[label] == 1, label
