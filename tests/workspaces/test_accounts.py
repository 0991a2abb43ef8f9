"""Accounts: first-run setup, sign-in, lock-out, two-factor, password reset."""

from __future__ import annotations

import re

import pyotp
import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from upr.web.csrf import failure_kind
from upr.workspaces.models import LoginThrottle, User

from .conftest import PASSWORD, World, make_user

LOGIN = "/account/sign-in/"


def sign_in(client: Client, email: str, password: str = PASSWORD, **extra):
    return client.post(reverse("accounts:login"), {"email": email, "password": password}, **extra)


def test_setup_only_while_no_account_exists(db):
    client = Client()
    assert not User.objects.exists()
    assert client.get(reverse("accounts:login")).url == reverse("accounts:setup")
    page = client.get(reverse("accounts:setup"))
    assert page.status_code == 200
    weak = client.post(
        reverse("accounts:setup"),
        {"email": "first@example.org", "password1": "password", "password2": "password"},
    )
    assert weak.status_code == 200 and not User.objects.exists()  # validators apply
    done = client.post(
        reverse("accounts:setup"),
        {"email": "First@Example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert done.status_code == 302 and done.url == reverse("workspaces:list")
    assert client.get(reverse("workspaces:list")).status_code == 200  # signed in at once
    user = User.objects.get()
    assert user.email == "first@example.org" and user.check_password(PASSWORD)
    # the instance's first account runs it: staff (may add UN documents), never superuser
    assert user.is_staff and not user.is_superuser
    assert client.get(reverse("accounts:setup")).status_code == 404
    assert client.post(reverse("accounts:setup"), {}).status_code == 404


def test_error_pages_explain_in_the_site_layout(db, settings):
    """A refusal names its reason inside the normal page (header, language switch), not
    the browser's bare "403 Forbidden"; an unknown address gets the same layout."""
    settings.DEBUG = False
    make_user("reader@example.org")
    client = Client()
    sign_in(client, "reader@example.org")
    denied = client.get(reverse("corpus:report_upload"))
    body = denied.content.decode()
    assert denied.status_code == 403
    assert "Only staff and workspace owners may add to the corpus." in body
    assert 'class="site"' in body and "Nothing was changed" in body
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404 and "Page not found" in missing.content.decode()
    assert 'class="site"' in missing.content.decode()


def test_server_error_page_renders_without_a_request_context(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_expired_form_says_what_to_do(db):
    make_user("a@example.org")  # else the sign-in page sends everyone to the first-run setup
    client = Client(enforce_csrf_checks=True)
    refused = client.post(reverse("accounts:login"), {"email": "a@example.org", "password": "x"})
    assert refused.status_code == 403
    body = refused.content.decode()
    assert "This form has expired" in body
    # no cookie was ever set in this client: the page names the cookie, in the site's layout,
    # and hands out a fresh token so that a reload works
    assert "Allow cookies for this site" in body and 'class="site"' in body
    assert "csrftoken" in refused.cookies

    # with the cookie the refusal gave, a wrong token is the stale-page case
    stale = client.post(reverse("accounts:login"), {"csrfmiddlewaretoken": "x" * 32})
    assert "open for a long time" in stale.content.decode()

    secure = Client(enforce_csrf_checks=True, headers={"origin": "https://elsewhere.example"})
    secure.get(reverse("accounts:login"))
    token = secure.cookies["csrftoken"].value
    moved = secure.post(reverse("accounts:login"), {"csrfmiddlewaretoken": token})
    assert moved.status_code == 403 and "UPR_CSRF_TRUSTED_ORIGINS" in moved.content.decode()


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ("CSRF cookie not set.", "cookie"),
        (
            "Origin checking failed - https://x.example does not match any trusted origins.",
            "address",
        ),
        ("Referer checking failed - no Referer.", "address"),
        ("CSRF token missing.", "token"),
        ("CSRF token from POST incorrect.", "token"),
    ],
)
def test_csrf_failure_kinds(reason: str, kind: str) -> None:
    assert failure_kind(reason) == kind


def test_no_default_credentials(db):
    assert not User.objects.exists()
    assert not Client().login(email="admin@example.org", password="admin")


def test_sign_in_and_out(world: World):
    client = Client()
    response = sign_in(client, "OWNER@example.org")
    assert response.status_code == 302 and response.url == reverse("workspaces:list")
    assert client.get(reverse("accounts:account")).status_code == 200
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("accounts:account")).url.startswith(LOGIN)


