"""The JD signal cache: Redis with a TTL when configured, else the jd_signals table (never a no-op).

Cached signals quote the JD, so they are stored encrypted like every other text (ATS_ENCRYPTION_KEY; plaintext
entries written before the key was set still read).
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from datetime import timedelta

from redis import Redis
from redis.exceptions import RedisError
from sqlalchemy import Engine, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from core.config import Settings
from core.errors import ConfigError
from core.types import JDSignals, SignalsCache
from db.crypto import Cipher
from db.models import JdSignalsRow, utcnow
from observability import metrics

log = logging.getLogger(__name__)


def _load(cipher: Cipher, stored: str) -> JDSignals | None:
    """The cached signals; None (a miss) for an entry no configured key opens, e.g. after a key was retired."""
    try:
        return JDSignals.model_validate_json(cipher.decrypt(stored) or "")
    except (ConfigError, ValueError) as exc:
        log.warning("jd cache entry unreadable; treated as a miss", extra={"error_type": type(exc).__name__})
        return None


class RedisSignalsCache:
    """Signals in Redis under `<prefix>:jd:<sha256>` with a TTL; a Redis outage is a miss, not an error."""

    backend = "redis"

    def __init__(self, connection: Redis, *, ttl_s: int, prefix: str = "ats", cipher: Cipher | None = None) -> None:
        self._redis = connection
        self._ttl = ttl_s
        self._prefix = prefix
        self._cipher = cipher or Cipher(None)

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
        return _load(self._cipher, raw.decode("utf-8") if isinstance(raw, bytes) else raw) if raw else None

    def set(self, key: str, signals: JDSignals) -> None:
        """Store signals for the TTL."""
        try:
            self._redis.set(self._key(key), self._cipher.encrypt(signals.model_dump_json()), ex=self._ttl)
        except RedisError as exc:
            log.warning("jd cache unavailable", extra={"error": type(exc).__name__})


class DbSignalsCache:
    """Signals in the jd_signals table, expiring after the TTL (expired rows are replaced on the next set)."""

    backend = "db"

    def __init__(self, engine: Engine, *, ttl_s: int, cipher: Cipher | None = None) -> None:
        self._engine = engine
        self._ttl = timedelta(seconds=ttl_s)
        self._cipher = cipher or Cipher(None)

    def get(self, key: str) -> JDSignals | None:
        """The cached, unexpired signals, or None."""
        with Session(self._engine) as s:
            row = s.execute(
                select(JdSignalsRow.signals).where(JdSignalsRow.key == key, JdSignalsRow.expires_at > utcnow())
            ).first()
        metrics.JD_CACHE.labels(backend=self.backend, result="hit" if row else "miss").inc()
        return _load(self._cipher, row[0]) if row else None

    def set(self, key: str, signals: JDSignals) -> None:
        """Store (or replace) signals under key."""
        now = utcnow()
        stored = self._cipher.encrypt(signals.model_dump_json())
        values = {"key": key, "signals": stored, "created_at": now, "expires_at": now + self._ttl}
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


class LocalFront:
    """A small in-process memo in front of the shared cache: a worker seeing the same JD again skips the round trip
    and the JSON parse. Entries live at most `ttl_s` so an expired shared entry is not served for long."""

    def __init__(self, shared: RedisSignalsCache | DbSignalsCache, *, size: int = 256, ttl_s: float = 300.0) -> None:
        self.shared = shared
        self.backend = shared.backend
        self._size = size
        self._ttl = ttl_s
        self._data: OrderedDict[str, tuple[float, JDSignals]] = OrderedDict()

    def get(self, key: str) -> JDSignals | None:
        """The memoised signals, else the shared cache's (memoised on the way)."""
        found = self._data.get(key)
        if found is not None and time.monotonic() - found[0] < self._ttl:
            self._data.move_to_end(key)
            metrics.JD_CACHE.labels(backend=self.backend, result="hit").inc()
            return found[1]
        signals = self.shared.get(key)
        if signals is not None:
            self._remember(key, signals)
        return signals

    def set(self, key: str, signals: JDSignals) -> None:
        """Store in the shared cache and here."""
        self.shared.set(key, signals)
        self._remember(key, signals)

    def _remember(self, key: str, signals: JDSignals) -> None:
        self._data[key] = (time.monotonic(), signals)
        self._data.move_to_end(key)
        while len(self._data) > self._size:
            self._data.popitem(last=False)


def signals_cache_for(settings: Settings, engine: Engine, connection: Redis | None = None) -> SignalsCache:
    """Redis when REDIS_URL is set, else the database; either behind a small in-process memo."""
    shared: RedisSignalsCache | DbSignalsCache
    cipher = Cipher(settings.encryption_key)
    if settings.redis_url:
        conn = connection or Redis.from_url(settings.redis_url, socket_timeout=5, socket_connect_timeout=5)
        shared = RedisSignalsCache(conn, ttl_s=settings.jd_cache_ttl_s, prefix=settings.queue_name, cipher=cipher)
    else:
        shared = DbSignalsCache(engine, ttl_s=settings.jd_cache_ttl_s, cipher=cipher)
    return LocalFront(shared, ttl_s=min(300.0, settings.jd_cache_ttl_s))
