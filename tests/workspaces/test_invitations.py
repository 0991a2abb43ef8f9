"""Invitations by e-mail link: accept once, expire, withdraw, bound to the invited address."""

from __future__ import annotations

import re
from datetime import timedelta

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from upr.workspaces.models import Invitation, Membership, Role, User

from .conftest import PASSWORD, World, make_user


def test_owner_invites_by_email_and_the_newcomer_joins(world: World):
    owner = world.client("owner")
    url = reverse("workspaces:invite", args=[world.workspace.public_id])
    response = owner.post(url, {"email": "Ana@Example.org", "role": Role.EDITOR})
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.to == ["ana@example.org"] and world.workspace.name in message.subject
    link = re.search(r"http://testserver(/invitation/\S+)", message.body).group(1)
    assert Invitation.objects.get(email="ana@example.org").token_hash not in message.body

    newcomer = Client()
    assert newcomer.get(link).status_code == 200
    response = newcomer.post(
        link, {"name": "Ana", "password1": PASSWORD + "x", "password2": PASSWORD + "x"}
    )
    assert response.status_code == 302
    ana = User.objects.get(email="ana@example.org")
    assert Membership.objects.get(workspace=world.workspace, user=ana).role == Role.EDITOR
    assert newcomer.get(response.url).status_code == 200
    # the link works once
    assert Client().get(link).status_code == 410


def test_existing_account_signs_in_then_accepts(world: World):
    someone = make_user("someone@example.org")
    from upr.workspaces import invitations

    _, link = invitations.invite(world.workspace, someone.email, Role.VIEWER, None, "http://t/")
    path = link.removeprefix("http://t")
    anonymous = Client().get(path)
    assert anonymous.status_code == 302 and "/account/sign-in/" in anonymous.url
    client = Client()
    client.force_login(someone)
    assert client.post(path).status_code == 302
    assert Membership.objects.filter(workspace=world.workspace, user=someone).exists()