def test_next_is_followed_only_within_the_site(world: World):
    client = Client()
    ok = client.post(
        LOGIN, {"email": "owner@example.org", "password": PASSWORD, "next": "/account/"}
    )
    assert ok.url == "/account/"
    client = Client()
    evil = client.post(
        LOGIN, {"email": "owner@example.org", "password": PASSWORD, "next": "https://evil.test/"}
    )
    assert evil.url == reverse("workspaces:list")


def test_lockout_after_repeated_failures(world: World, settings):
    settings.UPR_LOGIN_MAX_FAILURES = 3
    client = Client()
    for _ in range(2):
        response = sign_in(client, "viewer@example.org", "wrong")
        assert "do not match" in response.content.decode()
    response = sign_in(client, "viewer@example.org", "wrong")
    assert "locked" in response.content.decode()
    # even the right password is refused while locked
    response = sign_in(client, "viewer@example.org")
    assert response.status_code == 200 and "locked" in response.content.decode()
    # other accounts are not affected
    assert sign_in(Client(), "editor@example.org").status_code == 302
    # after the lock-out period, the right password works again and clears the count
    LoginThrottle.objects.filter(email="viewer@example.org").update(
        locked_until=timezone.now() - timezone.timedelta(seconds=1),
        first_failure_at=timezone.now() - timezone.timedelta(hours=1),
    )
    assert sign_in(client, "viewer@example.org").status_code == 302
    assert not LoginThrottle.objects.filter(email="viewer@example.org").exists()


def test_lockout_does_not_reveal_which_addresses_exist(db, settings):
    settings.UPR_LOGIN_MAX_FAILURES = 2
    make_user("real@example.org")
    pages = {}
    for email in ("real@example.org", "nobody@example.org"):
        client = Client()
        sign_in(client, email, "wrong")
        pages[email] = sign_in(client, email, "wrong").content.decode().replace(email, "X")
    assert "locked" in pages["real@example.org"]
    assert pages["real@example.org"].count("locked") == pages["nobody@example.org"].count("locked")


def _enable_2fa(user: User) -> pyotp.TOTP:
    user.totp_secret = pyotp.random_base32()
    user.save()
    return pyotp.TOTP(user.totp_secret)


def test_two_factor_setup_shows_a_qr_image_and_needs_a_valid_code(world: World):
    client = world.client("editor")
    page = client.get(reverse("accounts:2fa_setup")).content.decode()
    assert 'src="data:image/svg+xml' in page and "<script" not in page.split("<main")[1]
    secret = client.session["upr_2fa_new_secret"]
    bad = client.post(reverse("accounts:2fa_setup"), {"code": "000000"})
    assert bad.status_code == 200
    good = client.post(reverse("accounts:2fa_setup"), {"code": pyotp.TOTP(secret).now()})
    # switched on: the recovery codes are shown, once
    assert good.status_code == 200
    assert len(re.findall(r"<code>[a-z2-9]{5}-[a-z2-9]{5}</code>", good.content.decode())) == 10
    world.users["editor"].refresh_from_db()
    assert world.users["editor"].totp_secret == secret


def test_sign_in_with_two_factor(world: World):
    totp = _enable_2fa(world.users["editor"])
    client = Client()
    response = sign_in(client, "editor@example.org")
    assert response.url == reverse("accounts:2fa_verify")
    # password alone does not sign in
    assert client.get(reverse("accounts:account")).url.startswith(LOGIN)
    assert client.post(reverse("accounts:2fa_verify"), {"code": "123456"}).status_code == 200
    code = totp.now()
    assert client.post(reverse("accounts:2fa_verify"), {"code": code}).status_code == 302
    assert client.get(reverse("accounts:account")).status_code == 200
    # the same code cannot be used twice
    other = Client()
    sign_in(other, "editor@example.org")
    assert other.post(reverse("accounts:2fa_verify"), {"code": code}).status_code == 200
    assert other.get(reverse("accounts:account")).status_code == 302


def test_wrong_codes_count_towards_lockout(world: World, settings):
    settings.UPR_LOGIN_MAX_FAILURES = 3
    _enable_2fa(world.users["editor"])
    client = Client()
    sign_in(client, "editor@example.org")
    for _ in range(2):
        client.post(reverse("accounts:2fa_verify"), {"code": "000000"})
    locked = client.post(reverse("accounts:2fa_verify"), {"code": "000000"})
    assert locked.url == reverse("accounts:login")
    assert "locked" in sign_in(client, "editor@example.org").content.decode()


