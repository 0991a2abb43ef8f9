"""The campaign calendar: valid iCalendar, stable UIDs, and a secret feed URL without login."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar

from upr.campaigns.feeds import campaign_ics, feed_token, regenerate_feed, revoke_feed
from upr.campaigns.models import Outreach, OutreachKind
from upr.campaigns.outreach import log_outreach
from upr.campaigns.planning import sync_tasks


def events(ics: bytes) -> list:
    return Calendar.from_ical(ics).walk("VEVENT")


def assert_importable(ics: bytes) -> dict[str, object]:
    found = events(ics)
    assert found
    for event in found:
        assert event.get("DTSTART") is not None
        assert event.get("DTEND") is not None or event.get("DUE") is not None
        assert event.get("UID")
        assert event.get("SUMMARY")
    return {str(e["UID"]): e for e in found}


def test_ics_is_valid_and_uids_survive_a_new_review_date(team):
    campaign = team.campaign
    log_outreach(
        Outreach(kind=OutreachKind.BRIEF_SENT, day=date(2026, 9, 21)), team.objects.target, None
    )
    before = assert_importable(campaign_ics(campaign))
    assert len(before) == 18 + 1  # every step and the follow-up call
    campaign.review_date = date(2027, 2, 2)
    campaign.save()
    sync_tasks(campaign)
    after = assert_importable(campaign_ics(campaign))
    assert set(after) == set(before)
    review = next(uid for uid in after if uid.endswith(".review@upr-cycle"))
    assert after[review].decoded("DTSTART") == date(2027, 2, 2)
    assert before[review].decoded("DTSTART") == date(2027, 1, 19)


def test_download_for_members_only(team):
    url = reverse("campaigns:ics", args=[team.ws, team.campaign.pk])
    response = team.client("viewer").get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    assert_importable(response.content)
    assert team.client("outsider").get(url).status_code == 404
    assert team.client("anonymous").get(url).status_code == 302


def test_secret_feed_works_without_login_only_with_the_right_token(team):
    campaign = team.campaign
    anonymous = team.client("anonymous")
    assert feed_token(campaign) is None
    token = regenerate_feed(campaign)
    url = reverse("campaigns:feed", args=[token])
    response = anonymous.get(url)
    assert response.status_code == 200
    assert_importable(response.content)
    assert anonymous.post(url).status_code == 405  # read-only
    wrong = token[:-1] + ("0" if token[-1] != "0" else "1")
    assert anonymous.get(reverse("campaigns:feed", args=[wrong])).status_code == 404
    assert anonymous.get(reverse("campaigns:feed", args=[token[:22]])).status_code == 404
    # The stored key alone (audit log, exports) does not open the feed.
    assert anonymous.get(reverse("campaigns:feed", args=[campaign.feed_key])).status_code == 404

    new = regenerate_feed(campaign)
    assert anonymous.get(url).status_code == 404
    assert anonymous.get(reverse("campaigns:feed", args=[new])).status_code == 200
    revoke_feed(campaign)
    assert anonymous.get(reverse("campaigns:feed", args=[new])).status_code == 404


def test_editors_regenerate_and_revoke_from_the_page(team):
    url = reverse("campaigns:feed_token", args=[team.ws, team.campaign.pk])
    assert team.client("viewer").post(url, {"action": "regenerate"}).status_code == 403
    editor = team.client("editor")
    editor.post(url, {"action": "regenerate"})
    team.campaign.refresh_from_db()
    token = feed_token(team.campaign)
    assert token
    page = editor.get(reverse("campaigns:timeline", args=[team.ws, team.campaign.pk]))
    assert f"http://testserver/calendar/{token}.ics" in page.content.decode()
    editor.post(url, {"action": "revoke"})
    team.campaign.refresh_from_db()
    assert feed_token(team.campaign) is None


def test_calendar_is_in_the_readers_language(team):
    french = team.client("viewer")
    french.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    url = reverse("campaigns:ics", args=[team.ws, team.campaign.pk])
    review = next(e for e in events(french.get(url).content) if "review@" in str(e["UID"]))
    assert str(review["SUMMARY"]).startswith("L’examen\xa0:")
    assert "\nQuand\xa0: R" in str(review["DESCRIPTION"])
    english = events(team.client("viewer").get(url).content)
    assert any(str(e["SUMMARY"]).startswith("The review:") for e in english)

    # the subscription address carries the language, since a calendar program sends none
    regenerate_feed(team.campaign)
    timeline = french.get(reverse("campaigns:timeline", args=[team.ws, team.campaign.pk]))
    address = timeline.content.decode().split('class="secret feed-url">')[1].split("<")[0]
    assert address.endswith("?lang=fr")
    feed = team.client("anonymous").get(address.replace("&amp;", "&"))
    assert any(str(e["SUMMARY"]).startswith("L’examen\xa0:") for e in events(feed.content))
    plain = team.client("anonymous").get(address.split("?")[0])
    assert any(str(e["SUMMARY"]).startswith("The review:") for e in events(plain.content))
