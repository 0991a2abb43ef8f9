"""Forms of the report upload and of the outcome page (all user input goes through a form)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from upr.workspaces.uploads import UploadValidator

from . import local_names
from .local_names import issue_label
from .models import Issue

REPORT_KINDS = {"pdf", "docx", "txt"}
MAX_SESSION = 99


def state_choices(blank: str) -> list[tuple[str, str]]:
    return [("", blank), *local_names.state_choices()]


class ReportUploadForm(forms.Form):
    report = forms.FileField(
        label=_("Working Group report"),
        validators=[UploadValidator(REPORT_KINDS)],
        help_text=_("The report of the Working Group (.pdf, .docx or .txt)."),
    )
    addendum = forms.FileField(
        label=_("Addendum (optional)"),
        required=False,
        validators=[UploadValidator(REPORT_KINDS)],
        help_text=_("The State's views on the recommendations: sets the responses."),
    )
    thematic_list = forms.FileField(
        label=_("OHCHR thematic list (optional)"),
        required=False,
        validators=[UploadValidator({"docx"})],
        help_text=_("The thematic list of recommendations (.docx): sets the responses."),
    )
    sur = forms.ChoiceField(label=_("State under Review"), required=False)
    session = forms.IntegerField(
        label=_("Working Group session"), required=False, min_value=1, max_value=MAX_SESSION
    )
    symbol = forms.RegexField(
        label=_("Document symbol"),
        required=False,
        max_length=60,
        regex=r"^A/HRC/[A-Za-z0-9./]+$",
        help_text=_("Only if the report does not print its own, e.g. A/HRC/59/15."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sur"].choices = state_choices(str(_("As named in the report")))

    def files_to_import(self) -> list[tuple[str, bytes]]:
        out = []
        for name in ("report", "addendum", "thematic_list"):
            upload = self.cleaned_data.get(name)
            if upload:
                upload.seek(0)
                out.append((upload.name, upload.read()))
        return out


class OutcomeForm(forms.Form):
    sur = forms.ChoiceField(label=_("State under Review"))
    session = forms.IntegerField(
        label=_("Working Group session"),
        min_value=1,
        max_value=99,
        help_text=_("The number of the review's session; a State's page lists its reviews."),
    )
    drafts = forms.CharField(
        label=_("Your draft recommendations"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "One per line, in English, as you proposed them to the recommending States: they"
            " are compared with the UN's texts, which are in English."
        ),
    )
    issues = forms.ModelMultipleChoiceField(
        label=_("Your issues"),
        queryset=Issue.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sur"].choices = state_choices("—")
        self.fields["issues"].label_from_instance = lambda issue: issue_label(issue.name)

    def draft_lines(self) -> list[str]:
        lines = (line.strip(" \t-•*") for line in self.cleaned_data.get("drafts", "").splitlines())
        return [line for line in lines if len(line) >= 3][:50]
