"""An in-memory column store of the facet fields, so every facet count takes a millisecond.

Counting eleven facets with GROUP BY queries took about half a second per search on SQLite with
the full corpus (measured; see docs/search.md), too slow for live counts. The facet fields of all
recommendations fit in a few hundred kilobytes of numpy arrays instead. The database keeps a
token in ``corpus_search_version`` that triggers change on every write to the tables involved;
each search reads it (one tiny query) and reloads the arrays when it changed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from django.db import connection

from .facets import ISSUES, NO_CATEGORY, RS
from .models import Recommendation, State

SINGLE = ("sur", "sur_group", "response", "action", "cycle", "session")
MULTI = ("rs", "rs_group", "sur_org", "rs_org", "issue")


@dataclass(frozen=True)
class Column:
    """A facet's values: ``rows[k]`` (a row position) has value ``vocab[codes[k]]``.

    For a single-valued facet ``rows`` is None and ``codes`` has one entry per row.
    """

    vocab: tuple[str, ...]
    codes: np.ndarray
    rows: np.ndarray | None = None

    def mask(self, values: Iterable[str], size: int) -> np.ndarray:
        index = {v: k for k, v in enumerate(self.vocab)}
        wanted = np.array([index[v] for v in values if v in index], dtype=np.int32)
        hit = np.isin(self.codes, wanted)
        if self.rows is None:
            return hit
        out = np.zeros(size, dtype=bool)
        out[self.rows[hit]] = True
        return out

    def counts(self, rows_mask: np.ndarray) -> dict[str, int]:
        chosen = self.codes[rows_mask] if self.rows is None else self.codes[rows_mask[self.rows]]
        tally = np.bincount(chosen, minlength=len(self.vocab))
        return {self.vocab[k]: int(n) for k, n in enumerate(tally) if n}


@dataclass(frozen=True)
class Snapshot:
    token: int
    ids: np.ndarray  # recommendation ids, ascending
    columns: Mapping[str, Column]
    session: np.ndarray
    sur_rank: np.ndarray  # position of the row's SuR in ISO3 order

    @property
    def size(self) -> int:
        return len(self.ids)

    def positions(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """Row positions of the given ids (ids unknown to the snapshot are dropped)."""
        ids = np.asarray(ids, dtype=np.int64)
        pos = np.searchsorted(self.ids, ids)
        pos = np.clip(pos, 0, max(self.size - 1, 0))
        return pos[self.ids[pos] == ids] if self.size else pos[:0]

    def order(self, positions: np.ndarray, *, newest: bool = False) -> np.ndarray:
        """Positions in corpus order: session (oldest or newest first), then SuR, then id."""
        session = self.session[positions]
        keys = (self.ids[positions], self.sur_rank[positions], -session if newest else session)
        return positions[np.lexsort(keys)]


def _encode(values: Sequence[str]) -> tuple[tuple[str, ...], np.ndarray]:
    vocab = tuple(sorted(set(values)))
    index = {v: k for k, v in enumerate(vocab)}
    return vocab, np.fromiter((index[v] for v in values), dtype=np.int32, count=len(values))


def _multi(pairs: list[tuple[int, str]]) -> Column:
    pairs = sorted(set(pairs))
    vocab, codes = _encode([v for _, v in pairs])
    rows = np.fromiter((r for r, _ in pairs), dtype=np.int64, count=len(pairs))
    return Column(vocab, codes, rows)


def _token() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM corpus_search_version WHERE id = 1")
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def build(token: int) -> Snapshot:
    rows = list(
        Recommendation.objects.order_by("id").values_list(
            "id", "sur_id", "session_id", "cycle", "response", "action_category"
        )
    )
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    position = {r[0]: k for k, r in enumerate(rows)}
    groups: dict[str, str] = {}
    orgs: dict[str, list[str]] = {}
    for iso3, group in State.objects.values_list("iso3", "regional_group"):
        groups[iso3] = group or ""
        orgs.setdefault(iso3, [])
    for iso3, org in State.organisations.through.objects.values_list("state_id", "organisation_id"):
        orgs.setdefault(iso3, []).append(org)
    rs_pairs = [
        (position[rec], iso3)
        for rec, iso3 in RS.objects.values_list("recommendation_id", "state_id")
        if rec in position
    ]
    single = {
        "sur": [r[1] for r in rows],
        "sur_group": [groups.get(r[1], "") for r in rows],
        "response": [r[4] for r in rows],
        "action": [str(r[5]) if r[5] is not None else NO_CATEGORY for r in rows],
        "cycle": [str(r[3]) for r in rows],
        "session": [str(r[2]) for r in rows],
    }
    columns = {key: Column(*_encode(values)) for key, values in single.items()}
    columns["rs"] = _multi(rs_pairs)
    columns["rs_group"] = _multi([(p, groups.get(s, "")) for p, s in rs_pairs])
    columns["rs_org"] = _multi([(p, o) for p, s in rs_pairs for o in orgs.get(s, ())])
    columns["sur_org"] = _multi([(k, o) for k, r in enumerate(rows) for o in orgs.get(r[1], ())])
    columns["issue"] = _multi(
        [
            (position[rec], str(issue))
            for rec, issue in ISSUES.objects.values_list("recommendation_id", "issue_id")
            if rec in position
        ]
    )
    sur_vocab = columns["sur"].vocab  # sorted ISO3 codes, so codes rank States like sur_id
    assert list(sur_vocab) == sorted(sur_vocab)
    return Snapshot(
        token=token,
        ids=ids,
        columns=columns,
        session=np.fromiter((r[2] for r in rows), dtype=np.int64, count=len(rows)),
        sur_rank=columns["sur"].codes.astype(np.int64),
    )


_lock = threading.Lock()
_cache: dict[str, Snapshot] = {}


def current() -> Snapshot:
    """The snapshot for the database's current contents (reloaded after any write)."""
    token = _token()
    key = f"{connection.alias}:{connection.settings_dict.get('NAME')}"
    snapshot = _cache.get(key)
    if snapshot is None or snapshot.token != token:
        with _lock:
            snapshot = _cache.get(key)
            if snapshot is None or snapshot.token != token:
                snapshot = build(token)
                _cache[key] = snapshot
    return snapshot
