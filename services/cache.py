"""The JD signal cache: Redis with a TTL when configured, else the jd_signals table (never a no-op)."""

from __future__ import annotations

import logging
from datetime import timedelta

from redis import Redis
from redis.exceptions import RedisError
from sqlalchemy import Engine, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from core.config import Settings
from core.types import JDSignals, SignalsCache
from db.models import JdSignalsRow, utcnow
from observability import metrics

log = logging.getLogger(__name__)


class RedisSignalsCache:
    """Signals in Redis under `<prefix>:jd:<sha256>` with a TTL; a Redis outage is a miss, not an error."""

    backend = "redis"

    def __init__(self, connection: Redis, *, ttl_s: int, prefix: str = "ats") -> None:
        self._redis = connection
        self._ttl = ttl_s
        self._prefix = prefix

    def _key(self, key: str) -> str:
        return f"{self._prefix}:jd:{key}"

    def get(self, key: str) -> JDSignals | None:
        """The cached signals, or None."""
        try:
            raw = self._redis.get(self._key(key))
        except RedisError as exc:
            log.warning("jd cache unavailable", extra={"error": type(exc).__name__})
            raw = None
        metrics.JD_CACHE.labels(backend=self.backend, result="hit" if raw else "miss").inc()
        return JDSignals.model_validate_json(raw) if raw else None

    def set(self, key: str, signals: JDSignals) -> None:
        """Store signals for the TTL."""
        try:
            self._redis.set(self._key(key), signals.model_dump_json(), ex=self._ttl)
        except RedisError as exc:
            log.warning("jd cache unavailable", extra={"error": type(exc).__name__})


class DbSignalsCache:
    """Signals in the jd_signals table, expiring after the TTL (expired rows are replaced on the next set)."""

    backend = "db"

    def __init__(self, engine: Engine, *, ttl_s: int) -> None:
        self._engine = engine
        self._ttl = timedelta(seconds=ttl_s)

    def get(self, key: str) -> JDSignals | None:
        """The cached, unexpired signals, or None."""
        with Session(self._engine) as s:
            row = s.execute(
                select(JdSignalsRow.signals).where(JdSignalsRow.key == key, JdSignalsRow.expires_at > utcnow())
            ).first()
        metrics.JD_CACHE.labels(backend=self.backend, result="hit" if row else "miss").inc()
        return JDSignals.model_validate_json(row[0]) if row else None

    def set(self, key: str, signals: JDSignals) -> None:
        """Store (or replace) signals under key."""
        now = utcnow()
        values = {"key": key, "signals": signals.model_dump_json(), "created_at": now, "expires_at": now + self._ttl}
        dialect = postgresql if self._engine.dialect.name == "postgresql" else sqlite
        stmt = dialect.insert(JdSignalsRow).values(**values)
        stmt = stmt.on_conflict_do_update(
            index_elements=["key"], set_={"signals": stmt.excluded.signals, "expires_at": stmt.excluded.expires_at}
        )
        with Session(self._engine) as s, s.begin():
            s.execute(stmt)

    def purge_expired(self) -> int:
        """Delete expired rows; returns how many."""
        with Session(self._engine) as s, s.begin():
            return s.execute(delete(JdSignalsRow).where(JdSignalsRow.expires_at <= utcnow())).rowcount or 0


def signals_cache_for(settings: Settings, engine: Engine, connection: Redis | None = None) -> SignalsCache:
    """Redis when REDIS_URL is set, else the database."""
    if settings.redis_url:
        conn = connection or Redis.from_url(settings.redis_url, socket_timeout=5, socket_connect_timeout=5)
        return RedisSignalsCache(conn, ttl_s=settings.jd_cache_ttl_s, prefix=settings.queue_name)
    return DbSignalsCache(engine, ttl_s=settings.jd_cache_ttl_s)
