"""``{{ name|state }}`` and ``{{ name|issue }}``: State and issue names in the page's language."""

from __future__ import annotations

from django import template

from ..local_names import contract as contract_articles
from ..local_names import issue_label, organisation_label, regional_group_label, state_label
from ..local_names import percent as percent_label
from ..local_names import state_in_sentence as state_in_sentence_label

register = template.Library()


@register.filter
def percent(value) -> str:
    """``{{ 62|percent }}``: "62%", "62 %" as the page's language writes it."""
    return percent_label(value)


@register.filter
def state(name: str) -> str:
    return state_label(str(name)) if name else name


@register.filter
def issue(name: str) -> str:
    return issue_label(str(name)) if name else name


@register.filter
def issue_list(names) -> str:
    """Several issues in one phrase: "Droits des femmes, Droits de l’enfant"."""
    return ", ".join(issue_label(str(n)) for n in names)


@register.filter
def state_in_sentence(name: str) -> str:
    """The name with its article, for a sentence: wrap the sentence in ``{% filter contract %}``."""
    return state_in_sentence_label(str(name)) if name else name


@register.filter(is_safe=True)
def contract(text: str) -> str:
    """ "à le Nigéria" → "au Nigéria" in the sentence it wraps (French and Spanish)."""
    return contract_articles(text)


@register.filter
def regional_group(code: str) -> str:
    """ "African" → "African Group", "Groupe des États d'Afrique"."""
    return regional_group_label(str(code or ""))


@register.filter
def organisation(code: str) -> str:
    """ "AU" → "African Union (AU)", "Union africaine (UA)"."""
    return organisation_label(str(code))


@register.filter
def organisation_code(code: str) -> str:
    """ "AU" → "AU", "UA": the abbreviation in the page's language, for badges."""
    return organisation_label(str(code), short=True)
