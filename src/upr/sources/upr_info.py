"""Reader of UPR Info database exports, in every form users have them.

UPR Info's export reaches NGOs as CSV (Mac Roman with CR line endings from the 2015 export, UTF-8 or
Windows-1252 after a trip through Excel) and as spreadsheets (.xls, .xlsx). This module turns any of
them into plain `ExportRow` records and refuses a broken file with an `ExportError` that names the
file, the line and the reason, so an import can stay atomic. It knows nothing of the database or of
State names: resolving those is the importer's job.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (BIFF inside an OLE2 container)
ZIP_MAGIC = b"PK\x03\x04"  # .xlsx

# Canonical field → header spellings met in the wild. The CSV export writes "To"/"From"; the
# spreadsheets write "SuR"/"RS" and repeat "Rgrp"/"Org" for both States (resolved by position).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "sur": ("to", "sur", "state under review"),
    "sur_group": ("to-rgrp",),
    "sur_orgs": ("to-org",),
    "text": ("text", "recommendation"),
    "recommending_state": ("from", "rs", "recommending state"),
    "rs_group": ("from-rgrp",),
    "rs_orgs": ("from-org",),
    "response": ("response",),
    "action": ("action", "action category"),
    "issues": ("issue", "issues"),
    "session": ("session",),
}
REQUIRED = ("sur", "text", "recommending_state", "response", "session")


class ExportError(ValueError):
    """A file that cannot be imported as it is; the message says where and why."""

    def __init__(self, file: str, reason: str, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.reason = reason
        where = f"{file}, line {line}" if line is not None else file
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One row of the export: one recommendation by one recommending State (or one pledge)."""

    file: str
    line: int
    sur: str
    text: str
    recommending_state: str
    response: str
    action: int | None
    issues: tuple[str, ...]
    session: int
    sur_group: str = ""
    sur_orgs: str = ""
    rs_group: str = ""
    rs_orgs: str = ""

    @property
    def is_pledge(self) -> bool:
        return self.response.strip().lower() == "voluntary pledge"


def read_export(path: str | Path) -> list[ExportRow]:
    """Read a whole export file; raises `ExportError` on anything that is not a clean export."""
    path = Path(path)
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExportError(name, f"cannot be read ({exc.strerror or exc})") from exc
    return read_export_bytes(data, name)


def read_export_bytes(data: bytes, name: str) -> list[ExportRow]:
    """Read an export from memory (uploads), choosing the reader by content, not by extension."""
    if not data.strip():
        raise ExportError(name, "the file is empty")
    if data.startswith(OLE2_MAGIC):
        table = _xls_table(data, name)
    elif data.startswith(ZIP_MAGIC):
        table = _xlsx_table(data, name)
    else:
        table = _csv_table(data, name)
    return list(_rows(table, name))


def decode_text(data: bytes, name: str) -> str:
    """Decode CSV bytes, telling Mac Roman, Windows-1252 and UTF-8 apart.

    UTF-8 is tried first because it is self-checking. Otherwise old-Mac CR-only line endings mean
    Mac Roman (the 2015 export); anything else is taken as Windows-1252, Excel's default on Windows.
    """
    if b"\x00" in data:
        raise ExportError(name, "the file holds binary data (NUL bytes); it is not a CSV export")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\r" in data and b"\n" not in data:
        return data.decode("mac_roman")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("mac_roman")  # every byte is defined in Mac Roman


def _csv_table(data: bytes, name: str) -> Iterator[tuple[int, list[str]]]:
    text = decode_text(data, name)
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text[:4096])
    if printable < 0.95 * min(len(text), 4096):
        raise ExportError(name, "the file is not text (unreadable characters); is it an export?")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        for record in reader:
            yield start, record
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ExportError(name, f"broken CSV ({exc}); the file may be truncated", start) from exc


