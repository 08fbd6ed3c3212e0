"""The shared rate limit: GCRA spacing, token schedule, header adaptation, header parsing, the limiter."""

from __future__ import annotations

import bisect
import random
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.llm.ratelimit import (
    LEARNT_TTL_S,
    MAX_WAIT_S,
    LimiterState,
    MemoryRateStore,
    RateHint,
    RateLimiter,
    RateLimits,
    adapt,
    parse_duration,
    parse_rate_headers,
    reserve,
    settle,
)


def max_in_window(starts: list[float], window: float = 60.0) -> int:
    """The most start times found in any half-open window of this length."""
    starts = sorted(starts)
    return max(bisect.bisect_left(starts, s + window) - i for i, s in enumerate(starts))


def test_no_limits_never_wait():
    state, wait = reserve(LimiterState(), RateLimits(), 100.0, 5000)
    assert wait == 0.0
    assert state == LimiterState()


def test_requests_are_spaced_evenly_and_never_exceed_rpm():
    limits, state, now = RateLimits(rpm=500), LimiterState(), 1000.0
    starts = []
    for _ in range(2000):  # everybody asks at once: the schedule spreads them out
        state, wait = reserve(state, limits, now, 100)
        starts.append(now + wait)
    gaps = {round(b - a, 6) for a, b in zip(starts, starts[1:], strict=False)}
    assert gaps == {round(60 * 1.01 / 500, 6)}
    assert max_in_window(starts) == 496  # 1% under the limit, so arrival jitter cannot push a minute over


@settings(max_examples=60, deadline=None)
@given(
    rpm=st.integers(min_value=1, max_value=3000),
    arrivals=st.lists(st.floats(min_value=0, max_value=300), min_size=1, max_size=400),
)
def test_any_arrival_pattern_stays_under_rpm(rpm, arrivals):
    limits, state = RateLimits(rpm=rpm), LimiterState()
    starts = []
    for now in sorted(arrivals):
        state, wait = reserve(state, limits, now, 1)
        starts.append(now + wait)
    assert max_in_window(starts) <= rpm


def test_tokens_per_minute_paces_big_requests():
    limits, state, now = RateLimits(tpm=60_000), LimiterState(), 0.0
    state, first = reserve(state, limits, now, 30_000)
    state, second = reserve(state, limits, now, 30_000)
    state, third = reserve(state, limits, now, 1)
    assert first == 0.0
    assert second == pytest.approx(30.3)  # half a minute's tokens, 1% wider
    assert third == pytest.approx(60.6)


def test_settle_moves_the_token_schedule_by_what_was_really_used():
    limits = RateLimits(tpm=60_000)
    state, _ = reserve(LimiterState(), limits, 0.0, 1000)
    more = settle(state, limits, 0.0, 2000)
    assert more.next_token == pytest.approx(state.next_token + 2000 * 60 * 1.01 / 60_000)
    less = settle(state, limits, 0.0, -5000)
    assert less.next_token == 0.0  # never before now
    assert settle(state, RateLimits(), 0.0, 2000) == state


def test_a_429_blocks_everyone_for_its_retry_after_and_slows_down():
    limits, now = RateLimits(rpm=600), 100.0
    state = adapt(LimiterState(), limits, now, RateHint(limited=True, retry_after_s=7))
    assert state.blocked_until == now + 7
    assert state.learnt_rpm == pytest.approx(540)  # 90% of the configured pace
    _, wait = reserve(state, limits, now + 1, 1)
    assert wait == pytest.approx(6)
    # without retry-after the pause is one second; a stated limit is learnt instead of guessed
    stated = adapt(LimiterState(), limits, now, RateHint(limited=True, limit_requests=100))
    assert stated.blocked_until == now + 1
    assert stated.learnt_rpm == 100


def test_a_retry_after_past_the_cap_is_capped():
    state = adapt(LimiterState(), RateLimits(), 0.0, RateHint(limited=True, retry_after_s=3600))
    assert state.blocked_until == MAX_WAIT_S


def test_the_providers_stated_limit_paces_even_without_configuration_and_expires():
    now = 0.0
    state = adapt(LimiterState(), RateLimits(), now, RateHint(limit_requests=120, remaining_requests=100))
    state, _ = reserve(state, RateLimits(), now, 1)
    state, wait = reserve(state, RateLimits(), now, 1)
    assert wait == pytest.approx(0.505)
    later = now + LEARNT_TTL_S + 1
    _, wait = reserve(state, RateLimits(), later, 1)
    assert wait == 0.0  # the learnt limit expired: only the configured one (none) applies


def test_configured_limit_wins_when_tighter_than_the_stated_one():
    state = adapt(LimiterState(), RateLimits(rpm=60), 0.0, RateHint(limit_requests=10_000))
    state, _ = reserve(state, RateLimits(rpm=60), 0.0, 1)
    _, wait = reserve(state, RateLimits(rpm=60), 0.0, 1)
    assert wait == pytest.approx(1.01)


