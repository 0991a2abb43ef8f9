"""Inviting people into a workspace and accepting an invitation (the domain side of it)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .language import known
from .models import Invitation, Membership, User, Workspace, normalize_email
from .models.invitations import hash_token


def invite(
    workspace: Workspace,
    email: str,
    role: str,
    invited_by: User | None,
    base_url: str,
    language: str = "",
) -> tuple[Invitation, str]:
    """Create an invitation, mail its link, return both (the link is shown only once).

    The e-mail is written in ``language`` (one of the interface's; by default the language now
    active), which the inviter picks for the newcomer: it need not be the inviter's own.
    """
    language = known(language) or known(translation.get_language()) or settings.LANGUAGE_CODE
    invitation = Invitation(
        workspace=workspace,
        email=normalize_email(email),
        role=role,
        invited_by=invited_by,
        language=language,
    )
    token = invitation.issue_token()
    invitation.save()
    link = base_url.rstrip("/") + reverse("workspaces:accept", args=[token])
    with translation.override(language):
        body = render_to_string(
            "workspaces/invitation_email.txt",
            {"invitation": invitation, "link": link, "days": settings.UPR_INVITATION_DAYS},
        )
        subject = _("Invitation to the workspace “%(name)s” on UPR Cycle") % {
            "name": workspace.name
        }
    EmailMessage(subject, body, None, [invitation.email]).send()
    return invitation, link


def find(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("workspace").filter(token_hash=hash_token(token)).first()
    )


def accept(invitation: Invitation, user: User) -> Membership:
    """Turn a usable invitation into a membership (or keep the existing one), once."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.is_usable:
            raise ValueError("invitation not usable")
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        try:
            with transaction.atomic():
                return Membership.objects.create(
                    workspace=invitation.workspace, user=user, role=invitation.role
                )
        except IntegrityError:
            return Membership.objects.get(workspace=invitation.workspace, user=user)