def test_workspace_can_require_two_factor(world: World):
    owner_client = world.client("owner")
    settings_url = reverse("workspaces:settings", args=[world.workspace.public_id])
    # the owner must have 2FA before requiring it
    refused = owner_client.post(settings_url, {"name": "X", "require_2fa": "on"})
    assert refused.status_code == 200
    _enable_2fa(world.users["owner"])
    owner_client = world.client("owner")
    assert owner_client.post(settings_url, {"name": "X", "require_2fa": "on"}).status_code == 302
    world.workspace.refresh_from_db()
    assert world.workspace.require_2fa

    home = reverse("workspaces:home", args=[world.workspace.public_id])
    viewer = world.client("viewer")
    response = viewer.get(home)
    assert response.status_code == 302 and response.url == reverse("accounts:2fa_setup")
    assert viewer.post(
        reverse("workspaces:note_delete", args=[world.workspace.public_id, world.note.pk])
    ).url == reverse("accounts:2fa_setup")
    # outsiders still learn nothing
    assert world.client("outsider").get(home).status_code == 404
    # with 2FA set up, the viewer gets in; and cannot switch it off while a member
    _enable_2fa(world.users["viewer"])
    assert world.client("viewer").get(home).status_code == 200
    disable = world.client("viewer").post(reverse("accounts:2fa_disable"), {"password": PASSWORD})
    assert disable.status_code == 200
    world.users["viewer"].refresh_from_db()
    assert world.users["viewer"].has_2fa


def test_password_reset_by_email(world: World):
    client = Client()
    client.post(reverse("accounts:password_reset"), {"email": "viewer@example.org"})
    assert len(mail.outbox) == 2  # the invitation from the fixture, then the reset
    link = re.search(r"http://testserver(/\S+)", mail.outbox[-1].body).group(1)
    form_url = client.get(link).url
    response = client.post(
        form_url,
        {"new_password1": "a new long passphrase 7", "new_password2": "a new long passphrase 7"},
    )
    assert response.status_code == 302
    assert sign_in(Client(), "viewer@example.org", "a new long passphrase 7").status_code == 302


def test_reset_for_unknown_address_sends_nothing_and_says_the_same(world: World):
    client = Client()
    known = client.post(reverse("accounts:password_reset"), {"email": "viewer@example.org"})
    unknown = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert known.url == unknown.url
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("persona", ["viewer", "owner"])
def test_account_page_lists_workspaces(world: World, persona):
    page = world.client(persona).get(reverse("accounts:account")).content.decode()
    assert world.workspace.name.replace("'", "&#x27;") in page


def test_moving_two_factor_to_a_new_phone_never_switches_it_off(world: World):
    """A workspace requiring 2FA blocks switching it off; a lost or seized phone is replaced
    instead: password first, then a code from the new app, and only then the key changes."""
    from upr.workspaces.models import Action, AuditEntry, Role

    world.workspace.require_2fa = True
    world.workspace.save()
    editor = world.users["editor"]
    old = _enable_2fa(editor)
    client = world.client("editor")
    url = reverse("accounts:2fa_replace")
    assert (
        "Move two-factor sign-in to a new phone"
        in client.get(reverse("accounts:2fa_disable")).content.decode()
    )

    first = client.get(url).content.decode()
    assert "First confirm who you are" in first and "data:image/svg+xml" not in first
    wrong = client.post(url, {"secret": "not my password"})
    assert "neither a current code nor your password" in wrong.content.decode()
    assert client.post(url, {"secret": PASSWORD}).status_code == 302
    scan = client.get(url).content.decode()
    assert 'src="data:image/svg+xml' in scan
    new_secret = client.session["upr_2fa_new_secret"]
    assert new_secret != editor.totp_secret
    assert client.post(url, {"code": old.now()}).status_code == 200  # the old app's code: no
    editor.refresh_from_db()
    assert editor.totp_secret == old.secret  # unchanged until the new app is confirmed
    done = client.post(url, {"code": pyotp.TOTP(new_secret).now()})
    assert done.status_code == 302 and done.url == reverse("accounts:account")
    editor.refresh_from_db()
    assert editor.totp_secret == new_secret and editor.has_2fa
    assert "upr_2fa_move_confirmed" not in client.session
    owner_view = AuditEntry.objects.for_membership(world.memberships[Role.OWNER], Role.OWNER)
    entry = owner_view.filter(action=Action.SECURITY, object_id=str(editor.pk)).last()
    assert entry.object_repr.endswith("two-factor app replaced")
    # the next move asks who you are again
    assert "First confirm who you are" in client.get(url).content.decode()
