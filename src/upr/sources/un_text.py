"""Turn a UN document (.txt, .pdf, .docx) into clean text for the UPR parsers.

The documents come from three decades of tooling: Mac Roman text with CR endings scraped in
2015, cp1252 exports, UTF-8 pdftotext output, ODS PDFs with running headers, and OHCHR .docx
tables. Every reader funnels its failures into :class:`DocumentError` so callers (importers,
the evaluation command) can report a bad file by name instead of crashing on a library's
internal exception.
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

__all__ = [
    "DocumentError",
    "decode_text",
    "document_text",
    "docx_tables",
    "docx_text",
    "pdf_text",
    "read_document",
    "strip_page_furniture",
]


class DocumentError(ValueError):
    """A document that cannot be read or does not contain what its parser needs."""

    def __init__(self, name: str | Path, reason: str) -> None:
        self.name = str(name)
        self.reason = reason
        super().__init__(f"{self.name}: {reason}")


# Bytes that decode to C0 control characters never appear in real documents except for
# tab/newlines/form feed; a few stray ones are tolerated (old Word exports), many mean garbage.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Characters that are plausible in English/French/Spanish UN text, used to choose a legacy
# code page: a wrong guess turns quotes and accents into symbols like "Ò" or "Ž".
_PLAUSIBLE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ‘’“”–—…•€]")
# Mac Roman's quotes and dashes read as cp1252 are capitals that end a word in lower case
# ("PeopleÕs", "reformÓ"): plausible letters one by one, never in real text.
_CAPITAL_AFTER_LOWER = re.compile(r"(?<=[a-z])[ÐÑÒÓÔÕ]")


def _score(text: str) -> int:
    odd = sum(1 for ch in re.findall(r"[^\x00-\x7f]", text) if not _PLAUSIBLE.match(ch))
    return len(text) - 20 * (odd + len(_CAPITAL_AFTER_LOWER.findall(text)))


def decode_text(data: bytes, name: str | Path = "<text>") -> str:
    """Decode bytes of unknown legacy encoding and normalise line endings to LF.

    UTF-8 is tried first because it almost never validates by accident; otherwise Mac Roman
    and cp1252 are both tried and the one yielding plausible letters/quotes wins (CR-only line
    endings tip a tie towards Mac Roman, the classic-Mac default).
    """
    if not data.strip():
        raise DocumentError(name, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        candidates = [data.decode("mac_roman")]
        with contextlib.suppress(UnicodeDecodeError):  # cp1252 leaves five bytes undefined
            candidates.append(data.decode("cp1252"))
        cr_only = b"\r" in data and b"\n" not in data
        text = max(candidates, key=lambda t: (_score(t), cr_only == (t is candidates[0])))
    controls = len(_CONTROL.findall(text))
    if controls > max(3, len(text) // 500):
        raise DocumentError(name, f"not a text document ({controls} control characters)")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return _CONTROL.sub("", text)


# Running heads and feet of ODS documents: job numbers ("GE.09-16299 (E) 251109"), the
# symbol repeated on every page, "Page 13", bare page numbers, the barcode "*1412952*" and the
# recycling note. Layout extraction puts several of them on one line, so a line is furniture
# when nothing is left after removing them all.
_FURNITURE_TOKEN = re.compile(
    r"GE\.\s?\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}"
    r"|A/HRC/(?:WG\.6/)?\d+/[A-Za-z0-9/.]+\*?"
    r"|\bPage\s*\d{1,3}\b"
    r"|\*\d{7}\*"
    r"|Please recycle"
    r"|\b\d{1,3}\b",
    re.IGNORECASE,
)
_HAS_FURNITURE = re.compile(r"GE\.|A/HRC/|Page|\*\d{7}\*|recycle|^\s*\d{1,3}\s*$", re.IGNORECASE)


def _is_furniture(line: str) -> bool:
    return bool(
        line.strip() and _HAS_FURNITURE.search(line) and not _FURNITURE_TOKEN.sub("", line).strip()
    )


def strip_page_furniture(text: str) -> str:
    """Drop page headers/footers so paragraphs split by a page break read as one."""
    return "\n".join(line for line in text.split("\n") if not _is_furniture(line))


# A footnote block starts at the bottom of a page with its marker ("2   The original …",
# "**  The conclusions …") after a blank line; everything below it on the page is notes.
_FOOTNOTE_START = re.compile(r"^\s*(?:\d{1,2}|\*{1,3})\s{2,}\S")


def _drop_footnotes(page: str) -> str:
    lines = page.split("\n")
    for i in range(len(lines) // 3, len(lines)):
        if _FOOTNOTE_START.match(lines[i]) and (i == 0 or not lines[i - 1].strip()):
            return "\n".join(lines[:i])
    return page


def pdf_text(data: bytes, name: str | Path = "<pdf>") -> str:
    """Extract the text of a PDF in reading order, without page furniture.

    pypdf's layout mode is used because its plain mode splits words ("nati onal") and the
    layout mode keeps paragraph numbers at the start of their lines, which the parsers need.
    """
    import pypdf
    from pypdf.errors import PyPdfError

    if not data.startswith(b"%PDF"):
        raise DocumentError(name, "not a PDF (missing %PDF header)")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
        pages = [_drop_footnotes(p) for p in pages]
    except DocumentError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise DocumentError(name, f"unreadable PDF ({type(exc).__name__}: {exc})") from exc
    except (RecursionError, ZeroDivisionError, OSError, AssertionError) as exc:
        raise DocumentError(name, f"unreadable PDF ({type(exc).__name__})") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise DocumentError(name, "PDF has no extractable text (scanned?)")
    return strip_page_furniture(text)


def _open_docx(data: bytes, name: str | Path):  # -> docx.document.Document
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocumentError(name, "not a .docx (not a zip archive)")
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DocumentError(name, f"unreadable .docx ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:  # lxml parse errors and friends from a damaged package
        raise DocumentError(name, f"unreadable .docx ({type(exc).__name__})") from exc


def _cell_text(cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs).strip()


def docx_tables(data: bytes, name: str | Path = "<docx>") -> list[list[list[str]]]:
    """Return every table of a .docx as rows of cell texts (merged cells repeated)."""
    document = _open_docx(data, name)
    try:
        return [[[_cell_text(c) for c in row.cells] for row in t.rows] for t in document.tables]
    except Exception as exc:  # python-docx raises assorted errors on malformed tables
        raise DocumentError(name, f"unreadable .docx table ({type(exc).__name__})") from exc


def _docx_blocks(document) -> Iterator[str]:
    """Paragraphs and table rows in document order (python-docx lists them separately)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = _cell_text(cell)
                    if not cells or cells[-1] != text:  # merged cells repeat their text
                        cells.append(text)
                yield "\t".join(cells)


