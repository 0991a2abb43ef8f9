"""Machinery for the persona tests, shared by every app built on workspaces.

An app declares, in ``tests/<app>/access_rules.py``, a ``RULES`` dict: URL name → ``Rule``, built
with ``member(get=Role.VIEWER, post=Role.EDITOR, kwargs=...)`` for workspace URLs or
``custom(...)`` for anything else. ``kwargs`` receives the ``World`` (see conftest) and may create
the objects the URL needs. ``test_personas.py`` collects every app's rules and fails for a URL in
one of ``NAMESPACES`` that has none.

Expectations: ``login`` = redirected to sign-in; ``404`` = not found (outsiders must not learn
a workspace exists); ``denied`` = 403 or 404 (a role too low); ``ok`` = 200 or a redirect that is
not to sign-in; ``405`` = method not allowed; ``refused`` = 403, 404 or 405 (a method the view
does not offer, asked by someone who may not use the view anyway); ``redirect`` = any redirect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from upr.workspaces.models.roles import _RANK

from .conftest import PERSONAS, World

NAMESPACES = {"accounts", "workspaces", "campaigns"}
SIGNED_IN = "signed-in"


def url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns, namespace: str | None) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, p.namespace or namespace)
            elif isinstance(p, URLPattern) and namespace in NAMESPACES and p.name:
                names.add(f"{namespace}:{p.name}")

    walk(get_resolver().url_patterns, None)
    return names


@dataclass(frozen=True)
class Rule:
    kwargs: Callable[[World], dict]
    expect: dict[str, tuple[str, str]]  # persona → (GET, POST)


def _allowed(persona: str, min_role: str | None) -> bool:
    if min_role is None:
        return False
    if min_role == SIGNED_IN:
        return persona != "anonymous"
    return persona in _RANK and _RANK[persona] >= _RANK[min_role]


def ws_kwargs(**extra: Callable[[World], object]) -> Callable[[World], dict]:
    """kwargs for a URL inside the world's workspace, e.g. ``ws_kwargs(pk=lambda w: w.note.pk)``."""
    return lambda w: {"ws": w.workspace.public_id, **{k: f(w) for k, f in extra.items()}}


def member(get: str | None = None, post: str | None = None, kwargs=None) -> Rule:
    """A workspace URL: GET allowed from role ``get``, POST from role ``post`` (None: no such)."""

    def outcome(persona: str, min_role: str | None, other: str | None) -> str:
        if persona == "anonymous":
            return "login"
        if persona == "outsider" and get != SIGNED_IN and post != SIGNED_IN:
            return "404"
        if _allowed(persona, min_role):
            return "ok"
        if min_role is None:  # this method is not offered at all
            return "405" if _allowed(persona, other) else "refused"
        return "denied"

    expect = {p: (outcome(p, get, post), outcome(p, post, get)) for p in PERSONAS}
    return Rule(kwargs or (lambda w: {"ws": w.workspace.public_id}), expect)


def custom(kwargs=None, **expect: tuple[str, str]) -> Rule:
    default = expect.pop("default", None)
    table = {p: expect.get(p, default) for p in PERSONAS}
    assert all(table.values()), table
    return Rule(kwargs or (lambda w: {}), table)


def check(response, expected: str, login_url: str) -> None:
    status = response.status_code
    to_login = status == 302 and response.url.split("?")[0] == login_url
    match expected:
        case "login":
            assert to_login, (status, response.get("Location"))
        case "ok":
            assert status in (200, 302) and not to_login, (status, response.get("Location"))
        case "redirect":
            assert status == 302, status
        case "denied":
            assert status in (403, 404), status
        case "refused":
            assert status in (403, 404, 405), status
        case _:
            assert status == int(expected), status
