"""The ranking as rows (CSV download, ``upr targets --format csv|json``) and session ranges."""

from __future__ import annotations

import csv
from typing import IO

from .factors import FACTORS
from .ranking import TargetRanking


def header() -> list[str]:
    return ["rank", "iso3", "state", "regional_group", "organisations", "score", *FACTORS,
            "recommendations_to_sur", "evidence_ids"]  # fmt: skip


def rows(ranking: TargetRanking) -> list[list]:
    return [
        [
            s.rank,
            s.iso3,
            s.name,
            s.group,
            " ".join(sorted(s.organisations)),
            round(s.score, 4),
            *(round(f.value, 4) for f in s.factors),
            len(s.to_sur),
            " ".join(str(i) for i in s.evidence_ids),
        ]
        for s in ranking.states
    ]


def as_dicts(ranking: TargetRanking) -> dict:
    return {
        "sur": ranking.sur.iso3,
        "issues": list(ranking.issues),
        "keywords": list(ranking.keywords),
        "history_sessions": list(ranking.history_sessions),
        "candidates": ranking.candidates,
        "states": [
            {
                "rank": s.rank,
                "iso3": s.iso3,
                "name": s.name,
                "regional_group": s.group,
                "organisations": sorted(s.organisations),
                "score": round(s.score, 4),
                "factors": [
                    {
                        "name": f.name,
                        "value": round(f.value, 4),
                        "weight": round(f.weight, 4),
                        "contribution": round(f.contribution, 4),
                        "explanation": f.explanation,
                    }
                    for f in s.factors
                ],
                "evidence": [
                    {
                        "id": e.recommendation_id,
                        "sur": e.sur,
                        "session": e.session,
                        "response": e.response,
                        "to_sur": e.to_sur,
                    }
                    for e in s.evidence
                ],
            }
            for s in ranking.states
        ],
    }


def write_csv(ranking: TargetRanking, out: IO[str]) -> None:
    writer = csv.writer(out)
    writer.writerow(header())
    writer.writerows(rows(ranking))
