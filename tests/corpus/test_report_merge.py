"""Rows read from a UN document merge into UPR Info's rows when the export arrives."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from upr.corpus.importer import import_file
from upr.corpus.merge import pair_up
from upr.corpus.models import Origin, Recommendation
from upr.corpus.report_import import import_report


def _review(sur: str, session: int):
    return Recommendation.objects.filter(sur_id=sur, session_id=session)


def _signature(qs) -> Counter:
    return Counter(
        (r.text, tuple(s.pk for s in r.recommending_states.all()), r.response)
        for r in qs.prefetch_related("recommending_states")
    )


@pytest.mark.django_db
def test_export_upgrades_the_document_rows_in_place(terman_dir: Path, corpus) -> None:
    total = corpus.count()
    original = _signature(_review("AFG", 18))
    assert sum(original.values()) == 224
    _review("AFG", 18).delete()  # as if UPR Info had not published the review yet
    path = terman_dir / "wg-report-txts" / "afghanistan2014.txt"
    summary = import_report([(path.name, path.read_bytes())])
    assert summary.imported == 224
    documents = {r.pk: r.paragraph for r in _review("AFG", 18)}
    assert {r.origin for r in _review("AFG", 18)} == {Origin.UN_DOCUMENT}

    result = import_file(terman_dir / "18-19.csv")

    assert result.merged == 224
    assert corpus.count() == total
    rows = _review("AFG", 18)
    assert _signature(rows) == original  # same texts, States, responses: no duplicates
    assert {r.origin for r in rows} == {Origin.UPR_INFO}
    upgraded = {r.pk: r.paragraph for r in rows}
    assert upgraded == documents  # same rows (ids), paragraphs kept
    described = rows.filter(issues__isnull=False, action_category__isnull=False).distinct()
    assert described.count() == 224
    # and a second import of the export changes nothing
    assert import_file(terman_dir / "18-19.csv").imported == 0
    assert corpus.count() == total


@pytest.mark.django_db
def test_a_row_of_several_states_is_upgraded_once_and_annotates_the_others(corpus) -> None:
    from upr.corpus.importer import import_bytes

    report = """Report of the Working Group on the Universal Periodic Review
Slovenia
The Working Group held its seventh session from 8 to 19 February 2010.
II. Conclusions and/or recommendations
90. The following recommendations enjoy the support of Slovenia: 90.1 Ratify the Convention
on enforced disappearances swiftly (Argentina, Chile); 90.2 Adopt a plan against poverty (Peru);
91. All conclusions and/or recommendations contained in the present report reflect the position.
"""
    _review("SVN", 7).delete()
    import_report([("svn.txt", report.encode())], symbol="A/HRC/14/15")
    doc_pk = _review("SVN", 7).get(paragraph="90.1").pk
    export = (
        "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r"
        "Slovenia,EEG,EU,Ratify the Convention on enforced disappearances swiftly,Argentina,"
        "GRULAC,,Accepted,5,International instruments,7\r"
        "Slovenia,EEG,EU,Ratify the Convention on enforced disappearance swiftly,Chile,"
        "GRULAC,,Accepted,5,International instruments,7\r"
    )
    summary = import_bytes(export.encode(), "new-export.csv")
    assert (summary.imported, summary.merged) == (2, 1)
    rows = _review("SVN", 7).order_by("pk")
    assert [(r.origin, r.paragraph, r.document_symbol) for r in rows] == [
        (Origin.UPR_INFO, "90.1", "A/HRC/14/15"),  # upgraded in place
        (Origin.UN_DOCUMENT, "90.2", "A/HRC/14/15"),  # no export row: reported, kept
        (Origin.UPR_INFO, "90.1", "A/HRC/14/15"),  # Chile's row, inserted and annotated
    ]
    assert rows[0].pk == doc_pk
    assert [s.pk for s in rows[0].recommending_states.all()] == ["ARG"]


def test_pair_up_requires_the_same_state_and_similar_text() -> None:
    cat = "ratify the convention against torture"
    items = [(0, cat, "FRA"), (1, cat, "ESP"), (2, "abolish it", None)]
    slots = [(9, cat, "ESP"), (8, cat.replace("convention", "conventions"), "FRA"), (7, "x", None)]
    assert pair_up(items, slots) == {1: 0, 0: 1}
