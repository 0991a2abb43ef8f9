"""Names of States and UPR issues in the reader's language, for pages (never for exports).

The corpus stores the English names (UPR Info's spelling), which data files, CSV exports and
re-imports keep. Pages in French or Spanish show the State names of ``state_names_local`` and
the issue names of the catalogues (context "UPR issue", so that "General" or "Other" as issues
are translated apart from the same words elsewhere).
"""

from __future__ import annotations

import re

from django.utils.translation import get_language, pgettext_lazy

from upr.sources.issues import ALL_ISSUES
from upr.sources.state_names_local import local_name, with_article
from upr.sources.states import all_states
from upr.text.normalise import sort_key

from .models import RegionalGroup, State

# In the order of ``ALL_ISSUES``; written out so that makemessages finds each name.
ISSUE_LABELS = dict(
    zip(
        ALL_ISSUES,
        (
            pgettext_lazy("UPR issue", "Asylum-seekers - refugees"),
            pgettext_lazy("UPR issue", "CP rights - general"),
            pgettext_lazy("UPR issue", "Civil society"),
            pgettext_lazy("UPR issue", "Corruption"),
            pgettext_lazy("UPR issue", "Counter-terrorism"),
            pgettext_lazy("UPR issue", "Death penalty"),
            pgettext_lazy("UPR issue", "Detention"),
            pgettext_lazy("UPR issue", "Development"),
            pgettext_lazy("UPR issue", "Disabilities"),
            pgettext_lazy("UPR issue", "ESC rights - general"),
            pgettext_lazy("UPR issue", "Elections"),
            pgettext_lazy("UPR issue", "Enforced disappearances"),
            pgettext_lazy("UPR issue", "Environment"),
            pgettext_lazy("UPR issue", "Extrajudicial executions"),
            pgettext_lazy("UPR issue", "Freedom of association and peaceful assembly"),
            pgettext_lazy("UPR issue", "Freedom of movement"),
            pgettext_lazy("UPR issue", "Freedom of opinion and expression"),
            pgettext_lazy("UPR issue", "Freedom of religion and belief"),
            pgettext_lazy("UPR issue", "Freedom of the press"),
            pgettext_lazy("UPR issue", "General"),
            pgettext_lazy("UPR issue", "HIV - Aids"),
            pgettext_lazy("UPR issue", "Human rights defenders"),
            pgettext_lazy("UPR issue", "Human rights education and training"),
            pgettext_lazy("UPR issue", "Human rights violations by state agents"),
            pgettext_lazy("UPR issue", "Impunity"),
            pgettext_lazy("UPR issue", "Indigenous peoples"),
            pgettext_lazy("UPR issue", "Internally displaced persons"),
            pgettext_lazy("UPR issue", "International humanitarian law"),
            pgettext_lazy("UPR issue", "International instruments"),
            pgettext_lazy("UPR issue", "Justice"),
            pgettext_lazy("UPR issue", "Labour"),
            pgettext_lazy("UPR issue", "Migrants"),
            pgettext_lazy("UPR issue", "Minorities"),
            pgettext_lazy("UPR issue", "NHRI"),
            pgettext_lazy("UPR issue", "National plan of action"),
            pgettext_lazy("UPR issue", "Other"),
            pgettext_lazy("UPR issue", "Poverty"),
            pgettext_lazy("UPR issue", "Public security"),
            pgettext_lazy("UPR issue", "Racial discrimination"),
            pgettext_lazy("UPR issue", "Right to education"),
            pgettext_lazy("UPR issue", "Right to food"),
            pgettext_lazy("UPR issue", "Right to health"),
            pgettext_lazy("UPR issue", "Right to housing"),
            pgettext_lazy("UPR issue", "Right to land"),
            pgettext_lazy("UPR issue", "Right to water"),
            pgettext_lazy("UPR issue", "Rights of the Child"),
            pgettext_lazy("UPR issue", "Sexual Orientation and Gender Identity"),
            pgettext_lazy("UPR issue", "Special procedures"),
            pgettext_lazy("UPR issue", "Technical assistance and cooperation"),
            pgettext_lazy("UPR issue", "Torture and other CID treatment"),
            pgettext_lazy("UPR issue", "Trafficking"),
            pgettext_lazy("UPR issue", "Treaty bodies"),
            pgettext_lazy("UPR issue", "UPR process"),
            pgettext_lazy("UPR issue", "Women's rights"),
            pgettext_lazy("UPR issue", "Business and human rights"),
            pgettext_lazy("UPR issue", "Privacy"),
            pgettext_lazy("UPR issue", "Statelessness and the right to nationality"),
        ),
        strict=True,
    )
)

