"""Target States: picking from the finder, status, entry points, contacts, outreach."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..finder import Candidate
from ..models import Contact, EntryPoint, Outreach, Target
from .widgets import DateInput


class TargetPickForm(forms.Form):
    """Checkboxes over the finder's ranking; the ranking is recomputed on POST, never trusted."""

    states = forms.MultipleChoiceField(
        label=_("Add as target States"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, candidates: list[Candidate], already: set[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.candidates = candidates
        self.fields["states"].choices = [
            (c.iso3, c.name) for c in candidates if c.iso3 not in already
        ]

    def rows(self):
        """(candidate, its checkbox or None when it is already a target), in ranking order."""
        boxes = {box.data["value"]: box for box in self["states"]}
        return [(c, boxes.get(c.iso3)) for c in self.candidates]


class TargetForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = ["status", "why", "notes"]
        widgets = {
            "why": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class _OwnIds:
    """The target page shows the entry-point, contact and outreach forms together: each gets
    ids of its own ("entry_kind", "outreach_kind"), or two labels would point at one field."""

    id_prefix = ""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class EntryPointForm(_OwnIds, forms.ModelForm):
    id_prefix = "entry"

    class Meta:
        model = EntryPoint
        fields = ["kind", "name", "address"]
        widgets = {"address": forms.Textarea(attrs={"rows": 2})}


class ContactForm(_OwnIds, forms.ModelForm):
    id_prefix = "contact"

    class Meta:
        model = Contact
        fields = ["name", "role", "email", "phone", "last_verified", "changed_post"]
        widgets = {"last_verified": DateInput()}


class OutreachForm(_OwnIds, forms.ModelForm):
    id_prefix = "outreach"

    # Declared so Django never builds a default, unscoped queryset of contacts.
    contact = forms.ModelChoiceField(queryset=None, required=False, label=_("Contact"))

    class Meta:
        model = Outreach
        fields = ["kind", "day", "contact", "what_they_said"]
        widgets = {"day": DateInput(), "what_they_said": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, contacts, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = contacts
