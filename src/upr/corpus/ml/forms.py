"""Forms of the ML pages: the tag decision on a recommendation (one, or several confirmed
as suggested), the 'similar to' query."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..local_names import issue_label
from ..models import ActionCategory, Issue
from .similar import MAX_QUERY_CHARS, MAX_RESULTS


class TagDecisionForm(forms.Form):
    """Confirm or correct the suggested tags; prefilled with the suggestion.

    ``model_version`` pins the suggestion the person saw: if the models were retrained in
    between, the form is shown again with the new suggestion rather than stored against it.
    """

    issues = forms.ModelMultipleChoiceField(
        queryset=Issue.objects.all(),
        to_field_name="name",
        widget=forms.CheckboxSelectMultiple,
        label=_("Issues"),
    )
    category = forms.TypedChoiceField(
        choices=ActionCategory.choices, coerce=int, label=_("Action category")
    )
    model_version = forms.CharField(widget=forms.HiddenInput, max_length=60)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The boxes in the page's language, like the suggestion above them.
        self.fields["issues"].label_from_instance = lambda issue: issue_label(issue.name)


class ConfirmSuggestionsForm(forms.Form):
    """Several suggestions confirmed as they are, from the untagged list: the rows ticked."""

    rec = forms.TypedMultipleChoiceField(coerce=int, label=_("Recommendations"))
    model_version = forms.CharField(widget=forms.HiddenInput, max_length=60)

    def __init__(self, *args, allowed: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rec"].choices = [(pk, str(pk)) for pk in allowed]


class SimilarForm(forms.Form):
    text = forms.CharField(
        label=_("Text"),
        max_length=MAX_QUERY_CHARS,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A draft or any recommendation text, in English."),
    )
    k = forms.IntegerField(
        label=_("How many"), min_value=1, max_value=MAX_RESULTS, initial=10, required=False
    )
