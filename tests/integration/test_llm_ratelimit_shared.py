"""The shared rate limit through the real openai and anthropic SDKs against a paced server on 127.0.0.1."""

from __future__ import annotations

import statistics
import threading

import pytest

from core.llm.ratelimit import LimiterState, MemoryRateStore, RateLimiter, RateLimits
from core.llm.registry import make_provider
from core.types import JDSignals, SkillMention, UnlimitedBudget
from tests.fakes.paced_server import PacedLLMServer, max_per_window

SIGNALS = JDSignals(required=[SkillMention(skill="Python", span=(0, 6), quote="Python")], confidence=0.9)
BULLETS = ["Built REST APIs in Python for 3 teams", "Led a team of 4 engineers"]


class ForgetfulStore:
    """A rate store that remembers nothing: every request may go at once."""

    def update(self, key, change):
        return change(LimiterState(), 0.0)[1]


def _providers(make_settings, server: PacedLLMServer, kind: str, store, n: int, **values):
    """n providers (as n worker processes would build them) sharing one rate store."""
    url = server.anthropic_url if kind == "anthropic" else server.openai_url
    settings = make_settings(
        llm_provider=kind,
        llm_base_url=url,
        openai_api_key="sk-test",
        anthropic_api_key="sk-ant-test",
        llm_retry_base_s=0.01,
        **values,
    )
    return [make_provider(settings, rate_store=store) for _ in range(n)]


def _burst(providers, per_provider: int, threads_each: int = 4) -> list:
    """Every provider fires its requests from several threads at once; returns the replies."""
    replies: list = []
    lock = threading.Lock()

    def run(provider, count: int, tag: str) -> None:
        for i in range(count):
            reply = provider.rewrite(BULLETS, SIGNALS, budget=UnlimitedBudget(), call_key=f"{tag}:{i}")
            with lock:
                replies.append(reply)

    workers = [
        threading.Thread(target=run, args=(p, per_provider // threads_each, f"p{n}t{t}"))
        for n, p in enumerate(providers)
        for t in range(threads_each)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    return replies


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
def test_workers_sharing_a_store_never_pass_the_limit(make_settings, kind):
    # 600 RPM metered over 6 s windows (60 requests each, +10% for thread wake-up jitter on a busy machine;
    # the real minute leaves 0.6 s): a burst is refused at once (the control below).
    with PacedLLMServer(rpm=600, window_s=6.0, headroom=0.1) as server:
        providers = _providers(make_settings, server, kind, MemoryRateStore(), 3, llm_rpm=600)
        replies = _burst(providers, per_provider=16)
    assert len(replies) == 48
    assert all(not any(f.kind == "llm_fallback" for f in r.flags) for r in replies)
    assert server.over_limit == []
    assert max_per_window(server.accepted, 5.5) <= 60
    gaps = [b - a for a, b in zip(server.accepted, server.accepted[1:], strict=False)]
    assert statistics.median(gaps) > 0.09  # spread out (0.101 s apart), not sent in bursts


def test_without_the_limit_the_same_burst_is_refused(make_settings):
    """The control: the server really refuses a burst, so the test above could fail."""
    with PacedLLMServer(rpm=600, window_s=6.0, headroom=0.1) as server:
        providers = _providers(
            make_settings, server, "openai", MemoryRateStore(), 1, llm_max_retries=0, llm_rate_limit_retries=0
        )
        providers[0].limiter = RateLimiter(ForgetfulStore(), RateLimits())  # no schedule, deaf to the headers
        _burst(providers, per_provider=96, threads_each=12)
    assert len(server.over_limit) > 0


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
def test_unconfigured_limiter_learns_the_limit_from_headers(make_settings, kind):
    # No ATS_LLM_RPM: the first answers' headers say 600/min, and everyone paces to it from then on.
    with PacedLLMServer(rpm=600, window_s=6.0, headroom=0.1) as server:
        store = MemoryRateStore()
        providers = _providers(make_settings, server, kind, store, 2)
        providers[0].rewrite(BULLETS, SIGNALS, budget=UnlimitedBudget(), call_key="first")
        learnt = store.get(providers[0].limit_key)
        assert learnt.learnt_rpm == 600
        replies = _burst(providers, per_provider=16)
    assert len(replies) == 32
    assert server.over_limit == []


def test_a_429_pauses_every_worker_and_is_retried(make_settings):
    with PacedLLMServer(retry_after="1") as server:
        store = MemoryRateStore()
        providers = _providers(make_settings, server, "openai", store, 2)
        key = providers[0].limit_key
        server.queue("429")  # the first request is told to come back in 1 s
        first = threading.Thread(
            target=providers[0].rewrite, args=(BULLETS, SIGNALS), kwargs={"budget": UnlimitedBudget(), "call_key": "a"}
        )
        first.start()
        for _ in range(200):
            if store.get(key).blocked_until:
                break
            threading.Event().wait(0.01)
        other = providers[1].rewrite(BULLETS, SIGNALS, budget=UnlimitedBudget(), call_key="b")
        first.join(10)
    assert not other.flags
    assert len(server.accepted) == 3  # a (429), a again, b
    refused_at = server.accepted[0]
    assert min(server.accepted[1:]) - refused_at >= 0.9  # the other worker waited out the retry-after too


def test_injected_429s_are_all_retried(make_settings):
    with PacedLLMServer(inject_429=0.3, seed=3, retry_after="0") as server:
        providers = _providers(make_settings, server, "openai", MemoryRateStore(), 1)
        replies = _burst(providers, per_provider=20)
    assert server.injected > 0
    assert len(replies) == 20
    assert all(not r.flags for r in replies)
    assert len(server.accepted) == 20
