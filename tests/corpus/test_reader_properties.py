"""Hypothesis: no input makes the export reader fail with anything but a clear ExportError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from upr.sources.upr_info import ExportError, read_export_bytes

HEADER = b"To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r"
ROW = b'France,WEOG,EU,"Ratify, soon",Chile,GRULAC,OAS,Accepted,5,"Justice,Labour",3\r'


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(data):
    try:
        rows = read_export_bytes(data, "fuzz.csv")
    except ExportError as exc:
        assert "fuzz.csv" in str(exc)
    else:
        assert all(1 <= row.session <= 999 for row in rows)


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=len(HEADER + ROW * 5)), st.binary(max_size=40))
def test_cut_or_corrupted_exports(cut, noise):
    data = (HEADER + ROW * 5)[:cut] + noise
    try:
        rows = read_export_bytes(data, "cut.csv")
    except ExportError:
        return
    for row in rows:
        assert row.session == 3 and row.action == 5


@given(st.text(max_size=400))
def test_arbitrary_text_in_a_field(text):
    quoted = '"' + text.replace('"', '""') + '"'
    data = HEADER + f"France,WEOG,EU,{quoted},Chile,GRULAC,OAS,Noted,,Justice,7\r".encode()
    try:
        rows = read_export_bytes(data, "text.csv")
    except ExportError:
        return
    assert len(rows) <= 1
    if rows:
        assert rows[0].text == " ".join(text.split())
