"""Merge recommendations read from UN documents with UPR Info's rows for the same review.

A new review's recommendations enter the corpus from the WG report (origin ``un-document``)
months before UPR Info publishes them. When an export holding that review is imported later,
each export row that is the same recommendation (same recommending State, text equal after
normalisation or similar ≥ 0.9, as the parser evaluation matches) *upgrades* the document's
row in place rather than adding a twin: the row keeps its id (anything pointing at it stays
valid), its paragraph and document symbol, and takes UPR Info's key, text, response, action
category and issues. A document row naming several States is upgraded by its first State's
export row; the other States' export rows are inserted as usual and get the paragraph and
symbol. Document rows no export row matches stay ``un-document`` and are reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from upr.sources.parser_evaluation import FUZZY_THRESHOLD, normalise_text, similar

from .models import Origin, Recommendation

if TYPE_CHECKING:
    from .importer import ImportSummary, _Prepared

# (identifier, normalised text, recommending State ISO3 or None)
Entry = tuple[object, str, str | None]


def pair_up(items: Sequence[Entry], slots: Sequence[Entry]) -> dict[int, int]:
    """Match ``items`` to ``slots`` one-to-one (indexes), same State required: exact text
    first, then the most similar text ≥ FUZZY_THRESHOLD."""
    free: dict[str | None, list[int]] = defaultdict(list)
    exact: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for j, (_, text, state) in enumerate(slots):
        free[state].append(j)
        exact[(text, state)].append(j)
    used: set[int] = set()
    out: dict[int, int] = {}
    rest: list[int] = []
    for i, (_, text, state) in enumerate(items):
        js = [j for j in exact.get((text, state), []) if j not in used]
        if js:
            out[i] = js[0]
            used.add(js[0])
        else:
            rest.append(i)
    for i in rest:
        _, text, state = items[i]
        best, best_j = 0.0, -1
        for j in free.get(state, []):
            if j not in used and (score := similar(text, slots[j][1])) > best:
                best, best_j = score, j
        if best >= FUZZY_THRESHOLD:
            out[i] = best_j
            used.add(best_j)
    return out


def state_entries(recs: Sequence[Recommendation]) -> list[Entry]:
    """One entry per recommending State of each row (rows without a State give one entry)."""
    entries: list[Entry] = []
    for rec in recs:
        text = normalise_text(rec.text)
        states = [s.pk for s in rec.recommending_states.all()] or [None]
        entries.extend((rec.pk, text, s) for s in states)
    return entries


@dataclass
class MergeResult:
    upgraded: set[str] = field(default_factory=set)  # export keys now held by upgraded rows
    annotate: dict[str, tuple[str, str]] = field(default_factory=dict)  # key → (para, symbol)
    unmatched: list[str] = field(default_factory=list)  # document rows left as they were

    def annotate_inserted(self) -> None:
        """Give the export rows inserted for a document row's other States its paragraph."""
        grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
        for key, where in self.annotate.items():
            grouped[where].append(key)
        for (paragraph, symbol), keys in grouped.items():
            Recommendation.objects.filter(key__in=keys).update(
                paragraph=paragraph, document_symbol=symbol
            )


def merge_un_documents(prepared: list[_Prepared], summary: ImportSummary) -> MergeResult:
    """Upgrade document rows that export rows (about to be stored) duplicate; cheap when the
    corpus holds no document rows for the export's reviews (one query)."""
    result = MergeResult()
    pending = set(
        Recommendation.objects.filter(origin=Origin.UN_DOCUMENT)
        .values_list("sur_id", "session_id")
        .distinct()
    )
    by_review: dict[tuple[str, int], list[_Prepared]] = defaultdict(list)
    for p in prepared:
        if (p.sur, p.row.session) in pending:
            by_review[(p.sur, p.row.session)].append(p)
    for (sur, session), rows in by_review.items():
        present = set(
            Recommendation.objects.filter(key__in=[p.key for p in rows]).values_list(
                "key", flat=True
            )
        )
        rows = [p for p in rows if p.key not in present]
        docs = list(
            Recommendation.objects.filter(
                origin=Origin.UN_DOCUMENT, sur_id=sur, session_id=session
            ).prefetch_related("recommending_states")
        )
        items = [(i, normalise_text(p.row.text), p.states[0] if p.states else None)
                 for i, p in enumerate(rows)]  # fmt: skip
        slots = state_entries(docs)
        by_pk = {d.pk: d for d in docs}
        matched_docs: set[int] = set()
        for i, j in sorted(pair_up(items, slots).items()):
            doc = by_pk[slots[j][0]]
            p = rows[i]
            if doc.pk in matched_docs:
                result.annotate[p.key] = (doc.paragraph, doc.document_symbol)
                continue
            matched_docs.add(doc.pk)
            _upgrade(doc, p)
            result.upgraded.add(p.key)
            summary.imported += 1
            summary.per_session[p.row.session] += 1
            summary.per_response[p.response] += 1
        result.unmatched += [f"{d.sur_id} {d.session_id} {d.paragraph}: {d.text[:80]}"
                             for d in docs if d.pk not in matched_docs]  # fmt: skip
    summary.merged = len(result.upgraded)
    return result


def _upgrade(doc: Recommendation, p: _Prepared) -> None:
    from .models import Issue

    doc.key = p.key
    doc.origin = Origin.UPR_INFO
    doc.text = p.row.text
    doc.response = p.response
    doc.response_original = p.row.response
    doc.action_category = p.row.action
    doc.recommending_unknown = p.unknown
    doc.source_file = p.row.file
    doc.source_line = p.row.line
    doc.save()
    doc.recommending_states.set(p.states)
    doc.issues.set(Issue.objects.filter(name__in=p.issues))
