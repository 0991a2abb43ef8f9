"""Exports of any result set as CSV, XLSX and JSON: streamed, uncapped, re-importable.

The CSV and XLSX columns start with UPR Info's own (To, To-Rgrp, …, Session), so
`upr import upr-info` reads an export back to the same rows; like UPR Info's export, a
recommendation made by several States is one row per State. Columns: docs/exports.md.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterator

from django.db.models import QuerySet

from .facets import ISSUES, RS
from .models import Issue, Recommendation, State
from .responses import map_response

UPR_INFO_COLUMNS = (
    "To", "To-Rgrp", "To-Org", "Text", "From", "From-Rgrp", "From-Org",
    "Response", "Action", "Issue", "Session",
)  # fmt: skip
EXTRA_COLUMNS = (
    "id", "cycle", "response_code", "response_original", "paragraph", "document_symbol",
    "origin", "source_file", "source_line", "url",
)  # fmt: skip
COLUMNS = UPR_INFO_COLUMNS + EXTRA_COLUMNS
UNKNOWN_STATE = "(Unknown)"
CHUNK = 2000
_FIELDS = (
    "id", "sur_id", "session_id", "cycle", "text", "response", "response_original",
    "action_category", "paragraph", "document_symbol", "origin", "source_file", "source_line",
    "recommending_unknown",
)  # fmt: skip


def response_wording(code: str, original: str) -> str:
    """The source's wording when the importer maps it back to the same response, else ours."""
    if original and map_response(original) == code:
        return original
    return {"supported": "Supported", "noted": "Noted", "pending": "Pending"}.get(code, code)


def _lookups() -> tuple[dict[str, tuple[str, str, str]], dict[int, str]]:
    orgs: dict[str, list[str]] = {}
    for iso3, code in State.organisations.through.objects.values_list(
        "state_id", "organisation_id"
    ):
        orgs.setdefault(iso3, []).append(code)
    states = {
        iso3: (name, group, " ".join(sorted(orgs.get(iso3, ()))))
        for iso3, name, group in State.objects.values_list("iso3", "name", "regional_group")
    }
    return states, dict(Issue.objects.values_list("pk", "name"))


def records(qs: QuerySet, base_url: str = "") -> Iterator[dict]:
    """One dict per recommendation (recommending States and issues as lists), in ``qs`` order."""
    states, issue_names = _lookups()
    ids = list(qs.values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        found = {r[0]: r for r in Recommendation.objects.filter(pk__in=chunk).values_list(*_FIELDS)}
        rs: dict[int, list[str]] = {}
        for rec, iso3 in RS.objects.filter(recommendation_id__in=chunk).values_list(
            "recommendation_id", "state_id"
        ):
            rs.setdefault(rec, []).append(iso3)
        issues: dict[int, list[str]] = {}
        for rec, issue in ISSUES.objects.filter(recommendation_id__in=chunk).values_list(
            "recommendation_id", "issue_id"
        ):
            issues.setdefault(rec, []).append(issue_names[issue])
        for pk in chunk:
            row = found.get(pk)
            if row is None:
                continue
            record = dict(zip(_FIELDS, row, strict=True))
            record["sur"] = states[record.pop("sur_id")]
            record["recommending"] = [states[s] + (s,) for s in sorted(rs.get(pk, ()))]
            record["sur_iso3"] = row[1]
            record["issues"] = sorted(issues.get(pk, ()))
            record["url"] = f"{base_url}/recommendations/{pk}/" if base_url else ""
            yield record


def table_rows(qs: QuerySet, base_url: str = "") -> Iterator[tuple]:
    """UPR Info-style rows: one per (recommendation, recommending State)."""
    for r in records(qs, base_url):
        sur_name, sur_group, sur_orgs = r["sur"]
        recommending = r["recommending"] or [
            (UNKNOWN_STATE if r["recommending_unknown"] else "", "", "", "")
        ]
        for name, group, orgs, _iso3 in recommending:
            yield (
                sur_name, sur_group, sur_orgs, r["text"], name, group, orgs,
                response_wording(r["response"], r["response_original"]),
                r["action_category"] or "", ", ".join(r["issues"]), r["session_id"],
                r["id"], r["cycle"], r["response"], r["response_original"], r["paragraph"],
                r["document_symbol"], r["origin"], r["source_file"], r["source_line"] or "",
                r["url"],
            )  # fmt: skip


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_chunks(qs: QuerySet, base_url: str = "") -> Iterator[str]:
    """The CSV text in pieces, header first (UTF-8 with a BOM so Excel reads it right)."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(COLUMNS)
    buffer: list[str] = []
    for row in table_rows(qs, base_url):
        buffer.append(writer.writerow(row))
        if len(buffer) >= 500:
            yield "".join(buffer)
            buffer = []
    if buffer:
        yield "".join(buffer)


def xlsx_file(qs: QuerySet, base_url: str = ""):
    """The workbook in a temporary file (xlsxwriter's constant-memory mode), rewound."""
    import xlsxwriter

    out = tempfile.TemporaryFile()  # noqa: SIM115 - returned open, closed by the response
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_urls": False})
    sheet = book.add_worksheet("Recommendations")
    bold = book.add_format({"bold": True})
    sheet.write_row(0, 0, COLUMNS, bold)
    for n, row in enumerate(table_rows(qs, base_url), start=1):
        sheet.write_row(n, 0, row)
    book.close()
    out.seek(0)
    return out


def json_chunks(qs: QuerySet, base_url: str = "") -> Iterator[str]:
    """A JSON array of recommendation objects, streamed."""
    yield "["
    first = True
    for r in records(qs, base_url):
        item = {
            "id": r["id"],
            "sur": r["sur_iso3"],
            "sur_name": r["sur"][0],
            "recommending_states": [iso3 for *_rest, iso3 in r["recommending"]],
            "recommending_unknown": r["recommending_unknown"],
            "text": r["text"],
            "response": r["response"],
            "response_original": r["response_original"],
            "action_category": r["action_category"],
            "issues": r["issues"],
            "session": r["session_id"],
            "cycle": r["cycle"],
            "paragraph": r["paragraph"],
            "document_symbol": r["document_symbol"],
            "origin": r["origin"],
            "url": r["url"],
        }
        yield ("" if first else ",\n") + json.dumps(item, ensure_ascii=False)
        first = False
    yield "]\n"


def csv_bytes(qs: QuerySet) -> bytes:
    """The whole CSV in memory (tests, small exports)."""
    return "".join(csv_chunks(qs)).encode("utf-8")


def xlsx_bytes(qs: QuerySet) -> bytes:
    with xlsx_file(qs) as f:
        return f.read()
