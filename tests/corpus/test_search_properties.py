"""No input can break a search: generated queries never raise, and the page never fails."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from upr.corpus import explore

NASTY = st.one_of(
    st.text(max_size=200),
    st.text(alphabet="\"*-() ORANDNOT:^'\\;%_", max_size=60),
    st.sampled_from(
        [
            '"',
            '"""',
            "OR",
            "- * OR AND NOT",
            "'; DROP TABLE corpus_recommendation; --",
            "text MATCH 'x' OR 1=1",
            'NEAR("a" "b", 2)',
            "a:* & !b | (c <-> d)",
            "\x00\x01",
            "ﬁ ß İstanbul 中文 🙂 ‮",
            "x" * 10_000,
            "word " * 2_000,
            "a" * 300 + " torture",
        ]
    ),
)
SLOW = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SLOW
@given(text=NASTY)
def test_search_module_never_raises(corpus, text):
    outcome = explore.run(text, {}, per_page=5)
    assert 0 <= outcome.total <= 38_298 + 10_000


@SLOW
@given(text=NASTY, sur=st.lists(st.text(max_size=5), max_size=2))
def test_search_page_never_fails(corpus, client, text, sur):
    response = client.get("/recommendations/", {"q": text, "sur": sur, "page": "x"})
    assert response.status_code == 200
    api = client.get("/api/search", {"q": text, "sur": sur})
    assert api.status_code in (200, 400)


@pytest.mark.parametrize("text", ['"unbalanced', "-", "x" * 10_000])
def test_htmx_partial(corpus, client, text):
    response = client.get("/recommendations/", {"q": text}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<div id="search"')
