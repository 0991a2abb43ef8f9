"""The full-text index and the facet-index token stay in sync with the corpus tables."""

from __future__ import annotations

from django.db import connection

from upr.corpus.search import bare_match_ids
from upr.corpus.search_query import parse

WATCHED = (
    "corpus_recommendation",
    "corpus_recommendation_recommending_states",
    "corpus_recommendation_issues",
    "corpus_state",
    "corpus_state_organisations",
)


def _token() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM corpus_search_version WHERE id = 1")
        return cursor.fetchone()[0]


def test_triggers_exist(corpus):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            names = {row[0] for row in cursor.fetchall()}
            assert {f"corpus_recommendation_fts_{k}" for k in ("ai", "ad", "au")} <= names
            for table in WATCHED:
                assert f"corpus_search_bump_{table}_insert" in names, table
            cursor.execute("SELECT count(*) FROM corpus_recommendation_fts")
            assert cursor.fetchone()[0] == corpus.count()
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
            names = {row[0] for row in cursor.fetchall()}
            assert {f"corpus_search_bump_{t}" for t in WATCHED} <= names


def test_new_and_deleted_rows_are_searchable_at_once(corpus):
    rec = corpus.first()
    before = _token()
    rec.pk = None
    rec.key = "test-copy"
    rec.text = "Qwertyuiop zxcvbnm recommendation"
    rec.save()
    assert _token() != before
    assert bare_match_ids(parse("qwertyuiop")) == [rec.pk]
    rec.delete()
    assert bare_match_ids(parse("qwertyuiop")) == []
