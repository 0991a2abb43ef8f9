"""Alphabetical order that ignores accents and case, and its use on the States page."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from upr.text.normalise import sort_key


def test_accents_and_case_do_not_count() -> None:
    names = ["Czechia", "Türkiye", "Côte d'Ivoire", "Tuvalu", "cuba", "Colombia"]
    assert sorted(names, key=sort_key) == [
        "Colombia", "Côte d'Ivoire", "cuba", "Czechia", "Türkiye", "Tuvalu",
    ]  # fmt: skip


@given(st.text(max_size=60))
def test_sort_key_never_raises_and_is_idempotent(text: str) -> None:
    assert sort_key(sort_key(text)) == sort_key(text)


def test_states_page_lists_cote_divoire_before_czechia(client, corpus) -> None:
    html = client.get("/states/").content.decode()
    names = re.findall(r'<a href="/states/([A-Z]{3})/"', html)
    assert names.index("CIV") < names.index("CZE") and names.index("TUR") < names.index("TUV")
