"""Offline pipeline throughput on one core: pairs/s with a cold and a warm JD cache, p50/p95 ms, peak RSS."""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: no BLAS threads behind TF-IDF
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pairgen import make_pairs  # noqa: E402
from core.config import load_settings  # noqa: E402
from core.factory import build_context  # noqa: E402
from core.pipeline import run_to_end  # noqa: E402
from core.types import ItemState, MemoryCache  # noqa: E402


def _run(pairs: list[tuple[str, str]], ctx) -> tuple[float, float, list[float], int]:
    """(wall seconds, CPU seconds, per-pair ms, completed) for running every pair to the end."""
    times: list[float] = []
    completed = 0
    cpu = time.process_time()
    started = time.perf_counter()
    for i, (resume, jd) in enumerate(pairs):
        t0 = time.perf_counter()
        state = run_to_end(ItemState(item_id=f"bench-{i}", resume_text=resume, jd_text=jd), ctx)
        times.append((time.perf_counter() - t0) * 1000)
        completed += state.stage.value == "COMPLETED"
    return time.perf_counter() - started, time.process_time() - cpu, times, completed


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    """Run the benchmark and print the figures (JSON on the last line)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=300, help="pairs per run")
    parser.add_argument("--jds", type=int, default=5, help="distinct JDs in the warm run")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    t0 = time.perf_counter()
    ctx = build_context(load_settings(llm_provider="offline"), cache=MemoryCache())
    load_s = time.perf_counter() - t0
    _run(make_pairs(5, seed=1), ctx)  # warm up imports and lazily built regexes

    cold_pairs = make_pairs(args.n, seed=11)  # every pair its own JD: each one is a cache miss
    ctx.cache = MemoryCache()
    cold_s, cold_cpu, cold_ms, cold_ok = _run(cold_pairs, ctx)

    warm_pairs = make_pairs(args.n, seed=23, jds=args.jds)  # new resumes against a few JDs, already cached
    ctx.cache = MemoryCache()
    _run([(r, jd) for r, jd in warm_pairs[: args.jds]], ctx)
    warm_s, warm_cpu, warm_ms, warm_ok = _run(warm_pairs, ctx)

    figures = {
        "n": args.n,
        "load_s": round(load_s, 2),
        "cold_pairs_per_s": round(args.n / cold_s, 1),
        "cold_pairs_per_cpu_s": round(args.n / cold_cpu, 1),
        "cold_p50_ms": round(_pct(cold_ms, 50), 2),
        "cold_p95_ms": round(_pct(cold_ms, 95), 2),
        "warm_pairs_per_s": round(args.n / warm_s, 1),
        "warm_pairs_per_cpu_s": round(args.n / warm_cpu, 1),
        "warm_p50_ms": round(_pct(warm_ms, 50), 2),
        "warm_p95_ms": round(_pct(warm_ms, 95), 2),
        "completed": cold_ok + warm_ok,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(f"offline pipeline, one core, {args.n} pairs per run (model load {figures['load_s']} s)")
    print(
        f"  cold JD cache: {figures['cold_pairs_per_s']} pairs/s  p50 {figures['cold_p50_ms']} ms  "
        f"p95 {figures['cold_p95_ms']} ms  ({figures['cold_pairs_per_cpu_s']} per CPU-second)"
    )
    print(
        f"  warm JD cache: {figures['warm_pairs_per_s']} pairs/s  p50 {figures['warm_p50_ms']} ms  "
        f"p95 {figures['warm_p95_ms']} ms  ({figures['warm_pairs_per_cpu_s']} per CPU-second)"
    )
    print(f"  completed {figures['completed']} of {2 * args.n}; peak RSS {figures['peak_rss_mb']} MB")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
