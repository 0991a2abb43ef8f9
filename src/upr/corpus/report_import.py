"""Store a review's recommendations read from its UN documents (WG report, addendum, list).

Why: UPR Info publishes a review's recommendations months after the WG report, and NGOs need
them the day the report appears. Rows are stored with origin ``un-document`` and merged into
UPR Info's rows when an export holding the review is imported (:mod:`upr.corpus.merge`).

Rules, each so that an import can be repeated or undone by nothing at all:
- atomic: documents are parsed before the transaction; a broken file raises DocumentError and
  the database is unchanged;
- idempotent: a row's key is ``un-document`` + review + paragraph + normalised text (+ its
  occurrence), so re-importing adds nothing; giving the addendum later updates responses;
- a review UPR Info already covers receives no new rows: its rows only gain the paragraph
  numbers and document symbol of the report, and the report's rows without a counterpart are
  listed (the curated export is the reference; a parser slip must not become a twin);
- names in a State position that match no State are reported with their paragraph; a row
  without any State is not stored, and is reported.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from upr.cycle.cycles import cycle_of_session
from upr.sources.parser_evaluation import normalise_text
from upr.sources.report_bundle import BundleRecommendation, read_bundle
from upr.sources.un_text import DocumentError
from upr.sources.wg_report import ParsedDocument
from upr.text.normalise import match_form, natural_key

from .merge import pair_up, state_entries
from .models import ImportRun, Origin, Recommendation, Review, State
from .reference import ensure_session
from .responses import map_response

MAX_SESSION = 99


@dataclass
class ReportImportSummary:
    files: list[str]
    sur: str = ""
    session: int = 0
    document_symbol: str = ""
    parsed: int = 0
    imported: int = 0
    updated: int = 0  # existing document rows whose response changed
    already_present: int = 0
    enriched: int = 0  # UPR Info rows given paragraph and symbol
    matched: int = 0  # recommendations read that UPR Info's rows of the review hold
    not_stored: list[str] = field(default_factory=list)
    unknown_states: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    per_response: Counter[str] = field(default_factory=Counter)


@dataclass
class _Row:
    rec: BundleRecommendation
    key: str
    response: str
    wording: str


def import_report(
    files: list[tuple[str, bytes]],
    *,
    sur: str | None = None,
    session: int | None = None,
    symbol: str | None = None,
) -> ReportImportSummary:
    """Parse ``files`` (name, bytes) and store the review's recommendations in one transaction."""
    bundle = read_bundle(files)
    report = bundle.report
    summary = ReportImportSummary(files=bundle.names, warnings=list(bundle.warnings))
    _agrees_with_the_document(report, sur, session)
    summary.sur = _state(sur or report.sur, report.name, report.sur_name)
    summary.session = session or report.session or 0
    if not 1 <= summary.session <= MAX_SESSION:
        raise DocumentError(report.name, "the report does not name its WG session; give it")
    summary.document_symbol = (symbol or report.document_symbol or "").strip()
    _not_filed_elsewhere(report.name, summary)
    summary.parsed = len(bundle.recommendations)
    rows = _prepare(bundle.recommendations, summary)
    with transaction.atomic():
        ensure_session(summary.session)
        review, _ = Review.objects.get_or_create(sur_id=summary.sur, session_id=summary.session)
        if review.recommendations.filter(origin=Origin.UPR_INFO).exists():
            _enrich(review, rows, summary)
        else:
            _store(review, rows, summary)
        if summary.document_symbol and summary.document_symbol not in review.document_symbols:
            review.document_symbols = " ".join(
                filter(None, [review.document_symbols, summary.document_symbol])
            )[:300]
            review.save(update_fields=["document_symbols"])
        _record(files, summary)
    return summary


def _agrees_with_the_document(report: ParsedDocument, sur: str | None, session: int | None) -> None:
    """A State or session typed by hand must not contradict what the report itself prints:
    a slip of the select would file a whole review under another State, for everyone."""
    if sur and report.sur and sur.upper() != report.sur:
        printed = report.sur_name or report.sur
        raise DocumentError(
            report.name,
            f"the report is about {printed}, not {sur.upper()}: leave the State empty to use the"
            " report's, or upload that State's report",
        )
    if session and report.session and session != report.session:
        raise DocumentError(
            report.name,
            f"the report is of session {report.session}, not {session}: leave the session empty"
            " to use the report's",
        )


def _not_filed_elsewhere(name: str, summary: ReportImportSummary) -> None:
    """The same UN document symbol belongs to one review: importing it under another session
    (a typo) would store every recommendation twice."""
    symbol = summary.document_symbol
    if not symbol:
        return
    for review in Review.objects.filter(document_symbols__contains=symbol).exclude(
        sur_id=summary.sur, session_id=summary.session
    ):
        if symbol in review.document_symbols.split():
            raise DocumentError(
                name,
                f"{symbol} is already imported for the review of {review.sur_id} at session"
                f" {review.session_id}: import it there, or check the session you gave",
            )


