"""One corpus search: text query + facet filters → counts, facets and a page of results.

The web page, the JSON API, the exports and the ``upr search`` command all call ``matching`` or
``run``, so they return the same rows for the same parameters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.db.models import QuerySet

from . import facet_index
from . import facets as facet_defs
from .facet_index import Snapshot
from .models import Issue, Origin, Recommendation, Response, State
from .search import bare_match_ids, ids_matching_any, occurring, scored_matches, text_filter
from .search_query import Query, parse

PER_PAGE = 50
SORTS = ("relevance", "oldest", "newest")


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    key: str
    label: str
    values: list[FacetValue]
    many_values: bool

    @property
    def selected(self) -> list[FacetValue]:
        return [v for v in self.values if v.selected]


@dataclass
class Hit:
    """One result row, read with three small queries instead of model instances and prefetches
    (measured: 50 model instances with two prefetches took most of a search's time)."""

    pk: int
    text: str
    sur_id: str
    sur_name: str
    session_id: int
    cycle: int
    response: str
    response_label: str
    action_category: int | None
    recommending_unknown: bool
    states: list[tuple[str, str]]  # (ISO3, name) of the recommending States
    issues: list[str]
    from_un_document: bool = False  # not yet in UPR Info's database: the list says so


@dataclass
class Outcome:
    query: Query
    total: int
    results: list[Hit]
    page: int
    per_page: int
    sort: str
    facets: list[Facet] = field(default_factory=list)
    # The singular or plural forms searched besides the words typed, those the corpus holds, so
    # the page can say "also searched: journalists" (a form that is no word, "taxe", is left out).
    added_forms: list[str] = field(default_factory=list)

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _base(query: Query) -> QuerySet:
    condition = text_filter(query)
    qs = Recommendation.objects.all()
    return qs.filter(condition) if condition is not None else qs


def matching(text: str, selection: Mapping[str, Sequence[str]]) -> QuerySet:
    """Every recommendation matching the query and the facet filters, in corpus order."""
    conditions = facet_defs.filter_conditions(selection)
    return facet_defs.apply(_base(parse(text)), conditions).order_by("session_id", "sur_id", "id")


def _text_mask(
    query: Query, snap: Snapshot, *, ranked: bool
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Rows the text query allows (None: all) and their relevance scores (None: no ranking)."""
    if query.impossible:
        return np.zeros(snap.size, dtype=bool), None
    mask = scores = None
    if query.clauses:
        if ranked:
            ids, values = scored_matches(query)
        else:
            ids = bare_match_ids(query)
            values = [0.0] * len(ids)
        mask = np.zeros(snap.size, dtype=bool)
        scores = np.zeros(snap.size, dtype=np.float64)
        ids_array = np.asarray(ids, dtype=np.int64)
        pos = np.searchsorted(snap.ids, ids_array)
        known = pos < snap.size
        known[known] = snap.ids[pos[known]] == ids_array[known]
        mask[pos[known]] = True
        scores[pos[known]] = np.asarray(values, dtype=np.float64)[known]
    if query.excluded:
        excluded = snap.positions(ids_matching_any(query.excluded))
        if mask is None:
            mask = np.ones(snap.size, dtype=bool)
        mask[excluded] = False
    return mask, scores


def _combine(size: int, masks: Sequence[np.ndarray | None]) -> np.ndarray:
    out = np.ones(size, dtype=bool)
    for mask in masks:
        if mask is not None:
            out &= mask
    return out


def _added_forms(query: Query) -> list[str]:
    forms = list(dict.fromkeys(f for item in query.positive_items for f in item.forms))[:16]
    found = occurring(forms) if forms else set()
    return [f for f in forms if f in found]


def run(
    text: str,
    selection: Mapping[str, Sequence[str]],
    *,
    choices: Mapping[str, list[tuple[str, str]]] | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
    sort: str = "",
    with_facets: bool = True,
    with_results: bool = True,
) -> Outcome:
    """Count, rank and page the matches, and count every facet value under the other filters."""
    query = parse(text)
    snap = facet_index.current()
    sort = sort if sort in SORTS else ""
    ranked = with_results and sort in ("", "relevance")
    text_mask, scores = _text_mask(query, snap, ranked=ranked)
    facet_masks = {
        key: snap.columns[key].mask(values, snap.size)
        for key, values in selection.items()
        if values and key in snap.columns
    }
    matched = _combine(snap.size, [text_mask, *facet_masks.values()])
    positions = np.flatnonzero(matched)
    total = len(positions)
    if not sort or (sort == "relevance" and scores is None):
        sort = "relevance" if scores is not None else "oldest"
    page = max(1, min(page, max(1, -(-total // per_page))))
    outcome = Outcome(query, total, [], page, per_page, sort)
    if with_results and total:
        if sort == "relevance":
            ordered = positions[np.lexsort((snap.ids[positions], -scores[positions]))]
        else:
            ordered = snap.order(positions, newest=sort == "newest")
        offset = (page - 1) * per_page
        ids = [int(i) for i in snap.ids[ordered[offset : offset + per_page]]]
        outcome.results = hits(ids)
    if with_results:
        outcome.added_forms = _added_forms(query)
    if with_facets:
        counts = {}
        for key in facet_defs.BY_KEY:
            others = [m for k, m in facet_masks.items() if k != key]
            counts[key] = snap.columns[key].counts(_combine(snap.size, [text_mask, *others]))
        outcome.facets = _facets(counts, selection, choices or {})
    return outcome


def hits(ids: list[int]) -> list[Hit]:
    """The result rows for these ids, in this order."""
    names = dict(State.objects.values_list("iso3", "name"))
    issue_names = dict(Issue.objects.values_list("pk", "name"))
    states: dict[int, list[tuple[str, str]]] = {}
    for rec, iso3 in facet_defs.RS.objects.filter(recommendation_id__in=ids).values_list(
        "recommendation_id", "state_id"
    ):
        states.setdefault(rec, []).append((iso3, names.get(iso3, iso3)))
    issues: dict[int, list[str]] = {}
    for rec, issue in facet_defs.ISSUES.objects.filter(recommendation_id__in=ids).values_list(
        "recommendation_id", "issue_id"
    ):
        issues.setdefault(rec, []).append(issue_names[issue])
    labels = dict(Response.choices)
    fields = (
        "pk", "text", "sur_id", "session_id", "cycle", "response", "action_category",
        "recommending_unknown", "origin",
    )  # fmt: skip
    rows = {r[0]: r for r in Recommendation.objects.filter(pk__in=ids).values_list(*fields)}
    out = []
    for pk in ids:
        if pk not in rows:
            continue
        _, text, sur, session, cycle, response, action, unknown, origin = rows[pk]
        out.append(
            Hit(
                pk,
                text,
                sur,
                names.get(sur, sur),
                session,
                cycle,
                response,
                str(labels.get(response, response)),
                action,
                unknown,
                sorted(states.get(pk, []), key=lambda s: s[1]),
                sorted(issues.get(pk, [])),
                origin == Origin.UN_DOCUMENT,
            )
        )
    return out


def _facets(
    counts: Mapping[str, Mapping[str, int]],
    selection: Mapping[str, Sequence[str]],
    choices: Mapping[str, list[tuple[str, str]]],
) -> list[Facet]:
    out = []
    for dimension in facet_defs.DIMENSIONS:
        chosen = set(selection.get(dimension.key) or ())
        found = counts[dimension.key]
        labels = dict(choices.get(dimension.key) or ())
        order = list(labels) or sorted(found)
        values = [
            FacetValue(v, labels.get(v, v), found.get(v, 0), v in chosen)
            for v in order
            if found.get(v) or v in chosen
        ]
        if dimension.many_values:
            values.sort(key=lambda fv: (not fv.selected, -fv.count, fv.label))
        out.append(Facet(dimension.key, str(dimension.label), values, dimension.many_values))
    return out
