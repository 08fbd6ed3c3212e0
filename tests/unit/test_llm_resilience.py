"""Retry policy (backoff, jitter, Retry-After), circuit breaker and its in-memory store, price table."""

from __future__ import annotations

import email.utils
import json

import anthropic
import httpx2
import openai
import pytest

from core.errors import CircuitOpenError, ConfigError, ReplyFormatError
from core.llm.pricing import estimate_prompt_tokens, estimate_tokens, load_prices
from core.llm.resilience import (
    MAX_RETRY_AFTER_S,
    CircuitBreaker,
    MemoryBreakerStore,
    RetryPolicy,
    is_retryable,
    retry_after_s,
)

REQUEST = httpx2.Request("POST", "http://127.0.0.1:9/v1/chat/completions")


def _status_error(sdk, status: int, headers: dict[str, str] | None = None):
    """A real SDK error built from a real HTTP response (what the SDK raises for that status)."""
    response = httpx2.Response(status, headers=headers or {}, request=REQUEST)
    cls = {
        429: sdk.RateLimitError,
        500: sdk.InternalServerError,
        400: sdk.BadRequestError,
        401: sdk.AuthenticationError,
    }
    return cls.get(status, sdk.APIStatusError)(f"HTTP {status}", response=response, body=None)


class Clock:
    """A clock tests move by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("sdk", [openai, anthropic])
def test_retryable_classification(sdk):
    assert is_retryable(_status_error(sdk, 429))
    assert is_retryable(_status_error(sdk, 500))
    assert is_retryable(_status_error(sdk, 503))
    assert is_retryable(_status_error(sdk, 529))
    assert is_retryable(sdk.APITimeoutError(request=REQUEST))
    assert is_retryable(sdk.APIConnectionError(request=REQUEST))
    assert not is_retryable(_status_error(sdk, 400))
    assert not is_retryable(_status_error(sdk, 401))
    assert not is_retryable(CircuitOpenError("open"))
    assert not is_retryable(ReplyFormatError("bad"))


def test_retry_after_forms():
    assert retry_after_s(_status_error(openai, 429, {"retry-after": "7"})) == 7.0
    assert retry_after_s(_status_error(openai, 429, {"retry-after-ms": "250"})) == 0.25
    date = email.utils.formatdate(1_000_030, usegmt=True)
    assert retry_after_s(_status_error(openai, 429, {"retry-after": date}), now=1_000_000) == pytest.approx(30)
    assert retry_after_s(_status_error(openai, 429, {"retry-after": "soon"})) is None
    assert retry_after_s(_status_error(openai, 429)) is None
    assert retry_after_s(ValueError("no response")) is None


def test_backoff_is_exponential_capped_and_jittered():
    policy = RetryPolicy(base_s=0.5, cap_s=3.0, rng=lambda: 1.0)
    assert [policy.wait_s(n, None) for n in (1, 2, 3, 4, 5)] == [0.5, 1.0, 2.0, 3.0, 3.0]
    jittered = RetryPolicy(base_s=0.5, cap_s=3.0, rng=lambda: 0.25)
    assert jittered.wait_s(3, None) == 0.5


def test_retry_after_wins_over_backoff_and_is_capped():
    policy = RetryPolicy(base_s=0.5, rng=lambda: 1.0)
    assert policy.wait_s(1, _status_error(openai, 429, {"retry-after": "4"})) == 4.0
    assert policy.wait_s(1, _status_error(openai, 429, {"retry-after": "9999"})) == MAX_RETRY_AFTER_S


def _flaky(errors: list[BaseException], result: str = "ok"):
    calls = []

    def fn() -> str:
        calls.append(1)
        if errors:
            raise errors.pop(0)
        return result

    return fn, calls


def test_retries_then_succeeds_sleeping_as_asked():
    slept: list[float] = []
    policy = RetryPolicy(max_retries=3, base_s=0.1, sleep=slept.append, rng=lambda: 1.0)
    fn, calls = _flaky([_status_error(openai, 429, {"retry-after": "2"}), _status_error(anthropic, 500)])
    assert policy.call(fn) == "ok"
    assert len(calls) == 3 and slept == [2.0, 0.2]


def test_gives_up_after_max_retries_with_the_last_error():
    slept: list[float] = []
    policy = RetryPolicy(max_retries=2, sleep=slept.append)
    fn, calls = _flaky([_status_error(openai, 500) for _ in range(5)])
    with pytest.raises(openai.InternalServerError):
        policy.call(fn)
    assert len(calls) == 3 and len(slept) == 2


def test_non_retryable_errors_are_not_retried():
    policy = RetryPolicy(max_retries=5, sleep=lambda s: None)
    fn, calls = _flaky([_status_error(openai, 401)])
    with pytest.raises(openai.AuthenticationError):
        policy.call(fn)
    assert len(calls) == 1


def _breaker(failures: int = 3, cooldown: float = 10.0):
    clock = Clock()
    store = MemoryBreakerStore(clock=clock)
    return CircuitBreaker("p:default", store, failures=failures, cooldown_s=cooldown, clock=clock), clock, store


def _fail() -> None:
    raise ConnectionError("down")


def test_breaker_opens_after_consecutive_failures_and_refuses():
    breaker, _, _ = _breaker(failures=3)
    for _ in range(2):
        with pytest.raises(ConnectionError):
            breaker.call(_fail)
    assert breaker.state() == "closed"
    assert breaker.call(lambda: "ok") == "ok"  # a success resets the count
    for _ in range(3):
        with pytest.raises(ConnectionError):
            breaker.call(_fail)
    assert breaker.state() == "open"
    called = []
    with pytest.raises(CircuitOpenError, match="cool-down"):
        breaker.call(lambda: called.append(1))
    assert called == []


def test_breaker_half_opens_with_a_single_trial():
    breaker, clock, _ = _breaker(failures=1, cooldown=10)
    with pytest.raises(ConnectionError):
        breaker.call(_fail)
    clock.now += 10
    assert breaker.state() == "half_open"
    breaker.before_call()  # this caller holds the trial
    with pytest.raises(CircuitOpenError):
        breaker.before_call()  # everyone else waits for its outcome
    breaker.record_success()
    assert breaker.state() == "closed"
    assert breaker.call(lambda: 1) == 1


def test_failed_trial_reopens_for_another_cool_down():
    breaker, clock, store = _breaker(failures=2, cooldown=10)
    for _ in range(2):
        with pytest.raises(ConnectionError):
            breaker.call(_fail)
    clock.now += 11
    with pytest.raises(ConnectionError):
        breaker.call(_fail)
    assert breaker.state() == "open" and store.get("p:default").opened_at == clock.now
    clock.now += 5
    with pytest.raises(CircuitOpenError):
        breaker.call(lambda: 1)


def test_a_malformed_reply_is_not_an_outage():
    breaker, _, _ = _breaker(failures=1)

    def bad_reply() -> None:
        raise ReplyFormatError("not JSON")

    for _ in range(3):
        with pytest.raises(ReplyFormatError):
            breaker.call(bad_reply)
    assert breaker.state() == "closed"


def test_token_estimate_is_documented_approximation():
    assert estimate_tokens("") == 0
    assert estimate_tokens("abcd" * 25) == 25
    assert estimate_tokens("abcde") == 2
    assert estimate_tokens("日本語") == 3  # non-ASCII: one token per character
    assert estimate_prompt_tokens("abcd", "abcd") == 2 + 2 * 8


def test_price_table_rows_fallbacks_and_override(tmp_path):
    prices = load_prices()
    assert prices.cost("openai", "gpt-4o-mini", 1_000_000, 1_000_000) == pytest.approx(0.75)
    assert prices.price("openai", "some-new-model") == prices.price("openai", "*")
    assert prices.cost("openai-compatible", "llama", 10_000, 10_000) == 0.0
    custom = tmp_path / "prices.json"
    custom.write_text(json.dumps({"openai": {"gpt-4o-mini": {"input": 1.0, "output": 2.0}}}))
    assert load_prices(custom).cost("openai", "gpt-4o-mini", 1000, 1000) == pytest.approx(0.003)
    custom.write_text("{broken")
    with pytest.raises(ConfigError, match="ATS_LLM_PRICES_FILE"):
        load_prices(custom)
