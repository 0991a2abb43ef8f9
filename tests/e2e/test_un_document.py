"""The day after a review, in a real browser: upload the UN's Working Group report (the real
PDF of Slovenia's 2025 review), watch the background worker read it, then open the outcome:
which draft recommendations were taken up, by which States — the States to thank."""

from __future__ import annotations

import re

from .conftest import sign_in_as_owner

EMAIL = "monitor@example.org"
PASSWORD = "e2e monitoring password 2025"

REPORT = "slovenia-upr/4thcycleunoriginal/g2502644.pdf"  # A/HRC/59/15


def test_upload_the_wg_report_then_see_the_states_to_thank(page, app, data_dir):
    sign_in_as_owner(page, app, EMAIL, PASSWORD, "Slovenian Roma coalition")

    page.goto("/import/report/")
    page.get_by_label("Working Group report").set_input_files(str(data_dir / REPORT))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/import/report/[0-9a-f-]+/"))
    assert "Queued" in page.locator("#import-status").inner_text()

    app.upr("db_worker", "--batch", "--no-startup-delay", "--interval", "0")  # the real worker
    status = page.locator("#import-status")
    status.get_by_role("heading", name="Imported").wait_for(timeout=20_000)  # htmx polls
    text = status.inner_text()
    assert "Review of Slovenia, session 48 · A/HRC/59/15" in text
    assert "254 recommendations read" in text and "254 imported" in text

    status.get_by_role("link", name=re.compile("outcome of this review")).click()
    page.wait_for_url("**/outcome/?sur=SVN&session=48")
    assert page.get_by_label("State under Review").input_value() == "SVN"
    page.get_by_label("Your draft recommendations").fill(
        "Ratify the Optional Protocol to the International Covenant on Economic, Social and "
        "Cultural Rights\nBuild a space station for penguins"
    )
    page.get_by_label("Minorities").check()
    page.get_by_role("button", name="Show the outcome").click()
    outcome = page.locator("section.outcome")
    outcome.wait_for()
    thanks = outcome.locator("table").first.inner_text()
    for state in ("Maldives", "Portugal", "Malawi"):
        assert state in thanks
    assert "Not taken up" in outcome.inner_text()
    # no models in this app: the untagged review is said to be untagged, not counted as 0
    assert "254 recommendations of this review have no issue tags yet" in outcome.inner_text()
