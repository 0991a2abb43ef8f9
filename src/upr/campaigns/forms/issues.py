"""Priority issues and drafts."""

from __future__ import annotations

from django import forms

from upr.corpus.local_names import issue_label
from upr.corpus.models import Issue

from ..models import Draft, PriorityIssue


class PriorityIssueForm(forms.ModelForm):
    class Meta:
        model = PriorityIssue
        fields = ["title", "issue", "explanation"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issue"].queryset = Issue.objects.order_by("name")
        self.fields["issue"].label_from_instance = lambda issue: issue_label(issue.name)


class DraftForm(forms.ModelForm):
    class Meta:
        model = Draft
        fields = ["kind", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
