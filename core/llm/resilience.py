"""Retries (exponential backoff with jitter, honouring Retry-After) and a circuit breaker with a pluggable store."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from tenacity import RetryCallState, Retrying, retry_if_exception

from core.errors import CircuitOpenError, ReplyFormatError
from core.llm.ratelimit import retry_after_from

T = TypeVar("T")

RETRYABLE_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504, 529})
MAX_RETRY_AFTER_S = 60.0
"""A Retry-After longer than this is capped: a worker should not sleep for minutes inside one item."""


def status_of(exc: BaseException) -> int | None:
    """The HTTP status an SDK error carries, if any."""
    status = getattr(exc, "status_code", None)
    return status if isinstance(status, int) else None


def is_retryable(exc: BaseException) -> bool:
    """True for 429, 5xx, timeouts and connection errors (the SDKs' APIConnectionError covers both)."""
    if isinstance(exc, CircuitOpenError):
        return False
    status = status_of(exc)
    if status is not None:
        return status in RETRYABLE_STATUS or status >= 500
    return type(exc).__name__ in {"APIConnectionError", "APITimeoutError"} or isinstance(
        exc, (ConnectionError, TimeoutError)
    )


def retry_after_s(exc: BaseException, *, now: float | None = None) -> float | None:
    """Seconds the server asked us to wait (Retry-After-Ms, or Retry-After as seconds or an HTTP date)."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    lowered = {str(k).lower(): str(v) for k, v in headers.items()}
    return retry_after_from(lowered, now=time.time() if now is None else now)


@dataclass(frozen=True)
class RetryPolicy:
    """How many times to retry and how long to wait: min(cap, base * 2**n) with full jitter, or Retry-After.

    A 429 may be retried up to `rate_limit_retries` times: the server is up and said when to come back.
    """

    max_retries: int = 3
    rate_limit_retries: int = 6
    base_s: float = 0.5
    cap_s: float = 20.0
    sleep: Callable[[float], None] = time.sleep
    rng: Callable[[], float] = random.random

    def wait_s(self, attempt: int, exc: BaseException | None) -> float:
        """The pause before retry number `attempt` (1-based)."""
        asked = retry_after_s(exc) if exc is not None else None
        if asked is not None:
            return min(asked, MAX_RETRY_AFTER_S)
        return self.rng() * min(self.cap_s, self.base_s * 2 ** (attempt - 1))

    def call(self, fn: Callable[[], T]) -> T:
        """Run fn, retrying retryable errors; the last error propagates."""

        def _wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            return self.wait_s(state.attempt_number, exc)

        def _stop(state: RetryCallState) -> bool:
            exc = state.outcome.exception() if state.outcome else None
            allowed = self.max_retries
            if exc is not None and status_of(exc) == 429:
                allowed = max(allowed, self.rate_limit_retries)
            return state.attempt_number > allowed

        retrying = Retrying(
            stop=_stop,
            wait=_wait,
            retry=retry_if_exception(is_retryable),
            sleep=self.sleep,
            reraise=True,
        )
        return retrying(fn)


@dataclass
class BreakerState:
    """What a breaker store holds for one key."""

    failures: int = 0
    opened_at: float | None = None


class BreakerStore(Protocol):
    """Where circuit-breaker state lives (in memory here; Redis in workers/breaker_store.py)."""

    def get(self, key: str) -> BreakerState:
        """The state for key (closed and zero failures when unknown)."""

    def add_failure(self, key: str) -> int:
        """Count one more consecutive failure; return the new count."""

    def open(self, key: str, at: float) -> None:
        """Mark the circuit open since `at` (epoch seconds)."""

    def reset(self, key: str) -> None:
        """Close the circuit and zero the failures."""

    def claim_trial(self, key: str, ttl_s: float) -> bool:
        """Let exactly one caller make the half-open trial call; False for everyone else until ttl_s passes."""


class MemoryBreakerStore:
    """An in-process BreakerStore (CLI, tests, one worker)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._states: dict[str, BreakerState] = {}
        self._trials: dict[str, float] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def get(self, key: str) -> BreakerState:
        """The state for key."""
        with self._lock:
            state = self._states.get(key, BreakerState())
            return BreakerState(state.failures, state.opened_at)

    def add_failure(self, key: str) -> int:
        """Count one more consecutive failure."""
        with self._lock:
            state = self._states.setdefault(key, BreakerState())
            state.failures += 1
            return state.failures

    def open(self, key: str, at: float) -> None:
        """Mark the circuit open."""
        with self._lock:
            self._states.setdefault(key, BreakerState()).opened_at = at
            self._trials.pop(key, None)

    def reset(self, key: str) -> None:
        """Close the circuit."""
        with self._lock:
            self._states.pop(key, None)
            self._trials.pop(key, None)

    def claim_trial(self, key: str, ttl_s: float) -> bool:
        """Claim the half-open trial."""
        with self._lock:
            now = self._clock()
            if self._trials.get(key, 0.0) > now:
                return False
            self._trials[key] = now + ttl_s
            return True


class CircuitBreaker:
    """Opens after `failures` consecutive failures, half-opens (one trial call) after `cooldown_s`."""

    def __init__(
        self,
        key: str,
        store: BreakerStore,
        *,
        failures: int = 5,
        cooldown_s: float = 30.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.key = key
        self.store = store
        self.failures = max(failures, 1)
        self.cooldown_s = cooldown_s
        self._clock = clock

    def state(self) -> str:
        """closed | open | half_open."""
        opened = self.store.get(self.key).opened_at
        if opened is None:
            return "closed"
        return "open" if self._clock() - opened < self.cooldown_s else "half_open"

    def before_call(self) -> None:
        """Raise CircuitOpenError unless a call may go out now."""
        state = self.state()
        if state == "closed":
            return
        if state == "half_open" and self.store.claim_trial(self.key, self.cooldown_s):
            return
        raise CircuitOpenError(
            f"the circuit for {self.key} is open; calls resume after a {self.cooldown_s:g}s cool-down"
        )

    def record_success(self) -> None:
        """A call went through: close the circuit."""
        current = self.store.get(self.key)
        if current.failures or current.opened_at is not None:
            self.store.reset(self.key)

    def record_failure(self) -> None:
        """A call failed: open the circuit at the threshold, or again after a failed trial."""
        count = self.store.add_failure(self.key)
        if count >= self.failures or self.store.get(self.key).opened_at is not None:
            self.store.open(self.key, self._clock())

    def call(self, fn: Callable[[], T]) -> T:
        """Run fn under the breaker."""
        self.before_call()
        try:
            result = fn()
        except CircuitOpenError:
            raise
        except ReplyFormatError:
            # The server answered: the provider is up even if this reply is unusable.
            self.record_success()
            raise
        except Exception as exc:
            if status_of(exc) != 429:  # "slow down" is not "down": the rate limiter handles it
                self.record_failure()
            raise
        self.record_success()
        return result
