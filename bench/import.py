"""Full import of the default corpus, timed beside a bare sqlite3 load of the same rows.

Run: .venv/bin/python bench/import.py   (uses UPR_DATA_DIR, default ../shared/data)

Our import parses and validates every row, resolves State names, builds natural keys, writes
recommendations, their recommending States and issues, and records the run. The reference reads
the same CSVs with the csv module and inserts them as they are into one flat table with
executemany: the floor for "getting these rows into SQLite".
"""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("UPR_DATA_DIR", ROOT.parent / "shared" / "data")) / "terman-upr-info"
FILES = ["1-5.csv", "6-9.csv", "10-13.csv", "14-17.csv", "18-19.csv", "voluntary.csv"]


def reference(db: Path) -> tuple[float, int]:
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute(
        "CREATE TABLE rec (sur TEXT, sur_group TEXT, sur_org TEXT, text TEXT, rs TEXT, "
        "rs_group TEXT, rs_org TEXT, response TEXT, action TEXT, issue TEXT, session INTEGER)"
    )
    rows = 0
    with conn:
        for name in FILES:
            with (DATA / name).open(newline="", encoding="mac_roman") as handle:
                reader = csv.reader(handle)
                next(reader)
                batch = list(reader)
                conn.executemany("INSERT INTO rec VALUES (?,?,?,?,?,?,?,?,?,?,?)", batch)
                rows += len(batch)
    conn.close()
    return time.perf_counter() - start, rows


def ours(db: Path) -> tuple[float, float]:
    env = {**os.environ, "UPR_SQLITE_PATH": str(db), "UPR_DATA_DIR": str(DATA.parent)}
    env.pop("DATABASE_URL", None)
    upr = [sys.executable, "-m", "upr.web.cli"]
    subprocess.run([*upr, "migrate", "-v", "0"], env=env, check=True)
    start = time.perf_counter()
    subprocess.run(
        [*upr, "import", "upr-info", *(str(DATA / f) for f in FILES), "--quiet-problems"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    total = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run(
        [*upr, "import", "upr-info", *(str(DATA / f) for f in FILES), "--quiet-problems"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return total, time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ref_time, rows = reference(Path(tmp) / "reference.sqlite3")
        our_time, again = ours(Path(tmp) / "upr.sqlite3")
    print(f"rows: {rows:,} (38,298 recommendations + 947 pledges)")
    print(f"{'what':<52} {'seconds':>8}  {'rows/s':>9}")
    print(f"{'reference: csv + sqlite3 executemany, flat table':<52} {ref_time:8.2f}  "
          f"{rows / ref_time:9,.0f}")  # fmt: skip
    print(f"{'upr import upr-info (full, incl. process start)':<52} {our_time:8.2f}  "
          f"{rows / our_time:9,.0f}")  # fmt: skip
    print(f"{'upr import upr-info again (idempotent: adds 0)':<52} {again:8.2f}  "
          f"{rows / again:9,.0f}")  # fmt: skip
    print(f"ratio ours / reference: {our_time / ref_time:.1f}×")


if __name__ == "__main__":
    main()
