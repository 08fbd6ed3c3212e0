"""A Redis BreakerStore: every worker process shares one circuit per provider."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import redis

from core.config import Settings
from core.llm.resilience import BreakerState, BreakerStore, MemoryBreakerStore

log = logging.getLogger(__name__)
T = TypeVar("T")

STATE_TTL_S = 24 * 3600
"""Breaker keys expire a day after their last change, so a retired provider leaves nothing behind."""


class RedisBreakerStore:
    """Breaker state in a Redis hash per key; the half-open trial is claimed with SET NX.

    Fails open: when Redis itself is unreachable the circuit reads as closed, because the breaker only
    saves wasted calls and must never be the reason an item cannot be processed.
    """

    def __init__(self, connection: redis.Redis, *, prefix: str = "ats") -> None:
        self.connection = connection
        self.prefix = prefix

    def _key(self, key: str) -> str:
        return f"{self.prefix}:breaker:{key}"

    def _safe(self, fn: Callable[[], T], fallback: T) -> T:
        try:
            return fn()
        except redis.RedisError as exc:
            log.warning("breaker store unavailable, treating the circuit as closed: %s", type(exc).__name__)
            return fallback

    def get(self, key: str) -> BreakerState:
        """The state for key."""

        def read() -> BreakerState:
            failures, opened = self.connection.hmget(self._key(key), ["failures", "opened_at"])
            return BreakerState(int(failures or 0), float(opened) if opened is not None else None)

        return self._safe(read, BreakerState())

    def add_failure(self, key: str) -> int:
        """Count one more consecutive failure (atomic across workers)."""

        def add() -> int:
            pipe = self.connection.pipeline()
            pipe.hincrby(self._key(key), "failures", 1)
            pipe.expire(self._key(key), STATE_TTL_S)
            return int(pipe.execute()[0])

        return self._safe(add, 0)

    def open(self, key: str, at: float) -> None:
        """Mark the circuit open since `at`."""

        def write() -> None:
            pipe = self.connection.pipeline()
            pipe.hset(self._key(key), "opened_at", repr(at))
            pipe.expire(self._key(key), STATE_TTL_S)
            pipe.delete(f"{self._key(key)}:trial")
            pipe.execute()

        self._safe(write, None)

    def reset(self, key: str) -> None:
        """Close the circuit."""
        self._safe(lambda: self.connection.delete(self._key(key), f"{self._key(key)}:trial"), 0)

    def claim_trial(self, key: str, ttl_s: float) -> bool:
        """Let one worker make the half-open trial call."""
        ttl_ms = max(int(ttl_s * 1000), 1)
        return self._safe(lambda: bool(self.connection.set(f"{self._key(key)}:trial", 1, nx=True, px=ttl_ms)), True)


def breaker_store_for(settings: Settings) -> BreakerStore:
    """The store an edge process passes to make_provider: Redis (shared by every worker) when configured."""
    if not settings.redis_url:
        return MemoryBreakerStore()
    return RedisBreakerStore(redis.Redis.from_url(settings.redis_url, socket_timeout=2.0), prefix=settings.queue_name)
