"""Search in a real browser: query, two facets, open a recommendation, download a CSV."""

from __future__ import annotations

from upr.sources.upr_info import read_export


def test_search_facets_recommendation_and_csv(page, tmp_path):
    page.goto("/recommendations/")
    page.get_by_label("Search the recommendations").fill('"death penalty" -moratorium')
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url("**q=*")
    first_total = page.locator(".result-count").inner_text()

    page.locator('fieldset[data-facet="response"] input[value="noted"]').check()
    page.wait_for_url("**response=noted*")
    page.locator('fieldset[data-facet="sur_group"] input[value="African"]').check()
    page.wait_for_url("**sur_group=African*")
    page.wait_for_function(
        "() => document.querySelectorAll('.chip').length === 2"
        " && !document.querySelector('.htmx-request')"
    )
    assert page.locator(".result-count").inner_text() != first_total
    assert page.locator("tbody tr mark").count() > 0

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV", exact=True).click()
    path = tmp_path / "export.csv"
    download_info.value.save_as(path)
    rows = read_export(path)
    assert rows and all(r.response == "Noted" for r in rows)

    page.go_back()  # the back button restores the previous filters
    page.wait_for_url(lambda url: "sur_group" not in url)
    page.go_forward()
    page.wait_for_url("**sur_group=African*")

    page.locator("tbody tr td.rec-text a").first.click()
    page.wait_for_url("**/recommendations/*/")
    assert "penalty" in page.locator("blockquote").inner_text().lower()
    assert page.get_by_role("heading", name="Similar wording").is_visible()


def test_typed_search_is_ranked_sent_once_and_survives_a_language_change(page):
    page.goto("/recommendations/")
    sent = []
    page.on(
        "request",
        lambda r: sent.append(r.url) if "/recommendations/?" in r.url else None,
    )
    box = page.get_by_label("Search the recommendations")
    box.fill('"child marriage"')
    box.press("Enter")
    page.wait_for_url("**q=*")
    page.wait_for_function("() => !document.querySelector('.htmx-request')")
    assert len(sent) == 1  # Enter sends the form once, not once for change and once for submit
    assert "sort=oldest" not in page.url  # a new search is ranked by relevance …
    first = page.locator("tbody tr td.rec-text").first.inner_text().lower()
    assert "child marriage" in first  # … so the phrase itself comes first

    # ticking a filter keeps the keyboard focus on that box (it is swapped by htmx)
    noted = page.locator('fieldset[data-facet="response"] input[value="noted"]')
    noted.focus()
    page.keyboard.press("Space")
    page.wait_for_url("**response=noted*")
    page.wait_for_function("() => !document.querySelector('.htmx-request')")
    assert page.evaluate("document.activeElement.value") == "noted"

    # from the search box, a few Tabs reach "Skip to the results", which passes the filters
    box.focus()
    tabs = 0
    while tabs < 6 and not page.evaluate("document.activeElement.classList.contains('skip')"):
        page.keyboard.press("Tab")
        tabs += 1
    assert page.evaluate("document.activeElement.textContent") == "Skip to the results"
    assert tabs <= 3  # the Search button, "How to search", then the link
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "results"
    page.keyboard.press("Tab")  # the next stop is in the results, not in the eleven filters
    assert page.evaluate("document.activeElement.closest('#results') !== null")

    # the language changes on the page in view, filters and search kept
    with page.expect_navigation():
        page.get_by_label("Language").select_option("fr")
    assert "q=" in page.url and "response=noted" in page.url
    assert page.locator("html").get_attribute("lang") == "fr"
    with page.expect_navigation():
        page.get_by_label("Langue").select_option("en")
