"""The default corpus command, review dates, session calendar and the app without data."""

from __future__ import annotations

import datetime as dt

from django.core.management import call_command

from upr.corpus.models import Review, Session, State


def test_reviews_are_dated_from_the_reports_index(corpus):
    afghanistan = Review.objects.get(sur_id="AFG", session_id=5)
    assert afghanistan.review_date == dt.date(2009, 5, 7)
    assert afghanistan.document_symbols == "A/HRC/12/9"
    assert Review.objects.filter(review_date__isnull=False).count() >= 220


def test_session_calendar_is_seeded(db):
    first = Session.objects.get(number=1)
    assert (first.start_date, first.end_date) == (dt.date(2008, 4, 7), dt.date(2008, 4, 18))
    assert Session.objects.get(number=54).start_date == dt.date(2027, 1, 19)
    assert Session.objects.get(number=30).cycle_id == 3


def test_reference_tables_exist_without_the_data_directory(db):
    # Seeded by post_migrate from our own tables, not from the data directory.
    assert State.objects.count() == 195
    assert State.objects.get(iso3="CIV").regional_group == "African"
    assert set(State.objects.get(iso3="FRA").organisations.values_list("code", flat=True)) >= {
        "EU",
        "OIF",
    }


def test_load_default_corpus_does_nothing_when_the_corpus_is_not_empty(corpus, capsys):
    call_command("load_default_corpus")
    assert "already holds recommendations" in capsys.readouterr().out
    assert corpus.count() == 38_298


def test_load_default_corpus_without_data(db, settings, tmp_path, capsys):
    from upr.corpus.models import Recommendation

    Recommendation.objects.all().delete()
    settings.UPR_DATA_DIR = tmp_path
    call_command("load_default_corpus")
    assert "No data directory found" in capsys.readouterr().out
