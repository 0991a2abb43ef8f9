"""Benchmark of upr.ml: training time, predictions per second for one text and a batch of 1,000.

Trains on sessions 1–17 of the UPR Info export found in $UPR_DATA_DIR (default ../shared/data)
and prints the headline figures on sessions 18–19.  Run: .venv/bin/python bench/ml.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "src"))

from upr.ml.api import SimilarityIndex, evaluate, load_upr_info, time_split  # noqa: E402


def rate(function, texts, repeat: int) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        function(texts)
    return repeat * len(texts) / (time.perf_counter() - started)


def main() -> None:
    data = Path(os.environ.get("UPR_DATA_DIR", PROJECT.parent / "shared" / "data"))
    rows = load_upr_info(data / "terman-upr-info")
    train, test = time_split(rows, last_train_session=17)
    report = evaluate(train, test, seed=0)
    tagger, classifier = report.issue_tagger, report.action_classifier
    print(f"train rows {report.n_train}, test rows {report.n_test}, cpus {os.cpu_count()}")
    print(
        f"training time: issues {report.issue_training_seconds:.1f} s, "
        f"action {report.action_training_seconds:.1f} s, total {report.training_seconds:.1f} s"
    )
    print(
        f"issues micro F1 {report.issues_micro_f1:.4f}, macro F1 {report.issues_macro_f1:.4f}; "
        f"action accuracy {report.action_accuracy:.4f}, macro F1 {report.action_macro_f1:.4f}"
    )

    one = [test[0].text]
    batch = [row.text for row in test[:1000]]
    started = time.perf_counter()
    index = SimilarityIndex.build([row.text for row in rows], list(range(len(rows))))
    index_seconds = time.perf_counter() - started
    print(f"similarity index over {len(rows)} texts built in {index_seconds:.1f} s")
    print(f"{'model':<20}{'1 text (pred/s)':>18}{'batch of 1,000 (pred/s)':>26}")
    for name, function in (
        ("issue tagger", tagger.predict),
        ("action classifier", classifier.predict),
        ("similarity top-10", lambda texts: index.query_many(texts, 10)),
    ):
        print(f"{name:<20}{rate(function, one, 50):>18.0f}{rate(function, batch, 1):>26.0f}")


if __name__ == "__main__":
    main()
