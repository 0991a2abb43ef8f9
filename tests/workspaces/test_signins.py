"""Recent sign-ins on the account page and "sign out everywhere else"."""

from __future__ import annotations

import pyotp
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from upr.workspaces import signins
from upr.workspaces.models import AuditEntry, SignInMethod, SignInRecord, unscoped

from .conftest import PASSWORD, World
from .test_accounts import sign_in

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
ANDROID_CHROME = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/131.0.0.0 Mobile Safari/537.36"
)


def test_sign_ins_and_refusals_are_listed_for_the_account_only(world: World):
    office = Client(headers={"user-agent": FIREFOX}, REMOTE_ADDR="203.0.113.77")
    assert sign_in(office, "editor@example.org", "wrong").status_code == 200
    assert sign_in(office, "editor@example.org").status_code == 302
    sign_in(Client(), "nobody-here@example.org", "wrong")  # no account: nothing recorded

    records = list(SignInRecord.objects.filter(user=world.users["editor"]))
    assert [(r.succeeded, r.method) for r in records] == [
        (True, SignInMethod.PASSWORD),
        (False, SignInMethod.WRONG_PASSWORD),
    ]
    assert records[0].browser == "Firefox · Windows"
    assert records[0].network == "203.0.113.0/24"  # the network, not the address
    assert SignInRecord.objects.count() == 2

    page = office.get(reverse("accounts:account")).content.decode()
    assert "Recent sign-ins" in page and "Firefox · Windows" in page
    assert "this browser, now" in page and "refused: wrong password" in page
    assert "203.0.113.77" not in page
    # another member's page does not show the editor's sign-ins
    assert (
        "Firefox · Windows"
        not in world.client("owner").get(reverse("accounts:account")).content.decode()
    )


def test_the_second_step_is_recorded_with_its_method(world: World):
    editor = world.users["editor"]
    editor.totp_secret = pyotp.random_base32()
    editor.save()
    client = Client(headers={"user-agent": ANDROID_CHROME}, REMOTE_ADDR="2001:db8:1234:5678::9")
    sign_in(client, editor.email)
    assert not SignInRecord.objects.filter(user=editor).exists()  # password alone: not yet in
    client.post(reverse("accounts:2fa_verify"), {"code": "000000"})
    client.post(reverse("accounts:2fa_verify"), {"code": pyotp.TOTP(editor.totp_secret).now()})
    records = list(SignInRecord.objects.filter(user=editor))
    assert [(r.succeeded, r.method) for r in records] == [
        (True, SignInMethod.APP_CODE),
        (False, SignInMethod.WRONG_CODE),
    ]
    assert records[0].browser == "Chrome · Android"
    assert records[0].network == "2001:db8:1234::/48"


def test_only_the_latest_are_kept(world: World):
    user = world.users["viewer"]
    for _ in range(signins.KEEP + 5):
        signins.record(None, user, SignInMethod.WRONG_PASSWORD, succeeded=False)
    assert SignInRecord.objects.filter(user=user).count() == signins.KEEP


def test_sign_out_everywhere_else_keeps_this_browser(world: World):
    here, laptop = Client(), Client()
    for client in (here, laptop):
        assert sign_in(client, "owner@example.org").status_code == 302
    assert laptop.get(reverse("accounts:account")).status_code == 200

    done = here.post(reverse("accounts:sign_out_elsewhere"), follow=True)
    assert "is now signed out" in done.content.decode()
    assert here.get(reverse("accounts:account")).status_code == 200  # still in
    assert laptop.get(reverse("accounts:account")).status_code == 302  # sent to sign in
    with unscoped("test: the owner's workspace log"):
        entry = AuditEntry.objects.get(
            action="security", object_repr__contains="every other session"
        )
    assert entry.workspace_id == world.workspace.pk and entry.actor == world.users["owner"]
    # signing in again works, and a second round signs that one out too
    assert sign_in(laptop, "owner@example.org", PASSWORD).status_code == 302
    here.post(reverse("accounts:sign_out_elsewhere"))
    assert laptop.get(reverse("accounts:account")).status_code == 302
    assert here.get(reverse("accounts:account")).status_code == 200


def test_browser_and_network_descriptions() -> None:
    assert signins.describe_browser(FIREFOX) == "Firefox · Windows"
    assert signins.describe_browser("curl/8.5.0") == ""
    assert signins.coarse_network("198.51.100.200") == "198.51.100.0/24"
    assert signins.coarse_network("2001:db8:abcd:12::/64") == "2001:db8:abcd::/48"
    assert signins.coarse_network("unknown") == ""


@given(st.text(max_size=300))
def test_descriptions_never_raise(text: str) -> None:
    assert len(signins.describe_browser(text)) <= 80
    assert isinstance(signins.coarse_network(text), str)
