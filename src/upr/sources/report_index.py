"""Review dates and document symbols from the index of Working Group reports (data directory).

`terman-upr-info/wg-report-txts-index.csv` (derived, regex output) gives, per report, the WG
session, the review date and sometimes the report's symbol. The corpus uses it to date the reviews
of the 2015 export, which carries neither.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from upr.cycle.session_files import parse_day

from .state_names import resolve_state


@dataclass(frozen=True, slots=True)
class ReviewFact:
    sur: str  # ISO 3166 alpha-3
    session: int
    review_date: date | None
    symbol: str


def read_report_index(path: Path) -> list[ReviewFact]:
    """One fact per report whose State resolves; rows with unreadable dates keep date None."""
    facts: list[ReviewFact] = []
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            state = resolve_state(row["file_slug"]) or resolve_state(row["sur_name_in_text"])
            if state is None or not row["wg_session"].strip().isdigit():
                continue
            try:
                day = parse_day(row["review_date"]) if row["review_date"].strip() else None
            except ValueError:
                day = None
            facts.append(
                ReviewFact(state.iso3, int(row["wg_session"]), day, row["symbol_found"].strip())
            )
    return facts
