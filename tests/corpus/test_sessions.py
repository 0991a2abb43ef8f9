"""The WG calendar page: everyone reads it; only corpus editors change it, and edits stick."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from upr.corpus.models import Session
from upr.corpus.reference import sync_reference_data


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        email="calendar@example.org", password="a long enough passphrase", is_staff=True
    )


@pytest.fixture
def plain_user(db):
    return get_user_model().objects.create_user(
        email="member@example.org", password="a long enough passphrase"
    )


def test_sessions_page_lists_the_calendar(client, db):
    page = client.get("/sessions/")
    assert page.status_code == 200
    assert "7 April 2008" in page.content.decode()
    assert "/sessions/1/edit/" not in page.content.decode()
    # sources in words, not file paths; years from the data (session 48 met in 2025)
    html = page.content.decode()
    assert "the Working Group reports" in html and ".csv" not in html and ".xlsx" not in html
    assert '<td class="num">48</td><td>4</td><td>2025</td>' in html


def test_editing_needs_a_corpus_editor(client, plain_user):
    assert client.get("/sessions/53/edit/").status_code == 302  # anonymous → sign in
    client.force_login(plain_user)
    assert client.get("/sessions/53/edit/").status_code == 403
    assert client.post("/sessions/53/edit/", {"start_date": "2026-11-02"}).status_code == 403


def test_edited_dates_are_kept_and_survive_the_reference_sync(client, staff):
    client.force_login(staff)
    answer = client.post(
        "/sessions/53/edit/", {"start_date": "2026-11-02", "end_date": "2026-11-13"}
    )
    assert answer.status_code == 302
    session = Session.objects.get(number=53)
    assert (session.start_date, session.end_date) == (dt.date(2026, 11, 2), dt.date(2026, 11, 13))
    assert session.dates_source.startswith("edited by calendar@example.org")
    sync_reference_data()  # runs after every migration
    assert Session.objects.get(number=53).start_date == dt.date(2026, 11, 2)


def test_bad_dates_are_refused_with_a_reason(client, staff):
    client.force_login(staff)
    answer = client.post(
        "/sessions/53/edit/", {"start_date": "2026-11-13", "end_date": "2026-11-02"}
    )
    assert answer.status_code == 200
    assert "cannot come before" in answer.content.decode()


def test_dates_are_written_as_each_language_writes_them(client, db):
    from django.test import Client
    from django.utils import translation

    from upr.corpus.templatetags.long_dates import long_date

    french = Client(headers={"accept-language": "fr"}).get("/sessions/").content.decode()
    assert "1er décembre 2008" in french and "7 avril 2008" in french  # session 3, session 1
    spanish = Client(headers={"accept-language": "es"}).get("/sessions/").content.decode()
    assert "7 de abril de 2008" in spanish
    with translation.override("es"):
        assert long_date(dt.date(2027, 1, 19), "weekday") == "martes, 19 de enero de 2027"
    with translation.override("en"):
        assert long_date(dt.date(2027, 1, 19), "weekday") == "Tuesday 19 January 2027"
        assert long_date(None) == ""
