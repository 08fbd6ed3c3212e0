"""Fixed-window rate limits per key (Redis when configured, in-memory otherwise) and failed-auth slowing."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Protocol

from core.config import Settings

log = logging.getLogger("api.ratelimit")

WINDOW_S = 60


@dataclass(frozen=True)
class Decision:
    """The outcome of one hit: allowed or not, the count so far and seconds until the window resets."""

    allowed: bool
    count: int
    limit: int
    retry_after: int


class Limiter(Protocol):
    """Counts hits of an identity in a bucket per fixed window."""

    def hit(self, bucket: str, ident: str, limit: int, window_s: int = WINDOW_S) -> Decision:
        """Count one hit and say whether it is within the limit."""

    def count(self, bucket: str, ident: str, window_s: int = WINDOW_S) -> tuple[int, int]:
        """The hits counted so far in the current window, and seconds until it resets (nothing is counted)."""


def _window(now: float, window_s: int) -> tuple[int, int]:
    index = int(now // window_s)
    retry_after = max(1, int((index + 1) * window_s - now + 0.999))
    return index, retry_after


class MemoryLimiter:
    """A per-process limiter (the embedded mode: one API process)."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, str, int, int], int] = {}
        self._lock = threading.Lock()

    def hit(self, bucket: str, ident: str, limit: int, window_s: int = WINDOW_S) -> Decision:
        """Count one hit in the current window."""
        index, retry_after = _window(time.time(), window_s)
        key = (bucket, ident, window_s, index)
        with self._lock:
            count = self._counts.get(key, 0) + 1
            self._counts[key] = count
            if len(self._counts) > 10_000:  # drop finished windows so memory stays bounded
                self._counts = {k: v for k, v in self._counts.items() if k[3] >= index - 1}
        return Decision(count <= limit, count, limit, retry_after)

    def count(self, bucket: str, ident: str, window_s: int = WINDOW_S) -> tuple[int, int]:
        """The current window's count, without counting."""
        index, retry_after = _window(time.time(), window_s)
        return self._counts.get((bucket, ident, window_s, index), 0), retry_after


class RedisLimiter:
    """A limiter shared by every API process through Redis; falls back to memory while Redis is down."""

    def __init__(self, client, prefix: str) -> None:
        self._client = client
        self._prefix = prefix
        self._fallback = MemoryLimiter()

    def hit(self, bucket: str, ident: str, limit: int, window_s: int = WINDOW_S) -> Decision:
        """INCR the window's counter (with an expiry) in one round trip."""
        import redis

        index, retry_after = _window(time.time(), window_s)
        key = f"{self._prefix}:rl:{bucket}:{ident}:{window_s}:{index}"
        try:
            pipe = self._client.pipeline(transaction=False)
            pipe.incr(key)
            pipe.expire(key, window_s + 5)
            count = int(pipe.execute()[0])
        except redis.RedisError as exc:
            # Limits keep working per process rather than failing every request while Redis is away.
            log.warning("rate limiter falling back to memory", extra={"error_type": type(exc).__name__})
            return self._fallback.hit(bucket, ident, limit, window_s)
        return Decision(count <= limit, count, limit, retry_after)

    def count(self, bucket: str, ident: str, window_s: int = WINDOW_S) -> tuple[int, int]:
        """GET the window's counter (0 while Redis is down: the per-process fallback counts then)."""
        import redis

        index, retry_after = _window(time.time(), window_s)
        try:
            raw = self._client.get(f"{self._prefix}:rl:{bucket}:{ident}:{window_s}:{index}")
        except redis.RedisError:
            return self._fallback.count(bucket, ident, window_s)
        return int(raw or 0), retry_after


def make_limiter(settings: Settings) -> Limiter:
    """A Redis limiter when REDIS_URL is set, else an in-memory one."""
    if not settings.redis_url:
        return MemoryLimiter()
    import redis

    client = redis.Redis.from_url(settings.redis_url, socket_timeout=1.0, socket_connect_timeout=1.0)
    return RedisLimiter(client, prefix=settings.queue_name)


def bucket_limits(settings: Settings) -> dict[str, int]:
    """Requests a minute per key for each bucket of routes."""
    return {
        "bulk": settings.bulk_rate_per_minute,
        "read": settings.read_rate_per_minute,
        "sync": settings.sync_rate_per_minute,
    }


def auth_failure_delay(failures: int, threshold: int) -> float:
    """Seconds to hold a failed-auth answer: nothing up to the threshold, then growing to a cap of 3 s."""
    if failures <= threshold:
        return 0.0
    return min(3.0, 0.25 * (failures - threshold))
