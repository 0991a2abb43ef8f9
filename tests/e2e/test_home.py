"""The corpus home page in a real browser: figures shown, no CSP violation, links work."""

from __future__ import annotations


def test_home_shows_the_corpus_and_links_to_the_list(page):
    page.goto("/")
    assert page.locator("h1").inner_text() == "The UPR corpus at a glance"
    assert "38,298" in page.locator(".figure").first.inner_text()
    page.get_by_role("link", name="Recommendations", exact=True).first.click()
    page.wait_for_url("**/recommendations/")
    assert page.locator("tbody tr").count() == 50


def test_choosing_a_language_switches_at_once_and_the_header_keeps_two_rows(page):
    """The select submits itself (app.js; the button is only for browsers without scripts),
    and the header holds the French labels in its two rows at a laptop's width."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/recommendations/")
    assert not page.get_by_role("button", name="Change language").is_visible()
    with page.expect_navigation():
        page.get_by_label("Language").select_option("fr")
    assert page.url.endswith("/recommendations/")  # back where the person was
    assert page.locator("html").get_attribute("lang") == "fr"
    brand = page.locator("header.site .brand").bounding_box()
    language = page.locator("header.site form.language").bounding_box()
    nav = page.locator("header.site nav").bounding_box()
    assert brand and language and nav
    assert abs(language["y"] - brand["y"]) < brand["height"]  # same first row
    assert nav["y"] >= brand["y"] + brand["height"]  # the sections on the second row
    with page.expect_navigation():
        page.get_by_label("Langue").select_option("en")


def test_the_language_select_waits_for_enter_when_used_with_the_keyboard(page):
    """Arrow keys on a closed select change it at once: English → Español must not reload
    the page in Français on the way."""
    page.goto("/")
    select = page.locator("#language-select")
    select.focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)  # a reload, had one started, would have begun by now
    assert page.locator("html").get_attribute("lang") == "en"
    assert select.input_value() == "fr"
    page.keyboard.press("ArrowDown")
    assert select.input_value() == "es"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("lang") == "es"
    with page.expect_navigation():  # a pointer choice still switches at once
        page.locator("#language-select").select_option("en")
    assert page.locator("html").get_attribute("lang") == "en"
