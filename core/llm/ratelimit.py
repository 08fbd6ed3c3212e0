"""One rate limit per provider and model (requests and tokens per minute), shared by every worker through a
store passed in from the edge, and tightened by what the provider's rate-limit headers say.

The arithmetic is pure (`reserve`, `settle`, `adapt`): a store only makes one read-modify-write atomic and
supplies the clock, so the in-process, Redis and database stores all enforce exactly the same rule.

The rule is GCRA without burst: request n may start no sooner than request n-1 plus 60 s / RPM (1% wider, so
network jitter never lands RPM + 1 requests in one provider minute), and a request of k tokens pushes the
token schedule by k × 60 s / TPM. Requests are spread evenly instead of sent in bursts, which is also how the
providers meter them.
"""

from __future__ import annotations

import email.utils
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from typing import Protocol, TypeVar

T = TypeVar("T")

SAFETY = 1.01
"""Spacing is 1% wider than 60 s / RPM: requests leave evenly, and arrive within jitter of that."""

LEARNT_TTL_S = 600.0
"""A limit learnt from headers (or a 429) is trusted this long, then the configured one is tried again."""

BACKOFF_ON_429 = 0.9
"""A 429 without a stated limit lowers the request rate to 90% of what it was (for LEARNT_TTL_S)."""

MAX_WAIT_S = 120.0
"""The longest a request is told to wait (a retry-after or reset further away is capped here)."""


@dataclass(frozen=True)
class RateLimits:
    """Configured limits of one provider and model: requests and tokens per minute (0 = not limited)."""

    rpm: float = 0.0
    tpm: float = 0.0


@dataclass(frozen=True)
class RateHint:
    """What one response's headers said about the provider's limits (None = not said)."""

    limit_requests: float | None = None
    remaining_requests: float | None = None
    reset_requests_s: float | None = None
    limit_tokens: float | None = None
    remaining_tokens: float | None = None
    reset_tokens_s: float | None = None
    retry_after_s: float | None = None
    limited: bool = False  # the response was a 429


