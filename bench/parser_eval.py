"""Score the WG-report parser against the UPR Info export (recall, precision, States).

Run: .venv/bin/python bench/parser_eval.py [TERMAN_DIR]   (default: $UPR_DATA_DIR/terman-upr-info)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from upr.sources.parser_eval_data import evaluate_directory


def main(argv: list[str]) -> int:
    default = Path(os.environ.get("UPR_DATA_DIR", "../shared/data")) / "terman-upr-info"
    terman = Path(argv[0]) if argv else default
    if not (terman / "wg-report-txts").is_dir():
        print(f"no wg-report-txts under {terman}; set UPR_DATA_DIR", file=sys.stderr)
        return 1
    started = time.perf_counter()
    evaluation = evaluate_directory(terman)
    print(evaluation.render(10))
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
