"""Forms of the workspace pages: create, settings, delete, members, invitations, notes."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ..models import Membership, Note, Role, Workspace, normalize_email


class WorkspaceForm(forms.ModelForm):
    class Meta:
        model = Workspace
        fields = ["name"]


class WorkspaceSettingsForm(forms.ModelForm):
    class Meta:
        model = Workspace
        fields = ["name", "require_2fa"]

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_require_2fa(self) -> bool:
        value = self.cleaned_data["require_2fa"]
        if value and not self.user.has_2fa:
            raise forms.ValidationError(_("Set up two-factor sign-in for your own account first."))
        return value


class DeleteWorkspaceForm(forms.Form):
    """Deleting is final: the owner types the workspace's name to show they mean it."""

    confirm_name = forms.CharField(label=_("Type the workspace's name to confirm"), max_length=120)

    def __init__(self, *args, workspace: Workspace, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.workspace = workspace

    def clean_confirm_name(self) -> str:
        value = self.cleaned_data["confirm_name"]
        if value.strip() != self.workspace.name.strip():
            raise forms.ValidationError(_("The name does not match."))
        return value


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.VIEWER)
    # A coalition's members do not all read the inviter's language: the newcomer's e-mail, and
    # their account once they join, are in the language chosen here.
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        required=False,
        help_text=_(
            "The e-mail is written in it, and UPR Cycle opens in it for them; they can change it "
            "in the language menu."
        ),
    )

    def __init__(self, *args, workspace: Workspace, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        self.fields["language"].initial = translation.get_language()  # left empty: the same

    def clean_email(self) -> str:
        email = normalize_email(self.cleaned_data["email"])
        if Membership.objects.filter(workspace=self.workspace, user__email=email).exists():
            raise forms.ValidationError(_("This person is already a member."))
        return email


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, membership: Membership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.membership = membership

    def clean_role(self) -> str:
        role = self.cleaned_data["role"]
        if (
            self.membership.role == Role.OWNER
            and role != Role.OWNER
            and _last_owner(self.membership)
        ):
            raise forms.ValidationError(_("A workspace needs at least one owner."))
        return role


class RemoveMemberForm(forms.Form):
    def __init__(self, *args, membership: Membership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.membership = membership

    def clean(self) -> dict:
        if self.membership.role == Role.OWNER and _last_owner(self.membership):
            raise forms.ValidationError(_("A workspace needs at least one owner."))
        return super().clean()


def _last_owner(membership: Membership) -> bool:
    return not (
        Membership.objects.filter(workspace=membership.workspace_id, role=Role.OWNER)
        .exclude(pk=membership.pk)
        .exists()
    )


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["title", "body", "attachment"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
