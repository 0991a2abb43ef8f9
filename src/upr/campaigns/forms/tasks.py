"""Editing a task: who owns it, where it stands, notes."""

from __future__ import annotations

from django import forms

from upr.workspaces.models import User, Workspace

from ..models import Task


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["owner", "status", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, workspace: Workspace, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Owners are members of this workspace only.
        self.fields["owner"].queryset = User.objects.filter(
            memberships__workspace=workspace
        ).order_by("name", "email")
