"""Rate limiting per client address, on top of the per-account lock-out."""

from __future__ import annotations

from datetime import timedelta

import pyotp
import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from upr.workspaces.models import AddressAttempt

from .conftest import PASSWORD, World

LOGIN = reverse("accounts:login")


@pytest.fixture(autouse=True)
def _small_limits(settings):
    settings.UPR_RATE_LIMIT_FAILURES = 6
    settings.UPR_RATE_LIMIT_RESETS = 3
    settings.UPR_LOGIN_MAX_FAILURES = 5


def _client(address: str, **extra) -> Client:
    return Client(REMOTE_ADDR=address, **extra)


WRONG = "wrong password"


def _try(client: Client, email: str, password: str = WRONG):
    return client.post(LOGIN, {"email": email, "password": password})


def test_one_address_cannot_try_many_accounts(world: World):
    attacker = _client("203.0.113.7")
    # six accounts, one wrong password each: no account is locked, the address is spent
    for i in range(6):
        assert _try(attacker, f"person{i}@example.org").status_code == 200
    blocked = _try(attacker, "owner@example.org", PASSWORD)  # even the right password
    assert blocked.status_code == 429
    assert 1 <= int(blocked["Retry-After"]) <= 15 * 60
    assert "too many attempts from your network address" in blocked.content.decode().lower()
    assert "Content-Security-Policy" in blocked
    # the sign-in page itself still shows; only the POST is refused
    assert attacker.get(LOGIN).status_code == 200
    # another address is not affected, nor are the accounts tried
    assert _try(_client("198.51.100.20"), "owner@example.org", PASSWORD).status_code == 302


def test_the_window_slides(world: World):
    attacker = _client("203.0.113.7")
    for i in range(6):
        _try(attacker, f"person{i}@example.org")
    assert _try(attacker, "x@example.org").status_code == 429
    AddressAttempt.objects.update(at=timezone.now() - timedelta(minutes=16))
    assert _try(attacker, "owner@example.org", PASSWORD).status_code == 302


def test_old_rows_are_pruned(world: World):
    old = timezone.now() - timedelta(hours=2)
    AddressAttempt.objects.create(scope="sign-in", address="192.0.2.1", at=old)
    _try(_client("203.0.113.7"), "x@example.org")
    assert list(AddressAttempt.objects.values_list("address", flat=True)) == ["203.0.113.7"]
    # a successful sign-in prunes too: addresses are not kept past the window
    AddressAttempt.objects.update(at=old)
    assert _try(_client("198.51.100.3"), "owner@example.org", PASSWORD).status_code == 302
    assert not AddressAttempt.objects.exists()


def test_successful_sign_ins_are_not_counted(world: World):
    office = _client("203.0.113.50")
    for _ in range(10):
        assert _try(office, "viewer@example.org", PASSWORD).status_code == 302
        office.post(reverse("accounts:logout"))
    assert not AddressAttempt.objects.exists()


def test_per_account_lockout_still_works_across_addresses(world: World):
    for i in range(5):  # five addresses, one failure each: the account locks anyway
        _try(_client(f"192.0.2.{i + 1}"), "editor@example.org")
    locked = _try(_client("198.51.100.99"), "editor@example.org", PASSWORD)
    assert locked.status_code == 200 and "locked" in locked.content.decode()


def test_two_factor_step_failures_count(world: World):
    user = world.users["editor"]
    user.totp_secret = pyotp.random_base32()
    user.save()
    client = _client("203.0.113.8")
    assert _try(client, "editor@example.org", PASSWORD).status_code == 302
    for _ in range(4):  # below the account's lock-out (5)
        client.post(reverse("accounts:2fa_verify"), {"code": "000000"})
    client.post(reverse("accounts:2fa_recovery"), {"code": "aaaaa-bbbbb"})
    assert AddressAttempt.objects.count() == 5  # the budget is 6
    _try(client, "nobody@example.org")
    response = client.post(reverse("accounts:2fa_verify"), {"code": "000000"})
    assert response.status_code == 429


def test_password_reset_requests_are_limited_per_address(world: World):
    mail.outbox.clear()
    client = _client("203.0.113.9")
    url = reverse("accounts:password_reset")
    for _ in range(3):
        assert client.post(url, {"email": "viewer@example.org"}).status_code == 302
    assert client.post(url, {"email": "viewer@example.org"}).status_code == 429
    assert len(mail.outbox) == 3
    assert client.get(url).status_code == 200
    # the sign-in budget is separate
    assert _try(client, "viewer@example.org", PASSWORD).status_code == 302
    assert _client("198.51.100.1").post(url, {"email": "viewer@example.org"}).status_code == 302


def test_unknown_invitation_links_count(world: World):
    client = _client("203.0.113.10")
    for i in range(6):
        guess = reverse("workspaces:accept", args=[f"guess{i}"])
        assert client.get(guess).status_code == 404
    real = reverse("workspaces:accept", args=[world.invitation_token])
    assert client.get(real).status_code == 429
    assert client.post(real, {}).status_code == 429
    assert _client("198.51.100.2").get(real).status_code == 200


def test_forwarded_for_is_ignored_unless_a_proxy_is_trusted(world: World, settings):
    # without the setting, a client cannot dodge the limit by inventing a header
    for i in range(6):
        _try(_client("203.0.113.7", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}"), "x@example.org")
    dodging = _client("203.0.113.7", HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert _try(dodging, "x@example.org").status_code == 429

    # behind one trusted proxy: the right-most entry is the client, anything left of it is
    # whatever the client sent and is ignored
    settings.UPR_TRUSTED_PROXY_COUNT = 1
    AddressAttempt.objects.all().delete()
    proxy = "127.0.0.1"
    for i in range(6):
        forged = f"10.0.0.{i}, 198.51.100.77"
        _try(_client(proxy, HTTP_X_FORWARDED_FOR=forged), "x@example.org")
    assert set(AddressAttempt.objects.values_list("address", flat=True)) == {"198.51.100.77"}
    limited = _try(_client(proxy, HTTP_X_FORWARDED_FOR="198.51.100.77"), "x@example.org")
    assert limited.status_code == 429
    other = _client(proxy, HTTP_X_FORWARDED_FOR="198.51.100.78")
    assert _try(other, "owner@example.org", PASSWORD).status_code == 302


def test_ipv6_clients_are_counted_per_64_network(world: World):
    for i in range(6):
        _try(_client(f"2001:db8:1:2::{i + 1}"), "x@example.org")
    assert _try(_client("2001:db8:1:2:ffff::1"), "x@example.org").status_code == 429
    assert _try(_client("2001:db8:1:3::1"), "owner@example.org", PASSWORD).status_code == 302
