"""Every URL of the workspace apps, for every persona, against a declared access rule.

The URL list comes from the URL configuration itself (namespaces in ``personas.NAMESPACES``); the
rules come from each app's ``tests/<app>/access_rules.py``. A new view without a rule fails
``test_every_url_has_an_access_rule``.
"""

from __future__ import annotations

import importlib

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from .conftest import PERSONAS, World
from .personas import NAMESPACES, Rule, check, url_names


def _collect_rules() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for app in sorted(NAMESPACES - {"accounts"}):
        try:
            module = importlib.import_module(f"tests.{app}.access_rules")
        except ModuleNotFoundError as error:
            if error.name != f"tests.{app}.access_rules":
                raise
            continue
        rules.update(module.RULES)
    return rules


RULES = _collect_rules()


def test_every_url_has_an_access_rule():
    names = url_names()
    assert names, "no URL found under the workspace namespaces"
    missing = names - set(RULES)
    assert not missing, f"URLs without an access rule in tests/<app>/access_rules.py: {missing}"
    assert set(RULES) - names == set(), "rules for URLs that no longer exist"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(RULES))
def test_persona_access(world: World, name: str, persona: str):
    rule = RULES[name]
    url = reverse(name, kwargs=rule.kwargs(world))
    expect_get, expect_post = rule.expect[persona]
    login_url = resolve_url(settings.LOGIN_URL)
    check(world.client(persona).get(url), expect_get, login_url)
    check(world.client(persona).post(url, {}), expect_post, login_url)


def test_viewers_cannot_write_anywhere(world: World):
    """Belt and braces: no URL inside a workspace lets a viewer POST successfully."""
    client = world.client("viewer")
    for name, rule in RULES.items():
        kwargs = rule.kwargs(world)
        if kwargs.get("ws") != world.workspace.public_id:
            continue
        response = client.post(reverse(name, kwargs=kwargs), {"title": "x", "name": "x"})
        assert response.status_code in (403, 404, 405), name
