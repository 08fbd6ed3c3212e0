"""Searchability checks against a reader's labels: tests/data/searchability/{dev,blind}.jsonl.

dev labels pairs of ../shared/eval/match_dev (read while the rules were written); blind labels
tests/data/match_blind (labelled before the checks first ran on them). Prints one JSON line per set.
Usage: python bench/eval_searchability.py [--set dev|blind|both] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.evals.searchability_eval import evaluate, read_labels  # noqa: E402
from core.factory import load_local  # noqa: E402

TODAY = date(2026, 12, 1)  # "present" in the labels' years
SETS = {
    "dev": (ROOT / "tests/data/searchability/dev.jsonl", ROOT.parent / "shared/eval"),
    "blind": (ROOT / "tests/data/searchability/blind.jsonl", ROOT / "tests/data"),
}


def main() -> None:
    """Evaluate the chosen label sets and print their figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=["dev", "blind", "both"], default="both")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    _, extractor = load_local()
    for name, (labels, root) in SETS.items():
        if args.set not in (name, "both") or not labels.exists() or not root.exists():
            continue
        out = evaluate(read_labels(labels), root, extractor.extract, TODAY)
        if not args.misses:
            out.pop("misses")
        print(json.dumps({"set": name, **out}))


if __name__ == "__main__":
    main()
