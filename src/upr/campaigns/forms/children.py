"""The nine CRC standards as a checklist: met or not, and how."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..children import STANDARDS


class ChildChecklistForm(forms.Form):
    def __init__(self, *args, saved: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for key, name, text in STANDARDS:
            entry = saved.get(key) or {}
            self.fields[f"met_{key}"] = forms.BooleanField(
                label=name, required=False, initial=bool(entry.get("met")), help_text=text
            )
            self.fields[f"how_{key}"] = forms.CharField(
                label=_("How"),
                required=False,
                max_length=1000,
                initial=entry.get("how", ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def checklist(self) -> dict:
        return {
            key: {"met": self.cleaned_data[f"met_{key}"], "how": self.cleaned_data[f"how_{key}"]}
            for key, _name, _text in STANDARDS
        }

    def rows(self):
        """(met field, how field) per standard, for the template."""
        return [(self[f"met_{key}"], self[f"how_{key}"]) for key, _n, _t in STANDARDS]