def test_expired_invitation_cannot_be_used(world: World):
    Invitation.objects.filter(pk=world.invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    link = reverse("workspaces:accept", args=[world.invitation_token])
    client = Client()
    assert client.get(link).status_code == 410
    response = client.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 410
    assert not User.objects.filter(email="newcomer@example.org").exists()
    # and it no longer shows as pending
    page = world.client("owner").get(
        reverse("workspaces:members", args=[world.workspace.public_id])
    )
    assert "newcomer@example.org" not in page.content.decode()


def test_invitation_expires_after_the_configured_days(world: World, settings):
    settings.UPR_INVITATION_DAYS = 3
    invitation = Invitation(workspace=world.workspace, email="x@example.org")
    delta = invitation.expires_at - timezone.now()
    assert timedelta(days=2, hours=23) < delta <= timedelta(days=3)


def test_withdrawn_invitation_cannot_be_used(world: World):
    world.client("owner").post(
        reverse(
            "workspaces:invitation_revoke", args=[world.workspace.public_id, world.invitation.pk]
        )
    )
    assert (
        Client().get(reverse("workspaces:accept", args=[world.invitation_token])).status_code == 410
    )


def test_unknown_token_is_404(db):
    assert Client().get(reverse("workspaces:accept", args=["nope"])).status_code == 404


def test_signed_in_as_someone_else_cannot_accept(world: World):
    link = reverse("workspaces:accept", args=[world.invitation_token])
    assert world.client("outsider").post(link).status_code == 403
    assert not Membership.objects.filter(user=world.users["outsider"]).exists()


def test_cannot_invite_an_existing_member(world: World):
    url = reverse("workspaces:invite", args=[world.workspace.public_id])
    response = world.client("owner").post(url, {"email": "viewer@example.org", "role": "editor"})
    assert response.status_code == 200 and len(mail.outbox) == 1


def test_last_owner_cannot_leave_or_be_demoted(world: World):
    owner = world.client("owner")
    ws = world.workspace.public_id
    me = world.memberships[Role.OWNER]
    owner.post(reverse("workspaces:member_role", args=[ws, me.pk]), {"role": Role.VIEWER})
    owner.post(reverse("workspaces:member_remove", args=[ws, me.pk]))
    me.refresh_from_db()
    assert me.role == Role.OWNER
    # from the members page (htmx), the refusal is said in the row, not by a silent snap back
    row = owner.post(
        reverse("workspaces:member_role", args=[ws, me.pk]),
        {"role": Role.VIEWER},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert 'role="alert"' in row and "owner" in row.lower()
    me.refresh_from_db()
    assert me.role == Role.OWNER


def test_owner_changes_a_role_with_htmx(world: World):
    ws = world.workspace.public_id
    target = world.memberships[Role.VIEWER]
    response = world.client("owner").post(
        reverse("workspaces:member_role", args=[ws, target.pk]),
        {"role": Role.EDITOR},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith(f'<tr id="member-{target.pk}"')
    target.refresh_from_db()
    assert target.role == Role.EDITOR


def test_a_member_can_leave(world: World):
    ws = world.workspace.public_id
    me = world.memberships[Role.VIEWER]
    response = world.client("viewer").post(reverse("workspaces:member_remove", args=[ws, me.pk]))
    assert response.url == reverse("workspaces:list")
    assert not Membership.objects.filter(pk=me.pk).exists()


def test_switching_between_workspaces(world: World):
    from upr.workspaces.models import Workspace

    second = Workspace.objects.create(name="Second coalition")
    Membership.objects.create(workspace=second, user=world.users["viewer"], role=Role.OWNER)
    client = world.client("viewer")
    client.get(reverse("workspaces:home", args=[second.public_id]))
    page = client.get(reverse("workspaces:list")).content.decode()
    assert "Second coalition" in page and "Defenders" in page
    assert client.session["upr_workspace"] == second.public_id
    client.get(reverse("workspaces:home", args=[world.workspace.public_id]))
    assert client.session["upr_workspace"] == world.workspace.public_id


def test_the_invitation_is_written_in_the_language_chosen_for_the_newcomer(world: World):
    """An English-speaking owner invites a French-speaking partner: e-mail, page and account
    are in French; the partner's own choice in the language menu would still win."""
    owner = world.client("owner")
    url = reverse("workspaces:invite", args=[world.workspace.public_id])
    form_page = owner.get(url).content.decode()
    assert 'name="language"' in form_page and '<option value="en" selected>' in form_page
    response = owner.post(
        url, {"email": "marie@example.org", "role": Role.VIEWER, "language": "fr"}
    )
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.subject.startswith("Invitation à l’espace de travail")
    assert "Pour accepter, ouvrez ce lien" in message.body and "Lecteur" in message.body
    assert Invitation.objects.get(email="marie@example.org").language == "fr"
    link = re.search(r"http://testserver(/invitation/\S+)", message.body).group(1)

    partner = Client(headers={"accept-language": "en"})  # a browser left in English
    page = partner.get(link)
    assert page["Content-Language"] == "fr"
    assert "Choisissez un mot de passe" in page.content.decode()
    joined = partner.post(
        link, {"name": "Marie", "password1": PASSWORD + "x", "password2": PASSWORD + "x"}
    )
    assert joined.status_code == 302
    assert User.objects.get(email="marie@example.org").language == "fr"
    assert joined.cookies["upr_language"].value == "fr"
    assert partner.get(joined.url)["Content-Language"] == "fr"


def test_a_language_picked_in_the_menu_wins_over_the_invitation(world: World):
    from upr.workspaces import invitations

    _, link = invitations.invite(
        world.workspace, "pablo@example.org", Role.VIEWER, None, "http://t/", language="fr"
    )
    path = link.removeprefix("http://t")
    visitor = Client()
    visitor.cookies["upr_language"] = "es"
    assert visitor.get(path)["Content-Language"] == "es"
    joined = visitor.post(
        path, {"name": "Pablo", "password1": PASSWORD + "x", "password2": PASSWORD + "x"}
    )
    assert "upr_language" not in joined.cookies
    assert User.objects.get(email="pablo@example.org").language == "es"


def test_without_a_choice_the_invitation_is_in_the_inviters_page_language(world: World):
    owner = world.client("owner")
    owner.cookies["upr_language"] = "es"
    url = reverse("workspaces:invite", args=[world.workspace.public_id])
    owner.post(url, {"email": "luz@example.org", "role": Role.VIEWER})
    assert mail.outbox[-1].subject.startswith("Invitación al espacio de trabajo")
    assert Invitation.objects.get(email="luz@example.org").language == "es"


def test_someone_with_an_account_keeps_their_own_language(world: World):
    from upr.workspaces import invitations

    make_user("ines@example.org")
    _, link = invitations.invite(
        world.workspace, "ines@example.org", Role.VIEWER, None, "http://t/", language="fr"
    )
    response = Client(headers={"accept-language": "es"}).get(link.removeprefix("http://t"))
    assert response.status_code == 302 and "/account/sign-in/" in response.url
    assert response["Content-Language"] == "es"
