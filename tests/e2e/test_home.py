"""The corpus home page in a real browser: figures shown, no CSP violation, links work."""

from __future__ import annotations


def test_home_shows_the_corpus_and_links_to_the_list(page):
    page.goto("/")
    assert page.locator("h1").inner_text() == "The UPR corpus at a glance"
    assert "38,298" in page.locator(".figure").first.inner_text()
    page.get_by_role("link", name="Recommendations", exact=True).first.click()
    page.wait_for_url("**/recommendations/")
    assert page.locator("tbody tr").count() == 50