@dataclass(frozen=True)
class LimiterState:
    """The shared schedule of one key (epoch seconds on the store's clock)."""

    next_request: float = 0.0  # earliest start of the next request
    next_token: float = 0.0  # earliest start of the next request by the token budget
    blocked_until: float = 0.0  # nobody sends before this (a 429's retry-after, an exhausted window)
    learnt_rpm: float = 0.0  # the provider's own request limit (headers, or lowered after a 429)
    learnt_tpm: float = 0.0
    learnt_until: float = 0.0

    def to_dict(self) -> dict[str, float]:
        """Plain floats for a store."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> LimiterState:
        """Read what to_dict wrote; unknown or broken fields are ignored."""
        known = {f.name for f in fields(cls)}
        values: dict[str, float] = {}
        for name, value in data.items():
            key = name.decode() if isinstance(name, bytes) else str(name)
            if key in known:
                try:
                    values[key] = float(value.decode() if isinstance(value, bytes) else value)  # type: ignore[arg-type]
                except (TypeError, ValueError):
                    continue
        return cls(**values)


def _per_minute_gap(*limits: float) -> float:
    """Seconds between requests (or tokens) for the tightest positive per-minute limit; 0 = none."""
    positive = [x for x in limits if x > 0]
    return 60.0 * SAFETY / min(positive) if positive else 0.0


def request_gap(state: LimiterState, limits: RateLimits, now: float) -> float:
    """Seconds between two request starts now."""
    return _per_minute_gap(limits.rpm, state.learnt_rpm if now < state.learnt_until else 0.0)


def token_gap(state: LimiterState, limits: RateLimits, now: float) -> float:
    """Seconds one token occupies on the token schedule now."""
    return _per_minute_gap(limits.tpm, state.learnt_tpm if now < state.learnt_until else 0.0)


def reserve(state: LimiterState, limits: RateLimits, now: float, tokens: int) -> tuple[LimiterState, float]:
    """Book the next slot for a request of about `tokens`; returns the new state and how long to wait for it."""
    gap, per_token = request_gap(state, limits, now), token_gap(state, limits, now)
    start = max(now, state.blocked_until)
    if gap:
        start = max(start, state.next_request)
    if per_token:
        start = max(start, state.next_token)
    new = replace(
        state,
        next_request=start + gap if gap else state.next_request,
        next_token=start + tokens * per_token if per_token else state.next_token,
    )
    return new, start - now


def settle(state: LimiterState, limits: RateLimits, now: float, extra_tokens: int) -> LimiterState:
    """Correct the token schedule once the provider reported what a request really used (extra may be < 0)."""
    per_token = token_gap(state, limits, now)
    if not per_token or not extra_tokens:
        return state
    return replace(state, next_token=max(state.next_token + extra_tokens * per_token, now))


def adapt(state: LimiterState, limits: RateLimits, now: float, hint: RateHint) -> LimiterState:
    """Fold what the provider's headers said into the shared schedule.

    Both providers meter with a bucket that refills continuously, so the stated limit becomes the pace (for
    LEARNT_TTL_S); an empty bucket (remaining 0, someone else sharing the key) stops everyone until one
    request's worth has refilled; a 429 stops everyone for its retry-after and, when no limit was stated,
    lowers the pace by 10%.
    """
    learnt_rpm, learnt_tpm, learnt_until = state.learnt_rpm, state.learnt_tpm, state.learnt_until
    if now >= learnt_until:
        learnt_rpm = learnt_tpm = 0.0
    if hint.limit_requests:
        learnt_rpm, learnt_until = hint.limit_requests, now + LEARNT_TTL_S
    if hint.limit_tokens:
        learnt_tpm, learnt_until = hint.limit_tokens, now + LEARNT_TTL_S
    blocked = state.blocked_until
    if hint.limited:
        wait = hint.retry_after_s if hint.retry_after_s is not None else 1.0
        blocked = max(blocked, now + min(wait, MAX_WAIT_S))
        gap = request_gap(state, limits, now)
        if not hint.limit_requests and gap:
            learnt_rpm = max(60.0 * SAFETY / gap * BACKOFF_ON_429, 1.0)
            learnt_until = now + LEARNT_TTL_S
    if hint.remaining_requests is not None and hint.remaining_requests < 1 and hint.reset_requests_s:
        refill = 60.0 / hint.limit_requests if hint.limit_requests else hint.reset_requests_s
        blocked = max(blocked, now + min(refill, hint.reset_requests_s, MAX_WAIT_S))
    if hint.remaining_tokens is not None and hint.remaining_tokens < 1 and hint.reset_tokens_s:
        blocked = max(blocked, now + min(hint.reset_tokens_s, MAX_WAIT_S))
    return replace(
        state, blocked_until=blocked, learnt_rpm=learnt_rpm, learnt_tpm=learnt_tpm, learnt_until=learnt_until
    )


# -- reading the headers ----------------------------------------------------------------------------------------

_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|h|m|s)")
_UNITS = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}


def parse_duration(value: str, *, now: float) -> float | None:
    """Seconds until a reset: OpenAI's '6m0s' / '20ms' / '1.5s', a bare number, or an RFC 3339 time (Anthropic)."""
    text = value.strip()
    if not text:
        return None
    try:
        return max(float(text), 0.0)
    except ValueError:
        pass
    parts = _DURATION.findall(text)
    if parts and "".join(n + u for n, u in parts) == text:
        return sum(float(n) * _UNITS[u] for n, u in parts)
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        return None
    return max(when.timestamp() - now, 0.0)


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def retry_after_from(headers: Mapping[str, str], *, now: float) -> float | None:
    """Retry-After-Ms, or Retry-After as seconds or an HTTP date."""
    ms = _number(headers.get("retry-after-ms"))
    if ms is not None:
        return max(ms / 1000, 0.0)
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _number(value)
    if seconds is not None:
        return max(seconds, 0.0)
    try:
        return max(email.utils.parsedate_to_datetime(value).timestamp() - now, 0.0)
    except (TypeError, ValueError):
        return None


