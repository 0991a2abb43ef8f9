"""The JSON API and its OpenAPI description; the corpus pages; the `upr search` command."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve

from upr.corpus import explore


def test_openapi_is_valid_json_and_every_path_resolves(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["paths"]
    samples = {"{id}": "1", "{iso3}": "FRA", "{format}": "csv"}
    for path in document["paths"]:
        concrete = re.sub(r"\{\w+\}", lambda m: samples[m.group(0)], path)
        try:
            match = resolve(concrete)
        except Resolver404:
            pytest.fail(f"{path} does not resolve")
        assert match.func.__module__ == "upr.corpus.api"
        for ref in re.findall(r'"\$ref": "#/components/schemas/(\w+)"', json.dumps(document)):
            assert ref in document["components"]["schemas"]


def test_api_search_facets_recommendation_states(corpus, client):
    data = client.get("/api/search", {"q": '"sexual orientation"', "response": "noted"}).json()
    assert (
        data["total"] == explore.matching('"sexual orientation"', {"response": ["noted"]}).count()
    )
    assert len(data["results"]) == min(50, data["total"])
    assert {v["value"] for v in data["facets"]["response"]} >= {"noted"}
    facets = client.get("/api/facets", {"sur": "FRA"}).json()
    assert facets["total"] == sum(v["count"] for v in facets["facets"]["cycle"])
    rec = client.get(f"/api/recommendations/{data['results'][0]['id']}").json()
    assert rec["text"] == data["results"][0]["text"]
    states = client.get("/api/states").json()["states"]
    assert sum(s["received"] for s in states) == corpus.count()
    fra = client.get("/api/states/fra").json()
    assert fra["as_state_under_review"]["total"] == corpus.filter(sur_id="FRA").count()
    assert client.get("/api/search", {"sur": "NOPE"}).status_code == 400


def test_pages(corpus, client, django_assert_max_num_queries):
    rec = corpus.filter(sur_id="FRA", issues__isnull=False).first()
    with django_assert_max_num_queries(20):
        page = client.get(
            "/recommendations/", {"q": "torture", "sur": "FRA", "response": "supported"}
        )
    assert page.status_code == 200 and b"<mark>" in page.content
    detail = client.get(f"/recommendations/{rec.pk}/")
    assert detail.status_code == 200 and b"other cycles" in detail.content
    profile = client.get("/states/FRA/")
    assert profile.status_code == 200 and profile.content.count(b'<svg class="chart"') >= 6
    assert b"style=" not in profile.content and b"<script>" not in profile.content
    assert client.get("/states/").status_code == 200
    assert client.get("/states/XXX/").status_code == 404
    assert client.get("/recommendations/export.pdf").status_code == 404


def test_search_command(corpus):
    out = io.StringIO()
    call_command("search", "torture -death", "--count", stdout=out)
    assert out.getvalue().strip() == "1571"
    out = io.StringIO()
    call_command(
        "search",
        "torture",
        "--sur",
        "France",
        "--response",
        "supported",
        "--format",
        "json",
        stdout=out,
    )
    data = json.loads(out.getvalue())
    assert (
        len(data)
        == explore.matching("torture", {"sur": ["FRA"], "response": ["supported"]}).count()
        > 0
    )
    out = io.StringIO()
    call_command("search", "--issue", "Death penalty", "--format", "csv", stdout=out)
    assert out.getvalue().count("\n") > 1000
