"""Facet counts: each count is the number of rows the list shows when that value is applied."""

from __future__ import annotations

import pytest

from upr.corpus import explore
from upr.corpus.facets import DIMENSIONS
from upr.corpus.models import Recommendation

SELECTIONS = [
    ("", {}),
    ("torture", {"response": ["supported"]}),
    ('"death penalty"', {"sur_group": ["African", "WEOG"], "cycle": ["2"]}),
    ("", {"rs": ["NOR"], "issue": []}),
    ("women -violence", {"rs_org": ["EU"], "action": ["5", "none"]}),
]


@pytest.mark.parametrize(("text", "selection"), SELECTIONS)
def test_each_facet_count_equals_the_rows_of_that_filter(corpus, text, selection):
    outcome = explore.run(text, selection, per_page=1)
    assert outcome.total == explore.matching(text, selection).count()
    for facet in outcome.facets:
        values = sorted(facet.values, key=lambda v: -v.count)[:4] + facet.values[-2:]
        for value in values:
            applied = {**selection, facet.key: [value.value]}
            rows = explore.matching(text, applied).count()
            assert value.count == rows, (facet.key, value.value)


def test_every_facet_has_values_over_the_whole_corpus(corpus):
    outcome = explore.run("", {}, per_page=1)
    assert {f.key for f in outcome.facets} == {d.key for d in DIMENSIONS}
    for facet in outcome.facets:
        assert facet.values, facet.key
    cycles = {
        v.value: v.count
        for v in outcome.facets[[f.key for f in outcome.facets].index("cycle")].values
    }
    assert sum(cycles.values()) == outcome.total == Recommendation.objects.count()


def test_the_facet_index_follows_writes(corpus):
    before = explore.run("", {"sur": ["FRA"]}, with_results=False, with_facets=False).total
    rec = Recommendation.objects.filter(sur_id="FRA").first()
    Recommendation.objects.filter(pk=rec.pk).update(sur_id="DEU")
    after = explore.run("", {"sur": ["FRA"]}, with_results=False, with_facets=False).total
    assert after == before - 1
    Recommendation.objects.filter(pk=rec.pk).update(text="zzyzx unique words")
    assert explore.run("zzyzx", {}, with_facets=False).total == 1
