"""Import UPR Info exports into the corpus: atomic per file, idempotent, nothing dropped silently.

A fatal problem (unreadable file, missing columns, truncated rows) raises `ExportError` before or
inside the file's transaction, so the database is left as it was. Rows that cannot be mapped (an
unknown State, an unknown response or issue) are skipped and counted with their reason and line.
Re-importing a file adds nothing: each row has a natural key built from the State under Review,
the session, the text, the recommending State and its occurrence number within the file.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from upr.cycle.cycles import cycle_of_session
from upr.sources.issues import canonical_issue
from upr.sources.state_names import is_unknown_marker, resolve_state
from upr.sources.upr_info import ExportRow, read_export_bytes
from upr.text.normalise import match_form, natural_key

from .merge import merge_un_documents
from .models import ImportRun, Issue, Origin, Pledge, Recommendation, Review, State
from .reference import ensure_session
from .responses import map_response

Progress = Callable[[str, int, int], None]
BATCH = 2000


@dataclass
class ImportSummary:
    file: str
    rows_read: int = 0
    imported: int = 0
    pledges: int = 0
    already_present: int = 0
    merged: int = 0  # rows from UN documents upgraded in place (see upr.corpus.merge)
    skipped: Counter[str] = field(default_factory=Counter)
    problems: list[tuple[int, str]] = field(default_factory=list)
    per_session: Counter[int] = field(default_factory=Counter)
    per_response: Counter[str] = field(default_factory=Counter)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def skip(self, line: int, reason: str, detail: str) -> None:
        self.skipped[reason] += 1
        self.problems.append((line, f"{reason}: {detail}"))


@dataclass
class _Prepared:
    row: ExportRow
    key: str
    sur: str
    states: tuple[str, ...]
    unknown: bool
    response: str
    issues: tuple[str, ...]


def import_file(path: str | Path, progress: Progress | None = None) -> ImportSummary:
    path = Path(path)
    return import_bytes(path.read_bytes(), path.name, progress)


def import_bytes(data: bytes, name: str, progress: Progress | None = None) -> ImportSummary:
    """Import one export file; raises `ExportError` (and changes nothing) if the file is broken."""
    rows = read_export_bytes(data, name)
    summary = ImportSummary(file=name, rows_read=len(rows))
    if progress:
        progress("read", len(rows), len(rows))
    prepared, pledges = _prepare(rows, summary)
    with transaction.atomic():
        # Merge: export rows that duplicate rows read from UN documents upgrade those rows.
        merged = merge_un_documents(prepared, summary)
        prepared = [p for p in prepared if p.key not in merged.upgraded]
        _store_recommendations(prepared, summary, progress)
        merged.annotate_inserted()
        # (end of merge)
        _store_pledges(pledges, summary)
        ImportRun.objects.create(
            file_name=name,
            sha256=hashlib.sha256(data).hexdigest(),
            rows_read=summary.rows_read,
            imported=summary.imported,
            pledges=summary.pledges,
            already_present=summary.already_present,
            skipped=summary.skipped_total,
            details={
                "skipped": dict(summary.skipped),
                "problems": summary.problems[:500],
                "per_session": {str(k): v for k, v in sorted(summary.per_session.items())},
                "per_response": dict(summary.per_response),
                "merged": summary.merged,
                "un_document_unmatched": merged.unmatched[:500],
            },
        )
    return summary


def _prepare(
    rows: Iterable[ExportRow], summary: ImportSummary
) -> tuple[list[_Prepared], list[_Prepared]]:
    occurrences: Counter[tuple] = Counter()
    recommendations: list[_Prepared] = []
    pledges: list[_Prepared] = []
    for row in rows:
        sur = resolve_state(row.sur)
        if sur is None:
            summary.skip(row.line, "unknown State under Review", repr(row.sur))
            continue
        if not row.text:
            summary.skip(row.line, "empty text", "the row has no recommendation text")
            continue
        issues = []
        for name in row.issues:
            issue = canonical_issue(name)
            if issue is None:
                summary.skip(row.line, "unknown issue", repr(name))
                break
            issues.append(issue)
        else:
            if row.is_pledge:
                identity = ("pledge", sur.iso3, row.session, match_form(row.text))
                occurrences[identity] += 1
                key = natural_key(*identity, occurrences[identity])
                pledges.append(_Prepared(row, key, sur.iso3, (), False, "", tuple(issues)))
                continue
            response = map_response(row.response)
            if response is None:
                summary.skip(row.line, "unknown response", repr(row.response))
                continue
            unknown = is_unknown_marker(row.recommending_state)
            states: tuple[str, ...] = ()
            if not unknown:
                rs = resolve_state(row.recommending_state)
                if rs is None:
                    summary.skip(
                        row.line, "unknown recommending State", repr(row.recommending_state)
                    )
                    continue
                states = (rs.iso3,)
            identity = (sur.iso3, row.session, match_form(row.text), states[0] if states else "?")
            occurrences[identity] += 1
            key = natural_key(*identity, occurrences[identity])
            recommendations.append(
                _Prepared(row, key, sur.iso3, states, unknown, response, tuple(issues))
            )
    return recommendations, pledges


def _reviews(pairs: set[tuple[str, int]]) -> dict[tuple[str, int], int]:
    """Review ids for (SuR, session) pairs, creating the missing reviews."""
    sessions = {number for _, number in pairs}
    for number in sessions:
        ensure_session(number)
    found = {
        (sur, session): pk
        for pk, sur, session in Review.objects.filter(session_id__in=sessions).values_list(
            "id", "sur_id", "session_id"
        )
    }
    missing = [Review(sur_id=s, session_id=n) for s, n in sorted(pairs - found.keys())]
    Review.objects.bulk_create(missing)
    if missing:
        return _reviews(pairs)
    return found


def _store_recommendations(
    prepared: list[_Prepared], summary: ImportSummary, progress: Progress | None
) -> None:
    known = set(
        Recommendation.objects.filter(key__in=[p.key for p in prepared]).values_list(
            "key", flat=True
        )
        if len(prepared) < 900
        else Recommendation.objects.values_list("key", flat=True)
    )
    fresh = [p for p in prepared if p.key not in known]
    summary.already_present += len(prepared) - len(fresh)
    if not fresh:
        return
    reviews = _reviews({(p.sur, p.row.session) for p in fresh})
    issue_ids = dict(Issue.objects.values_list("name", "id"))
    through_states = Recommendation.recommending_states.through
    through_issues = Recommendation.issues.through
    for start in range(0, len(fresh), BATCH):
        batch = fresh[start : start + BATCH]
        objects = Recommendation.objects.bulk_create(
            Recommendation(
                key=p.key,
                review_id=reviews[(p.sur, p.row.session)],
                sur_id=p.sur,
                session_id=p.row.session,
                cycle=cycle_of_session(p.row.session),
                text=p.row.text,
                recommending_unknown=p.unknown,
                response=p.response,
                response_original=p.row.response,
                action_category=p.row.action,
                origin=Origin.UPR_INFO,
                source_file=p.row.file,
                source_line=p.row.line,
            )
            for p in batch
        )
        through_states.objects.bulk_create(
            through_states(recommendation_id=obj.pk, state_id=iso3)
            for obj, p in zip(objects, batch, strict=True)
            for iso3 in p.states
        )
        through_issues.objects.bulk_create(
            through_issues(recommendation_id=obj.pk, issue_id=issue_ids[name])
            for obj, p in zip(objects, batch, strict=True)
            for name in p.issues
        )
        for p in batch:
            summary.per_session[p.row.session] += 1
            summary.per_response[p.response] += 1
        summary.imported += len(batch)
        if progress:
            progress("store", summary.imported, len(fresh))


def _store_pledges(prepared: list[_Prepared], summary: ImportSummary) -> None:
    if not prepared:
        return
    known = set(Pledge.objects.values_list("key", flat=True))
    fresh = [p for p in prepared if p.key not in known]
    summary.already_present += len(prepared) - len(fresh)
    if not fresh:
        return
    reviews = _reviews({(p.sur, p.row.session) for p in fresh})
    issue_ids = dict(Issue.objects.values_list("name", "id"))
    objects = Pledge.objects.bulk_create(
        Pledge(
            key=p.key,
            review_id=reviews[(p.sur, p.row.session)],
            sur_id=p.sur,
            session_id=p.row.session,
            text=p.row.text,
            action_category=p.row.action,
            source_file=p.row.file,
            source_line=p.row.line,
        )
        for p in fresh
    )
    through = Pledge.issues.through
    through.objects.bulk_create(
        through(pledge_id=obj.pk, issue_id=issue_ids[name])
        for obj, p in zip(objects, fresh, strict=True)
        for name in p.issues
    )
    summary.pledges += len(fresh)


def known_states() -> set[str]:
    return set(State.objects.values_list("iso3", flat=True))
