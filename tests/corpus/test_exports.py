"""The whole corpus exports as CSV and XLSX and reads back (UPR Info's reader) to the same rows."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from upr.corpus import explore, exports
from upr.corpus.models import Recommendation
from upr.corpus.responses import map_response
from upr.sources.issues import canonical_issue
from upr.sources.state_names import is_unknown_marker, resolve_state
from upr.sources.upr_info import read_export_bytes


def _db_rows() -> Counter:
    rows: Counter = Counter()
    qs = Recommendation.objects.prefetch_related("recommending_states", "issues")
    for rec in qs.iterator(chunk_size=4000):
        states = [s.iso3 for s in rec.recommending_states.all()] or ["?"]
        issues = tuple(sorted(i.name for i in rec.issues.all()))
        for iso3 in states:
            rows[
                (
                    rec.sur_id,
                    rec.text,
                    iso3,
                    rec.response,
                    rec.action_category,
                    issues,
                    rec.session_id,
                )
            ] += 1
    return rows


def _read_rows(data: bytes, name: str) -> Counter:
    rows: Counter = Counter()
    for row in read_export_bytes(data, name):
        rs = (
            "?"
            if is_unknown_marker(row.recommending_state)
            else resolve_state(row.recommending_state).iso3
        )
        issues = tuple(sorted(canonical_issue(i) for i in row.issues))
        key = (
            resolve_state(row.sur).iso3,
            row.text,
            rs,
            map_response(row.response),
            row.action,
            issues,
            row.session,
        )
        rows[key] += 1
    return rows


@pytest.fixture(scope="module")
def expected(django_db_blocker):
    with django_db_blocker.unblock():
        return _db_rows()


def test_whole_corpus_csv_reads_back_to_the_same_rows(corpus, expected):
    data = exports.csv_bytes(explore.matching("", {}))
    rows = _read_rows(data, "export.csv")
    assert sum(rows.values()) == sum(expected.values()) >= 38_298
    assert rows == expected


def test_whole_corpus_xlsx_reads_back_to_the_same_rows(corpus, expected):
    data = exports.xlsx_bytes(explore.matching("", {}))
    assert _read_rows(data, "export.xlsx") == expected


def test_export_view_streams_filtered_rows(corpus, client):
    response = client.get("/recommendations/export.csv", {"q": "torture -death", "sur": "USA"})
    assert response.status_code == 200 and response.streaming
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    header = body.splitlines()[0].split(",")
    assert header[:11] == list(exports.UPR_INFO_COLUMNS)
    expected = explore.matching("torture -death", {"sur": ["USA"]}).count()
    assert len(read_export_bytes(body.encode(), "x.csv")) >= expected > 0
    data = json.loads(
        b"".join(
            client.get(
                "/recommendations/export.json", {"sur": "USA", "q": "torture -death"}
            ).streaming_content
        )
    )
    assert len(data) == expected and all(item["sur"] == "USA" for item in data)
    xlsx = client.get("/recommendations/export.xlsx", {"sur": "USA", "q": "torture -death"})
    assert len(read_export_bytes(b"".join(xlsx.streaming_content), "x.xlsx")) == len(
        read_export_bytes(body.encode(), "x.csv")
    )


def test_response_wording_maps_back():
    for code in ("supported", "noted", "pending"):
        assert map_response(exports.response_wording(code, "")) == code
        assert map_response(exports.response_wording(code, "nonsense")) == code
    assert exports.response_wording("supported", "Accepted") == "Accepted"


def test_whole_corpus_csv_reimports_to_the_same_rows(corpus, expected):
    """Export everything, empty the corpus, import the export: the same rows come back."""
    from upr.corpus.importer import import_bytes

    data = exports.csv_bytes(explore.matching("", {}))
    Recommendation.objects.all().delete()
    summary = import_bytes(data, "whole-corpus.csv")
    assert summary.skipped_total == 0
    assert summary.imported == corpus.count() == sum(expected.values())
    assert _db_rows() == expected


def test_whole_corpus_xlsx_reimport_adds_nothing(corpus):
    """The XLSX export of the corpus holds exactly the corpus: importing it finds every row."""
    from upr.corpus.importer import import_bytes

    data = exports.xlsx_bytes(explore.matching("", {}))
    summary = import_bytes(data, "whole-corpus.xlsx")
    assert (summary.imported, summary.skipped_total) == (0, 0)
    assert summary.already_present == corpus.count()
