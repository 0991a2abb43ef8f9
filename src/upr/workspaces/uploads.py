"""A reusable check for uploaded files: allowed kind (by extension AND content) and size.

Use it on any ``FileField`` or form field::

    from upr.workspaces.uploads import DOCUMENTS, UploadValidator
    attachment = models.FileField(validators=[UploadValidator(DOCUMENTS)])
    source = forms.FileField(validators=[UploadValidator({"csv", "xlsx"}, max_bytes=20 << 20)])

The browser's declared content type is never trusted: the first bytes must match the kind the
extension claims, so a renamed executable or HTML page is refused. Files are only ever served
back as attachments with ``nosniff`` (see ``views/notes.py``).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

_ZIP_MEMBERS = {  # Office Open XML / OpenDocument: a zip holding this member
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
    "odt": "content.xml",
    "ods": "content.xml",
}
_MAGIC = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
}
_TEXT = {"txt", "csv", "md"}
KNOWN_KINDS = frozenset(_ZIP_MEMBERS) | frozenset(_MAGIC) | _TEXT

DOCUMENTS = frozenset({"pdf", "docx", "odt", "doc", "txt", "md", "csv", "xlsx", "ods", "xls"})
IMAGES = frozenset({"png", "jpg", "jpeg"})


def _looks_like(kind: str, upload) -> bool:
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    if kind in _MAGIC:
        return head.startswith(_MAGIC[kind])
    if kind in _TEXT:
        if b"\x00" in head:
            return False
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:  # a cut multi-byte character at the end is fine
            return exc.start >= len(head) - 3
        return True
    if kind in _ZIP_MEMBERS:
        if not head.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(upload) as archive:
                return _ZIP_MEMBERS[kind] in archive.namelist()
        except zipfile.BadZipFile:
            return False
        finally:
            upload.seek(0)
    return False


@deconstructible
class UploadValidator:
    def __init__(self, kinds: Iterable[str] = DOCUMENTS, max_bytes: int | None = None) -> None:
        unknown = set(kinds) - KNOWN_KINDS
        if unknown:
            raise ValueError(f"Unknown file kinds: {sorted(unknown)}")
        self.kinds = sorted(kinds)
        self.max_bytes = max_bytes

    def __call__(self, upload) -> None:
        limit = self.max_bytes or settings.UPR_UPLOAD_MAX_BYTES
        if upload.size is not None and upload.size > limit:
            raise ValidationError(
                _("The file is too large (%(size)s); the limit is %(limit)s."),
                code="file_too_large",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            )
        kind = PurePath(upload.name or "").suffix.lower().lstrip(".")
        if kind not in self.kinds:
            raise ValidationError(
                _("This kind of file is not accepted. Accepted: %(kinds)s."),
                code="file_kind",
                params={"kinds": ", ".join(self.kinds)},
            )
        if not _looks_like(kind, upload):
            raise ValidationError(
                _("The file's content does not match its name (.%(kind)s)."),
                code="file_content",
                params={"kind": kind},
            )

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, UploadValidator)
            and self.kinds == other.kinds
            and self.max_bytes == other.max_bytes
        )
