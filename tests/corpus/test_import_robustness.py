"""Re-imports add nothing; broken files are refused whole, with the file, line and reason."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from upr.corpus.importer import import_bytes, import_file
from upr.corpus.models import ImportRun, Pledge, Recommendation, Review
from upr.sources.upr_info import ExportError


def _snapshot() -> tuple[int, ...]:
    return (
        Recommendation.objects.count(),
        Pledge.objects.count(),
        Review.objects.count(),
        Recommendation.issues.through.objects.count(),
        Recommendation.recommending_states.through.objects.count(),
        ImportRun.objects.count(),
    )


def test_second_import_adds_nothing(corpus, terman_dir):
    before = _snapshot()
    for name in ("1-5.csv", "18-19.csv", "voluntary.csv", "1-5.xls", "voluntary.xls"):
        summary = import_file(terman_dir / name)
        assert summary.imported == 0 and summary.pledges == 0
        assert summary.already_present == summary.rows_read
    assert _snapshot()[:5] == before[:5]


def test_xls_gives_the_same_rows_as_csv(terman_dir):
    from upr.sources.upr_info import read_export

    def fields(rows):
        return [
            (r.sur, r.text, r.recommending_state, r.response, r.action, r.issues, r.session)
            for r in rows
        ]

    for stem in ("1-5", "voluntary"):
        assert fields(read_export(terman_dir / f"{stem}.csv")) == fields(
            read_export(terman_dir / f"{stem}.xls")
        )


def _fresh(data: bytes) -> bytes:
    """Make every row new to the corpus, so a broken file would really add rows if not refused."""
    return data.replace(b"Enact legislation", b"Enact NEW legislation").replace(b",5\r", b",19\r")


@pytest.fixture
def export_bytes(terman_dir) -> bytes:
    return _fresh((terman_dir / "1-5.csv").read_bytes())


def test_truncated_file_is_refused_and_changes_nothing(corpus, export_bytes):
    before = _snapshot()
    lines = export_bytes.split(b"\r")
    for middle in (3000, 3001, 3002):  # inside a quoted text, or a row with too few fields
        cut = b"\r".join(lines[:middle]) + b"\r" + lines[middle][: len(lines[middle]) // 2]
        with pytest.raises(ExportError, match="truncated"):
            import_bytes(cut, "1-5-truncated.csv")
    cut = export_bytes[: export_bytes.index(b'"', len(export_bytes) // 2) + 20]
    with pytest.raises(ExportError) as info:
        import_bytes(cut, "1-5-truncated.csv")
    assert info.value.file == "1-5-truncated.csv"
    assert info.value.line is not None and info.value.line > 1000
    assert "truncated" in str(info.value)
    assert _snapshot() == before


def test_row_cut_at_a_field_boundary_is_refused(corpus, export_bytes):
    before = _snapshot()
    lines = export_bytes.split(b"\r")
    lines[3000] = lines[3000].rsplit(b",", 4)[0]  # the last four fields are gone
    with pytest.raises(ExportError, match=r"line \d+: \d field\(s\) where the header has 11"):
        import_bytes(b"\r".join(lines), "shifted.csv")
    assert _snapshot() == before


def test_wrong_columns_are_refused(corpus):
    before = _snapshot()
    data = b"Country,Recommendation text,Year\rFrance,Ratify it,2009\r"
    with pytest.raises(ExportError, match="missing column") as info:
        import_bytes(data, "other.csv")
    assert info.value.line == 1
    assert _snapshot() == before


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \r\n ", "empty"),
        (b"\x00\x01\x02garbage\xff\xfe" * 200, "binary"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x07" * 600, ".xls spreadsheet cannot be read"),
        (b"PK\x03\x04not really a zip file", ".xlsx spreadsheet cannot be read"),
    ],
)
def test_garbage_is_refused(corpus, data, reason):
    before = _snapshot()
    with pytest.raises(ExportError, match=reason):
        import_bytes(data, "garbage.csv")
    assert _snapshot() == before


def test_bad_session_names_the_line(corpus, export_bytes):
    lines = export_bytes.split(b"\r")
    lines[10] = lines[10].rsplit(b",", 1)[0] + b",eleven"
    with pytest.raises(ExportError, match=r"line 11: session 'eleven' is not a number"):
        import_bytes(b"\r".join(lines), "bad-session.csv")


def test_unknown_state_rows_are_reported_not_dropped(corpus):
    header = b"To,Text,From,Response,Action,Issue,Session\n"
    rows = (
        b"Freedonia,Ratify the Convention against Torture.,France,Accepted,5,"
        b"Torture and other CID treatment,19\n"
        b"France,Ratify the Convention on Freedonia.,Sylvania,Noted,5,"
        b"International instruments,19\n"
        b"France,Adopt a brand new law on the press.,Chile,Accepted,5,Freedom of the press,19\n"
    )
    summary = import_bytes(header + rows, "mixed.csv")
    assert summary.imported == 1
    assert summary.skipped == {"unknown State under Review": 1, "unknown recommending State": 1}
    assert [line for line, _ in summary.problems] == [2, 3]
    assert "Freedonia" in summary.problems[0][1] and "Sylvania" in summary.problems[1][1]


def test_utf8_and_windows_1252_exports(corpus):
    header = "To,Text,From,Response,Action,Issue,Session\r\n"
    row = "Côte d'Ivoire,“Adopt” a law on statelessness – soon,Türkiye,Accepted,5,Justice,19\r\n"
    for encoding in ("utf-8", "cp1252", "utf-8-sig"):
        summary = import_bytes((header + row).encode(encoding), f"{encoding}.csv")
        assert summary.imported + summary.already_present == 1, encoding
    rec = Recommendation.objects.get(text__startswith="“Adopt”")
    assert rec.sur_id == "CIV"
    assert list(rec.recommending_states.values_list("iso3", flat=True)) == ["TUR"]


def test_command_refuses_a_broken_file_and_names_it(corpus, tmp_path, capsys):
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"\x00\x00binary")
    before = _snapshot()
    with pytest.raises(CommandError, match="refused"):
        call_command("upr_import", "upr-info", str(broken))
    assert "broken.csv" in capsys.readouterr().err
    assert _snapshot() == before
