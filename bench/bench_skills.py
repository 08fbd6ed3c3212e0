"""Skills matcher and JD signal extraction: load time, find() per bullet, extract() per JD, eval on the dev file.

    .venv/bin/python bench/bench_skills.py [--n 2000] [--conll ../shared/eval/skillspan_tech_dev.conll]

Prints one line per figure and a JSON summary on the last line. Goals: find() on a 20-word bullet in the
tens of microseconds uncached; extract() on a ~400-word JD in a few ms; eval < 1 ms per sentence.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pairgen import make_pairs  # noqa: E402


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    """Run the measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="bullets to time")
    parser.add_argument("--jds", type=int, default=200, help="JDs to time")
    parser.add_argument("--conll", type=Path, default=ROOT.parent / "shared" / "eval" / "skillspan_tech_dev.conll")
    args = parser.parse_args()

    started = time.perf_counter()
    from core.signals import SignalExtractor
    from core.skills import load_matcher

    matcher = load_matcher()
    extractor = SignalExtractor(matcher)
    load_s = time.perf_counter() - started
    print(f"load (imports + matcher + TF-IDF): {load_s:.2f} s, {len(matcher)} skills")

    pairs = make_pairs(max(args.jds, 20), seed=11, jds=args.jds)
    rng = random.Random(5)
    bullets = [line.lstrip("•-* ").strip() for resume, _ in pairs for line in resume.splitlines()]
    bullets = [b for b in bullets if len(b.split()) >= 8]
    rng.shuffle(bullets)
    # unique texts so the LRU cache does not answer: suffix a counter
    texts = [f"{bullets[i % len(bullets)]} ({i})" for i in range(args.n)]
    words = statistics.mean(len(t.split()) for t in texts)
    cold = []
    for text in texts:
        t0 = time.perf_counter()
        matcher.find(text)
        cold.append((time.perf_counter() - t0) * 1e6)
    warm = []
    for text in texts[:500]:
        t0 = time.perf_counter()
        matcher.find(text)
        warm.append((time.perf_counter() - t0) * 1e6)
    print(
        f"find() uncached, {words:.0f}-word bullets: "
        f"p50 {_percentile(cold, 0.5):.1f} us, p95 {_percentile(cold, 0.95):.1f} us"
    )
    print(f"find() cached: p50 {_percentile(warm, 0.5):.2f} us")

    jds = [jd for _, jd in pairs][: args.jds]
    jd_words = statistics.mean(len(j.split()) for j in jds)
    extract_ms = []
    for i, jd in enumerate(jds):
        t0 = time.perf_counter()
        extractor.extract(f"{jd}\nref {i}")
        extract_ms.append((time.perf_counter() - t0) * 1000)
    print(
        f"extract() {jd_words:.0f}-word JDs: p50 {_percentile(extract_ms, 0.5):.2f} ms, "
        f"p95 {_percentile(extract_ms, 0.95):.2f} ms"
    )

    summary = {
        "load_s": round(load_s, 2),
        "find_us_p50": round(_percentile(cold, 0.5), 1),
        "find_us_p95": round(_percentile(cold, 0.95), 1),
        "find_cached_us_p50": round(_percentile(warm, 0.5), 2),
        "extract_ms_p50": round(_percentile(extract_ms, 0.5), 2),
        "extract_ms_p95": round(_percentile(extract_ms, 0.95), 2),
    }
    if args.conll.is_file():
        from core.evals.skills_eval import evaluate_skills, read_conll

        result = evaluate_skills(read_conll(args.conll.read_text(encoding="utf-8")), matcher)
        k = result["knowledge"]
        print(
            f"eval {args.conll.name}: knowledge P {k['precision']:.3f} R {k['recall']:.3f} F1 {k['f1']:.3f}, "
            f"{result['ms_per_sentence']:.3f} ms/sentence"
        )
        summary["knowledge"] = k
        summary["skill"] = result["skill"]
        summary["ms_per_sentence"] = result["ms_per_sentence"]
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
