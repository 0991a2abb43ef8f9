"""First run in a real browser: set up the owner, sign in, create a workspace, invite, sign out.

Runs against its own fresh server (no account may exist for the setup page to appear), started
like the shared `app` fixture but without the corpus. The invitation link is read from the
server's console mail log, as an administrator without SMTP would.
"""

from __future__ import annotations

import quopri
import re
import time
from pathlib import Path

import pyotp
import pytest

from .conftest import App, running_app

PASSWORD = "a long and private passphrase 42"


@pytest.fixture(scope="module")
def fresh_app(tmp_path_factory, data_dir):
    """A server on an empty database: no account exists, so the setup page is there."""
    with running_app(
        tmp_path_factory.mktemp("e2e-accounts"),
        data_dir,
        name="e2e_accounts",
        load_corpus=False,
        ready_path="/account/sign-in/",
    ) as app:
        yield app


@pytest.fixture
def new_context(browser, fresh_app):
    """Browser contexts on the fresh server; fails on any CSP violation or script error."""
    contexts, errors = [], []

    def make():
        context = browser.new_context(base_url=fresh_app.url)
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.set_default_timeout(15_000)
        contexts.append(context)
        return page

    yield make
    for context in contexts:
        context.close()
    assert not errors, f"browser errors: {errors}"


def _invitation_link(app: App, email: str) -> str:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        text = (app.var_dir / "server.log").read_text()
        if email in text:
            decoded = quopri.decodestring(text.encode()).decode("utf-8", "replace")
            links = re.findall(r"https?://[^\s]+/invitation/[A-Za-z0-9_\-]+/", decoded)
            if links:
                return links[-1]
        time.sleep(0.2)
    raise AssertionError("no invitation e-mail in the server log")


def test_first_run_setup_sign_in_workspace_invite_sign_out(new_context, fresh_app):
    page = new_context()
    # first run: asking to sign in leads to the setup page — no default account exists
    page.goto("/account/sign-in/")
    page.wait_for_url("**/setup/")
    page.get_by_label("E-mail address").fill("owner@example.org")
    page.get_by_label("Your name").fill("Owner")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url("**/w/")  # signed in at once, on the workspaces page
    assert "Your account is ready" in page.content()
    assert page.request.get("/setup/").status == 404  # gone for good

    # create a workspace
    page.get_by_role("link", name="New workspace").last.click()
    page.get_by_label("Name").fill("Coalition for the UPR")
    page.get_by_role("button", name="Create workspace").click()
    page.wait_for_url(re.compile(r".*/w/[^/]+/$"))
    assert "Coalition for the UPR" in page.locator("nav.workspace-nav").inner_text()

    # invite a member
    page.get_by_role("link", name="Members").click()
    page.get_by_role("link", name="Invite someone").click()
    page.get_by_label("E-mail address").fill("colleague@example.org")
    page.get_by_label("Role").select_option("editor")
    page.get_by_role("button", name="Send the invitation").click()
    page.wait_for_url("**/members/")
    assert "colleague@example.org" in page.locator("main").inner_text()
    link = _invitation_link(fresh_app, "colleague@example.org")

    # the colleague follows the link in another browser, chooses a password and joins
    colleague = new_context()
    colleague.goto(link)
    colleague.locator("input[name=password1]").fill(PASSWORD + "!")
    colleague.locator("input[name=password2]").fill(PASSWORD + "!")
    colleague.get_by_role("button", name="Accept the invitation").click()
    colleague.wait_for_url(re.compile(r".*/w/[^/]+/$"))
    assert "Editor" in colleague.locator("nav.workspace-nav").inner_text()

    # sign out
    page.get_by_role("button", name="Sign out", exact=True).click()
    page.wait_for_url("**/account/sign-in/")
    page.goto("/w/")
    page.wait_for_url("**/account/sign-in/?next=/w/")


def test_two_factor_with_recovery_codes(new_context, fresh_app):
    """On the same server, after the test above made the colleague's account: switch 2FA on,
    download the recovery codes shown once, then sign in with one instead of the app's code."""
    page = new_context()
    page.goto("/account/sign-in/")
    page.get_by_label("E-mail address").fill("colleague@example.org")
    page.get_by_label("Password").fill(PASSWORD + "!")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/w/")

    page.goto("/account/two-factor/")
    secret = page.locator("code.secret").inner_text()
    page.get_by_label("Six-digit code from your authenticator app").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Switch on").click()
    codes = page.locator("ol.recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-9]{5}-[a-z2-9]{5}", c) for c in codes)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as a text file").click()
    assert download.value.suggested_filename == "upr-cycle-recovery-codes.txt"
    text = Path(download.value.path()).read_text()
    assert all(code in text for code in codes)
    page.get_by_role("link", name="I have saved my codes").click()
    page.wait_for_url("**/account/")
    assert "10 left" in page.locator("main").inner_text()
    page.get_by_role("button", name="Sign out", exact=True).click()
    page.wait_for_url("**/account/sign-in/")

    # the phone is gone: password, then a recovery code
    page.get_by_label("E-mail address").fill("colleague@example.org")
    page.get_by_label("Password").fill(PASSWORD + "!")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/account/sign-in/code/")
    page.get_by_role("link", name="Use a recovery code").click()
    page.get_by_label("Recovery code").fill(codes[0])
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/w/")
    assert "9 codes are left" in page.locator("ul.messages").inner_text()
