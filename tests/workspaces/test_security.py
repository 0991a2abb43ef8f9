"""CSRF on every form and HTMX request; CSP and security headers on every page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from upr.workspaces.models import Note

from .conftest import PASSWORD, World
from .test_personas import RULES


def test_csrf_rejects_posts_without_token(world: World):
    anonymous = Client(enforce_csrf_checks=True)
    login = anonymous.post(
        reverse("accounts:login"), {"email": "owner@example.org", "password": PASSWORD}
    )
    assert login.status_code == 403

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["owner"])
    ws = world.workspace.public_id
    for name, data in [
        ("workspaces:note_create", {"title": "x"}),
        ("workspaces:delete", {"confirm_name": world.workspace.name}),
        ("workspaces:invite", {"email": "a@example.org", "role": "viewer"}),
    ]:
        assert client.post(reverse(name, args=[ws]), data).status_code == 403, name
    assert client.post(reverse("workspaces:create"), {"name": "x"}).status_code == 403
    assert client.post(reverse("accounts:logout")).status_code == 403
    assert Note.objects.for_membership(world.memberships["owner"]).count() == 1


def test_htmx_requests_carry_the_token_from_the_page(world: World):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["owner"])
    ws = world.workspace.public_id
    page = client.get(reverse("workspaces:members", args=[ws])).content.decode()
    token = page.split('"X-CSRFToken": "')[1].split('"')[0]
    target = world.memberships["viewer"]
    url = reverse("workspaces:member_role", args=[ws, target.pk])
    without = client.post(url, {"role": "editor"}, headers={"HX-Request": "true"})
    assert without.status_code == 403
    response = client.post(
        url, {"role": "editor"}, headers={"HX-Request": "true", "X-CSRFToken": token}
    )
    assert response.status_code == 200


def _all_url_patterns():
    def walk(patterns, prefix_ns):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, p.namespace or prefix_ns)
            elif isinstance(p, URLPattern) and p.name:
                yield (f"{prefix_ns}:{p.name}" if prefix_ns else p.name), p

    return list(walk(get_resolver().url_patterns, None))


def _placeholder_kwargs(pattern: URLPattern) -> dict:
    kwargs = {}
    for key, converter in pattern.pattern.converters.items():
        kwargs[key] = {
            "IntConverter": 1,
            "UUIDConverter": "00000000-0000-4000-8000-000000000000",
        }.get(type(converter).__name__, "x")
    return kwargs


@pytest.mark.parametrize("persona", ["anonymous", "owner"])
def test_every_page_has_csp_and_security_headers(world: World, persona, corpus):
    """All GET-able URLs of every app (corpus included), for a visitor and a signed-in owner."""
    client = world.client(persona)
    checked = 0
    for name, pattern in _all_url_patterns():
        kwargs = RULES[name].kwargs(world) if name in RULES else _placeholder_kwargs(pattern)
        if name == "corpus:recommendation":
            kwargs = {"pk": corpus.order_by("pk").values_list("pk", flat=True).first()}
        url = reverse(name, kwargs=kwargs)
        response = client.get(url)
        csp = response.get("Content-Security-Policy", "")
        assert "default-src 'self'" in csp and "script-src 'self'" in csp, (name, csp)
        assert "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["X-Frame-Options"] == "DENY", name
        assert response["Referrer-Policy"] == "same-origin", name
        html_page = response["Content-Type"].startswith("text/html")
        if name in RULES and response.status_code == 200 and html_page:
            html = response.content.decode()
            assert "<script>" not in html and " style=" not in html and "onclick" not in html
        checked += 1
    assert checked >= len(RULES)


def test_session_cookie_is_http_only_and_expires(world: World, settings):
    client = Client()
    client.post(reverse("accounts:login"), {"email": "owner@example.org", "password": PASSWORD})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert settings.SESSION_COOKIE_AGE <= 24 * 3600


def test_uploaded_files_are_served_only_as_attachments(world: World):
    url = reverse("workspaces:note_file", args=[world.workspace.public_id, world.note.pk])
    response = world.client("viewer").get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
