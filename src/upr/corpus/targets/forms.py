"""The finder's form: a State under Review, priority issues, keywords (GET, bookmarkable)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from upr.text.normalise import sort_key

from ..local_names import issue_label
from ..models import Issue
from ..report_forms import state_choices


class TargetForm(forms.Form):
    sur = forms.ChoiceField(label=_("State under Review"))
    issues = forms.MultipleChoiceField(
        label=_("Priority issues"),
        help_text=_("UPR Info issues; tick up to four, as an advocacy brief would."),
        widget=forms.CheckboxSelectMultiple,
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        required=False,
        max_length=200,
        help_text=_("Optional, comma-separated: recommendations containing them count too."),
    )
    limit = forms.IntegerField(
        label=_("How many States to list"),
        required=False,
        min_value=5,
        max_value=200,
        help_text=_("From 5 to 200; 20 when left empty."),
    )

    # A campaign's download: learn only from the sessions before its review (no field shown).
    before = forms.IntegerField(
        required=False, min_value=2, max_value=200, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Every State, not only those with data: picking one without reviews gets an explanation.
        self.fields["sur"].choices = state_choices("—")
        # The whole taxonomy: an issue nobody has recommended on yet gets an explanation too.
        self.fields["issues"].choices = sorted(
            ((name, issue_label(name)) for name in Issue.objects.values_list("name", flat=True)),
            key=lambda pair: sort_key(pair[1]),
        )

    def keyword_list(self) -> list[str]:
        return [k.strip() for k in self.cleaned_data.get("keywords", "").split(",") if k.strip()]
