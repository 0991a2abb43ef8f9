"""Full-text search over recommendation texts: the one place where SQLite and PostgreSQL differ.

SQLite matches with FTS5 (external-content table ``corpus_recommendation_fts``, ranked by bm25);
PostgreSQL with the generated column ``search_vector`` (``to_tsvector('simple', …)``, ranked by
ts_rank). Both index the same words, so a query returns the same rows on both (see
``search_query``); only the order of equally relevant rows may differ. The query text reaching the
database is built from letters and digits only and always travels as a bound parameter.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from .search_query import Item, Query, fts5_any, fts5_match, tsquery_any, tsquery_match

_SQLITE_IDS = "SELECT rowid FROM corpus_recommendation_fts WHERE corpus_recommendation_fts MATCH %s"
_PG_IDS = "SELECT id FROM corpus_recommendation WHERE search_vector @@ to_tsquery('simple', %s)"


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _ids_matching(expression: str) -> RawSQL:
    # The expression is a bound parameter built from letters and digits only.
    return RawSQL(_PG_IDS if _postgres() else _SQLITE_IDS, [expression])  # noqa: S611


def _any(items: tuple[Item, ...] | list[Item]) -> str:
    return tsquery_any(items) if _postgres() else fts5_any(items)


def _all(query: Query) -> str:
    return tsquery_match(query) if _postgres() else fts5_match(query)


def text_filter(query: Query) -> Q | None:
    """A filter on Recommendation for the query, or None when the query asks for nothing."""
    if query.impossible:
        return Q(pk__in=[])
    condition = Q()
    if query.clauses:
        condition &= Q(pk__in=_ids_matching(_all(query)))
    if query.excluded:
        condition &= ~Q(pk__in=_ids_matching(_any(query.excluded)))
    return condition or None


def scored_matches(query: Query) -> tuple[list[int], list[float]]:
    """Ids matching the required clauses with a relevance score (higher is better).

    One pass over the matches: joining the FTS5 table to a filtered id list instead makes SQLite
    re-run the MATCH for every id (measured: a minute for a common word).
    """
    if not query.clauses:
        return [], []
    if _postgres():
        sql = (
            "SELECT id, ts_rank(search_vector, q) FROM corpus_recommendation,"
            " to_tsquery('simple', %s) AS q WHERE search_vector @@ q"
        )
    else:
        sql = (
            "SELECT rowid, -rank FROM corpus_recommendation_fts"
            " WHERE corpus_recommendation_fts MATCH %s"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [_all(query)])
        rows = cursor.fetchall()
    return [r[0] for r in rows], [float(r[1]) for r in rows]


def ids_matching_any(items: tuple[Item, ...] | list[Item]) -> list[int]:
    """Ids of the recommendations in which any of the items occurs (for exclusions)."""
    if not items:
        return []
    with connection.cursor() as cursor:
        cursor.execute(_PG_IDS if _postgres() else _SQLITE_IDS, [_any(items)])
        return [row[0] for row in cursor.fetchall()]


def occurring(words: list[str]) -> set[str]:
    """Which of the words occur in at least one text: one indexed look-up each (LIMIT 1)."""
    sql = (_PG_IDS if _postgres() else _SQLITE_IDS) + " LIMIT 1"
    found = set()
    with connection.cursor() as cursor:
        for word in words:
            cursor.execute(sql, [_any([Item((word,))])])
            if cursor.fetchone():
                found.add(word)
    return found


def bare_match_ids(query: Query) -> list[int]:
    """Every id matching the required clauses, nothing else: the floor the benchmark compares to."""
    if not query.clauses:
        return []
    with connection.cursor() as cursor:
        cursor.execute(_PG_IDS if _postgres() else _SQLITE_IDS, [_all(query)])
        return [row[0] for row in cursor.fetchall()]
