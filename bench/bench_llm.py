"""LLM provider layer against a local zero-latency server: requests for 100 resumes x 1 JD, prompt tokens, overhead."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pairgen import make_pairs  # noqa: E402
from core import pii  # noqa: E402
from core.config import load_settings  # noqa: E402
from core.factory import build_context  # noqa: E402
from core.llm.pricing import estimate_prompt_tokens  # noqa: E402
from core.llm.prompts import build_prompt, parse_reply  # noqa: E402
from core.pipeline import run_to_end  # noqa: E402
from core.types import ItemState, MemoryCache, Stage  # noqa: E402
from tests.fakes.llm_server import FakeLLMServer  # noqa: E402


def _pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def _stage_ms(state: ItemState, stage: Stage) -> float:
    return next(r.ms for r in state.stages if r.stage == stage)


def _pure_ms(states: list[ItemState]) -> tuple[list[float], list[float]]:
    """Per pair: ms of redaction + restore, and ms of build_prompt + parse_reply, timed alone (no network)."""
    redaction_ms, prompt_ms = [], []
    for state in states:
        assert state.signals is not None
        texts = [b.text for b in state.bullets]
        t0 = time.perf_counter()
        redacted, redaction = pii.redact_texts(texts)
        _ = [redaction.restore(t) for t in redacted]
        t1 = time.perf_counter()
        prompt = build_prompt(redacted, state.signals, state.options, schema_in_prompt=True)
        reply = {"rewrites": [{"index": i, "rewrite": t, "keywords_used": [], "rationale": "r", "variants": []}
                              for i, t in enumerate(redacted)]}  # fmt: skip
        parse_reply(json.dumps(reply), len(redacted))
        t2 = time.perf_counter()
        assert prompt.expected == len(texts)
        redaction_ms.append((t1 - t0) * 1000)
        prompt_ms.append((t2 - t1) * 1000)
    return redaction_ms, prompt_ms


def main() -> None:
    """Run the benchmark and print its figures (the last line is JSON)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=100)
    parser.add_argument(
        "--force-jd-request",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="signals threshold above 1, so the JD request is always wanted (and then cached)",
    )
    args = parser.parse_args()

    pairs = make_pairs(args.pairs, seed=11, jds=1)
    with FakeLLMServer() as server:
        settings = load_settings(
            llm_provider="openai-compatible",
            llm_base_url=server.openai_url,
            llm_model="bench-model",
            llm_max_retries=0,
            llm_signals_threshold=1.1 if args.force_jd_request else 0.5,
            redis_url=None,
        )
        ctx = build_context(settings, cache=MemoryCache())
        started = time.perf_counter()
        states = [
            run_to_end(ItemState(item_id=f"bench-{i}", resume_text=r, jd_text=j), ctx) for i, (r, j) in enumerate(pairs)
        ]
        wall_s = time.perf_counter() - started
        tasks = [r.user_text.split("\n", 1)[0] for r in server.requests]
        rewrite_requests = [r for r in server.requests if r.user_text.startswith("TASK: rewrite")]
        ours = [estimate_prompt_tokens(r.json["messages"][0]["content"], r.user_text) for r in rewrite_requests]
        system = rewrite_requests[0].json["messages"][0]["content"]
        raw = [estimate_prompt_tokens(system, f"Resume:\n{r}\n\nJob description:\n{j}") for r, j in pairs]
        reported = [c.input_tokens for s in states for c in s.calls if c.purpose == "rewrite"]
        redaction_ms, prompt_ms = _pure_ms(states)

    completed = sum(s.stage == Stage.COMPLETED for s in states)
    process_ms = [_stage_ms(s, Stage.PROCESS) for s in states]
    validate_ms = [_stage_ms(s, Stage.VALIDATE) for s in states]
    figures = {
        "pairs": len(pairs),
        "completed": completed,
        "rewrite_requests": tasks.count("TASK: rewrite"),
        "jd_requests": tasks.count("TASK: extract_signals"),
        "other_requests": len(tasks) - tasks.count("TASK: rewrite") - tasks.count("TASK: extract_signals"),
        "bullets_per_pair": round(statistics.mean(len(s.bullets) for s in states), 1),
        "input_tokens_per_pair_est": round(statistics.mean(ours)),
        "raw_resume_plus_jd_tokens_per_pair_est": round(statistics.mean(raw)),
        "token_saving_pct": round(100 * (1 - statistics.mean(ours) / statistics.mean(raw)), 1),
        "input_tokens_per_pair_reported": round(statistics.mean(reported)),
        "process_stage_ms_p50": round(statistics.median(process_ms), 2),
        "process_stage_ms_p95": round(_pct(process_ms, 95), 2),
        "redaction_ms_p50": round(statistics.median(redaction_ms), 3),
        "prompt_build_parse_ms_p50": round(statistics.median(prompt_ms), 3),
        "validate_stage_ms_p50": round(statistics.median(validate_ms), 2),
        "wall_s": round(wall_s, 2),
    }
    f = figures
    print(f"LLM requests for {f['pairs']} resumes x 1 JD: {f['rewrite_requests']} rewrite, {f['jd_requests']} JD, "
          f"{f['other_requests']} other ({completed} completed)")  # fmt: skip
    print(f"input tokens per pair: {f['input_tokens_per_pair_est']} sent vs "
          f"{f['raw_resume_plus_jd_tokens_per_pair_est']} raw resume+JD ({f['token_saving_pct']}% fewer)")  # fmt: skip
    print(f"provider layer per pair (zero-latency server): PROCESS p50 {f['process_stage_ms_p50']} ms, "
          f"p95 {f['process_stage_ms_p95']} ms (redaction {f['redaction_ms_p50']} ms, prompt+parse "
          f"{f['prompt_build_parse_ms_p50']} ms); VALIDATE p50 {f['validate_stage_ms_p50']} ms")  # fmt: skip
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
