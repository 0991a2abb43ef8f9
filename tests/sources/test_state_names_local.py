"""French and Spanish State names: one per State, and UNTERM's short names where not shortened."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from upr.sources.state_names_local import LOCAL_NAMES, SHORTENED, local_name
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