def parse_rate_headers(headers: Mapping[str, str], *, status: int = 200, now: float | None = None) -> RateHint:
    """The rate-limit facts of one response: OpenAI's x-ratelimit-*, Anthropic's anthropic-ratelimit-*."""
    now = time.time() if now is None else now
    h = {str(k).lower(): str(v) for k, v in headers.items()}

    def pick(*names: str) -> str | None:
        return next((h[n] for n in names if n in h), None)

    def duration(*names: str) -> float | None:
        value = pick(*names)
        return parse_duration(value, now=now) if value is not None else None

    return RateHint(
        limit_requests=_number(pick("x-ratelimit-limit-requests", "anthropic-ratelimit-requests-limit")),
        remaining_requests=_number(pick("x-ratelimit-remaining-requests", "anthropic-ratelimit-requests-remaining")),
        reset_requests_s=duration("x-ratelimit-reset-requests", "anthropic-ratelimit-requests-reset"),
        limit_tokens=_number(
            pick(
                "x-ratelimit-limit-tokens", "anthropic-ratelimit-tokens-limit", "anthropic-ratelimit-input-tokens-limit"
            )
        ),
        remaining_tokens=_number(
            pick(
                "x-ratelimit-remaining-tokens",
                "anthropic-ratelimit-tokens-remaining",
                "anthropic-ratelimit-input-tokens-remaining",
            )
        ),
        reset_tokens_s=duration(
            "x-ratelimit-reset-tokens", "anthropic-ratelimit-tokens-reset", "anthropic-ratelimit-input-tokens-reset"
        ),
        retry_after_s=retry_after_from(h, now=now),
        limited=status == 429,
    )


# -- the store and the limiter ----------------------------------------------------------------------------------


class RateStore(Protocol):
    """Where the schedules live; `update` applies a change to one key atomically on the store's clock."""

    def update(self, key: str, change: Callable[[LimiterState, float], tuple[LimiterState, T]]) -> T:
        """Read key's state, apply change(state, now), save the new state, return the change's second value."""


class MemoryRateStore:
    """An in-process RateStore (the CLI, tests, a single worker)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._states: dict[str, LimiterState] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def update(self, key: str, change: Callable[[LimiterState, float], tuple[LimiterState, T]]) -> T:
        """Apply change under a lock."""
        with self._lock:
            new, out = change(self._states.get(key, LimiterState()), self._clock())
            self._states[key] = new
            return out

    def get(self, key: str) -> LimiterState:
        """The current state of key (tests, metrics)."""
        with self._lock:
            return self._states.get(key, LimiterState())


class RateLimiter:
    """Waits before each request so that every worker sharing the store stays under the limits together."""

    def __init__(self, store: RateStore, limits: RateLimits, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.store = store
        self.limits = limits
        self._sleep = sleep

    def acquire(self, key: str, tokens: int) -> float:
        """Book a slot for a request of about `tokens` and wait for it; returns the seconds waited."""
        limits = self.limits
        wait = self.store.update(key, lambda state, now: reserve(state, limits, now, tokens))
        if wait > 0:
            self._sleep(wait)
        return wait

    def observe(self, key: str, hint: RateHint, *, extra_tokens: int = 0) -> None:
        """Adapt to a response's headers and correct the token schedule by what the request really used."""
        limits = self.limits
        if hint == RateHint() and not extra_tokens:
            return

        def change(state: LimiterState, now: float) -> tuple[LimiterState, None]:
            return adapt(settle(state, limits, now, extra_tokens), limits, now, hint), None

        self.store.update(key, change)
