"""The default corpus: the UPR Info export in the data directory, loaded into an empty database."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import transaction

from upr.sources.report_index import read_report_index

from .importer import ImportSummary, Progress, import_file
from .models import Review

DEFAULT_FILES = ("1-5.csv", "6-9.csv", "10-13.csv", "14-17.csv", "18-19.csv", "voluntary.csv")
REPORT_INDEX = "wg-report-txts-index.csv"


def default_files(data_dir: Path | None = None) -> list[Path]:
    """The export files of the default corpus that exist in the data directory."""
    folder = Path(data_dir or settings.UPR_DATA_DIR) / "terman-upr-info"
    return [folder / name for name in DEFAULT_FILES if (folder / name).is_file()]


def load_default_corpus(
    data_dir: Path | None = None, progress: Progress | None = None
) -> list[ImportSummary]:
    """Import the default export files, then date the reviews the reports' index knows."""
    summaries = [import_file(path, progress) for path in default_files(data_dir)]
    date_reviews(data_dir)
    return summaries


@transaction.atomic
def date_reviews(data_dir: Path | None = None) -> int:
    """Fill in review dates and symbols that are still empty; returns how many reviews changed."""
    index = Path(data_dir or settings.UPR_DATA_DIR) / "terman-upr-info" / REPORT_INDEX
    if not index.is_file():
        return 0
    changed = 0
    for fact in read_report_index(index):
        review = Review.objects.filter(sur_id=fact.sur, session_id=fact.session).first()
        if review is None:
            continue
        fields = []
        if review.review_date is None and fact.review_date is not None:
            review.review_date = fact.review_date
            fields.append("review_date")
        if not review.document_symbols and fact.symbol:
            review.document_symbols = fact.symbol
            fields.append("document_symbols")
        if fields:
            review.save(update_fields=fields)
            changed += 1
    return changed
