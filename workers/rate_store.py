"""Where the shared rate-limit schedule lives: Redis with REDIS_URL, else the database (embedded mode).

Each store only makes core.llm.ratelimit's pure change atomic and supplies one clock for every worker (Redis
TIME, the database's clock), so workers on different machines agree on when a slot starts.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import TypeVar

import redis
from sqlalchemy import Engine, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from core.config import Settings
from core.llm.ratelimit import LimiterState, MemoryRateStore, RateStore
from db.models import RateLimitRow

log = logging.getLogger(__name__)
T = TypeVar("T")

STATE_TTL_S = 24 * 3600
"""A schedule left alone for a day is dropped (Redis TTL); a retired model leaves nothing behind."""

Change = Callable[[LimiterState, float], tuple[LimiterState, T]]


class RedisRateStore:
    """One Redis hash per key, changed under WATCH/MULTI on Redis's own clock.

    If Redis is unreachable the change is applied to an in-process schedule instead (logged): each worker then
    keeps the limit on its own, which is safe for one worker and errs towards 429s (retried) for several.
    """

    def __init__(self, connection: redis.Redis, *, prefix: str = "ats") -> None:
        self.connection = connection
        self.prefix = prefix
        self._fallback = MemoryRateStore()

    def update(self, key: str, change: Change[T]) -> T:
        """Read, change and write key's schedule atomically (retried when another worker changed it meanwhile)."""
        rkey = f"{self.prefix}:ratelimit:{key}"
        try:
            with self.connection.pipeline() as pipe:
                while True:
                    try:
                        pipe.watch(rkey)
                        raw = pipe.hgetall(rkey)
                        seconds, micros = pipe.time()
                        new, out = change(LimiterState.from_dict(raw), seconds + micros / 1e6)
                        pipe.multi()
                        pipe.hset(rkey, mapping=new.to_dict())
                        pipe.expire(rkey, STATE_TTL_S)
                        pipe.execute()
                        return out
                    except redis.WatchError:
                        continue
        except redis.RedisError as exc:
            log.warning("rate-limit store unavailable; pacing this process alone", extra={"error": type(exc).__name__})
            return self._fallback.update(key, change)


class DbRateStore:
    """One `rate_limits` row per key, changed in a transaction that holds it (embedded mode).

    The transaction starts with a write (insert the row if missing), so SQLite takes its one write lock before
    reading and PostgreSQL's SELECT … FOR UPDATE locks the row; PostgreSQL's clock is the shared one, SQLite's
    workers share one machine's.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._fallback = MemoryRateStore()

    def update(self, key: str, change: Change[T]) -> T:
        """Read, change and write key's schedule in one transaction."""
        try:
            return self._update(key, change)
        except SQLAlchemyError as exc:
            log.warning("rate-limit store unavailable; pacing this process alone", extra={"error": type(exc).__name__})
            return self._fallback.update(key, change)

    def _update(self, key: str, change: Change[T]) -> T:
        on_pg = self.engine.dialect.name == "postgresql"
        dialect = postgresql if on_pg else sqlite
        with self.engine.begin() as conn:
            conn.execute(dialect.insert(RateLimitRow).values(key=key, state="{}").on_conflict_do_nothing())
            query = select(RateLimitRow.state).where(RateLimitRow.key == key)
            raw = conn.scalar(query.with_for_update() if on_pg else query)
            now = float(conn.scalar(text("SELECT extract(epoch FROM clock_timestamp())"))) if on_pg else time.time()
            new, out = change(LimiterState.from_dict(json.loads(raw or "{}")), now)
            conn.execute(update(RateLimitRow).where(RateLimitRow.key == key).values(state=json.dumps(new.to_dict())))
            return out


def rate_store_for(settings: Settings, engine: Engine) -> RateStore:
    """The store every worker shares: Redis when configured, else the database."""
    if settings.redis_url:
        return RedisRateStore(redis.Redis.from_url(settings.redis_url, socket_timeout=2.0), prefix=settings.queue_name)
    return DbRateStore(engine)
