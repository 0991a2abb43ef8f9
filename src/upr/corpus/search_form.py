"""The search form: the one way user input (web, API, command line) enters a corpus search.

Every facet is a multiple choice over the values the database knows, so an unknown value is a
form error, never a query; the text query is free text, parsed safely by ``search_query``.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from upr.text.normalise import sort_key

from .facets import DIMENSIONS, NO_CATEGORY
from .local_names import issue_label, organisation_label, state_choices
from .models import (
    ActionCategory,
    Cycle,
    Issue,
    Organisation,
    RegionalGroup,
    Response,
    Session,
)
from .search_query import MAX_QUERY_CHARS

SORTS = (
    ("relevance", _("Relevance")),
    ("oldest", _("Oldest session first")),
    ("newest", _("Newest session first")),
)


def facet_choices() -> dict[str, list[tuple[str, str]]]:
    """Every facet's values with their display names, in display order."""
    states = state_choices()
    orgs = [(o.code, organisation_label(o.code)) for o in Organisation.objects.all()]
    groups = [(str(v), str(label)) for v, label in RegionalGroup.choices]
    return {
        "sur": states,
        "rs": states,
        "sur_group": groups,
        "rs_group": groups,
        "sur_org": orgs,
        "rs_org": orgs,
        "issue": sorted(
            ((str(pk), issue_label(name)) for pk, name in Issue.objects.values_list("pk", "name")),
            key=lambda pair: sort_key(pair[1]),
        ),
        "response": [(str(v), str(label)) for v, label in Response.choices],
        "action": [(str(v), str(label)) for v, label in ActionCategory.choices]
        + [(NO_CATEGORY, str(_("No category")))],
        "cycle": [(str(n), str(n)) for n in Cycle.objects.values_list("number", flat=True)],
        "session": [(str(n), str(n)) for n in Session.objects.values_list("number", flat=True)],
    }


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the recommendations"),
        required=False,
        max_length=MAX_QUERY_CHARS,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    sort = forms.ChoiceField(label=_("Sort"), choices=SORTS, required=False)
    page = forms.IntegerField(min_value=1, max_value=100_000, required=False)

    def __init__(self, *args, choices: dict | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.choices = choices if choices is not None else facet_choices()
        for dimension in DIMENSIONS:
            self.fields[dimension.key] = forms.MultipleChoiceField(
                label=dimension.label,
                choices=self.choices[dimension.key],
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )

    def selection(self) -> dict[str, list[str]]:
        """The valid facet selections (invalid fields are left out and reported as errors)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {d.key: list(data.get(d.key) or []) for d in DIMENSIONS}

    def text(self) -> str:
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("q") or ""
