"""What the main menu offers to the person signed in."""

from __future__ import annotations

from django import template

from ..editors import is_corpus_editor

register = template.Library()


@register.simple_tag(takes_context=True)
def may_import(context) -> bool:
    """Staff and workspace owners may add UN documents to the corpus: the menu shows them
    the way in (it was only reachable from an earlier import's status page)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and is_corpus_editor(user))