# Organisation codes are UPR Info's (``states.ORGANISATIONS``); a reader needs the name, and
# French and Spanish abbreviate differently (AU → UA). Written out so makemessages finds them.
ORGANISATION_NAMES = {
    "EU": pgettext_lazy("organisation", "European Union (EU)"),
    "AU": pgettext_lazy("organisation", "African Union (AU)"),
    "AL": pgettext_lazy("organisation", "League of Arab States (AL)"),
    "OIC": pgettext_lazy("organisation", "Organisation of Islamic Cooperation (OIC)"),
    "OIF": pgettext_lazy("organisation", "Organisation internationale de la Francophonie (OIF)"),
    "Commonwealth": pgettext_lazy("organisation", "Commonwealth of Nations"),
    "OAS": pgettext_lazy("organisation", "Organization of American States (OAS)"),
    "OEI": pgettext_lazy("organisation", "Organization of Ibero-American States (OEI)"),
    "ACS": pgettext_lazy("organisation", "Association of Caribbean States (ACS)"),
    "ASEAN": pgettext_lazy("organisation", "Association of Southeast Asian Nations (ASEAN)"),
    "CIS": pgettext_lazy("organisation", "Commonwealth of Independent States (CIS)"),
    "PIF": pgettext_lazy("organisation", "Pacific Islands Forum (PIF)"),
}
ORGANISATION_CODES = {
    "EU": pgettext_lazy("organisation code", "EU"),
    "AU": pgettext_lazy("organisation code", "AU"),
    "AL": pgettext_lazy("organisation code", "AL"),
    "OIC": pgettext_lazy("organisation code", "OIC"),
    "OIF": pgettext_lazy("organisation code", "OIF"),
    "Commonwealth": pgettext_lazy("organisation code", "Commonwealth"),
    "OAS": pgettext_lazy("organisation code", "OAS"),
    "OEI": pgettext_lazy("organisation code", "OEI"),
    "ACS": pgettext_lazy("organisation code", "ACS"),
    "ASEAN": pgettext_lazy("organisation code", "ASEAN"),
    "CIS": pgettext_lazy("organisation code", "CIS"),
    "PIF": pgettext_lazy("organisation code", "PIF"),
}


def organisation_label(code: str, *, short: bool = False) -> str:
    """The organisation's name (or, ``short``, its abbreviation) in the active language."""
    label = (ORGANISATION_CODES if short else ORGANISATION_NAMES).get(code)
    return str(label) if label is not None else code


def regional_group_label(code: str) -> str:
    """The regional group's name in the active language ("African" → "Groupe des États
    d'Afrique"); "—" when there is none."""
    try:
        return str(RegionalGroup(code).label)
    except ValueError:
        return code or "—"


_BY_NAME = {s.name: s.iso3 for s in all_states()} | {s.un_name: s.iso3 for s in all_states()}
_ENGLISH = {s.iso3: s.name for s in all_states()}


def _iso3(name_or_iso3: str) -> str | None:
    return _BY_NAME.get(name_or_iso3) or (name_or_iso3 if len(name_or_iso3) == 3 else None)


def _language() -> str:
    return (get_language() or "en").split("-")[0]


def state_label(name_or_iso3: str) -> str:
    """The State's name in the active language; the English name itself when there is none."""
    if not name_or_iso3:
        return name_or_iso3
    iso3 = _iso3(name_or_iso3)
    local = local_name(iso3, _language()) if iso3 else None
    return local or (_ENGLISH.get(name_or_iso3, name_or_iso3) if iso3 else name_or_iso3)


def state_in_sentence(name_or_iso3: str) -> str:
    """The State's name as it reads after a preposition, with its article ("to the
    Philippines", "à le Nigéria" — which :func:`contract` turns into "au Nigéria")."""
    if not name_or_iso3:
        return name_or_iso3
    iso3 = _iso3(name_or_iso3)
    return with_article(iso3, _language(), state_label(name_or_iso3)) if iso3 else name_or_iso3


# "à le Nigéria" → "au Nigéria", "de les États-Unis" → "des États-Unis", "a el Perú" → "al
# Perú": only before a capital, so that a pronoun ("à le faire") is never touched.
_CONTRACTIONS = {
    "fr": (re.compile(r"\b([àÀ]|[dD]e) (le|les) (?=[A-ZÀ-ÖØ-Þ])"),
           {"à le": "au", "à les": "aux", "de le": "du", "de les": "des"}),
    "es": (re.compile(r"\b([aA]|[dD]e) (el) (?=[A-ZÁÉÍÓÚÑ])"), {"a el": "al", "de el": "del"}),
}  # fmt: skip


def contract(text: str) -> str:
    """Contract a preposition with the article of a State's name, as French and Spanish must
    after :func:`state_in_sentence`; other languages and other words are left alone."""
    rule = _CONTRACTIONS.get(_language())
    if rule is None:
        return text
    pattern, forms = rule

    def joined(m: re.Match[str]) -> str:
        form = forms[f"{m.group(1).lower()} {m.group(2)}"]
        return (form.capitalize() if m.group(1)[0].isupper() else form) + " "

    return pattern.sub(joined, text)


def percent(value: object) -> str:
    """A percentage as the page's language writes it: "62%" in English, "62 %" (no-break space)
    in French and Spanish. One rule for every page, so figures side by side look alike."""
    if value in (None, "", "–"):  # no figure (``percent_sure`` of nothing is "–")
        return "–"
    return str(pgettext_lazy("a percentage", "%(n)s%%")) % {"n": value}


def list_separator() -> str:
    """ "; " between clauses, as the language writes it (French: a space before the ";")."""
    return str(pgettext_lazy("between clauses of a list", "; "))


def state_choices() -> list[tuple[str, str]]:
    """Every State as (ISO3, name in the active language), in that language's alphabetical
    order: the one list behind the State selects and the search facets."""
    names = State.objects.values_list("iso3", "name")
    return sorted(((iso3, state_label(name)) for iso3, name in names), key=lambda c: sort_key(c[1]))


def issue_label(name: str) -> str:
    """The issue's name in the active language (English: UPR Info's own spelling)."""
    label = ISSUE_LABELS.get(name)
    return str(label) if label is not None else name
