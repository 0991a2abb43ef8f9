"""The import of the real UPR Info export reaches the README's figures exactly."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count

from upr.corpus.models import Pledge, State

PER_SESSION = {
    1: 430, 2: 855, 3: 1335, 4: 1804, 5: 1670, 6: 2038, 7: 2147, 8: 2107, 9: 2051, 10: 2306,
    11: 2179, 12: 2434, 13: 2128, 14: 2179, 15: 1847, 16: 2751, 17: 2821, 18: 2387, 19: 2829,
}  # fmt: skip
PER_ACTION = {1: 597, 2: 6501, 3: 3298, 4: 15134, 5: 12768}
ISSUES_PER_REC = {1: 18792, 2: 12222, 3: 5211, 4: 1391, 5: 484, 6: 198}


def test_totals(corpus):
    assert corpus.count() == 38_298
    assert Pledge.objects.count() == 947


def test_per_session(corpus):
    counts = dict(corpus.values_list("session_id").annotate(n=Count("id")))
    assert counts == PER_SESSION


def test_responses_mapped_and_original_kept(corpus):
    assert dict(corpus.values_list("response").annotate(n=Count("id"))) == {
        "supported": 28_391,
        "noted": 9_907,
    }
    originals = dict(corpus.values_list("response", "response_original").distinct())
    assert originals == {"supported": "Accepted", "noted": "Noted"}


def test_action_categories(corpus):
    assert dict(corpus.values_list("action_category").annotate(n=Count("id"))) == PER_ACTION


def test_issues_per_recommendation(corpus):
    per_rec = Counter(corpus.annotate(n=Count("issues")).values_list("n", flat=True))
    assert dict(per_rec) == ISSUES_PER_REC


def test_issue_counts_match_readme(corpus):
    counts = dict(corpus.values_list("issues__name").annotate(n=Count("id")))
    assert len(counts) == 54
    assert counts["Women's rights"] == 6952
    assert counts["Rights of the Child"] == 6562
    assert counts["Right to water"] == 153
    assert counts["NHRI"] == 1373


def test_cycles(corpus):
    assert dict(corpus.values_list("cycle").annotate(n=Count("id"))) == {1: 21_356, 2: 16_942}
    assert corpus.filter(cycle=1).values("sur").distinct().count() == 193
    assert corpus.filter(cycle=2).values("sur").distinct().count() == 98


def test_every_state_resolved_except_unknown_marker(corpus):
    unknown = corpus.filter(recommending_unknown=True)
    assert unknown.count() == 9
    assert not unknown.filter(recommending_states__isnull=False).exists()
    without_state = corpus.filter(recommending_states__isnull=True, recommending_unknown=False)
    assert without_state.count() == 0
    # 168 distinct values in the export, one of which is the unknown marker.
    used = State.objects.filter(recommendations_made__isnull=False).distinct().count()
    assert used == 167


def test_provenance_points_at_the_source_row(corpus, terman_dir):
    from upr.sources.upr_info import read_export

    rows = {row.line: row for row in read_export(terman_dir / "6-9.csv")}
    for rec in corpus.filter(source_file="6-9.csv").order_by("?")[:25]:
        row = rows[rec.source_line]
        assert row.text == rec.text
        assert row.session == rec.session_id