def docx_text(data: bytes, name: str | Path = "<docx>") -> str:
    """Text of a .docx including its tables, one table row per line (cells tab-separated)."""
    document = _open_docx(data, name)
    try:
        text = "\n".join(_docx_blocks(document))
    except Exception as exc:
        raise DocumentError(name, f"unreadable .docx ({type(exc).__name__})") from exc
    if not text.strip():
        raise DocumentError(name, "empty .docx")
    return text


def read_document(path: str | Path) -> str:
    """Read a .txt, .pdf or .docx file into clean LF-separated text."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path.name, f"cannot read file ({exc.strerror})") from exc
    return document_text(data, path.name)


def document_text(data: bytes, name: str) -> str:
    """Clean text of a document given as bytes; the format comes from the name's suffix
    (or the PDF signature), so uploads can be read without touching the disk."""
    if not data:
        raise DocumentError(name, "empty file")
    suffix = Path(name).suffix.lower()
    if suffix == ".pdf" or data.startswith(b"%PDF"):
        if b"%%EOF" not in data[-2048:]:
            raise DocumentError(name, "truncated PDF (no %%EOF marker at the end)")
        return pdf_text(data, name)
    if suffix == ".docx":
        return docx_text(data, name)
    if suffix in {".doc", ".xls", ".xlsx", ".odt"}:
        raise DocumentError(name, f"unsupported format {suffix}")
    return decode_text(data, name)
