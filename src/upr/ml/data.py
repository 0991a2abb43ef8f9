"""Training rows and a reader for the UPR Info export (CSV files, Mac Roman, CR line endings)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

# The UPR Info export as copied in the shared data directory (see its README).
UPR_INFO_FILES = ("1-5.csv", "6-9.csv", "10-13.csv", "14-17.csv", "18-19.csv")

ACTION_CATEGORIES: dict[int, str] = {
    1: "minimal action",
    2: "continuing action",
    3: "considering action",
    4: "general action",
    5: "specific action",
}


@dataclass(frozen=True, slots=True)
class TrainingRow:
    """One labelled recommendation."""

    text: str
    issues: frozenset[str]
    action_category: int | None
    session: int


def parse_issues(field: str) -> frozenset[str]:
    """Split the UPR Info ``Issue`` field (comma-separated labels inside one quoted field)."""
    return frozenset(part.strip() for part in field.split(",") if part.strip())


def load_upr_info(
    directory: Path | str, files: Iterable[str] = UPR_INFO_FILES
) -> list[TrainingRow]:
    """Read the recommendations of the UPR Info export from ``directory`` (read-only, local)."""
    directory = Path(directory)
    rows: list[TrainingRow] = []
    for name in files:
        with open(directory / name, newline="", encoding="mac_roman") as handle:
            for record in csv.DictReader(handle):
                action = (record.get("Action") or "").strip()
                rows.append(
                    TrainingRow(
                        text=record["Text"],
                        issues=parse_issues(record.get("Issue") or ""),
                        action_category=int(action) if action.isdigit() else None,
                        session=int(record["Session"]),
                    )
                )
    return rows


def time_split(
    rows: Sequence[TrainingRow], last_train_session: int = 17
) -> tuple[list[TrainingRow], list[TrainingRow]]:
    """Train on sessions ``<= last_train_session``, test on the later ones."""
    train = [row for row in rows if row.session <= last_train_session]
    test = [row for row in rows if row.session > last_train_session]
    return train, test
