"""Taking a review's UN-document rows out of the corpus again: the undo of a mistaken import.

An import filed under the wrong review, or of the wrong document, would otherwise stay in the
shared corpus for good, feeding the target finder and the outcome pages. Only the rows the UN
documents added go (``Origin.UN_DOCUMENT``); UPR Info's rows, and the paragraph numbers and
responses an import gave them, stay. Tags confirmed on the removed rows go with them.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet

from .models import ImportRun, Origin, Recommendation, Review


def un_document_rows(sur: str, session: int) -> QuerySet[Recommendation]:
    return Recommendation.objects.filter(sur_id=sur, session_id=session, origin=Origin.UN_DOCUMENT)


@transaction.atomic
def remove_un_document_rows(sur: str, session: int, symbol: str, user_id: int) -> int:
    """Delete the review's UN-document rows; the count removed. The review itself goes too
    when nothing (no row, no date) is left of it, and the symbol leaves its list."""
    rows = un_document_rows(sur, session)
    removed = rows.count()  # delete() also counts the tags and State links that go with them
    rows.delete()
    review = Review.objects.filter(sur_id=sur, session_id=session).first()
    if review is not None:
        symbols = [s for s in review.document_symbols.split() if s != symbol]
        if not review.recommendations.exists() and review.review_date is None:
            review.delete()
        elif symbols != review.document_symbols.split():
            review.document_symbols = " ".join(symbols)
            review.save(update_fields=["document_symbols"])
    ImportRun.objects.create(
        kind="un-report-removed",
        file_name=f"{sur} session {session}",
        sha256="",
        details={"review": [sur, session, symbol], "removed": removed, "by_user": user_id},
    )
    return removed
