"""Recovery codes for two-factor sign-in: shown once, stored hashed, single use, audited."""

from __future__ import annotations

import io
import re

import pyotp
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from upr.workspaces import recovery
from upr.workspaces.models import Action, AuditEntry, RecoveryCode, User

from .conftest import PASSWORD, World

CODE = re.compile(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>")


def _codes(response) -> list[str]:
    return CODE.findall(response.content.decode())


def _switch_on(client: Client) -> tuple[pyotp.TOTP, list[str]]:
    """Through the real pages: scan (read the secret), confirm a code, get the codes."""
    client.get(reverse("accounts:2fa_setup"))
    totp = pyotp.TOTP(client.session["upr_2fa_new_secret"])
    response = client.post(reverse("accounts:2fa_setup"), {"code": totp.now()})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return totp, _codes(response)


def _password_step(client: Client, email: str) -> None:
    response = client.post(reverse("accounts:login"), {"email": email, "password": PASSWORD})
    assert response.url == reverse("accounts:2fa_verify")


def _security_log(world: World) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.in_workspace(world.workspace)
        .filter(action=Action.SECURITY)
        .order_by("at", "id")
    )


def test_switching_on_shows_ten_codes_once_and_stores_only_hashes(world: World):
    client = world.client("editor")
    _, codes = _switch_on(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    rows = RecoveryCode.objects.filter(user=world.users["editor"])
    assert rows.count() == 10
    for row in rows:
        assert row.code_hash.startswith("pbkdf2_sha256$") and row.used_at is None
        assert not any(c.replace("-", "") in row.code_hash or c in row.code_hash for c in codes)
    # never shown again: the settings page says how many, not which
    page = client.get(reverse("accounts:2fa_recovery_codes"))
    assert page.status_code == 200 and not _codes(page)
    assert "10 unused recovery codes" in page.content.decode()
    assert "10 left" in client.get(reverse("accounts:account")).content.decode()
    # the owners of the editor's workspace can see it in the audit log
    events = [e.object_repr for e in _security_log(world)]
    assert events == [
        "editor@example.org: two-factor sign-in switched on",
        "editor@example.org: recovery codes generated",
    ]
    assert _security_log(world)[-1].changes == {"recovery_codes_left": [None, 10]}
    assert _security_log(world)[-1].actor == world.users["editor"]


def test_download_as_text_file(world: World):
    client = world.client("editor")
    _, codes = _switch_on(client)
    response = client.post(reverse("accounts:2fa_recovery_download"), {"code": codes})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="upr-cycle-recovery-codes.txt"'
    )
    text = response.content.decode()
    assert all(code in text for code in codes) and "editor@example.org" in text
    # only well-formed codes are echoed; nothing else comes back
    junk = client.post(reverse("accounts:2fa_recovery_download"), {"code": ["<b>x</b>"]})
    assert junk.status_code == 400
    assert client.get(reverse("accounts:2fa_recovery_download")).status_code == 405
    anonymous = Client().post(reverse("accounts:2fa_recovery_download"), {"code": codes})
    assert anonymous.status_code == 302


def test_sign_in_with_a_recovery_code_works_once(world: World):
    _, codes = _switch_on(world.client("editor"))
    mail.outbox.clear()
    client = Client()
    _password_step(client, "editor@example.org")
    assert "recovery code" in client.get(reverse("accounts:2fa_verify")).content.decode()
    # typed in capitals, without the hyphen, with spaces: still the code
    typed = codes[3].replace("-", " ").upper()
    response = client.post(reverse("accounts:2fa_recovery"), {"code": typed})
    assert response.status_code == 302 and response.url == reverse("workspaces:list")
    assert client.get(reverse("accounts:account")).status_code == 200
    user = world.users["editor"]
    assert recovery.remaining(user) == 9
    # the person is told by e-mail, in case it was not them
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["editor@example.org"]
    assert "9 recovery codes are left" in mail.outbox[0].body
    # the same code a second time: refused
    other = Client()
    _password_step(other, "editor@example.org")
    again = other.post(reverse("accounts:2fa_recovery"), {"code": codes[3]})
    assert again.status_code == 200 and "not valid" in again.content.decode()
    assert other.get(reverse("accounts:account")).status_code == 302
    assert recovery.remaining(user) == 9
    used = _security_log(world)[-1]
    assert used.object_repr == "editor@example.org: recovery code used to sign in"
    assert used.changes == {"recovery_codes_left": [10, 9]} and used.actor == user