def _state(iso3: str | None, name: str, printed: str | None) -> str:
    if not iso3:
        raise DocumentError(name, f"the State under Review {printed!r} is not known; give it")
    if not State.objects.filter(pk=iso3.upper()).exists():
        raise DocumentError(name, f"no State with the code {iso3!r}")
    return iso3.upper()


def _prepare(recs: list[BundleRecommendation], summary: ReportImportSummary) -> list[_Row]:
    occurrences: Counter[tuple] = Counter()
    rows: list[_Row] = []
    for rec in recs:
        summary.unknown_states += [f"{rec.paragraph}: {n}" for n in rec.unknown_states]
        if not rec.recommending_states and not rec.unknown_states:
            summary.not_stored.append(f"{rec.paragraph}: no recommending State: {_clip(rec.text)}")
            continue
        wording = rec.response or "pending"
        response = map_response(wording) or "pending"
        identity = ("un-document", summary.sur, summary.session, rec.paragraph,
                    match_form(rec.text))  # fmt: skip
        occurrences[identity] += 1
        rows.append(_Row(rec, natural_key(*identity, occurrences[identity]), response, wording))
    return rows


def _store(review: Review, rows: list[_Row], summary: ReportImportSummary) -> None:
    existing = {
        r.key: r
        for r in Recommendation.objects.filter(key__in=[row.key for row in rows]).only(
            "key", "response", "response_original"
        )
    }
    fresh = [row for row in rows if row.key not in existing]
    for row in rows:
        summary.per_response[row.response] += 1
        old = existing.get(row.key)
        if old is None:
            continue
        if old.response != row.response and row.response != "pending":
            old.response, old.response_original = row.response, row.wording
            old.save(update_fields=["response", "response_original"])
            summary.updated += 1
        else:
            summary.already_present += 1
    objects = Recommendation.objects.bulk_create(
        Recommendation(
            key=row.key,
            review=review,
            sur_id=summary.sur,
            session_id=summary.session,
            cycle=cycle_of_session(summary.session),
            text=row.rec.text,
            recommending_unknown=bool(row.rec.unknown_states),
            response=row.response,
            response_original=f"{row.wording} ({row.rec.response_source})"[:100],
            paragraph=row.rec.paragraph[:20],
            document_symbol=summary.document_symbol[:60],
            origin=Origin.UN_DOCUMENT,
            source_file=summary.files[0][:255],
        )
        for row in fresh
    )
    through = Recommendation.recommending_states.through
    through.objects.bulk_create(
        through(recommendation_id=obj.pk, state_id=iso3)
        for obj, row in zip(objects, fresh, strict=True)
        for iso3 in row.rec.recommending_states
    )
    summary.imported = len(fresh)


def _enrich(review: Review, rows: list[_Row], summary: ReportImportSummary) -> None:
    """The review is in UPR Info's export: add paragraph and symbol to its matching rows."""
    known = list(review.recommendations.prefetch_related("recommending_states"))
    slots = state_entries(known)
    items = [
        (n, normalise_text(row.rec.text), s)
        for n, row in enumerate(rows)
        for s in row.rec.recommending_states or (None,)
    ]
    pairs = pair_up(items, slots)
    by_pk = {r.pk: r for r in known}
    matched_rows: set[object] = set()
    for i, j in pairs.items():
        row = rows[items[i][0]]
        matched_rows.add(items[i][0])
        rec = by_pk[slots[j][0]]
        if not rec.paragraph:
            rec.paragraph = row.rec.paragraph[:20]
            rec.document_symbol = rec.document_symbol or summary.document_symbol[:60]
            rec.save(update_fields=["paragraph", "document_symbol"])
            summary.enriched += 1
        else:
            summary.already_present += 1
    summary.matched = len(matched_rows)
    summary.not_stored += [
        f"{row.rec.paragraph}: not in UPR Info's rows for this review: {_clip(row.rec.text)}"
        for n, row in enumerate(rows)
        if n not in matched_rows
    ]


def _clip(text: str, limit: int = 100) -> str:
    """The text's start, cut at a word and marked "…" when cut ("…sign and r" read as a typo)."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _record(files: list[tuple[str, bytes]], summary: ReportImportSummary) -> None:
    digest = hashlib.sha256()
    for _, data in files:
        digest.update(data)
    ImportRun.objects.create(
        kind="un-report",
        file_name=", ".join(summary.files)[:255],
        sha256=digest.hexdigest(),
        rows_read=summary.parsed,
        imported=summary.imported,
        already_present=summary.already_present,
        skipped=len(summary.not_stored),
        details={
            "review": [summary.sur, summary.session, summary.document_symbol],
            "updated": summary.updated,
            "enriched": summary.enriched,
            "not_stored": summary.not_stored[:500],
            "unknown_states": summary.unknown_states[:500],
            "per_response": dict(summary.per_response),
            "warnings": summary.warnings[:200],
        },
    )
