"""The default corpus: the UPR Info export in the data directory, loaded into an empty database."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

DEFAULT_FILES = ("1-5.csv", "6-9.csv", "10-13.csv", "14-17.csv", "18-19.csv", "voluntary.csv")


def default_files(data_dir: Path | None = None) -> list[Path]:
    """The export files of the default corpus that exist in the data directory."""
    folder = Path(data_dir or settings.UPR_DATA_DIR) / "terman-upr-info"
    return [folder / name for name in DEFAULT_FILES if (folder / name).is_file()]