def test_a_recovery_code_alone_is_not_enough(world: World):
    """Without the password step first, the recovery page only sends to sign-in."""
    _, codes = _switch_on(world.client("editor"))
    client = Client()
    response = client.post(reverse("accounts:2fa_recovery"), {"code": codes[0]})
    assert response.url == reverse("accounts:login")
    assert recovery.remaining(world.users["editor"]) == 10


def test_wrong_recovery_codes_count_towards_lockout(world: World, settings):
    settings.UPR_LOGIN_MAX_FAILURES = 3
    _switch_on(world.client("editor"))
    client = Client()
    _password_step(client, "editor@example.org")
    for _ in range(2):
        client.post(reverse("accounts:2fa_recovery"), {"code": "aaaaa-bbbbb"})
    locked = client.post(reverse("accounts:2fa_recovery"), {"code": "aaaaa-bbbbb"})
    assert locked.url == reverse("accounts:login")
    # while locked, even a good password and a good code do not sign in
    response = client.post(
        reverse("accounts:login"), {"email": "editor@example.org", "password": PASSWORD}
    )
    assert "locked" in response.content.decode()
    assert recovery.remaining(world.users["editor"]) == 10


def test_warning_when_few_codes_remain(world: World):
    user = world.users["editor"]
    _, codes = _switch_on(world.client("editor"))
    for code in codes[:7]:
        assert recovery.use(user, code)
    client = Client()
    _password_step(client, "editor@example.org")
    response = client.post(reverse("accounts:2fa_recovery"), {"code": codes[7]}, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("accounts:2fa_recovery_codes")
    assert "running out of recovery codes" in page and "2 unused recovery codes" in page
    assert "running out" in client.get(reverse("accounts:account")).content.decode()


def test_regenerating_needs_a_current_code_or_the_password_and_invalidates_old_codes(
    world: World,
):
    user = world.users["editor"]
    client = world.client("editor")
    totp, first = _switch_on(client)
    assert recovery.use(user, first[0])
    url = reverse("accounts:2fa_recovery_codes")
    refused = client.post(url, {"secret": "not my password"})
    assert refused.status_code == 200 and not _codes(refused)
    assert RecoveryCode.objects.filter(user=user).count() == 10
    # with the password
    second = _codes(client.post(url, {"secret": PASSWORD}))
    assert len(second) == 10 and not set(second) & set(first)
    assert RecoveryCode.objects.filter(user=user).count() == 10
    assert not any(recovery.use(user, code) for code in first[1:])
    # with a code from the app (a fresh time step: the one used at set-up is burnt)
    user.refresh_from_db()
    user.totp_last_counter -= 1
    user.save(update_fields=["totp_last_counter"])
    third = _codes(client.post(url, {"secret": totp.now()}))
    assert len(third) == 10
    assert not any(recovery.use(user, code) for code in second)
    assert recovery.use(user, third[9])
    regenerated = [
        e for e in _security_log(world) if e.object_repr.endswith("recovery codes regenerated")
    ]
    assert [e.changes for e in regenerated] == [
        {"recovery_codes_left": [9, 10]},
        {"recovery_codes_left": [10, 10]},
    ]


def test_switching_off_and_reset_2fa_delete_the_codes(world: World):
    _switch_on(world.client("editor"))
    user = world.users["editor"]
    off = world.client("editor").post(reverse("accounts:2fa_disable"), {"password": PASSWORD})
    assert off.status_code == 302
    assert not RecoveryCode.objects.filter(user=user).exists()

    _switch_on(world.client("viewer"))
    viewer = world.users["viewer"]
    call_command("reset_2fa", "Viewer@Example.org", stdout=io.StringIO())
    viewer.refresh_from_db()
    assert not viewer.has_2fa
    assert not RecoveryCode.objects.filter(user=viewer).exists()
    reset = [e for e in _security_log(world) if "viewer@" in e.object_repr][-2:]
    assert [e.object_repr for e in reset] == [
        "viewer@example.org: recovery codes deleted (upr reset_2fa)",
        "viewer@example.org: two-factor sign-in reset by an administrator (upr reset_2fa)",
    ]
    assert all(e.actor is None for e in reset)


def test_existing_2fa_users_without_codes_are_asked_to_make_some(world: World):
    user: User = world.users["owner"]
    user.totp_secret = pyotp.random_base32()
    user.save()
    client = world.client("owner")
    assert "none yet" in client.get(reverse("accounts:account")).content.decode()
    page = client.get(reverse("accounts:2fa_recovery_codes")).content.decode()
    assert "no recovery codes" in page
