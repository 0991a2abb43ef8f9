"""The reusable upload validator: kind by extension and by content, and size."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from upr.workspaces.models import Note, Role
from upr.workspaces.uploads import DOCUMENTS, IMAGES, UploadValidator

from .conftest import World


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("brief.pdf", b"%PDF-1.7\n..."),
        ("notes.txt", "Déclaration — Genève\n".encode()),
        ("list.csv", b"a,b\n1,2\n"),
        ("letter.docx", _docx()),
    ],
)
def test_accepts_real_documents(name, content, settings):
    UploadValidator(DOCUMENTS)(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("tool.exe", b"MZ\x90\x00", "file_kind"),
        ("page.html", b"<script>alert(1)</script>", "file_kind"),
        ("fake.pdf", b"<html><script>", "file_content"),
        ("fake.docx", b"PK\x03\x04not really", "file_content"),
        ("binary.txt", b"\x00\x01\x02", "file_content"),
        ("photo.png", b"\x89PNG\r\n\x1a\n....", "file_kind"),  # not a document
    ],
)
def test_refuses_wrong_kinds(name, content, code, settings):
    with pytest.raises(ValidationError) as error:
        UploadValidator(DOCUMENTS)(SimpleUploadedFile(name, content))
    assert error.value.code == code


def test_size_limit(settings):
    settings.UPR_UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError) as error:
        UploadValidator(DOCUMENTS)(SimpleUploadedFile("a.txt", b"x" * 11))
    assert error.value.code == "file_too_large"
    UploadValidator(IMAGES, max_bytes=100)(SimpleUploadedFile("a.png", b"\x89PNG\r\n\x1a\n"))


def test_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError):
        UploadValidator({"exe"})


def test_note_form_refuses_a_disguised_file(world: World):
    ws = world.workspace.public_id
    upload = SimpleUploadedFile("report.pdf", b"<html>", content_type="application/pdf")
    response = world.client("editor").post(
        reverse("workspaces:note_create", args=[ws]), {"title": "t", "attachment": upload}
    )
    assert response.status_code == 200
    assert (
        not Note.objects.for_membership(world.memberships[Role.EDITOR]).filter(title="t").exists()
    )
