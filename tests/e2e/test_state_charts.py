"""State pages' charts in a real browser: no label runs past the chart's edge, in any language."""

from __future__ import annotations

import pytest

# Each label is right-aligned against the bars; its box in the SVG's own units must start at 0
# or after (French issue names once lost their first letters: "roits économiques, …").
LEFTMOST_LABEL = """() => Math.min(...[...document.querySelectorAll('svg.chart text')]
    .map(t => t.getBBox().x))"""


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_chart_labels_stay_inside_the_chart(page, app, lang):
    page.context.add_cookies([{"name": "upr_language", "value": lang, "url": app.url}])
    for iso3 in ("DEU", "KEN", "BRA"):
        page.goto(f"/states/{iso3}/")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("svg.chart text").count() > 20
        assert page.evaluate(LEFTMOST_LABEL) >= 0, (lang, iso3)
