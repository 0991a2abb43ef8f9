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
