"""CPU milliseconds per warm pair, round by round: run two trees at once on one core to compare them fairly.

    taskset -c 1 python OLD/bench/bench_warm_cpu.py & taskset -c 1 python NEW/bench/bench_warm_cpu.py; wait

Each round runs new resumes (their own seed) against the same few JDs, already cached, as the warm run of
`bench_pipeline.py` does; both processes share the core and whatever else disturbs it, so their per-round figures
compare where back-to-back runs on this shared machine differ by up to 25 %. Prints one JSON line per round and a
summary (min and median) last.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pairgen import make_pairs  # noqa: E402
from core.config import load_settings  # noqa: E402
from core.factory import build_context  # noqa: E402
from core.pipeline import run_to_end  # noqa: E402
from core.types import ItemState, MemoryCache  # noqa: E402


def main() -> None:
    """Run the rounds and print CPU ms per warm pair."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=60, help="new warm pairs per round")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--jds", type=int, default=5, help="distinct JDs, cached before the first round")
    args = parser.parse_args()
    ctx = build_context(load_settings(llm_provider="offline"), cache=MemoryCache())

    def run(pairs: list[tuple[str, str]]) -> None:
        for i, (resume, jd) in enumerate(pairs):
            run_to_end(ItemState(item_id=f"warm-{i}", resume_text=resume, jd_text=jd), ctx)

    run(make_pairs(5, seed=1))  # imports and lazily built patterns
    first = make_pairs(args.n, seed=23, jds=args.jds)
    run(first[: args.jds])  # the JDs' signals cached
    per_pair: list[float] = []
    for r in range(args.rounds):
        # the same cached JDs every round, against resumes never seen before (another seed's)
        pairs = (
            first if r == 0 else [(resume, jd) for (resume, _), (_, jd) in zip(_resumes(args, r), first, strict=True)]
        )
        cpu = time.process_time()
        run(pairs)
        ms = (time.process_time() - cpu) * 1000 / len(pairs)
        per_pair.append(ms)
        print(json.dumps({"tree": str(ROOT), "round": r, "cpu_ms_per_pair": round(ms, 2)}), flush=True)
    summary = {"tree": str(ROOT), "min": round(min(per_pair), 2), "median": round(statistics.median(per_pair), 2)}
    print(json.dumps(summary))


def _resumes(args: argparse.Namespace, r: int) -> list[tuple[str, str]]:
    return make_pairs(args.n, seed=1000 + r, jds=args.jds)


if __name__ == "__main__":
    main()