def _xls_table(data: bytes, name: str) -> Iterator[tuple[int, list[str]]]:
    import xlrd

    try:
        book = xlrd.open_workbook(
            file_contents=data, ignore_workbook_corruption=True, on_demand=True
        )
        sheet = book.sheet_by_index(0)
        rows = [sheet.row_values(i) for i in range(sheet.nrows)]
    except Exception as exc:  # xlrd raises many kinds of errors on damaged files
        raise ExportError(name, f"the .xls spreadsheet cannot be read ({exc})") from exc
    for number, values in enumerate(rows, start=1):
        yield number, [_cell(v) for v in values]


def _xlsx_table(data: bytes, name: str) -> Iterator[tuple[int, list[str]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = [list(values) for values in sheet.iter_rows(values_only=True)]
        book.close()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError) as exc:
        raise ExportError(name, f"the .xlsx spreadsheet cannot be read ({exc})") from exc
    for number, values in enumerate(rows, start=1):
        yield number, [_cell(v) for v in values]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _columns(header: list[str], name: str) -> dict[str, int]:
    """Map canonical fields to column positions; repeated Rgrp/Org go to SuR first, then RS."""
    columns: dict[str, int] = {}
    seen_group = seen_org = 0
    for index, raw in enumerate(header):
        key = raw.strip().lower()
        if key == "rgrp":
            columns["sur_group" if seen_group == 0 else "rs_group"] = index
            seen_group += 1
            continue
        if key == "org":
            columns["sur_orgs" if seen_org == 0 else "rs_orgs"] = index
            seen_org += 1
            continue
        for field, spellings in HEADER_ALIASES.items():
            if key in spellings and field not in columns:
                columns[field] = index
    missing = [field for field in REQUIRED if field not in columns]
    if missing:
        wanted = ", ".join(HEADER_ALIASES[f][0].capitalize() for f in missing)
        raise ExportError(
            name,
            f"missing column(s) {wanted}; found {', '.join(h for h in header if h) or 'none'}. "
            "Is this a UPR Info export?",
            1,
        )
    return columns


def _rows(table: Iterator[tuple[int, list[str]]], name: str) -> Iterator[ExportRow]:
    iterator = iter(table)
    try:
        _, header = next(iterator)
    except StopIteration:
        raise ExportError(name, "the file is empty") from None
    columns = _columns(header, name)
    width = max(columns.values()) + 1
    expected = len(header)
    for line, record in iterator:
        if not any(cell.strip() for cell in record):
            continue  # blank lines (a trailing newline, an empty spreadsheet row)
        if len(record) < width or (expected and len(record) != expected and len(record) < width):
            raise ExportError(
                name,
                f"{len(record)} field(s) where the header has {expected}; "
                "the file may be truncated or its columns shifted",
                line,
            )
        yield _row(record, columns, name, line)


def _row(record: list[str], columns: dict[str, int], name: str, line: int) -> ExportRow:
    def get(field: str) -> str:
        index = columns.get(field)
        return record[index].strip() if index is not None and index < len(record) else ""

    session_text = get("session")
    try:
        session = int(float(session_text))
    except ValueError:
        raise ExportError(name, f"session {session_text!r} is not a number", line) from None
    if not 1 <= session <= 999:
        raise ExportError(name, f"session {session} is out of range", line)
    action_text = get("action")
    action: int | None = None
    if action_text:
        try:
            action = int(float(action_text))
        except ValueError:
            raise ExportError(name, f"action category {action_text!r} is not 1–5", line) from None
        if not 1 <= action <= 5:
            raise ExportError(name, f"action category {action} is not 1–5", line)
    issues = tuple(i.strip() for i in get("issues").split(",") if i.strip())
    return ExportRow(
        file=name,
        line=line,
        sur=get("sur"),
        text=" ".join(get("text").split()),
        recommending_state=get("recommending_state"),
        response=get("response"),
        action=action,
        issues=issues,
        session=session,
        sur_group=get("sur_group"),
        sur_orgs=get("sur_orgs"),
        rs_group=get("rs_group"),
        rs_orgs=get("rs_orgs"),
    )