def test_an_empty_bucket_stops_everyone_until_one_request_refilled():
    hint = RateHint(limit_requests=60, remaining_requests=0, reset_requests_s=30)
    state = adapt(LimiterState(), RateLimits(), 10.0, hint)
    assert state.blocked_until == pytest.approx(11.0)  # 60/min refills one a second
    unknown = adapt(LimiterState(), RateLimits(), 10.0, RateHint(remaining_requests=0, reset_requests_s=4))
    assert unknown.blocked_until == pytest.approx(14.0)
    tokens = adapt(LimiterState(), RateLimits(), 10.0, RateHint(remaining_tokens=0, reset_tokens_s=2.5))
    assert tokens.blocked_until == pytest.approx(12.5)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("1s", 1.0), ("6m0s", 360.0), ("20ms", 0.02), ("1h2m3.5s", 3723.5), ("0.5", 0.5), ("12", 12.0)],
)
def test_parse_duration_openai_forms(text, seconds):
    assert parse_duration(text, now=0.0) == pytest.approx(seconds)


def test_parse_duration_rfc3339_and_garbage():
    assert parse_duration("1970-01-01T00:01:40Z", now=70.0) == pytest.approx(30.0)
    assert parse_duration("1970-01-01T00:01:40+00:00", now=200.0) == 0.0
    assert parse_duration("soon", now=0.0) is None
    assert parse_duration("3 s", now=0.0) is None
    assert parse_duration("", now=0.0) is None


def test_parse_openai_headers():
    hint = parse_rate_headers(
        {
            "X-RateLimit-Limit-Requests": "500",
            "x-ratelimit-remaining-requests": "499",
            "x-ratelimit-reset-requests": "120ms",
            "x-ratelimit-limit-tokens": "200000",
            "x-ratelimit-remaining-tokens": "198000",
            "x-ratelimit-reset-tokens": "600ms",
        },
        now=0.0,
    )
    assert hint == RateHint(500, 499, 0.12, 200_000, 198_000, 0.6, None, False)


def test_parse_anthropic_headers_and_a_429():
    hint = parse_rate_headers(
        {
            "anthropic-ratelimit-requests-limit": "50",
            "anthropic-ratelimit-requests-remaining": "0",
            "anthropic-ratelimit-requests-reset": "1970-01-01T00:00:12Z",
            "anthropic-ratelimit-input-tokens-limit": "40000",
            "anthropic-ratelimit-input-tokens-remaining": "100",
            "anthropic-ratelimit-input-tokens-reset": "1970-01-01T00:00:11Z",
            "retry-after": "2",
        },
        status=429,
        now=10.0,
    )
    assert hint == RateHint(50, 0, 2.0, 40_000, 100, 1.0, 2.0, True)
    assert parse_rate_headers({"retry-after-ms": "250"}).retry_after_s == 0.25
    assert parse_rate_headers({}) == RateHint()
    assert parse_rate_headers({"x-ratelimit-limit-requests": "lots"}).limit_requests is None


def test_state_round_trips_through_a_store_mapping():
    state = LimiterState(next_request=1.5, blocked_until=3.0, learnt_rpm=60, learnt_until=9.0)
    stored = {k.encode(): repr(v).encode() for k, v in state.to_dict().items()}
    stored[b"unknown"] = b"1"
    stored[b"next_token"] = b"not a number"
    assert LimiterState.from_dict(stored) == state


def test_limiter_threads_share_one_schedule():
    store = MemoryRateStore(clock=lambda: 0.0)  # time stands still: each wait is the slot's offset
    limiter = RateLimiter(store, RateLimits(rpm=600), sleep=lambda s: None)
    waits: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(25):
            wait = limiter.acquire("openai:m:default", 10)
            with lock:
                waits.append(wait)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(round(w, 6) for w in waits) == [round(i * 0.101, 6) for i in range(200)]


def test_limiter_observe_applies_headers_and_usage():
    store = MemoryRateStore(clock=lambda: 50.0)
    limiter = RateLimiter(store, RateLimits(tpm=6000), sleep=lambda s: None)
    limiter.acquire("k", 100)
    before = store.get("k").next_token
    limiter.observe("k", RateHint(limited=True, retry_after_s=3), extra_tokens=50)
    after = store.get("k")
    assert after.blocked_until == 53.0
    assert after.next_token == pytest.approx(before + 50 * 60 * 1.01 / 6000)
    limiter.observe("other", RateHint())  # nothing said, nothing used: no write at all
    assert store.get("other") == LimiterState()


def test_random_hints_never_lift_a_configured_limit():
    rng = random.Random(7)
    limits, state, now, starts = RateLimits(rpm=300), LimiterState(), 0.0, []
    for _ in range(1500):
        now += rng.random() * 0.05
        if rng.random() < 0.1:
            hint = RateHint(
                limit_requests=rng.choice([None, 100, 1000, 5000]),
                remaining_requests=rng.choice([None, 0, 5, 400]),
                reset_requests_s=rng.choice([None, 0.5, 3.0]),
                limited=rng.random() < 0.3,
                retry_after_s=rng.choice([None, 0.2, 2.0]),
            )
            state = adapt(state, limits, now, hint)
        state, wait = reserve(state, limits, now, 1)
        starts.append(now + wait)
    assert max_in_window(starts) <= 300
