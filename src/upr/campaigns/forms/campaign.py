"""Creating and editing a campaign: State under Review, review, exact dates, children."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from upr.corpus.local_names import state_choices
from upr.corpus.models import Session, State
from upr.cycle.milestones import MILESTONES_BY_KEY

from ..models import Campaign
from ..planning import EXACT_KEYS, workbook_suggestions
from .widgets import DateInput


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Session) -> str:
        if obj.start_date:
            return _("Session %(n)s (from %(day)s)") % {
                "n": obj.number,
                "day": obj.start_date.isoformat(),
            }
        return _("Session %(n)s (%(year)s)") % {"n": obj.number, "year": obj.year or "?"}


class CampaignForm(forms.ModelForm):
    """The campaign plus one optional date field per milestone a user may know exactly."""

    session = SessionChoiceField(
        queryset=Session.objects.order_by("-number"),
        required=False,
        label=_("Working Group session"),
    )

    class Meta:
        model = Campaign
        fields = ["sur", "session", "review_date", "name", "involves_children"]
        widgets = {"review_date": DateInput()}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sur"].queryset = State.objects.order_by("name")
        # In the page's language and its alphabetical order (Côte d'Ivoire before Czechia).
        self.fields["sur"].choices = [("", self.fields["sur"].empty_label), *state_choices()]
        exact = self.instance.exact() if self.instance.pk else {}
        number = self.instance.session_id
        suggested = workbook_suggestions(number)
        for key in EXACT_KEYS:
            help_text = _("Exact date, if known; else estimated from the review date.")
            if key in suggested:
                help_text = _("The CeHDI planning workbook suggests %(day)s.") % {
                    "day": suggested[key].isoformat()
                }
            self.fields[f"exact_{key}"] = forms.DateField(
                # the steps are marked for translation in cycle/milestones.py
                label=gettext_lazy(MILESTONES_BY_KEY[key].step),
                required=False,
                widget=DateInput(),
                initial=exact.get(key),
                help_text=help_text,
            )

    def clean(self) -> dict:
        data = super().clean()
        session = data.get("session")
        if not data.get("review_date") and not (session and session.start_date):
            if session is None:
                raise forms.ValidationError(
                    _("Give the review date, or a session whose dates are known.")
                )
            # Which sessions have dates is not obvious from the list: say what to do instead.
            raise forms.ValidationError(
                _(
                    "Session %(n)s has no dates in the calendar yet: give the review date (OHCHR"
                    " publishes each session's timetable), or have its dates entered on the"
                    " Working Group sessions page. Sessions whose dates are known show “from”"
                    " and their first day in the list."
                )
                % {"n": session.number}
            )
        return data

    def exact_dates(self) -> dict[str, date]:
        return {
            key: self.cleaned_data[f"exact_{key}"]
            for key in EXACT_KEYS
            if self.cleaned_data.get(f"exact_{key}")
        }

    def save(self, commit: bool = True) -> Campaign:
        campaign = super().save(commit=False)
        campaign.exact_dates = {k: v.isoformat() for k, v in self.exact_dates().items()}
        if commit:
            campaign.save()
        return campaign
