"""The search page's wording around the results: sort choice, downloads, non-English queries."""

from __future__ import annotations

import re

from django.test import Client


def _selected_sort(html: str) -> str:
    select = re.search(r'<select name="sort">(.*?)</select>', html, re.S).group(1)
    return re.search(r'<option value="([^"]*)" selected>', select).group(1)


def test_a_new_search_is_not_pinned_to_the_previous_order(corpus, client):
    html = client.get("/recommendations/", {"q": "torture"}).content.decode()
    # nothing chosen: the automatic option (relevance when searching) is not shown as "oldest"
    assert '<option value="">' in html and 'value="oldest" selected' not in html
    chosen = client.get("/recommendations/", {"q": "torture", "sort": "newest"}).content.decode()
    assert _selected_sort(chosen) == "newest"


def test_downloads_say_whether_they_hold_everything(corpus, client):
    assert "Download all:" in client.get("/recommendations/").content.decode()
    filtered = client.get("/recommendations/", {"response": "noted"}).content.decode()
    assert "Download these results:" in filtered and "Download all:" not in filtered


def test_a_search_in_french_with_no_result_says_the_texts_are_english(corpus):
    french = Client(headers={"accept-language": "fr"})
    html = french.get("/recommendations/", {"q": "mariage précoce"}).content.decode()
    assert "recherchez avec des mots anglais" in html
    english = Client().get("/recommendations/", {"q": "mariage précoce"}).content.decode()
    assert "search with English words" not in english  # the English page needs no such hint


def test_pagination_says_next_page_not_upcoming(corpus, client):
    client.cookies["upr_language"] = "fr"
    html = client.get("/recommendations/", {"q": "marriage"}).content.decode()
    assert 'rel="next">Suivante →' in html and "À venir →" not in html


def test_the_page_says_which_other_forms_it_searched(corpus, client):
    """Singular and plural are searched too, and the page names the forms the corpus holds."""
    html = client.get("/recommendations/", {"q": "journalist"}).content.decode()
    assert "Also searched: journalists." in html
    exact = client.get("/recommendations/", {"q": '"journalist"'}).content.decode()
    assert "Also searched" not in exact
    taxes = client.get("/recommendations/", {"q": "taxes"}).content.decode()
    assert "Also searched: tax." in taxes  # "taxe", no English word, occurs in no text
