"""The interface language is remembered on the account (for e-mails sent by commands)."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from upr.workspaces.language import for_user
from upr.workspaces.models import User

from .conftest import PASSWORD, make_user


def test_switcher_remembers_the_choice_only_for_a_signed_in_person(db):
    person = make_user("ana@example.org")
    anonymous = Client()
    response = anonymous.post(reverse("set_language"), {"language": "es", "next": "/"})
    assert response.status_code == 302 and response.cookies["upr_language"].value == "es"
    person.refresh_from_db()
    assert person.language == ""  # nobody signed in: only the cookie

    client = Client()
    client.force_login(person)
    client.post(reverse("set_language"), {"language": "es", "next": "/"})
    person.refresh_from_db()
    assert person.language == "es" and for_user(person) == "es"
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})  # not offered
    person.refresh_from_db()
    assert person.language == "es"


def test_sign_in_stores_the_language_in_use_when_none_was_chosen(db):
    make_user("li@example.org")
    client = Client(headers={"accept-language": "fr"})
    client.post(reverse("accounts:login"), {"email": "li@example.org", "password": PASSWORD})
    person = User.objects.get(email="li@example.org")
    assert person.language == "fr"
    # a later sign-in from an English browser keeps the stored choice
    other = Client(headers={"accept-language": "en"})
    other.post(reverse("accounts:login"), {"email": "li@example.org", "password": PASSWORD})
    person.refresh_from_db()
    assert person.language == "fr"


def test_default_language_for_an_account_without_a_choice(db):
    assert for_user(make_user("no@example.org")) == "en"


def test_a_sign_in_without_any_language_signal_stores_nothing(db):
    person = make_user("ra@example.org")
    Client().force_login(person)  # no cookie, no Accept-Language header
    person.refresh_from_db()
    assert person.language == ""
