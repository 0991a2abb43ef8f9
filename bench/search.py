"""Search + facets latency on the full corpus, beside a bare FTS5 MATCH (the floor) and Datasette.

Builds its own databases in a temporary directory: the app's (migrate + import the default corpus
from $UPR_DATA_DIR) and a flat SQLite table with FTS5 for Datasette, which then serves the same
20 queries with the same facets in-process. Prints median and p95 per system and the ratios.
Run: .venv/bin/python bench/search.py   (figures, never assertions)
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
TMP = Path(tempfile.mkdtemp(prefix="upr-bench-search-"))
os.environ["UPR_VAR_DIR"] = str(TMP)
os.environ["UPR_SQLITE_PATH"] = str(TMP / "upr.sqlite3")
os.environ.setdefault("UPR_DATA_DIR", str(ROOT.parent / "shared" / "data"))
os.environ["DJANGO_SETTINGS_MODULE"] = "upr.web.settings"
sys.path.insert(0, str(ROOT / "src"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from upr.corpus import explore, exports  # noqa: E402
from upr.corpus.facets import DIMENSIONS  # noqa: E402
from upr.corpus.search import bare_match_ids  # noqa: E402
from upr.corpus.search_form import facet_choices  # noqa: E402
from upr.corpus.search_query import fts5_any, fts5_match, parse  # noqa: E402

REPEAT = 5
# (query, facet filters): what NGOs type, with and without filters.
QUERIES: list[tuple[str, dict[str, list[str]]]] = [
    ('"sexual orientation"', {}),
    ("torture -death", {}),
    ("child* marriage", {}),
    ('"birth registration" OR statelessness', {}),
    ("death penalty", {"response": ["noted"]}),
    ('"human rights defenders"', {"sur_group": ["African"]}),
    ("journalists", {"cycle": ["2"]}),
    ("ratify", {}),
    ("women", {"sur": ["IND"]}),
    ('"female genital mutilation"', {}),
    ("trafficking", {"rs_group": ["WEOG"]}),
    ("disabilit*", {"response": ["supported"], "cycle": ["2"]}),
    ('"national human rights institution"', {"sur_org": ["AU"]}),
    ("indigenous land", {}),
    ("education girls", {"rs": ["NOR"]}),
    ("corruption", {"session": ["17"]}),
    ("migrant* workers", {"sur_group": ["Asia-Pacific"]}),
    ("freedom expression -internet", {}),
    ("the", {}),
    ('"optional protocol" torture', {"response": ["supported"], "rs_org": ["EU"]}),
]


def timed(fn) -> list[float]:
    fn()  # warm
    out = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def build_app_db() -> None:
    call_command("migrate", "--no-input", verbosity=0)
    with open(os.devnull, "w") as sink, redirect_stdout(sink), redirect_stderr(sink):
        call_command("load_default_corpus", stdout=sink, stderr=sink)


def build_flat_db(path: Path) -> None:
    """One row per recommendation; multi-valued fields as JSON arrays (Datasette _facet_array)."""
    db = sqlite3.connect(path)
    columns = [d.key for d in DIMENSIONS]
    db.execute(
        "CREATE TABLE recs (id INTEGER PRIMARY KEY, text TEXT, "
        + ", ".join(f"{c} TEXT" for c in columns)
        + ")"
    )
    from upr.corpus.models import Recommendation, State

    orgs: dict[str, list[str]] = {}
    for iso3, org in State.organisations.through.objects.values_list("state_id", "organisation_id"):
        orgs.setdefault(iso3, []).append(org)
    groups = dict(State.objects.values_list("iso3", "regional_group"))
    rows = []
    for r in exports.records(Recommendation.objects.order_by("id")):
        rs = [iso3 for *_rest, iso3 in r["recommending"]]
        rows.append(
            (
                r["id"],
                r["text"],
                r["sur_iso3"],
                json.dumps(rs),
                groups.get(r["sur_iso3"], ""),
                json.dumps(sorted({groups.get(s, "") for s in rs})),
                json.dumps(sorted(orgs.get(r["sur_iso3"], []))),
                json.dumps(sorted({o for s in rs for o in orgs.get(s, [])})),
                json.dumps(r["issues"]),
                r["response"],
                str(r["action_category"] or "none"),
                str(r["cycle"]),
                str(r["session_id"]),
            )
        )
    db.executemany(f"INSERT INTO recs VALUES ({', '.join('?' * (len(columns) + 2))})", rows)
    db.execute(
        "CREATE VIRTUAL TABLE recs_fts USING fts5(text, content='recs', content_rowid='id',"
        " tokenize='unicode61 remove_diacritics 0')"
    )
    db.execute("INSERT INTO recs_fts(recs_fts) VALUES ('rebuild')")
    for c in ("sur", "response", "cycle", "session", "sur_group"):
        db.execute(f"CREATE INDEX recs_{c} ON recs({c})")
    db.commit()
    db.close()


ARRAYS = {"rs", "rs_group", "sur_org", "rs_org", "issue"}


def datasette_path(query: str, selection: dict[str, list[str]]) -> str:
    parsed = parse(query)
    expression = fts5_match(parsed)
    if parsed.excluded:
        expression = f"({expression}) NOT ({fts5_any(parsed.excluded)})"
    params: list[tuple[str, str]] = [("_search", expression), ("_searchmode", "raw")]
    for key, values in selection.items():
        for v in values:
            params.append((f"{key}__arraycontains" if key in ARRAYS else key, v))
    for d in DIMENSIONS:
        params.append(("_facet_array" if d.key in ARRAYS else "_facet", d.key))
    params += [("_size", "50"), ("_nosuggest", "1"), ("_nocount", "0")]
    return "/flat/recs.json?" + urlencode(params)


def summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def main() -> None:
    print(f"building the app database in {TMP} …", flush=True)
    build_app_db()
    flat = TMP / "flat.db"
    build_flat_db(flat)
    choices = facet_choices()
    explore.run("", {}, choices=choices)  # load the facet index once, as a running server has

    ours, floor, theirs = [], [], []
    from datasette.app import Datasette

    ds = Datasette(
        [str(flat)],
        settings={"facet_time_limit_ms": 60000, "sql_time_limit_ms": 60000, "num_sql_threads": 1},
    )
    loop = asyncio.new_event_loop()
    loop.run_until_complete(ds.invoke_startup())
    print(f"{'query':<48}{'matches':>8}{'ours':>9}{'floor':>9}{'datasette':>11}  (median ms)")
    for query, selection in QUERIES:
        outcome = explore.run(query, selection, choices=choices)
        a = timed(lambda q=query, s=selection: explore.run(q, s, choices=choices))
        parsed = parse(query)
        b = timed(lambda p=parsed: bare_match_ids(p))
        path = datasette_path(query, selection)
        response = loop.run_until_complete(ds.client.get(path))
        assert response.status_code == 200, response.text[:500]
        data = response.json()
        c = timed(lambda p=path: loop.run_until_complete(ds.client.get(p)))
        ours += a
        floor += b
        theirs += c
        label = (query + " " + " ".join(f"{k}={','.join(v)}" for k, v in selection.items()))[:46]
        print(
            f"{label:<48}{outcome.total:>8}{statistics.median(a):>9.1f}"
            f"{statistics.median(b):>9.1f}{statistics.median(c):>11.1f}"
            + (
                ""
                if data.get("filtered_table_rows_count") in (None, outcome.total)
                else f"  (Datasette counts {data.get('filtered_table_rows_count')!r})"
            )
        )
    loop.close()
    (om, op), (fm, fp), (dm, dp) = summary(ours), summary(floor), summary(theirs)
    print()
    print(f"{'':<34}{'median ms':>10}{'p95 ms':>10}")
    print(f"{'ours (count+rank+page+11 facets)':<34}{om:>10.1f}{op:>10.1f}")
    print(f"{'bare FTS5 MATCH (floor)':<34}{fm:>10.1f}{fp:>10.1f}")
    print(f"{'Datasette (same search+facets)':<34}{dm:>10.1f}{dp:>10.1f}")
    print(f"ours / floor:     median {om / fm:.1f}x, p95 {op / fp:.1f}x")
    print(f"ours / Datasette: median {om / dm:.2f}x, p95 {op / dp:.2f}x")
    print(f"goal p95 < 150 ms: {'met' if op < 150 else 'NOT met'}")


if __name__ == "__main__":
    main()
