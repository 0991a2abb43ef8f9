"""The `upr` command as users run it: a real process, its own SQLite database, real files."""

from __future__ import annotations

import os
import subprocess
import sys


def _upr(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "UPR_VAR_DIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "upr.web.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_import_command_reports_and_is_idempotent(tmp_path, terman_dir):
    assert _upr(tmp_path, "migrate", "-v", "0").returncode == 0
    first = _upr(tmp_path, "import", "upr-info", str(terman_dir / "voluntary.csv"))
    assert first.returncode == 0, first.stderr
    assert "947 rows read, 0 recommendations and 947 pledges imported" in first.stdout
    assert "read 947 rows" in first.stderr  # progress goes to stderr
    again = _upr(tmp_path, "import", "upr-info", str(terman_dir / "voluntary.xls"))
    assert "0 pledges imported, 947 already present, 0 skipped" in again.stdout
    # A secret key was generated for this instance; there are no default credentials.
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_import_command_refuses_a_broken_file(tmp_path):
    assert _upr(tmp_path, "migrate", "-v", "0").returncode == 0
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a workbook")
    done = _upr(tmp_path, "import", "upr-info", str(broken))
    assert done.returncode != 0
    assert "broken.xlsx" in done.stderr and "refused, nothing imported" in done.stderr


def test_unknown_subcommand_is_a_clear_error(tmp_path):
    done = _upr(tmp_path, "import", "nonsense", "x.csv")
    assert done.returncode != 0
    assert "invalid choice" in done.stderr
