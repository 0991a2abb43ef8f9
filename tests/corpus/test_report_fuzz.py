"""Damaged documents through `upr import report` and the upload page: a clear error naming the
file, never a crash, never a partial import (Hypothesis-generated damage)."""

from __future__ import annotations

import random
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from upr.corpus.models import ImportRun, Recommendation
from upr.corpus.report_import import import_report
from upr.sources.un_text import DocumentError
from upr.workspaces.models import User

from .test_report_import import SYNTHETIC

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
DOCX = "slovenia-upr/4thcycleunoriginal/upr48-slovenia-thematic-list-of-recommendatio.docx"


@pytest.fixture(scope="module")
def samples(data_dir: Path) -> dict[str, bytes]:
    return {
        "report.txt": SYNTHETIC.encode(),
        "afghanistan2014.txt": (
            data_dir / "terman-upr-info/wg-report-txts/afghanistan2014.txt"
        ).read_bytes()[:40_000],
        "matrix.docx": (data_dir / DOCX).read_bytes(),
    }


def _outcome(files: list[tuple[str, bytes]]) -> None:
    """Import inside a savepoint that is rolled back; check all-or-nothing either way."""
    before = (Recommendation.objects.count(), ImportRun.objects.count())
    with transaction.atomic():
        try:
            summary = import_report(files, sur="SVN", session=5)
        except DocumentError as exc:
            assert exc.name and exc.reason  # says which file and why
            assert (Recommendation.objects.count(), ImportRun.objects.count()) == before
        else:
            after = Recommendation.objects.count()
            assert after == before[0] + summary.imported
            assert ImportRun.objects.count() == before[1] + 1
        transaction.set_rollback(True)


@pytest.mark.django_db
@FUZZ
@given(data=st.data())
def test_truncated_documents(samples, data) -> None:
    name = data.draw(st.sampled_from(sorted(samples)))
    raw = samples[name]
    cut = data.draw(st.integers(0, len(raw)))
    _outcome([(name, raw[:cut])])


@pytest.mark.django_db
@FUZZ
@given(seed=st.integers(0, 2**32 - 1), name=st.sampled_from(["report.txt", "afghanistan2014.txt"]))
def test_shuffled_lines(samples, seed: int, name: str) -> None:
    lines = samples[name].split(b"\n")
    random.Random(seed).shuffle(lines)
    _outcome([(name, b"\n".join(lines))])


@pytest.mark.django_db
@FUZZ
@given(
    garbage=st.binary(max_size=3000),
    name=st.sampled_from(["r.txt", "r.pdf", "r.docx", "r.doc", "r"]),
    prefix=st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xef\xbb\xbf"]),
)
def test_garbage_bytes(garbage: bytes, name: str, prefix: bytes) -> None:
    _outcome([(name, prefix + garbage)])


@pytest.mark.django_db
@FUZZ
@given(data=st.data())
def test_damaged_bytes_inside_a_good_file(samples, data) -> None:
    name = data.draw(st.sampled_from(sorted(samples)))
    raw = bytearray(samples[name])
    at = data.draw(st.integers(0, len(raw) - 1))
    raw[at : at + 64] = data.draw(st.binary(min_size=1, max_size=64))
    companion = [("report.txt", samples["report.txt"])] if name == "matrix.docx" else []
    _outcome([*companion, (name, bytes(raw))])


@pytest.mark.django_db
def test_docx_that_is_not_a_zip_through_the_command(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(SYNTHETIC)
    fake = tmp_path / "list.docx"
    fake.write_bytes(b"This is plain text pretending to be Word.")
    with pytest.raises(CommandError, match=r"list\.docx: not a \.docx"):
        call_command("upr_import", "report", str(report), str(fake), "--sur", "SVN",
                     "--session", "5", stdout=StringIO(), stderr=StringIO())  # fmt: skip
    assert not Recommendation.objects.filter(sur_id="SVN", session_id=5).exists()


@pytest.mark.django_db
@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(garbage=st.binary(max_size=2000), ext=st.sampled_from(["pdf", "docx", "txt"]))
def test_upload_page_answers_garbage_with_a_form_error(
    run_worker, garbage: bytes, ext: str
) -> None:
    staff, _ = User.objects.get_or_create(email="staff@example.org", defaults={"is_staff": True})
    client = Client()
    client.force_login(staff)
    upload = SimpleUploadedFile(f"r.{ext}", garbage)
    before = Recommendation.objects.count()
    response = client.post(reverse("corpus:report_upload"), {"report": upload, "sur": "SVN"})
    assert response.status_code in (302, 400)  # queued, or refused by the form
    if response.status_code == 302:
        run_worker()
        page = client.get(response["Location"]).content.decode()
        assert ("Nothing was imported" in page) != ("imported</li>" in page)
        if "Nothing was imported" in page:
            assert Recommendation.objects.count() == before
    else:
        assert Recommendation.objects.count() == before
