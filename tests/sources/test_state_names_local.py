"""French and Spanish State names: one per State, and UNTERM's short names where not shortened."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from upr.sources.state_names_local import ARTICLES, LOCAL_NAMES, SHORTENED, local_name, with_article
from upr.sources.states import all_states

_ARTICLE = re.compile(r"\s*\((?:le|la|l'|les|el|los|las)\)\s*\*?$|\s*\*$")


def test_every_state_has_a_french_and_a_spanish_name() -> None:
    assert set(LOCAL_NAMES) == {s.iso3 for s in all_states()}
    assert all(fr and es for fr, es in LOCAL_NAMES.values())
    assert local_name("NGA", "fr") == "Nigéria" and local_name("DEU", "es") == "Alemania"
    assert local_name("NGA", "en") is None and local_name("XXX", "fr") is None


def test_names_are_unterm_short_names(data_dir: Path) -> None:
    with (data_dir / "country-codes/country-codes.csv").open(encoding="utf-8") as f:
        rows = {r["ISO3166-1-Alpha-3"]: r for r in csv.DictReader(f)}
    checked = 0
    for iso3, (fr, es) in LOCAL_NAMES.items():
        row = rows[iso3]
        if iso3 in SHORTENED or not row["UNTERM French Short"]:  # CIV, TUR: none in the file
            continue
        expected_fr = _ARTICLE.sub("", row["UNTERM French Short"]).replace("’", "'")
        expected_es = _ARTICLE.sub("", row["UNTERM Spanish Short"]).replace("’", "'")
        assert (fr, es) == (expected_fr, expected_es), iso3
        checked += 1
    assert checked == len(LOCAL_NAMES) - len(SHORTENED) - 2


def test_articles_are_unterms(data_dir: Path) -> None:
    with (data_dir / "country-codes/country-codes.csv").open(encoding="utf-8") as f:
        rows = {r["ISO3166-1-Alpha-3"]: r for r in csv.DictReader(f)}
    column = {
        "en": "UNTERM English Short",
        "fr": "UNTERM French Short",
        "es": "UNTERM Spanish Short",
    }
    checked = 0
    for state in all_states():
        if state.iso3 in SHORTENED or not rows[state.iso3]["UNTERM French Short"]:
            continue
        for i, language in enumerate(("en", "fr", "es")):
            found = re.search(r"\((the|le|la|l'|les|el|los|las)\)\s*\*?$",
                              rows[state.iso3][column[language]].replace("’", "'"))  # fmt: skip
            expected = found.group(1) if found else ""
            assert ARTICLES.get(state.iso3, ("", "", ""))[i] == expected, (state.iso3, language)
            checked += 1
    assert checked > 3 * 170
    assert with_article("NGA", "fr", "Nigéria") == "le Nigéria"
    assert with_article("ALB", "fr", "Albanie") == "l’Albanie"
    assert with_article("NGA", "de", "Nigeria") == "Nigeria"
